// ExcelJS's reading of a style sheet, kept as the oracle our own parser (src/host/xlsx/styles.ts) is held to:
// ExcelJS reads the styles part inside a tiny package made for it — one cell per format, one conditional rule
// per differential format — and the formats it gives are compared with ours (tests/host/styles.test.ts).
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import type { Style } from "exceljs";
import type { ConditionalFormatStyle } from "../../src/host/model/types";
import { colorToHex } from "../../src/host/model/styles";
import { parseXml } from "../../src/host/xlsx/chartXmlText";
import { PackageDamage } from "../../src/host/xlsx/loadErrors";

/** Excel's own ceiling on distinct cell formats in a workbook. */
const MAX_FORMATS = 65_536;

interface StyleSheet {
  /** Cell format by the s attribute of a cell; undefined for the default format (0) and for formats that set nothing. */
  cellStyle(index: number): Partial<Style> | undefined;
  /** Number of cell formats the style sheet defines. */
  readonly cellFormatCount: number;
  /** The number format of a cell format, "General" when it has none. */
  numberFormat(index: number): string;
  /** A conditional format's look, by its dxfId. */
  differential(index: number): ConditionalFormatStyle;
}

function count(xml: string, container: string, item: string): number {
  const section = new RegExp(`<(?:[\\w.-]+:)?${container}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${container}>)`).exec(xml);
  if (!section?.[1]) return 0;
  return section[1].match(new RegExp(`<(?:[\\w.-]+:)?${item}\\b`, "g"))?.length ?? 0;
}

const EMPTY: StyleSheet = { cellStyle: () => undefined, cellFormatCount: 0, numberFormat: () => "General", differential: () => ({}) };

function miniPackage(stylesXml: string, formats: number, differentials: number): JSZip {
  const zip = new JSZip();
  const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  zip.file("xl/styles.xml", stylesXml);
  const rows: string[] = [];
  for (let i = 1; i < formats; i++) rows.push(`<row r="${i}"><c r="A${i}" s="${i}"/></row>`);
  const rules: string[] = [];
  for (let i = 0; i < differentials; i++) {
    rules.push(`<conditionalFormatting sqref="B${i + 1}"><cfRule type="expression" dxfId="${i}" priority="${i + 1}"><formula>TRUE</formula></cfRule></conditionalFormatting>`);
  }
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${rows.join("")}</sheetData>${rules.join("")}</worksheet>`);
  return zip;
}

function differentialOf(style: Partial<Style> | undefined): ConditionalFormatStyle {
  const fill = style?.fill as ExcelJS.FillPattern | undefined;
  return {
    fillColor: colorToHex((fill?.bgColor ?? fill?.fgColor) as never),
    fontColor: colorToHex(style?.font?.color as never),
    bold: style?.font?.bold || undefined,
    italic: style?.font?.italic || undefined,
  };
}

/** Read a styles part; a part that is not well formed, or that ExcelJS cannot make sense of, is damage named by its path. */
export async function readStyleSheetWithExcelJs(stylesXml: string | null, part: string): Promise<StyleSheet> {
  if (stylesXml === null) return EMPTY;
  try {
    parseXml(stylesXml);
  } catch {
    throw new PackageDamage("part", part);
  }
  const formats = Math.min(count(stylesXml, "cellXfs", "xf"), MAX_FORMATS);
  const differentials = Math.min(count(stylesXml, "dxfs", "dxf"), MAX_FORMATS);
  if (formats <= 1 && differentials === 0) return EMPTY;
  const cellStyles: (Partial<Style> | undefined)[] = [undefined];
  const looks: ConditionalFormatStyle[] = [];
  try {
    const bytes = await miniPackage(stylesXml, formats, differentials).generateAsync({ type: "uint8array", compression: "STORE" });
    // Loaded when first needed: a command-line scan of a workbook without formats never pays for it.
    const { default: Excel } = await import("exceljs");
    const wb = new Excel.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    for (let i = 1; i < formats; i++) {
      const style = ws?.findCell(i, 1)?.style;
      cellStyles.push(style && Object.keys(style).length ? (style as Partial<Style>) : undefined);
    }
    const cfs = ((ws as unknown as { conditionalFormattings?: { rules: { style?: Partial<Style> }[] }[] })?.conditionalFormattings ?? []);
    for (let i = 0; i < differentials; i++) looks.push(differentialOf(cfs[i]?.rules[0]?.style));
  } catch (e) {
    if (e instanceof PackageDamage) throw e;
    throw new PackageDamage("part", part);
  }
  return {
    cellStyle: (i) => cellStyles[i],
    cellFormatCount: formats,
    numberFormat: (i) => cellStyles[i]?.numFmt ?? "General",
    differential: (i) => looks[i] ?? {},
  };
}
