// What a workbook states by formatting alone reaches the scan: a RAG shown only as a cell's fill, arrows
// typed as letters in Wingdings 3, ticks coloured by their font. Read in the same syncs as the values.
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/host";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { setRequirementChecker } from "../../src/excel/requirements";
import { SheetGrid } from "../../src/core/recognise/grid";

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

async function styledXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPIs");
  ws.addRow(["Ref", "Measure", "Latest", "Target", "RAG", "Trend", "Met?"]);
  ws.addRow(["K1", "Repairs done in time", 0.91, 0.9, "", "h", "✓"]);
  ws.addRow(["K2", "Days to relet", 31, 28, "", "i", "✗"]);
  ws.addRow(["K3", "Rent collected", 0.97, 0.98, "", "h", "✓"]);
  ws.getCell("E2").fill = solid("FF00B050"); // green, no text
  ws.getCell("E3").fill = { type: "pattern", pattern: "solid", fgColor: { indexed: 10 } } as ExcelJS.Fill; // legacy palette red
  ws.getCell("E4").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 7 } } as ExcelJS.Fill; // theme amber (FFC000)
  for (const a of ["F2", "F3", "F4"]) ws.getCell(a).font = { name: "Wingdings 3" };
  ws.getCell("G2").font = { name: "Calibri", color: { argb: "FF00B050" } };
  ws.getCell("G3").font = { name: "Calibri", color: { argb: "FFFF0000" } };
  ws.getCell("G4").font = { name: "Calibri", color: { argb: "FF00B050" } };
  ws.getCell("A1").fill = solid("FFFFFFFF"); // a white fill looks like none
  const other = wb.addWorksheet("Plain");
  other.getCell("B2").value = "only text";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readWorkbook: cell fill and font", () => {
  it("gives each cell's fill, font and font colour, in the same three syncs as the values (sheets, sizes, cells)", async () => {
    const host = await openWorkbook(await styledXlsx());
    const snap = await host.run((context) => readWorkbook(context));
    expect(host.stats.syncs).toBe(3);
    const g = new SheetGrid(snap.sheets[0]);
    expect([g.fill(1, 4), g.fill(2, 4), g.fill(3, 4)]).toEqual(["00B050", "FF0000", "FFC000"]);
    expect(g.text(1, 4)).toBe("");
    expect(g.fill(1, 0)).toBeNull();
    expect(g.fill(0, 0)).toBeNull();
    expect([g.fontName(1, 5), g.fontName(2, 5), g.fontName(1, 1)]).toEqual(["Wingdings 3", "Wingdings 3", "Calibri"]);
    expect([g.fontColor(1, 6), g.fontColor(2, 6), g.fontColor(1, 1)]).toEqual(["00B050", "FF0000", "000000"]);
    expect(snap.sheets[0].font).toEqual({ name: "Calibri", color: "000000" });
    // Cells outside what was read have no known font.
    expect(g.fontName(500, 20)).toBeNull();
    // Only cells that differ from the sheet's font, or are filled, are stored.
    const stored = snap.sheets[0].blocks.flatMap((b) => b.styles ?? []);
    expect(stored).toHaveLength(3 + 3 + 3);
  });

  it("reads the same fills and fonts when the sheet must be read in blocks", async () => {
    const bytes = await styledXlsx();
    const whole = await (await openWorkbook(bytes)).run((context) => readWorkbook(context));
    // A payload limit too small for the whole read forces the block reader: cells, then the rows whose formats differ cell by cell.
    // (Big enough for the request of the first sync, with office.js's envelope counted.)
    const host = await openWorkbook(bytes, { payloadLimitBytes: 4_000 });
    const parts = await host.run((context) => readWorkbook(context));
    expect(host.stats.syncs).toBeGreaterThan(3);
    expect(parts.sheets).toEqual(whole.sheets);
  });

  it("reads no formats where ExcelApi 1.9 is missing, and says nothing about them", async () => {
    const host = await openWorkbook(await styledXlsx(), { unsupportedRequirementSets: ["ExcelApi 1.9"] });
    setRequirementChecker((n, v) => host.isSetSupported(n, v));
    try {
      const snap = await host.run((context) => readWorkbook(context));
      const g = new SheetGrid(snap.sheets[0]);
      expect(g.text(1, 1)).toBe("Repairs done in time");
      expect([g.fill(1, 4), g.fontName(1, 5), g.fontColor(1, 6)]).toEqual([null, null, null]);
    } finally {
      setRequirementChecker(null);
    }
  });
});
