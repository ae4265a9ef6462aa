// Big and odd workbooks through readWorkbook on the host, which answers as Excel does: a stray value in
// XFD1048576, reads past the cell limit (refused, or null), more than 512 merged areas, 200,000 rows.
import ExcelJS from "exceljs";
import { newWorkbook, openWorkbook, type HeadlessWorkbook, type HostOptions } from "../../src/host";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { scanSnapshot } from "../../src/core/scan";
import { resolveSettings } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/recognise/grid";
import type { WorkbookSnapshot } from "../../src/core/snapshot";

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A 20-row KPI table under a heading row at A1, as a board report keeps it. */
function kpiTable(ws: ExcelJS.Worksheet): void {
  ws.addRow(["Ref", "Measure", "Target", "Previous", "Latest"]);
  for (let i = 1; i <= 20; i++) ws.addRow([`KPI ${i}`, `% of plans issued within 20 weeks (area ${i})`, 0.6, 0.5 + i / 100, 0.52 + i / 100]);
}

const farBytes = () => xlsx((wb) => {
  const ws = wb.addWorksheet("KPIs");
  kpiTable(ws);
  ws.getCell("XFD1048576").value = "x";
});

async function timedRead(host: HeadlessWorkbook): Promise<{ snap: WorkbookSnapshot; ms: number; heapMb: number }> {
  host.resetStats();
  const heap = process.memoryUsage().heapUsed;
  const t0 = Date.now();
  const snap = await host.run((context) => readWorkbook(context));
  return { snap, ms: Date.now() - t0, heapMb: (process.memoryUsage().heapUsed - heap) / 2 ** 20 };
}

const scan = (snap: WorkbookSnapshot) => scanSnapshot(snap, { workbookName: "w.xlsx", settings: resolveSettings({}, { asOf: "2024-02-29" }), today: "2024-02-29" });

describe("readWorkbook on a sheet whose used range is the whole grid (one value in XFD1048576)", () => {
  it("reads only the table and the stray cell, in 5 syncs, never asking for the whole used range", async () => {
    const host = await openWorkbook(await farBytes());
    const { snap, ms, heapMb } = await timedRead(host);
    const g = new SheetGrid(snap.sheets[0]);
    expect(g.regions()).toEqual([
      { firstRow: 0, lastRow: 20, firstCol: 0, lastCol: 4 },
      { firstRow: 1048575, lastRow: 1048575, firstCol: 16383, lastCol: 16383 },
    ]);
    expect(g.raw(20, 1).value).toBe("% of plans issued within 20 weeks (area 20)");
    expect(g.raw(1048575, 16383).value).toBe("x");
    expect(snap.sheets[0].readProblem).toBeUndefined();
    // Sheets; sizes and merges; where the values are (counts, then areas); the two blocks.
    expect(host.stats.syncs).toBe(5);
    expect(host.stats.log[1].responseBytes).toBeLessThan(1_000); // sizes, not cells
    const bytes = host.stats.log.reduce((n, l) => n + l.responseBytes, 0);
    expect(bytes).toBeLessThan(30_000);
    expect(ms).toBeLessThan(2_000);
    expect(heapMb).toBeLessThan(300);
  });

  it("and the scan finds the 20 KPIs, walking the occupied regions rather than 17 billion cells", async () => {
    const host = await openWorkbook(await farBytes());
    const { snap } = await timedRead(host);
    const result = scan(snap);
    expect(result.tables.map((t) => [t.range, t.kpis.length])).toEqual([["A1:E21", 20]]);
  });

  it("reads the same whether Excel would refuse a read past its cell limit or answer it with null values: it never asks", async () => {
    const refused = await (await openWorkbook(await farBytes())).run((context) => readWorkbook(context));
    const host = await openWorkbook(await farBytes(), { overCellLimit: "null" });
    const { snap } = await timedRead(host);
    expect(snap).toEqual(refused);
    expect(host.stats.syncs).toBe(5);
  });
});

