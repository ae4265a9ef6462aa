// The baseline of the file-scan benchmark, run as a process of its own (bench-file.ts starts it):
// ExcelJS's streaming reader over every sheet of a .xlsx, shared strings and styles cached, reading
// each cell's value once. Its fastest way that still visits every value: the reader's own events
// (no async iteration per row), hyperlinks and entries not asked for.
import ExcelJS from "exceljs";

/** The reader and its sheets are event emitters at run time; ExcelJS's typings leave that out. */
interface Emitter {
  on(event: string, listener: (value: never) => void): void;
}

export async function streamRead(file: string): Promise<{ cells: number; numbers: number }> {
  let cells = 0;
  let numbers = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const events = reader as unknown as Emitter;
  await new Promise<void>((resolve, reject) => {
    events.on("worksheet", (ws: Emitter) =>
      ws.on("row", (row: ExcelJS.Row) =>
        row.eachCell((cell) => {
          cells++;
          if (typeof cell.value === "number") numbers++;
        }),
      ),
    );
    events.on("end", () => resolve());
    events.on("error", reject);
    void reader.read();
  });
  return { cells, numbers };
}

// `node build/scripts/bench-stream-read.js <file.xlsx>`: prints the cells read.
if (require.main === module) {
  streamRead(process.argv[2]).then(
    (counts) => console.log(JSON.stringify(counts)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
