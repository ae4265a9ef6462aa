// Workbooks that each carry one feature a user's workbook may hold (and one that carries all of them),
// for checking that the scorecard copy keeps them. ExcelJS builds what it can write; the rest is
// injected as hand-written minimal but valid parts, with their relationships and content types, as
// Excel writes them (pivot tables, threaded comments, chart sheets, external links, sparklines,
// dynamic-array metadata, header images, custom properties, a sensitivity label, a VBA project).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addChartsToXlsx } from "../../src/host/xlsx/chartXml";
import type { ChartModel } from "../../src/host/xlsx/chartModel";
import { addRelationship, relsPathFor } from "../../src/host/xlsx/chartPackage";
import { parseXml } from "../../src/host/xlsx/chartXmlText";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = {
  pivotTable: `${R}/pivotTable`,
  pivotCacheDefinition: `${R}/pivotCacheDefinition`,
  pivotCacheRecords: `${R}/pivotCacheRecords`,
  externalLink: `${R}/externalLink`,
  externalLinkPath: `${R}/externalLinkPath`,
  chartsheet: `${R}/chartsheet`,
  drawing: `${R}/drawing`,
  chart: `${R}/chart`,
  image: `${R}/image`,
  vmlDrawing: `${R}/vmlDrawing`,
  customProperties: `${R}/custom-properties`,
  customXml: `${R}/customXml`,
  customXmlProps: `${R}/customXmlProps`,
  sheetMetadata: `${R}/sheetMetadata`,
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
  label: "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels",
  vba: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
};
const CT = {
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCacheDefinition: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotCacheRecords: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  externalLink: "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  threadedComment: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  label: "application/vnd.ms-office.classificationlabels+xml",
  vba: "application/vnd.ms-office.vbaProject",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  png: "image/png",
};
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// A 1x1 PNG.
export const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

/** Worksheet children in CT_Worksheet order: an injected element goes before the first that follows it. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
  "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
];

/** Insert an element among a part's root children at its schema position. */
function insertChild(xml: string, element: string, local: string, order: string[]): string {
  const root = parseXml(xml);
  const later = order.slice(order.indexOf(local) + 1);
  const next = root.children.find((c) => later.includes(c.local));
  const at = next ? next.start : root.innerEnd;
  return xml.slice(0, at) + element + xml.slice(at);
}

/** Edits a package the way Excel lays it out: parts, relationships, content types. */
export class Injector {
  constructor(readonly zip: JSZip) {}

  async text(path: string): Promise<string> {
    const f = this.zip.file(path);
    if (!f) throw new Error(`no part ${path}`);
    return f.async("string");
  }

  async part(path: string, content: string | Uint8Array, contentType?: string): Promise<void> {
    this.zip.file(path, typeof content === "string" && content.startsWith("<") && !content.startsWith("<?") ? HEAD + content : content);
    if (contentType) await this.override(path, contentType);
  }

  async override(path: string, contentType: string): Promise<void> {
    const types = await this.text("[Content_Types].xml");
    const existing = new RegExp(`<Override PartName="/${path.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`);
    const el = `<Override PartName="/${path}" ContentType="${contentType}"/>`;
    this.zip.file("[Content_Types].xml", existing.test(types) ? types.replace(existing, el) : types.replace("</Types>", `${el}</Types>`));
  }

  async defaultType(extension: string, contentType: string): Promise<void> {
    const types = await this.text("[Content_Types].xml");
    if (types.includes(`Extension="${extension}"`)) return;
    this.zip.file("[Content_Types].xml", types.replace("<Override", `<Default Extension="${extension}" ContentType="${contentType}"/><Override`));
  }

  /** Add a relationship from a part ("" for the package); returns its id. */
  async rel(source: string, type: string, target: string, external = false): Promise<string> {
    const relsPath = source === "" ? "_rels/.rels" : relsPathFor(source);
    const existing = this.zip.file(relsPath) ? await this.text(relsPath) : null;
    const added = addRelationship(existing, type, target);
    this.zip.file(relsPath, external ? added.xml.replace(`Id="${added.id}"`, `Id="${added.id}" TargetMode="External"`) : added.xml);
    return added.id;
  }

