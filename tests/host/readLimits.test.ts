// The headless host answers big and odd reads as Excel does, so src/excel's fallbacks are exercised:
// RangeExceedsLimit (or null) past 5,000,000 cells, getMergedAreasOrNullObject failing past 512 areas,
// getCellProperties / getRowProperties over a real file's styles, getSpecialCells over sparse sheets.
import ExcelJS from "exceljs";
import { newWorkbook, openWorkbook } from "../../src/host";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("headless host: reads past Excel's limits", () => {
  it("fails a read of more than 5,000,000 cells with RangeExceedsLimit, in Excel's words, without building it", async () => {
    const wb = newWorkbook();
    let message = "";
    const code = await codeOf(wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:XFD1048576");
      r.load("values");
      await context.sync().catch((e: Error) => {
        message = e.message;
        throw e;
      });
    }));
    expect(code).toBe("RangeExceedsLimit");
    expect(message).toBe("The cell count in the range has exceeded the maximum supported number.");
  });

  it("returns null values instead, when told to answer as Excel sometimes does", async () => {
    const wb = newWorkbook({ overCellLimit: "null" });
    const got = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["x"]];
      const big = ws.getRange("A1:E1000001");
      big.load("values, text, rowCount");
      const props = big.getCellProperties({ format: { fill: { color: true } } });
      await context.sync();
      return { values: big.values, text: big.text, rows: big.rowCount, props: props.value };
    });
    expect(got).toEqual({ values: null, text: null, rows: 1000001, props: null });
  });

  it("fails getMergedAreasOrNullObject on a range with more than 512 merged areas, and not with 512", async () => {
    const bytes = await xlsx((wb) => {
      const many = wb.addWorksheet("Many");
      for (let r = 1; r <= 513; r++) many.mergeCells(`A${r}:B${r}`);
      const enough = wb.addWorksheet("Enough");
      for (let r = 1; r <= 512; r++) enough.mergeCells(`A${r}:B${r}`);
    });
    const wb = await openWorkbook(bytes);
    const count = async (sheet: string) => wb.run(async (context) => {
      const areas = context.workbook.worksheets.getItem(sheet).getRange("A1:C600").getMergedAreasOrNullObject();
      areas.load("areaCount");
      await context.sync();
      return areas.areaCount;
    });
    expect(await codeOf(count("Many"))).toBe("GeneralException");
    expect(await count("Enough")).toBe(512);
    // The same range cut in two reads each half.
    const halves = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Many");
      const top = ws.getRange("A1:C300").getMergedAreasOrNullObject();
      const bottom = ws.getRange("A301:C600").getMergedAreasOrNullObject();
      top.load("areaCount");
      bottom.load("areaCount");
      await context.sync();
      return [top.areaCount, bottom.areaCount];
    });
    expect(halves).toEqual([300, 213]);
  });
});

describe("headless host: getCellProperties and getRowProperties", () => {
  const styled = () => xlsx((wb) => {
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "up";
    ws.getCell("A1").font = { name: "Wingdings 3", color: { argb: "FF00B050" }, bold: true };
    ws.getCell("B1").value = "";
    ws.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC000" } };
    ws.getCell("A2").value = 1;
    ws.getCell("B2").value = 2;
    ws.getCell("C3").fill = { type: "pattern", pattern: "lightGray", fgColor: { indexed: 10 } } as ExcelJS.Fill;
  });

  it("gives each cell's fill and font from the file's styles, holding only what was asked", async () => {
    const wb = await openWorkbook(await styled());
    const props = await wb.run(async (context) => {
      const p = context.workbook.worksheets.getItem("S").getRange("A1:C3").getCellProperties({
        address: true,
        format: { fill: { color: true, pattern: true }, font: { name: true, color: true, bold: true } },
      });
      await context.sync();
      return p.value;
    });
    expect(props[0][0]).toEqual({ address: "S!A1", format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { name: "Wingdings 3", color: "#00B050", bold: true } } });
    expect(props[0][1].format).toEqual({ fill: { color: "#FFC000", pattern: "Solid" }, font: { name: "Calibri", color: "#000000", bold: false } });
    expect(props[2][2].format).toMatchObject({ fill: { color: "#FF0000", pattern: "Gray25" } });
    expect(props[1][0]).toEqual({ address: "S!A2", format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { name: "Calibri", color: "#000000", bold: false } } });
  });

  it("gives a row's format where all its cells agree, and null where they differ", async () => {
    const wb = await openWorkbook(await styled());
    const rows = await wb.run(async (context) => {
      const p = context.workbook.worksheets.getItem("S").getRange("A1:C3").getRowProperties({ rowIndex: true, format: { fill: { color: true }, font: { name: true } } });
      await context.sync();
      return p.value;
    });
    expect(rows).toEqual([
      { rowIndex: 0, format: { fill: { color: null }, font: { name: null } } },
      { rowIndex: 1, format: { fill: { color: "#FFFFFF" }, font: { name: "Calibri" } } },
      { rowIndex: 2, format: { fill: { color: null }, font: { name: "Calibri" } } },
    ]);
  });

  it("refuses by name a property it does not implement, rather than leaving it out", async () => {
    const wb = newWorkbook();
    await expect(wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").getCellProperties({ format: { borders: { color: true } } } as Excel.CellPropertiesLoadOptions);
      await context.sync();
    })).rejects.toThrow(/does not implement format\.borders/);
  });
});

describe("headless host: getSpecialCells", () => {
  it("finds the values of a sheet whose used range is the whole grid, as areas, and nothing in an empty range", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("Far");
      ws.addRow(["Ref", "Measure", "Target"]);
      ws.addRow(["K1", "Repairs", 0.9]);
      ws.addRow(["K2", "Relets", 28]);
      ws.getCell("XFD1048576").value = "x";
      ws.getCell("E1").value = { formula: "C2*2", result: 1.8 } as ExcelJS.CellFormulaValue;
    });
    const wb = await openWorkbook(bytes);
    const got = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Far");
      const used = ws.getUsedRange(true);
      const constants = used.getSpecialCells("Constants");
      const numbers = used.getSpecialCellsOrNullObject("Constants", "Numbers");
      const formulas = used.getSpecialCellsOrNullObject("Formulas");
      const none = ws.getRange("H10:Z99").getSpecialCellsOrNullObject("Constants");
      used.load("address");
      constants.load("address, areaCount, cellCount");
      numbers.load("address");
      formulas.load("address");
      await context.sync();
      return { used: used.address, constants: [constants.address, constants.areaCount, constants.cellCount], numbers: numbers.address, formulas: formulas.address, none: none.isNullObject };
    });
    expect(got).toEqual({
      used: "Far!A:XFD",
      constants: ["Far!A1:C3,Far!XFD1048576", 2, 10],
      numbers: "Far!C2:C3",
      formulas: "Far!E1",
      none: true,
    });
    const code = await codeOf(wb.run(async (context) => {
      context.workbook.worksheets.getItem("Far").getRange("H10:Z99").getSpecialCells("Constants");
      await context.sync();
    }));
    expect(code).toBe("ItemNotFound");
  });
});