describe("readWorkbook past the cell limit of one read", () => {
  const limited = async (options: HostOptions) => {
    const bytes = await xlsx((wb) => {
      kpiTable(wb.addWorksheet("KPIs"));
      wb.addWorksheet("Small").addRow(["a", 1]);
    });
    const expected = await (await openWorkbook(bytes)).run((context) => readWorkbook(context));
    const host = await openWorkbook(bytes, options);
    const { snap } = await timedRead(host);
    return { expected, snap, host };
  };

  it("falls back to blocks when a used range is refused with RangeExceedsLimit, and reads the same cells", async () => {
    // 21 rows x 5 columns = 105 cells, over a 40-cell limit: the whole read and the first blocks are refused.
    const { expected, snap, host } = await limited({ cellReadLimit: 40 });
    expect(snap).toEqual(expected);
    expect(host.stats.syncs).toBeGreaterThan(3);
  });

  it("falls back to blocks when the used range comes back as null values, and reads the same cells", async () => {
    const { expected, snap } = await limited({ cellReadLimit: 40, overCellLimit: "null" });
    expect(snap).toEqual(expected);
  });
});

describe("readWorkbook with more than 512 merged areas on a sheet", () => {
  it("reads that sheet without merges and says so; the other sheets keep theirs", async () => {
    const bytes = await xlsx((wb) => {
      const many = wb.addWorksheet("Register");
      for (let r = 1; r <= 600; r++) {
        many.getCell(`A${r}`).value = `Item ${r}`;
        many.mergeCells(`A${r}:B${r}`);
      }
      const ws = wb.addWorksheet("KPIs");
      ws.getCell("A1").value = "Performance report";
      ws.mergeCells("A1:E1");
      ws.addRow([]);
      ws.addRow(["Ref", "Measure", "Target", "Previous", "Latest"]);
      ws.addRow(["K1", "% of plans issued within 20 weeks", 0.6, 0.5, 0.55]);
      ws.addRow(["K2", "% of reviews completed in time", 0.9, 0.8, 0.85]);
    });
    const host = await openWorkbook(bytes);
    const { snap } = await timedRead(host);
    const [register, kpis] = snap.sheets;
    expect(register.merges).toEqual([]);
    expect(register.readNotes).toEqual([expect.stringMatching(/merged cells could not be read .* 512/)]);
    expect(new SheetGrid(register).raw(599, 0).value).toBe("Item 600");
    expect(kpis.merges).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 5 }]);
    expect(kpis.readNotes).toBeUndefined();
    // Sheets; everything with merges (fails); sizes without merges; the cells; merges of each sheet apart.
    expect(host.stats.syncs).toBe(6);
    const result = scan(snap);
    expect(result.findings).toContainEqual(expect.objectContaining({ code: "sheet-read-partly", sheet: "Register", severity: "warning" }));
    expect(result.tables.map((t) => [t.sheet, t.kpis.length])).toEqual([["KPIs", 2]]);
  });
});

describe("readWorkbook and the scan on a 200,000-row sheet", () => {
  it("read and scan it without running out of stack (no argument spreading over rows)", async () => {
    const rows = 200_000;
    const host = newWorkbook();
    for (let start = 0; start < rows; start += 100_000) {
      await host.run(async (context) => {
        const block = Array.from({ length: 100_000 }, (_, i) => [start + i]);
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(start, 0, 100_000, 1).values = block;
        await context.sync();
      });
    }
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.add("KPIs");
      ws.getRange("A1:C3").values = [["Measure", "Target", "Latest"], ["% of plans issued within 20 weeks", 0.6, 0.55], ["% of reviews completed in time", 0.9, 0.85]];
      await context.sync();
    });
    const { snap } = await timedRead(host);
    const g = new SheetGrid(snap.sheets[0]);
    expect([g.firstRow, g.lastRow, g.firstCol, g.lastCol]).toEqual([0, rows - 1, 0, 0]);
    expect(g.raw(rows - 1, 0).value).toBe(rows - 1);
    const result = scan(snap);
    expect(result.tables.map((t) => [t.sheet, t.kpis.length])).toEqual([["KPIs", 2]]);
  }, 60_000);
});