  async sheetPart(name: string): Promise<string> {
    const wb = await this.text("xl/workbook.xml");
    const rels = await this.text("xl/_rels/workbook.xml.rels");
    const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wb)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    if (!id || !target) throw new Error(`no sheet ${name}`);
    return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
  }

  async editSheet(name: string, edit: (xml: string) => string): Promise<string> {
    const part = await this.sheetPart(name);
    this.zip.file(part, edit(await this.text(part)));
    return part;
  }

  async insertInSheet(name: string, element: string, local: string): Promise<void> {
    await this.editSheet(name, (xml) => insertChild(xml, element, local, WORKSHEET_ORDER));
  }

  async insertInWorkbook(element: string, local: string): Promise<void> {
    this.zip.file("xl/workbook.xml", insertChild(await this.text("xl/workbook.xml"), element, local, WORKBOOK_ORDER));
  }
}

export interface Feature {
  name: string;
  /** What ExcelJS writes. */
  build?(wb: ExcelJS.Workbook, kpis: ExcelJS.Worksheet): void;
  /** Parts injected after ExcelJS. */
  inject?(p: Injector): Promise<void>;
  /** Charts added by the project's chart writer (native DrawingML charts). */
  charts?: ChartModel[];
  /** The package is macro-enabled (.xlsm). */
  macros?: boolean;
}

export const KPI_SHEET = "KPIs";
export const KPI_ROWS: [string, number, number, number][] = [
  ["% of EHCPs issued within 20 weeks", 0.6, 0.45, 0.52],
  ["Number of overdue EP advice requests", 10, 25, 18],
  ["% of CYP with an up-to-date Annual Review", 0.9, 0.8, 0.85],
  ["Number of children missing education", 50, 70, 64],
];

function kpiSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(KPI_SHEET);
  ws.addRow(["Measure", "Target", "Previous", "Latest"]);
  for (const row of KPI_ROWS) {
    const r = ws.addRow(row);
    if (row[0].startsWith("%")) for (const c of [2, 3, 4]) r.getCell(c).numFmt = "0%";
  }
  ws.getColumn(1).width = 48;
  return ws;
}

