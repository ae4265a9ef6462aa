// A workbook on the 1904 date system (made on a Mac) reads as Excel displays it: a date cell's value
// reaches the core as the 1900-system serial of the date shown, so its period is the month shown —
// through the command line's file reader and through readWorkbook on the host alike.
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { parsePeriodCell } from "../../src/core/periods/period-cell";
import { readSnapshotFromFile } from "../../src/cli/fileSnapshot";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { openWorkbook } from "../../src/host";

/** April 2024 typed as a date in a 1904 workbook (ExcelJS writes its 1904 serial), with a time beside it. */
async function macWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("KPIs");
  ws.getCell("A1").value = "Month";
  ws.getCell("B1").value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell("B1").numFmt = "mmm yyyy";
  ws.getCell("C1").value = 0.5; // 12:00, a time of day: not a date, never moved
  ws.getCell("C1").numFmt = "hh:mm";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function firstRow(snapshot: WorkbookSnapshot) {
  const b = snapshot.sheets[0].blocks[0];
  return { values: b.values[0], text: b.text[0], numberFormats: b.numberFormats[0] };
}

describe("a 1904-system workbook", () => {
  it.each([
    ["the command line's file reader", async (bytes: Uint8Array) => readSnapshotFromFile(bytes)],
    ["readWorkbook on the host", async (bytes: Uint8Array) => (await openWorkbook(bytes)).run((ctx) => readWorkbook(ctx))],
  ])("through %s: the date's period is the month Excel shows", async (_name, read) => {
    const row = firstRow(await read(await macWorkbook()));
    expect(row.text).toEqual(["Month", "Apr 2024", "12:00"]);
    // 45383 is 2024-04-01 in the 1900 system; the file holds 45383 - 1462.
    expect(row.values).toEqual(["Month", 45383, 0.5]);
    expect(parsePeriodCell({ text: row.text[1], value: row.values[1], numberFormat: row.numberFormats[1] })).toMatchObject({ kind: "month", start: "2024-04-01", end: "2024-04-30" });
  });
});
