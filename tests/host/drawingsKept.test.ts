import ExcelJS from "exceljs";
import JSZip from "jszip";
import { newWorkbook, openWorkbook } from "../../src/host";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";

// A 1x1 transparent PNG.
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="), (c) => c.charCodeAt(0));

describe("what the host does not model is kept", () => {
  it("a user's chart on a source sheet survives reopening and saving with a new sheet added", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B3").values = [["Month", "Calls"], ["Apr", 10], ["May", 12]];
      ws.charts.add("Line", ws.getRange("A1:B3"), "Columns").title.text = "Calls";
      await context.sync();
    });
    const reopened = await openWorkbook(await wb.save());
    await reopened.run(async (context) => {
      const sc = context.workbook.worksheets.add("Scorecard");
      sc.getRange("A1:B2").values = [["G", 1], ["H", 2]];
      sc.charts.add("ColumnClustered", sc.getRange("A1:B2"), "Columns").title.text = "New";
      await context.sync();
    });
    const charts = await readChartsFromXlsx(await reopened.save());
    expect(charts.map((c) => [c.sheetName, c.title])).toEqual(expect.arrayContaining([["Sheet1", "Calls"], ["Scorecard", "New"]]));
    expect(charts).toHaveLength(2);
  });

  it("pictures and cell notes on a source sheet are kept", async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet("Report");
    ws.getCell("A1").value = "Logo above";
    ws.getCell("B2").value = 5;
    ws.getCell("B2").note = "Provisional figure";
    const id = src.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(id, { tl: { col: 3, row: 1 }, ext: { width: 20, height: 20 } });
    const wb = await openWorkbook(new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer));
    const out = await wb.save();
    const zip = await JSZip.loadAsync(out);
    const media = Object.keys(zip.files).filter((p) => p.startsWith("xl/media/") && !zip.files[p].dir);
    expect(media).toHaveLength(1);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/>/);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(out as unknown as ArrayBuffer);
    expect(again.getWorksheet("Report")!.getImages()).toHaveLength(1);
    expect(JSON.stringify(again.getWorksheet("Report")!.getCell("B2").note)).toContain("Provisional figure");
  });

  it("data validation lists, row heights and column widths on a source sheet are kept", async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet("Input");
    ws.getCell("A1").value = "Status";
    ws.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Open,Closed"'] };
    ws.getRow(1).height = 30;
    ws.getColumn(1).width = 25;
    const wb = await openWorkbook(new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer));
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    const input = again.getWorksheet("Input")!;
    expect(input.getCell("A2").dataValidation).toMatchObject({ type: "list", formulae: ['"Open,Closed"'] });
    expect(input.getRow(1).height).toBe(30);
    expect(Math.abs((input.getColumn(1).width ?? 0) - 25)).toBeLessThan(0.2);
  });
});