const pivot: Feature = {
  name: "a pivot table with its cache",
  build(wb) {
    const ws = wb.addWorksheet("Pivot data");
    ws.addRows([["Area", "Count"], ["North", 3], ["South", 5]]);
    ws.getCell("D1").value = "Row Labels";
    ws.getCell("E1").value = "Sum of Count";
    ws.addRows([]);
    [["North", 3], ["South", 5], ["Grand Total", 8]].forEach(([a, n], i) => {
      ws.getCell(i + 2, 4).value = a;
      ws.getCell(i + 2, 5).value = n;
    });
  },
  async inject(p) {
    await p.part(
      "xl/pivotCache/pivotCacheRecords1.xml",
      `<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="2"><r><x v="0"/><n v="3"/></r><r><x v="1"/><n v="5"/></r></pivotCacheRecords>`,
      CT.pivotCacheRecords,
    );
    const recordsId = await p.rel("xl/pivotCache/pivotCacheDefinition1.xml", REL.pivotCacheRecords, "pivotCacheRecords1.xml");
    await p.part(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="${recordsId}" refreshedBy="Sam" refreshedDate="45351.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2">` +
        `<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Pivot data"/></cacheSource><cacheFields count="2">` +
        `<cacheField name="Area" numFmtId="0"><sharedItems count="2"><s v="North"/><s v="South"/></sharedItems></cacheField>` +
        `<cacheField name="Count" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="3" maxValue="5"/></cacheField>` +
        `</cacheFields></pivotCacheDefinition>`,
      CT.pivotCacheDefinition,
    );
    await p.rel("xl/pivotTables/pivotTable1.xml", REL.pivotCacheDefinition, "../pivotCache/pivotCacheDefinition1.xml");
    await p.part(
      "xl/pivotTables/pivotTable1.xml",
      `<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1">` +
        `<location ref="D1:E4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2">` +
        `<pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
        `<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
        `<dataFields count="1"><dataField name="Sum of Count" fld="1" baseField="0" baseItem="0"/></dataFields>` +
        `<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
      CT.pivotTable,
    );
    await p.rel(await p.sheetPart("Pivot data"), REL.pivotTable, "../pivotTables/pivotTable1.xml");
    const cacheRel = await p.rel("xl/workbook.xml", REL.pivotCacheDefinition, "pivotCache/pivotCacheDefinition1.xml");
    await p.insertInWorkbook(`<pivotCaches><pivotCache cacheId="7" r:id="${cacheRel}"/></pivotCaches>`, "pivotCaches");
  },
};

const comments: Feature = {
  name: "comments and threaded comments",
  build(_wb, kpis) {
    kpis.getCell("D2").note = "[Threaded comment]\nYour version of Excel allows you to read this threaded comment.\nComment:\n    Is this the latest figure?";
    kpis.getCell("D3").note = "Provisional: awaiting March data";
  },
  async inject(p) {
    const person = "{5C8D1E2A-3B4F-4A6C-9D7E-0F1A2B3C4D5E}";
    await p.part(
      "xl/persons/person.xml",
      `<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Sam Officer" id="${person}" userId="sam.officer@example.org" providerId="AD"/></personList>`,
      CT.person,
    );
    await p.rel("xl/workbook.xml", REL.person, "persons/person.xml");
    await p.part(
      "xl/threadedComments/threadedComment1.xml",
      `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
        `<threadedComment ref="D2" dT="2024-03-01T09:00:00.00" personId="${person}" id="{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}"><text>Is this the latest figure?</text></threadedComment></ThreadedComments>`,
      CT.threadedComment,
    );
    await p.rel(await p.sheetPart(KPI_SHEET), REL.threadedComment, "../threadedComments/threadedComment1.xml");
  },
};

const validation: Feature = {
  name: "data validation",
  build(_wb, kpis) {
    kpis.getCell("E1").value = "Owner";
    for (let r = 2; r <= 5; r++) {
      kpis.getCell(`E${r}`).dataValidation = { type: "list", allowBlank: true, formulae: ['"Education,Health,Care"'], showErrorMessage: true, errorTitle: "Owner", error: "Pick one" };
    }
  },
};

const iconsAndBars: Feature = {
  name: "icon sets and data bars",
  build(_wb, kpis) {
    kpis.addConditionalFormatting({ ref: "D2:D5", rules: [{ type: "iconSet", iconSet: "3TrafficLights1", priority: 1, cfvo: [{ type: "percent", value: 0 }, { type: "percent", value: 33 }, { type: "percent", value: 67 }] } as unknown as ExcelJS.ConditionalFormattingRule] });
    kpis.addConditionalFormatting({
      ref: "C2:C5",
      rules: [{ type: "dataBar", priority: 2, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  },
};

const tableWithTotals: Feature = {
  name: "an Excel table with totals",
  build(wb) {
    const ws = wb.addWorksheet("Budget");
    ws.addTable({
      name: "Budget2024",
      ref: "A1",
      totalsRow: true,
      style: { theme: "TableStyleMedium9", showRowStripes: true },
      columns: [{ name: "Service", totalsRowLabel: "Total" }, { name: "Spend", totalsRowFunction: "sum" }],
      rows: [["Education", 1200], ["Health", 800]],
    });
  },
};

const externalLink: Feature = {
  name: "an external link",
  build(wb) {
    const ws = wb.addWorksheet("Linked");
    ws.getCell("A1").value = { formula: "[1]Sheet1!$A$1", result: 42 };
  },
  async inject(p) {
    const pathId = await p.rel("xl/externalLinks/externalLink1.xml", REL.externalLinkPath, "file:///C:/Reports/national-benchmarks.xlsx", true);
    await p.part(
      "xl/externalLinks/externalLink1.xml",
      `<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="${pathId}"><sheetNames><sheetName val="Sheet1"/></sheetNames>` +
        `<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
      CT.externalLink,
    );
    const id = await p.rel("xl/workbook.xml", REL.externalLink, "externalLinks/externalLink1.xml");
    await p.insertInWorkbook(`<externalReferences><externalReference r:id="${id}"/></externalReferences>`, "externalReferences");
  },
};

