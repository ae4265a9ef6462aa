// The chart writer on packages other writers produce: prefixed worksheet XML, an existing drawing in
// another namespace style, charts already in the file, awkward sheet names; and the chart part details
// a viewer depends on (gaps, escaping, per-point colours, combos).
import JSZip from "jszip";
import type { ChartModel } from "../../src/host/xlsx/chartModel";
import { addChartsToXlsx, readChartsFromXlsx } from "../../src/host/xlsx/chartXml";
import { chartSpaceXml, effectiveSeriesKind } from "../../src/host/xlsx/chartPart";
import { children, descendants, parseXml } from "../../src/host/xlsx/chartXmlText";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

interface SheetSpec {
  /** Name as the user sees it (escaped here into workbook.xml). */
  name: string;
  xml: string;
  rels?: string;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

async function packageWith(sheets: SheetSpec[], extra: Record<string, string> = {}, overrides = ""): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      overrides +
      `</Types>`,
  );
  zip.file("_rels/.rels", `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG_RELS}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`).join("") +
      `</Relationships>`,
  );
  sheets.forEach((s, i) => {
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.xml);
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
  });
  for (const [p, text] of Object.entries(extra)) zip.file(p, text);
  return zip.generateAsync({ type: "uint8array" });
}

function column(sheetName: string, over: Partial<ChartModel> = {}): ChartModel {
  return {
    sheetName,
    name: "Chart",
    kind: "ColumnClustered",
    title: "Title",
    anchor: { fromRow: 1, fromCol: 1, toRow: 10, toCol: 6 },
    series: [{ name: "S", valuesRef: "Sheet1!$B$1:$B$3", categoriesRef: "Sheet1!$A$1:$A$3", values: [1, 2, 3], categories: ["a", "b", "c"] }],
    legendPosition: "Right",
    ...over,
  };
}

const text = async (bytes: Uint8Array, part: string): Promise<string> => (await JSZip.loadAsync(bytes)).file(part)!.async("string");

describe("worksheet XML from other writers", () => {
  test("a prefixed worksheet gets <x:drawing> in its own prefixes, before extLst, and the sheet is found by an escaped name, ignoring case", async () => {
    const xml =
      `<x:worksheet xmlns:x="${MAIN}" xmlns:rel="${RELS}"><x:sheetData/><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<x:legacyDrawing rel:id="rId9"/><x:extLst><x:ext uri="{X}"/></x:extLst></x:worksheet>`;
    const out = await addChartsToXlsx(await packageWith([{ name: "Q&A <2024>", xml }]), [column("q&a <2024>")]);
    const sheet = await text(out, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<x:pageMargins [^>]*\/><x:drawing rel:id="rId1"\/><x:legacyDrawing rel:id="rId9"\/>/);
    const rels = parseXml(await text(out, "xl/worksheets/_rels/sheet1.xml.rels"));
    expect(children(rels, "Relationship")[0].attrs).toMatchObject({ Id: "rId1", Target: "../drawings/drawing1.xml" });
    const read = await readChartsFromXlsx(out);
    expect(read.map((c) => c.sheetName)).toEqual(["Q&A <2024>"]);
  });

  test("a sheet with no r: prefix on its root gets the namespace declared on the drawing element", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
    const out = await addChartsToXlsx(await packageWith([{ name: "Sheet1", xml }]), [column("Sheet1")]);
    const sheet = parseXml(await text(out, "xl/worksheets/sheet1.xml"));
    const drawing = children(sheet, "drawing")[0];
    expect(drawing.attrs).toMatchObject({ "xmlns:r": RELS, "r:id": "rId1" });
  });

  test("a chart on a sheet the workbook lacks is an error that names the sheet", async () => {
    const pkg = await packageWith([{ name: "Sheet1", xml: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }]);
    await expect(addChartsToXlsx(pkg, [column("Summary")])).rejects.toThrow(/sheet "Summary"/);
  });

  test("no charts leaves the package as it was", async () => {
    const pkg = await packageWith([{ name: "Sheet1", xml: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }]);
    expect(await addChartsToXlsx(pkg, [])).toBe(pkg);
  });
});

