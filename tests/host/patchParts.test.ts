// The patcher's edits of the parts it must touch, on part texts written as other tools write them
// (prefixed namespaces, sections missing, self-closing lists), and on packages Excel has saved
// (a calculation chain that names the old scorecard's cells).
import JSZip from "jszip";
import { openWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { setRequirementChecker } from "../../src/excel/requirements";
import { mergeStyles, remapSheetStyles } from "../../src/host/xlsx/patchStyles";
import { filterCalcChain, patchWorkbookXml } from "../../src/host/xlsx/patchWorkbook";
import { inlineStrings } from "../../src/host/xlsx/patchPackage";
import { parseXml } from "../../src/host/xlsx/chartXmlText";
import { FEATURES, featureWorkbook } from "../helpers/featureWorkbooks";

const LIFTED_STYLES =
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFC00000"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="1" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>`;

describe("styles for the new sheets", () => {
  it("join a prefixed styles part in its namespace, with the sections it lacks created in schema order", () => {
    const original =
      `<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font></x:fonts>` +
      `<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>` +
      `<x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs><x:dxfs count="0"/></x:styleSheet>`;
    const { xml, maps } = mergeStyles(original, LIFTED_STYLES, { xf: new Set([0, 1, 2]), dxf: new Set([0]) });
    expect(() => parseXml(xml)).not.toThrow();
    // The file's own entries keep their positions; ours follow, in the file's prefix.
    expect(xml).toContain(`<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts><x:fonts count="2"><x:font><x:sz val="10"/><x:name val="Arial"/></x:font><x:font><x:b/><x:sz val="14"/></x:font></x:fonts>`);
    expect(xml).toContain(`<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1"/><x:xf numFmtId="9" fontId="1" fillId="0" borderId="0" xfId="0"/></x:cellXfs>`);
    expect(xml).toContain(`<x:dxfs count="1"><x:dxf><x:font><x:color rgb="FF9C0006"/></x:font></x:dxf></x:dxfs>`);
    expect([...maps.xf]).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(remapSheetStyles(`<row r="1" s="2" customFormat="1"><c r="A1" s="1" t="s"><v>0</v></c></row><cfRule type="expression" dxfId="0" priority="1"/>`, maps)).toBe(
      `<row r="1" s="2" customFormat="1"><c r="A1" s="1" t="s"><v>0</v></c></row><cfRule type="expression" dxfId="0" priority="1"/>`,
    );
  });

  it("reuse a custom number format the file already has, and number new ones after the file's", () => {
    const original =
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="180" formatCode="#,##0"/></numFmts>` +
      `<fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="4"><xf/><xf/><xf/><xf/></cellXfs></styleSheet>`;
    const lifted = LIFTED_STYLES.replace(`<numFmt numFmtId="164" formatCode="0.0%"/>`, `<numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0 &quot;days&quot;"/>`).replace(
      `<xf numFmtId="9"`,
      `<xf numFmtId="165"`,
    );
    const { xml, maps } = mergeStyles(original, lifted, { xf: new Set([1, 2]), dxf: new Set() });
    expect(xml).toContain(`<numFmt numFmtId="181" formatCode="0 &quot;days&quot;"/>`);
    expect(xml).toContain(`<xf numFmtId="170" fontId="1" fillId="2"`);
    expect(xml).toContain(`<xf numFmtId="181" fontId="1" fillId="0"`);
    expect([...maps.xf]).toEqual([[1, 4], [2, 5]]);
  });
});