const protectedSheet: Feature = {
  name: "sheet protection with a password",
  build(wb) {
    const ws = wb.addWorksheet("Locked");
    ws.getCell("A1").value = "Signed off";
    void ws.protect("board-secret", { selectLockedCells: true });
  },
};

const chartSheet: Feature = {
  name: "a chart sheet",
  async inject(p) {
    const chartXml = await chartPartXml();
    await p.part("xl/charts/chart90.xml", chartXml, CT.chart);
    const chartId = await p.rel("xl/drawings/drawing90.xml", REL.chart, "../charts/chart90.xml");
    await p.part(
      "xl/drawings/drawing90.xml",
      `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
        `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6300000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/>` +
        `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="${chartId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
      CT.drawing,
    );
    const drawingId = await p.rel("xl/chartsheets/sheet1.xml", REL.drawing, "../drawings/drawing90.xml");
    await p.part(
      "xl/chartsheets/sheet1.xml",
      `<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView zoomScale="90" workbookViewId="0" zoomToFit="1"/></sheetViews>` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="${drawingId}"/></chartsheet>`,
      CT.chartsheet,
    );
    const sheetRel = await p.rel("xl/workbook.xml", REL.chartsheet, "chartsheets/sheet1.xml");
    // Second in the tab order, between worksheets: the patch must keep it there.
    const wb = await p.text("xl/workbook.xml");
    const ids = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
    p.zip.file("xl/workbook.xml", wb.replace(/(<sheet [^>]*\/>)/, `$1<sheet name="Trend chart" sheetId="${Math.max(...ids) + 1}" r:id="${sheetRel}"/>`));
  },
};

const pageBreaksAndHeaders: Feature = {
  name: "manual page breaks, headers and footers with a picture",
  build(wb, kpis) {
    kpis.getRow(3).addPageBreak();
    kpis.headerFooter.oddFooter = "&LOFFICIAL&RPrinted &D";
    // The header picture is on its own sheet: ExcelJS cannot load a sheet with both notes and a header picture.
    const cover = wb.addWorksheet("Cover");
    cover.getCell("A1").value = "SEND partnership board";
    cover.headerFooter.oddHeader = "&L&G&CSEND partnership board&RPage &P of &N";
  },
  async inject(p) {
    await p.defaultType("png", CT.png);
    await p.defaultType("vml", CT.vml);
    p.zip.file("xl/media/header-logo.png", PNG);
    const imageId = await p.rel("xl/drawings/vmlDrawingHF1.vml", REL.image, "../media/header-logo.png");
    await p.part(
      "xl/drawings/vmlDrawingHF1.vml",
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="9"/></o:shapelayout>` +
        `<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>` +
        `<v:shape id="LH" o:spid="_x0000_s9217" type="#_x0000_t75" style="position:absolute;margin-left:0;margin-top:0;width:24pt;height:24pt;z-index:1"><v:imagedata o:relid="${imageId}" o:title="logo"/><o:lock v:ext="edit" rotation="t"/></v:shape></xml>`,
    );
    const part = await p.sheetPart("Cover");
    const hf = await p.rel(part, REL.vmlDrawing, "../drawings/vmlDrawingHF1.vml");
    await p.insertInSheet("Cover", `<legacyDrawingHF r:id="${hf}"/>`, "legacyDrawingHF");
  },
};

