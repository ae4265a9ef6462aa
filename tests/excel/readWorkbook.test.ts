import ExcelJS from "exceljs";
import { newWorkbook, openWorkbook } from "../../src/host";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { setRequirementChecker } from "../../src/excel/requirements";
import { SETTINGS_KEY } from "../../src/core/settings";
import { SheetGrid, type GridCell } from "../../src/core/recognise/grid";

/** The first `cols` cells of a row, as the scan sees them. */
function row(g: SheetGrid, r: number, cols: number): GridCell[] {
  return Array.from({ length: cols }, (_, c) => g.raw(r, c));
}

async function sampleXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPI report");
  ws.getCell("A1").value = "Performance report";
  ws.mergeCells("A1:D1");
  ws.addTable({
    name: "Kpis", ref: "A3", headerRow: true,
    columns: [{ name: "Ref" }, { name: "Measure" }, { name: "Target" }, { name: "Actual" }],
    rows: [["PI 1", "Rate", 0.5, 0.45], ["PI 2", "Count", 10, 12]],
  });
  ws.getCell("C4").numFmt = "0%";
  ws.getCell("D4").numFmt = "0.0%";
  ws.getCell("D6").value = { formula: "D5*2", result: 24 } as ExcelJS.CellFormulaValue;
  ws.getCell("C6").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  const hidden = wb.addWorksheet("Lookups", { state: "hidden" });
  hidden.getCell("B2").value = "x";
  const locked = wb.addWorksheet("Locked");
  locked.getCell("A1").value = 7;
  await locked.protect("", {});
  wb.addWorksheet("Empty");
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

afterEach(() => setRequirementChecker(null));

describe("readWorkbook", () => {
  it("returns values, text, formats, merges, tables, visibility and protection in three syncs: sheets, sizes, cells", async () => {
    const host = await openWorkbook(await sampleXlsx());
    await host.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, { amberBand: 0.05 });
      await context.sync();
    });
    host.resetStats();
    setRequirementChecker((n, v) => host.isSetSupported(n, v));
    const snap = await host.run((context) => readWorkbook(context));
    expect(host.stats.syncs).toBe(3);

    expect(snap.settings[SETTINGS_KEY]).toEqual({ amberBand: 0.05 });
    expect(snap.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["KPI report", "Visible", false], ["Lookups", "Hidden", false], ["Locked", "Visible", true], ["Empty", "Visible", false],
    ]);
    const kpi = snap.sheets[0];
    const g = new SheetGrid(kpi);
    expect([g.firstRow, g.firstCol, g.lastRow, g.lastCol]).toEqual([0, 0, 5, 3]);
    expect(g.raw(0, 0).value).toBe("Performance report");
    expect(row(g, 3, 4).map((c) => c.value)).toEqual(["PI 1", "Rate", 0.5, 0.45]);
    expect(row(g, 3, 4).map((c) => c.text)).toEqual(["PI 1", "Rate", "50%", "45.0%"]);
    expect(g.raw(3, 2).numberFormat).toBe("0%");
    expect(g.raw(5, 3).value).toBe(24);
    expect(g.raw(5, 2).value).toBe("#N/A");
    expect(g.raw(5, 2).valueType).toBe("Error");
    expect(g.raw(3, 2).valueType).toBe("Double");
    expect(g.raw(1, 0).valueType).toBe("Empty");
    expect(kpi.merges).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 4 }]);
    expect(kpi.tables).toEqual([{ name: "Kpis", rect: { row: 2, col: 0, rowCount: 3, colCount: 4 }, showHeaders: true }]);
    expect(snap.sheets[1].blocks.map((b) => [b.row, b.col, b.values])).toEqual([[1, 1, [["x"]]]]);
    expect(snap.sheets[3].blocks).toEqual([]);
  });

  it("leaves merges out where ExcelApi 1.13 is not supported, still in three syncs", async () => {
    const host = await openWorkbook(await sampleXlsx(), { unsupportedRequirementSets: ["ExcelApi 1.13"] });
    setRequirementChecker((n, v) => host.isSetSupported(n, v));
    const snap = await host.run((context) => readWorkbook(context));
    expect(host.stats.syncs).toBe(3);
    expect(snap.sheets[0].merges).toEqual([]);
    expect(new SheetGrid(snap.sheets[0]).raw(3, 0).value).toBe("PI 1");
  });

  it("reads a large sheet in row blocks on every host, sizes first: each response bounded, with identical content", async () => {
    const rows = 60_000, cols = 20;
    const cell = (r: number, c: number): string | number => (c === 0 ? `KPI ${r}` : r * 100 + c + 0.25);
    const host = newWorkbook();
    // Write in batches under the 5 MB request limit.
    for (let start = 0; start < rows; start += 5_000) {
      await host.run(async (context) => {
        const block = Array.from({ length: 5_000 }, (_, i) => Array.from({ length: cols }, (_, c) => cell(start + i, c)));
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(start, 0, 5_000, cols).values = block;
        await context.sync();
      });
    }
    await host.run(async (context) => {
      context.workbook.worksheets.add("Small").getRange("A1:B2").values = [["a", 1], ["b", 2]];
      await context.sync();
    });
    host.resetStats();
    const snap = await host.run((context) => readWorkbook(context));

    const big = snap.sheets[0];
    expect(big.readProblem).toBeUndefined();
    const g = new SheetGrid(big);
    expect([g.firstRow, g.lastRow, g.firstCol, g.lastCol]).toEqual([0, rows - 1, 0, cols - 1]);
    for (const r of [0, 1, 4_999, 30_001, rows - 1]) {
      expect(row(g, r, cols).map((c) => c.value)).toEqual(Array.from({ length: cols }, (_, c) => cell(r, c)));
    }
    expect(g.raw(rows - 1, 0).text).toBe(`KPI ${rows - 1}`);
    expect(snap.sheets[1].blocks.map((b) => b.values)).toEqual([[["a", 1], ["b", 2]]]);

    const log = host.stats.log;
    // Sync 1 (sheets), sync 2 (sizes: no cells, so no response of 60,000 rows, on a host with no payload limit
    // either), then the blocks, each bounded by the reader's own budget, far under Excel on the web's 5 MB.
    expect(log[1].responseBytes).toBeLessThan(10_000);
    const blocks = log.slice(2);
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    expect(blocks.length).toBeLessThanOrEqual(40);
    for (const b of blocks) expect(b.responseBytes).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    expect(log.every((l) => l.failedAt === undefined)).toBe(true);
    expect(host.stats.syncs).toBe(2 + blocks.length);
  }, 120_000);

  it("halves the block and retries when a block is still over a small payload limit", async () => {
    const rows = 3_000, cols = 20;
    const host = newWorkbook({ payloadLimitBytes: 200_000 });
    for (let start = 0; start < rows; start += 100) {
      await host.run(async (context) => {
        const block = Array.from({ length: 100 }, (_, i) => Array.from({ length: cols }, (_, c) => (start + i) * cols + c));
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(start, 0, 100, cols).values = block;
        await context.sync();
      });
    }
    host.resetStats();
    const progress: [number, number][] = [];
    const snap = await host.run((context) => readWorkbook(context, { onProgress: (read, total) => progress.push([read, total]) }));
    const g = new SheetGrid(snap.sheets[0]);
    expect(g.lastRow).toBe(rows - 1);
    // Progress after each block, counting up to every cell of the sheet.
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every(([read], i) => i === 0 || read >= progress[i - 1][0])).toBe(true);
    expect(progress[progress.length - 1]).toEqual([rows * cols, rows * cols]);
    expect(g.raw(rows - 1, cols - 1).value).toBe(rows * cols - 1);
    expect(g.raw(1234, 5).value).toBe(1234 * cols + 5);
    const failed = host.stats.log.filter((l) => l.responseBytes > 200_000);
    // A first block sized for the reader's own budget fails on this small limit before the blocks shrink.
    expect(failed.length).toBeGreaterThanOrEqual(1);
    // Once a block has gone through, the blocks after it are sized not to fail again.
    const blocks = host.stats.log.slice(2);
    const firstOk = blocks.findIndex((l) => l.responseBytes <= 200_000);
    expect(firstOk).toBeGreaterThanOrEqual(0);
    expect(blocks.slice(firstOk).every((l) => l.responseBytes <= 200_000)).toBe(true);
    // 3,000 rows x 20 numbers at ~35 bytes a cell is ~2.1 MB: about 16 blocks of ~136 KB.
    expect(blocks.length - firstOk).toBeLessThanOrEqual(20);
  }, 60_000);
});