describe("the workbook part", () => {
  it("in a prefixed part without an r: binding: the new sheet declares it, names follow their sheets", () => {
    const wb =
      `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:bookViews><x:workbookView activeTab="1" firstSheet="1"/></x:bookViews>` +
      `<x:sheets><x:sheet name="Old scorecard" sheetId="4" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/><x:sheet name="Data" sheetId="2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/></x:sheets>` +
      `<x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="0">'Old scorecard'!$A$1:$B$2</x:definedName><x:definedName name="Local" localSheetId="1">Data!$A$1</x:definedName></x:definedNames></x:workbook>`;
    const out = patchWorkbookXml(wb, {
      sheets: [{ original: 1 }, { added: { name: "Scorecard", relId: "rId9", selected: false } }],
      removeNames: [],
      addNames: [{ name: { name: "_xlnm.Print_Area", formula: "=Scorecard!$A$1:$P$9", visible: true }, sheetIndex: 1 }],
      activeIfGone: 1,
    });
    expect(out).toContain(`<x:sheets><x:sheet name="Data" sheetId="2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/><x:sheet name="Scorecard" sheetId="5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/></x:sheets>`);
    expect(out).toContain(`<x:definedNames><x:definedName name="Local" localSheetId="0">Data!$A$1</x:definedName><x:definedName name="_xlnm.Print_Area" localSheetId="1">Scorecard!$A$1:$P$9</x:definedName></x:definedNames>`);
    expect(out).toContain(`<x:workbookView activeTab="0" firstSheet="0"/>`);
  });

  it("the calculation chain loses the removed sheet's cells, including those that name it only by the cell before", () => {
    const chain = `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/><c r="A1" i="3" l="1"/><c r="A2"/><c r="C3" i="1"/><c r="C4"/></calcChain>`;
    expect(filterCalcChain(chain, new Set([3]))).toBe(`<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/><c r="C3" i="1"/><c r="C4"/></calcChain>`);
    expect(filterCalcChain(`<calcChain><c r="A1" i="3"/><c r="B1"/><c r="B2" i="1"/><c r="B3"/></calcChain>`, new Set([1]))).toBe(`<calcChain><c r="A1" i="3"/><c r="B1"/></calcChain>`);
    expect(filterCalcChain(`<calcChain><c r="A1" i="3"/></calcChain>`, new Set([3]))).toBeNull();
  });

  it("shared strings of the new sheet are written inline, rich text and spaces kept", () => {
    const strings = [`<t>Plain</t>`, `<r><rPr><b/></rPr><t xml:space="preserve">Bold </t></r><r><t>rest</t></r>`];
    expect(inlineStrings(`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="2" t="s"><v>0</v></c><c r="C1"><v>3</v></c><c r="D1" t="s"/></row>`, strings)).toBe(
      `<row r="1"><c r="A1" t="inlineStr"><is>${strings[1]}</is></c><c r="B1" s="2" t="inlineStr"><is>${strings[0]}</is></c><c r="C1"><v>3</v></c><c r="D1" t="s"/></row>`,
    );
  });
});

describe("a workbook Excel has saved since the last scorecard", () => {
  it("regenerating drops the old scorecard's cells from the calculation chain and keeps the others", async () => {
    const input = await featureWorkbook(FEATURES.filter((f) => f.name.startsWith("array formulas")));
    const first = await openWorkbook(input);
    setRequirementChecker((n, v) => first.isSetSupported(n, v));
    await first.run((ctx) => insertScorecard(ctx, { workbookName: "x.xlsx", overrides: { asOf: "2024-02-29" } }));
    // What Excel writes on saving: a chain with the scorecard's formula cells and the Calc sheet's.
    const zip = await JSZip.loadAsync(await first.saveCopy());
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const scorecardId = /<sheet name="Scorecard" sheetId="(\d+)"/.exec(wbXml)![1];
    const calcId = /<sheet sheetId="(\d+)" name="Calc"/.exec(wbXml)![1];
    zip.file("xl/calcChain.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E1" i="${calcId}" a="1"/><c r="B3" i="${scorecardId}"/><c r="B4"/></calcChain>`);
    zip.file("xl/_rels/workbook.xml.rels", (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("</Relationships>", `<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`));
    zip.file("[Content_Types].xml", (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`));
    const saved = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });

    const again = await openWorkbook(saved);
    setRequirementChecker((n, v) => again.isSetSupported(n, v));
    await again.run((ctx) => insertScorecard(ctx, { workbookName: "x.xlsx", overrides: { asOf: "2024-02-29" } }));
    const out = await JSZip.loadAsync(await again.saveCopy());
    expect(await out.file("xl/calcChain.xml")!.async("string")).toContain(`<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E1" i="${calcId}" a="1"/></calcChain>`);
  });
});