const customProperties: Feature = {
  name: "custom document properties",
  async inject(p) {
    await p.part(
      "docProps/custom.xml",
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Board"><vt:lpwstr>SEND partnership</vt:lpwstr></property>` +
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Retention"><vt:i4>7</vt:i4></property></Properties>`,
      CT.customProperties,
    );
    await p.rel("", REL.customProperties, "docProps/custom.xml");
  },
};

const sparklines: Feature = {
  name: "sparklines",
  async inject(p) {
    const ext =
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
      `<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap" markers="1">` +
      `<x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/>` +
      `<x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/>` +
      `<x14:sparklines>${[2, 3, 4, 5].map((r) => `<x14:sparkline><xm:f>${KPI_SHEET}!B${r}:D${r}</xm:f><xm:sqref>F${r}</xm:sqref></x14:sparkline>`).join("")}</x14:sparklines>` +
      `</x14:sparklineGroup></x14:sparklineGroups></ext>`;
    // Into the sheet's own extLst when it has one (data bars write one), else a new one.
    await p.editSheet(KPI_SHEET, (xml) => {
      const own = parseXml(xml).children.find((c) => c.local === "extLst");
      return own ? xml.slice(0, own.innerEnd) + ext + xml.slice(own.innerEnd) : insertChild(xml, `<extLst>${ext}</extLst>`, "extLst", WORKSHEET_ORDER);
    });
  },
};

