// Charts added to a package ExcelJS wrote: the parts are where Excel looks for them, they read back as
// written, and ExcelJS still opens the file (LibreOffice's drawing of them: tests/render).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addChartsToXlsx, readChartsFromXlsx } from "../../src/host/xlsx/chartXml";
import { children, descendants, parseXml } from "../../src/host/xlsx/chartXmlText";
import { AMBER, CYRILLIC, GREEN, RED, SHEET, baseWorkbook, charts, target } from "../helpers/chartWorkbook";

/** CT_Worksheet's child order (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

async function sheetPartByName(zip: JSZip, name: string): Promise<string> {
  const wb = parseXml(await zip.file("xl/workbook.xml")!.async("string"));
  const rels = parseXml(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"));
  const sheet = descendants(wb, "sheet").find((s) => s.attrs.name === name)!;
  const rel = children(rels, "Relationship").find((r) => r.attrs.Id === sheet.attrs["r:id"])!;
  return `xl/${rel.attrs.Target.replace(/^\/?xl\//, "")}`;
}

describe("addChartsToXlsx on an ExcelJS workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let zip: JSZip;

  beforeAll(async () => {
    input = await baseWorkbook();
    output = await addChartsToXlsx(input, charts());
    zip = await JSZip.loadAsync(output);
  });

  test("every XML part of the result is well formed", async () => {
    const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(names.length).toBeGreaterThan(10);
    for (const n of names) {
      const text = await zip.file(n)!.async("string");
      expect(() => parseXml(text)).not.toThrow();
    }
  });

  test("chart parts, drawing, relationships and content types are all present and linked", async () => {
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (let n = 1; n <= 4; n++) {
      expect(zip.file(`xl/charts/chart${n}.xml`)).not.toBeNull();
      expect(types).toContain(`PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    }
    expect(zip.file("xl/charts/chart5.xml")).toBeNull();

    const sheetPart = await sheetPartByName(zip, SHEET);
    const sheetRels = parseXml(await zip.file(sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels")!.async("string"));
    const sheetXml = parseXml(await zip.file(sheetPart)!.async("string"));
    const drawings = children(sheetXml, "drawing");
    expect(drawings).toHaveLength(1);
    const drawingRel = children(sheetRels, "Relationship").find((r) => r.attrs.Id === drawings[0].attrs["r:id"])!;
    expect(drawingRel.attrs.Type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing");
    const drawingPart = `xl/drawings/${drawingRel.attrs.Target.split("/").pop()}`;
    const drawing = parseXml(await zip.file(drawingPart)!.async("string"));

    // The image ExcelJS anchored is still there, next to the three charts.
    expect(descendants(drawing, "pic")).toHaveLength(1);
    const frames = descendants(drawing, "graphicFrame");
    expect(frames.map((f) => descendants(f, "cNvPr")[0].attrs.name)).toEqual(["RAG by group", "RAG stacked", "Trajectory"]);
    const ids = descendants(drawing, "cNvPr").map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);

    // Each chart frame's r:id resolves, through the drawing's rels, to an existing chart part.
    const drawingRels = parseXml(await zip.file(drawingPart.replace("drawings/", "drawings/_rels/") + ".rels")!.async("string"));
    for (const f of frames) {
      const rid = descendants(f, "chart")[0].attrs["r:id"];
      const rel = children(drawingRels, "Relationship").find((r) => r.attrs.Id === rid)!;
      expect(rel.attrs.Type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart");
      expect(zip.file(`xl/charts/${rel.attrs.Target.split("/").pop()}`)).not.toBeNull();
    }

    // The anchor is where the model put it: from (row 8, col 0) to (row 24, col 6).
    const first = descendants(drawing, "twoCellAnchor").find((a) => descendants(a, "graphicFrame").length > 0)!;
    const cell = (tag: string, part: string): string => descendants(descendants(first, tag)[0], part)[0].text;
    expect([cell("from", "row"), cell("from", "col"), cell("to", "row"), cell("to", "col")]).toEqual(["8", "0", "24", "6"]);
  });

  test("the <drawing> element sits at its schema position in the worksheet (after headerFooter, before tableParts)", async () => {
    const sheetXml = parseXml(await zip.file(await sheetPartByName(zip, SHEET))!.async("string"));
    const names = sheetXml.children.map((c) => c.local);
    expect(names).toEqual(expect.arrayContaining(["headerFooter", "drawing", "tableParts", "conditionalFormatting"]));
    const positions = names.map((n) => WORKSHEET_ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test("a sheet without charts is left byte-for-byte as ExcelJS wrote it", async () => {
    const before = await JSZip.loadAsync(input);
    const part = await sheetPartByName(before, "No charts");
    expect(await zip.file(part)!.async("string")).toBe(await before.file(part)!.async("string"));
  });

  test("readChartsFromXlsx gives back kinds, titles and series ranges with the quoted sheet name", async () => {
    const read = await readChartsFromXlsx(output);
    expect(read.map((c) => [c.sheetName, c.kind, c.title])).toEqual([
      [SHEET, "ColumnClustered", "RAG by group – Bürgermeister's <KPIs> & more"],
      [SHEET, "BarStacked", "RAG share by group"],
      [SHEET, "ColumnClustered", "Attainment against staged targets"],
      [CYRILLIC, "Pie", "Статусы показателей"],
    ]);
    expect(read[0].series.map(({ values: _v, dataLabels: _d, labelPosition: _p, pointLabelPositions: _pp, labelColour: _c, ...rest }) => rest)).toEqual([
      { name: "Red", valuesRef: "'Score card – Bürgermeister''s'!$B$2:$B$5", categoriesRef: "'Score card – Bürgermeister''s'!$A$2:$A$5", kind: "ColumnClustered" },
      { name: "Amber", valuesRef: "'Score card – Bürgermeister''s'!$C$2:$C$5", categoriesRef: "'Score card – Bürgermeister''s'!$A$2:$A$5", kind: "ColumnClustered" },
      { name: "Green", valuesRef: "'Score card – Bürgermeister''s'!$D$2:$D$5", categoriesRef: "'Score card – Bürgermeister''s'!$A$2:$A$5", kind: "ColumnClustered" },
    ]);
    // The values are cached in the part, so a viewer draws them without recalculating.
    expect(read[0].series[0].values).toEqual([2, 1, 3, 0]);
    // The combo: a column series and a dashed line with markers on the same axes.
    expect(read[2].series.map((s) => [s.name, s.kind])).toEqual([
      ["Actual", "ColumnClustered"],
      ["Target", "LineMarkers"],
    ]);
    expect(read[3].series[0].valuesRef).toBe("'Данные'!$B$2:$B$4");
  });

  test("stacked bars overlap fully; the combo shares its axes; the value axis carries the percent format", async () => {
    const stacked = parseXml(await zip.file("xl/charts/chart2.xml")!.async("string"));
    const bar = descendants(stacked, "barChart")[0];
    expect(descendants(bar, "barDir")[0].attrs.val).toBe("bar");
    expect(descendants(bar, "grouping")[0].attrs.val).toBe("stacked");
    expect(descendants(bar, "overlap")[0].attrs.val).toBe("100");
    expect(descendants(stacked, "srgbClr").map((c) => c.attrs.val)).toEqual(expect.arrayContaining([RED, AMBER, GREEN]));

    const combo = parseXml(await zip.file("xl/charts/chart3.xml")!.async("string"));
    const axIds = (local: string): string[] => children(descendants(combo, local)[0], "axId").map((a) => a.attrs.val);
    expect(axIds("lineChart")).toEqual(axIds("barChart"));
    expect(descendants(combo, "valAx")).toHaveLength(1);
    expect(descendants(descendants(combo, "valAx")[0], "numFmt")[0].attrs).toMatchObject({ formatCode: "0%", sourceLinked: "0" });
    expect(descendants(descendants(combo, "lineChart")[0], "prstDash")[0].attrs.val).toBe("dash");
    // Cached values are in the part, so a viewer needs no recalculation.
    const cache = descendants(descendants(combo, "lineChart")[0], "numCache")[0];
    expect(children(cache, "pt").map((p) => Number(descendants(p, "v")[0].text))).toEqual(target);

    const pie = parseXml(await zip.file("xl/charts/chart4.xml")!.async("string"));
    expect(descendants(pie, "catAx")).toHaveLength(0);
    expect(descendants(pie, "varyColors")[0].attrs.val).toBe("1");
  });

  test("ExcelJS can still load the result, with the sheets and values intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, CYRILLIC, "No charts"]);
    expect(wb.getWorksheet(SHEET)!.getCell("D3").value).toBe(6);
    expect(wb.getWorksheet(CYRILLIC)!.getCell("A4").value).toBe("Зелёный");
  });
});
