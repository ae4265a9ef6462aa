// Our style sheet parser gives every cell format and differential format ExcelJS's reader gave, on every
// fixture, sample and corpus workbook (where the two differ by design — <b val="0"/> is not bold here, a size
// of 10.5 stays 10.5 — the file is read as it says); and it reads a style sheet written with namespace
// prefixes, which ExcelJS's reader cannot.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readStyles } from "../../src/host/xlsx/styles";
import { findWorkbookPart, readWorkbookParts } from "../../src/host/xlsx/workbookParts";
import { ZipPackage } from "../../src/host/xlsx/zipPackage";
import { readStyleSheetWithExcelJs } from "../helpers/excelJsStyles";

const ROOT = join(__dirname, "..", "..");
const FILES = [
  ...readdirSync(join(ROOT, "tests", "fixtures")).filter((f) => f.endsWith(".xlsx")).map((f) => join("tests", "fixtures", f)),
  ...readdirSync(join(ROOT, "tests", "corpus", "xlsx")).filter((f) => f.endsWith(".xlsx")).map((f) => join("tests", "corpus", "xlsx", f)),
  "assets/samples/send-board-kpis.xlsx",
];

function stylesOf(file: string): { xml: string; part: string } | null {
  let pkg: ZipPackage;
  try {
    pkg = new ZipPackage(new Uint8Array(readFileSync(join(ROOT, file))));
    const wb = findWorkbookPart(pkg);
    const part = wb ? readWorkbookParts(pkg, wb).stylesPart : null;
    return part ? { xml: pkg.textOf(part), part } : null;
  } catch {
    return null; // a damaged or non-workbook fixture: no style sheet to compare
  }
}

/** What differs by design: ExcelJS reads any <b>, <i> ... as on, and a size as a whole number. */
function asExcelJsReads(xml: string): string {
  return xml.replace(/<((?:\w+:)?(?:b|i|strike|outline|shadow|condense|extend)) val="(?:0|false)"\s*\/>/g, "").replace(/(<(?:\w+:)?sz val=")(\d+)\.\d+"/g, '$1$2"');
}

describe("the style sheet parser", () => {
  const cases = FILES.map((f) => [f, stylesOf(f)] as const).filter((c): c is readonly [string, { xml: string; part: string }] => c[1] !== null);

  it("has style sheets to compare", () => expect(cases.length).toBeGreaterThan(40));

  it.each(cases)("reads every format of %s as ExcelJS did", async (_file, { xml, part }) => {
    const ours = readStyles(asExcelJsReads(xml), part);
    const theirs = await readStyleSheetWithExcelJs(asExcelJsReads(xml), part);
    for (let i = 0; i < Math.max(ours.cellFormatCount, theirs.cellFormatCount); i++) {
      expect([i, JSON.parse(JSON.stringify(ours.cellStyle(i) ?? null))]).toEqual([i, JSON.parse(JSON.stringify(theirs.cellStyle(i) ?? null))]);
      expect(ours.numberFormat(i)).toBe(theirs.numberFormat(i));
    }
    for (let i = 0; i < 64; i++) expect(ours.differential(i)).toEqual(theirs.differential(i));
  });

  it("reads a style sheet written with namespace prefixes as the same sheet without", () => {
    const plain = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="10.5"/><color rgb="FFFF0000"/><name val="Arial"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF00B050"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0" applyNumberFormat="1"><alignment horizontal="center" wrapText="1"/></xf><xf numFmtId="9" fontId="0" fillId="0" borderId="0"/></cellXfs><dxfs count="1"><dxf><font><b/><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>`;
    const prefixed = plain.replace(/<(\/?)(\w+)/g, "<$1x:$2").replace('xmlns="', 'xmlns:x="').replace("<x:?xml", "<?xml");
    expect(prefixed).toContain("<x:font>");
    const a = readStyles(plain, "xl/styles.xml");
    const b = readStyles(prefixed, "xl/styles.xml");
    expect(b.cellFormatCount).toBe(3);
    for (let i = 0; i < 3; i++) expect(b.cellStyle(i)).toEqual(a.cellStyle(i));
    expect(b.cellStyle(1)).toMatchObject({ numFmt: "0.0%", font: { bold: true, size: 10.5, name: "Arial", color: { argb: "FFFF0000" } }, fill: { type: "pattern", pattern: "solid" }, alignment: { horizontal: "center", wrapText: true } });
    expect(b.differential(0)).toEqual({ fillColor: "#FFC7CE", fontColor: "#9C0006", bold: true, italic: undefined });
  });

  it("refuses a style sheet that is not well formed, naming the part", () => {
    expect(() => readStyles("<styleSheet><fonts></styleSheet>", "xl/styles.xml")).toThrow(/part xl\/styles\.xml/);
  });
});