const arrayFormulas: Feature = {
  name: "array formulas and dynamic-array metadata",
  build(wb) {
    const ws = wb.addWorksheet("Calc");
    ws.addRows([["A", 1, 2], ["B", 3, 4]]);
    ws.getCell("E1").value = { formula: "SUM(B1:B2*C1:C2)", result: 14, shareType: "array", ref: "E1" } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("G1").value = { formula: "_xlfn.SEQUENCE(2)", result: 1 } as ExcelJS.CellFormulaValue;
    ws.getCell("G2").value = 2;
  },
  async inject(p) {
    await p.part(
      "xl/metadata.xml",
      `<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1">` +
        `<metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
        `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
        `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
      CT.sheetMetadata,
    );
    await p.rel("xl/workbook.xml", REL.sheetMetadata, "metadata.xml");
    // A spilled SEQUENCE: an array formula over G1:G2 that the metadata marks dynamic.
    await p.editSheet("Calc", (xml) => xml.replace(/<c r="G1"([^>]*)><f>([^<]*)<\/f>/, '<c r="G1"$1 cm="1"><f t="array" ref="G1:G2">$2</f>'));
  },
};

const sensitivityLabel: Feature = {
  name: "customXml and a sensitivity label",
  async inject(p) {
    const labelId = "{3A5E7C9B-1D2F-4B6A-8C0E-2F4A6B8D0C1E}";
    await p.part(
      "docMetadata/LabelInfo.xml",
      `<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="${labelId}" enabled="1" method="Standard" siteId="{7B2E4C6A-8D0F-4A2C-9E1B-3D5F7A9C1E3B}" contentBits="0" removed="0"/></clbl:labelList>`,
      CT.label,
    );
    await p.rel("", REL.label, "docMetadata/LabelInfo.xml");
    await p.part(
      "customXml/item1.xml",
      `<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><documentManagement><Retention_x0020_Label>Board papers 7 years</Retention_x0020_Label></documentManagement></p:properties>`,
    );
    await p.part(
      "customXml/itemProps1.xml",
      `<ds:datastoreItem ds:itemID="{6F1A3C5E-7B9D-4F2A-8C4E-0A2C4E6F8B0D}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.microsoft.com/office/2006/metadata/properties"/></ds:schemaRefs></ds:datastoreItem>`,
      CT.customXmlProps,
    );
    await p.rel("customXml/item1.xml", REL.customXmlProps, "itemProps1.xml");
    await p.rel("xl/workbook.xml", REL.customXml, "../customXml/item1.xml");
  },
};

const charts: Feature = {
  name: "native charts, one in a second drawing, and a picture",
  build(wb, kpis) {
    const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    kpis.addImage(image, { tl: { col: 6, row: 0 }, ext: { width: 32, height: 32 } });
    const trend = wb.addWorksheet("Trend");
    trend.addRows([["Month", "Calls"], ["Apr", 10], ["May", 12], ["Jun", 9]]);
  },
  charts: [
    {
      sheetName: KPI_SHEET,
      name: "Latest against target",
      kind: "ColumnClustered",
      title: "Latest against target",
      anchor: { fromRow: 7, fromCol: 0, toRow: 20, toCol: 4 },
      legendPosition: "Bottom",
      series: [{ name: "Latest", valuesRef: `${KPI_SHEET}!$D$2:$D$5`, categoriesRef: `${KPI_SHEET}!$A$2:$A$5`, values: KPI_ROWS.map((r) => r[3]), categories: KPI_ROWS.map((r) => r[0]) }],
    },
    {
      sheetName: "Trend",
      name: "Calls",
      kind: "Line",
      title: "Calls by month",
      anchor: { fromRow: 5, fromCol: 0, toRow: 18, toCol: 6 },
      legendPosition: null,
      series: [{ name: "Calls", valuesRef: "Trend!$B$2:$B$4", categoriesRef: "Trend!$A$2:$A$4", values: [10, 12, 9], categories: ["Apr", "May", "Jun"] }],
    },
  ],
};

const namesAndPrint: Feature = {
  name: "defined names, sheet-scoped names and a print area",
  build(wb, kpis) {
    wb.definedNames.add(`${KPI_SHEET}!$B$2:$B$5`, "Targets");
    kpis.pageSetup.printArea = "A1:D5";
    kpis.pageSetup.printTitlesRow = "1:1";
  },
  async inject(p) {
    // A name scoped to the first sheet, and a constant, as Excel writes them.
    p.zip.file(
      "xl/workbook.xml",
      (await p.text("xl/workbook.xml")).replace("</definedNames>", `<definedName name="Threshold" localSheetId="0" comment="amber below">0.05</definedName><definedName name="Board" hidden="1">"SEND"</definedName></definedNames>`),
    );
  },
};

const macros: Feature = {
  name: "a VBA project (.xlsm)",
  macros: true,
  async inject(p) {
    await p.defaultType("bin", CT.vba);
    // Not a real VBA project: bytes the copy must carry unchanged.
    p.zip.file("xl/vbaProject.bin", Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    await p.rel("xl/workbook.xml", REL.vba, "vbaProject.bin");
    await p.override("xl/workbook.xml", CT.macroWorkbook);
    p.zip.file("xl/workbook.xml", (await p.text("xl/workbook.xml")).replace(/<workbookPr\b/, '<workbookPr codeName="ThisWorkbook"'));
  },
};

export const FEATURES: Feature[] = [
  charts,
  comments,
  validation,
  iconsAndBars,
  pivot,
  tableWithTotals,
  externalLink,
  protectedSheet,
  chartSheet,
  pageBreaksAndHeaders,
  customProperties,
  sparklines,
  arrayFormulas,
  sensitivityLabel,
  namesAndPrint,
  macros,
];

/** The chart part the project's writer makes, for the chart sheet. */
async function chartPartXml(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(KPI_SHEET).addRows([["Measure", "Latest"], ...KPI_ROWS.map((r) => [r[0], r[3]])]);
  const bytes = await addChartsToXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), [{ ...charts.charts![0], anchor: { fromRow: 0, fromCol: 0, toRow: 1, toCol: 1 } }]);
  return (await JSZip.loadAsync(bytes)).file("xl/charts/chart1.xml")!.async("string");
}

/** A workbook with the KPI table and the given features. */
export async function featureWorkbook(features: Feature[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Performance team";
  const kpis = kpiSheet(wb);
  for (const f of features) f.build?.(wb, kpis);
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  const charts = features.flatMap((f) => f.charts ?? []);
  if (charts.length) bytes = await addChartsToXlsx(bytes, charts);
  const zip = await JSZip.loadAsync(bytes);
  const p = new Injector(zip);
  for (const f of features) await f.inject?.(p);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