describe("a sheet that already has a drawing and charts", () => {
  const existingDrawing =
    `<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">` +
    `<oneCellAnchor><from><col>0</col><colOff>0</colOff><row>0</row><rowOff>0</rowOff></from><ext cx="1" cy="1"/>` +
    `<sp><nvSpPr><cNvPr id="7" name="Box"/><cNvSpPr/></nvSpPr><spPr/></sp><clientData/></oneCellAnchor>` +
    `<twoCellAnchor><from><col>5</col><colOff>0</colOff><row>0</row><rowOff>0</rowOff></from><to><col>9</col><colOff>0</colOff><row>9</row><rowOff>0</rowOff></to>` +
    `<graphicFrame macro=""><nvGraphicFramePr><cNvPr id="3" name="Old chart"/><cNvGraphicFramePr/></nvGraphicFramePr>` +
    `<xfrm/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${RELS}" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></twoCellAnchor></wsDr>`;
  const oldChart = chartSpaceXml(column("Data", { title: "Old one", kind: "Line" }));

  async function withDrawing(): Promise<{ before: Uint8Array; after: Uint8Array }> {
    const before = await packageWith(
      [
        {
          name: "Data",
          xml: `<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetData/><drawing r:id="rId5"/></worksheet>`,
          rels: `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId5" Type="${RELS}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
        },
      ],
      {
        "xl/drawings/drawing1.xml": existingDrawing,
        "xl/drawings/_rels/drawing1.xml.rels": `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${RELS}/chart" Target="../charts/chart1.xml"/></Relationships>`,
        "xl/charts/chart1.xml": oldChart,
      },
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
        `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
    const after = await addChartsToXlsx(before, [column("Data", { name: "New A" }), column("Data", { name: "New B", kind: "Pie" })]);
    return { before, after };
  }

  test("new anchors join the existing drawing: one <drawing>, fresh shape ids, the old chart kept", async () => {
    const { after } = await withDrawing();
    const sheet = parseXml(await text(after, "xl/worksheets/sheet1.xml"));
    expect(children(sheet, "drawing")).toHaveLength(1);
    expect(Object.keys((await JSZip.loadAsync(after)).files).filter((f) => f.startsWith("xl/drawings/") && f.endsWith(".xml"))).toEqual([
      "xl/drawings/drawing1.xml",
    ]);
    const drawing = parseXml(await text(after, "xl/drawings/drawing1.xml"));
    const shapes = descendants(drawing, "cNvPr").map((e) => [e.attrs.id, e.attrs.name]);
    expect(shapes).toEqual([["7", "Box"], ["3", "Old chart"], ["8", "New A"], ["9", "New B"]]);
    expect(await text(after, "xl/charts/chart1.xml")).toBe(oldChart);

    const read = await readChartsFromXlsx(after);
    expect(read.map((c) => [c.title, c.kind])).toEqual([
      ["Old one", "Line"],
      ["Title", "ColumnClustered"],
      ["Title", "Pie"],
    ]);
  });

  test("new chart parts take free numbers and get their own content types", async () => {
    const { after } = await withDrawing();
    const types = await text(after, "[Content_Types].xml");
    expect(types.match(/\/xl\/charts\/chart\d\.xml/g)).toEqual(["/xl/charts/chart1.xml", "/xl/charts/chart2.xml", "/xl/charts/chart3.xml"]);
    expect(types.match(/\/xl\/drawings\/drawing1\.xml/g)).toHaveLength(1);
    const rels = parseXml(await text(after, "xl/drawings/_rels/drawing1.xml.rels"));
    expect(children(rels, "Relationship").map((r) => [r.attrs.Id, r.attrs.Target])).toEqual([
      ["rId1", "../charts/chart1.xml"],
      ["rId2", "../charts/chart2.xml"],
      ["rId3", "../charts/chart3.xml"],
    ]);
  });

  test("the appended anchors declare the xdr and a namespaces the default-namespace drawing does not bind", async () => {
    const { after } = await withDrawing();
    const drawing = parseXml(await text(after, "xl/drawings/drawing1.xml"));
    const added = children(drawing, "twoCellAnchor").slice(1);
    expect(added).toHaveLength(2);
    for (const a of added) {
      expect(a.name).toBe("xdr:twoCellAnchor");
      expect(a.attrs["xmlns:xdr"]).toBe("http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
      expect(a.attrs["xmlns:a"]).toBe("http://schemas.openxmlformats.org/drawingml/2006/main");
    }
  });
});

describe("the chart part", () => {
  const part = (m: ChartModel) => parseXml(chartSpaceXml(m));

  test("gaps stay gaps: null and non-finite values are left out of the cache but counted", () => {
    const xml = part(column("S", { series: [{ name: "S", valuesRef: "S!$B$1:$B$4", categoriesRef: null, values: [1, null, Number.NaN, 4], categories: [] }] }));
    const cache = descendants(xml, "numCache")[0];
    expect(children(cache, "ptCount")[0].attrs.val).toBe("4");
    expect(children(cache, "pt").map((p) => p.attrs.idx)).toEqual(["0", "3"]);
    expect(descendants(xml, "dispBlanksAs")[0].attrs.val).toBe("gap");
    expect(descendants(xml, "cat")).toHaveLength(0);
  });

  test("text is escaped and characters XML cannot carry are dropped", () => {
    const m = column("S", { title: "A & B <C> \u0001done", series: [{ ...column("S").series[0], name: 'He said "hi"', categories: ["x<y", "a&b", "ok"] }] });
    const xml = chartSpaceXml(m);
    expect(xml).not.toContain("\u0001");
    const root = parseXml(xml);
    expect(descendants(descendants(root, "title")[0], "t")[0].text).toBe("A & B <C> done");
    expect(descendants(descendants(root, "tx").find((t) => descendants(t, "v").length > 0)!, "v")[0].text).toBe('He said "hi"');
    expect(descendants(descendants(root, "strCache")[0], "v").map((v) => v.text)).toEqual(["x<y", "a&b", "ok"]);
  });

  test("per-point colours become data points on bars and pie slices, not on lines", () => {
    const s = { ...column("S").series[0], pointColors: ["D55E00", null, "#009e73"] };
    for (const kind of ["ColumnClustered", "Pie"] as const) {
      const dPts = descendants(part(column("S", { kind, series: [s] })), "dPt");
      expect(dPts.map((d) => [children(d, "idx")[0].attrs.val, descendants(d, "srgbClr")[0].attrs.val])).toEqual([
        ["0", "D55E00"],
        ["2", "009E73"],
      ]);
    }
    expect(descendants(part(column("S", { kind: "Line", series: [s] })), "dPt")).toHaveLength(0);
  });

  test("no title and no legend: Excel is told not to invent a title, and no legend is drawn", () => {
    const xml = part(column("S", { title: null, legendPosition: null }));
    expect(descendants(xml, "title")).toHaveLength(0);
    expect(descendants(xml, "autoTitleDeleted")[0].attrs.val).toBe("1");
    expect(descendants(xml, "legend")).toHaveLength(0);
  });

  test("an empty chart is still a complete plot (one plot element, two axes)", () => {
    const xml = part(column("S", { series: [] }));
    expect(descendants(xml, "barChart")).toHaveLength(1);
    expect(descendants(xml, "catAx")).toHaveLength(1);
    expect(descendants(xml, "valAx")).toHaveLength(1);
  });

  test("bar-chart children follow the schema order", () => {
    const xml = part(column("S", { kind: "ColumnStacked", series: [column("S").series[0], { ...column("S").series[0], name: "T" }] }));
    const names = descendants(xml, "barChart")[0].children.map((c) => c.local);
    expect(names).toEqual(["barDir", "grouping", "varyColors", "ser", "ser", "gapWidth", "overlap", "axId", "axId"]);
    const ser = descendants(xml, "ser")[0].children.map((c) => c.local);
    expect(ser).toEqual(["idx", "order", "tx", "invertIfNegative", "cat", "val"]);
  });

  test("series kinds in a combo: lines stay lines, columns follow a bar chart's direction, a pie takes every series", () => {
    const base = column("S");
    const s = base.series[0];
    expect(effectiveSeriesKind({ ...base, kind: "BarClustered" }, { ...s, kind: "ColumnStacked" })).toBe("BarStacked");
    expect(effectiveSeriesKind({ ...base, kind: "ColumnClustered" }, { ...s, kind: "LineMarkers" })).toBe("LineMarkers");
    expect(effectiveSeriesKind({ ...base, kind: "ColumnClustered" }, { ...s, kind: "Pie" })).toBe("ColumnClustered");
    expect(effectiveSeriesKind({ ...base, kind: "Pie" }, { ...s, kind: "Line" })).toBe("Pie");
    // Bars are plotted before lines so the line is drawn on top of the columns, whichever is the chart's kind.
    const combo = part({ ...base, kind: "Line", series: [{ ...s, name: "target" }, { ...s, name: "actual", kind: "ColumnClustered" }] });
    const plots = descendants(combo, "plotArea")[0].children.map((c) => c.local);
    expect(plots.slice(0, 3)).toEqual(["layout", "barChart", "lineChart"]);
  });
});