describe("readWorkbook: a sheet as the blocks that hold something", () => {
  it("cuts the used range into regions at 3 or more empty rows or columns, in reading order", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Report");
    ws.getCell("A1").value = "Board report"; // a title one blank row above its table stays with it
    ws.getCell("A3").value = "Ref";
    ws.getCell("B3").value = "Latest";
    ws.getCell("A4").value = "K1";
    ws.getCell("B4").value = 0.5;
    ws.getCell("H3").value = "Notes"; // 5 empty columns away: a table of its own
    ws.getCell("H4").value = "on track";
    ws.getCell("A10").value = "Ref"; // 5 empty rows below
    ws.getCell("B10").value = "Target";
    ws.getCell("B11").value = 7;
    ws.getCell("C11").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } }; // a fill with no text is kept (a stated RAG)
    const host = await openWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const snap = await host.run((context) => readWorkbook(context));
    const g = new SheetGrid(snap.sheets[0]);
    expect(g.regions()).toEqual([
      { firstRow: 0, lastRow: 3, firstCol: 0, lastCol: 1 },
      { firstRow: 2, lastRow: 3, firstCol: 7, lastCol: 7 },
      { firstRow: 9, lastRow: 10, firstCol: 0, lastCol: 2 },
    ]);
    expect(g.fill(10, 2)).toBe("FF0000");
    // Outside the regions every cell reads as empty, and rows and columns still read across regions.
    expect(g.raw(6, 4)).toMatchObject({ text: "", value: "", valueType: "Empty" });
    expect(g.filledCols(2)).toEqual([0, 1, 7]);
    expect(g.isBlankRow(5)).toBe(true);
    expect([g.firstRow, g.lastRow, g.firstCol, g.lastCol]).toEqual([0, 10, 0, 7]);
  });
});
