// A sheet's cells are read two ways: the common form of a cell straight from the text (sheetData.ts's
// quickCell), anything else through the tokenizer. Written with a namespace prefix ("x:c"), the same cells are
// read by the tokenizer alone; both readings must give the same cells, or both refuse the part alike, whatever
// form the cells take: attributes in any order and quote, white space, entities, references and styles that
// are not cells, unknown types, formulas, inline strings, CDATA, empty and self-closing cells.
import fc from "fast-check";
import { readSheetPart, type RawCell } from "../../src/host/xlsx/sheetData";

// Mostly what files hold, sometimes what a file should not (each refused or read as the tokenizer reads it).
const REFS = ["A1", "B7", "b7", "XFD1048576", "Z26", "AA3", "C1", "A01", "C&#51;"];
const BAD_REFS = ["7B", "AAAA1", "A0", "XFE1", "A1048577", "A", "1", "", "B 7", "A12345678", "A1\tB"];
const STYLES = ["0", "1", "3", "01", "12", "4"];
const BAD_STYLES = ["", "x", "-1", "1e2", " 2", "2.0", "1234567890", "&#49;"];
const TYPES = ["s", "n", "str", "b", "e", "d", "inlineStr", ""];
const BAD_TYPES = ["z", "S", "&#115;", " s"];
const VALUES = ["0", "12", "1.5", "-3.25", "4.4E-3", "7", "", "#N/A", "1", "2024-02-29T00:00:00", "é", "x y"];
const ODD_VALUES = [" 3", "&#49;", "1&amp;2", "1\r\n", "a]b", "x\ty", "<![CDATA[5]]>", "a]]&gt;", "a]]>b", "7]]>"];
const SPACE = fc.constantFrom(" ", " ", " ", "  ", "\n", "\t", "\r\n");
const some = (good: string[], bad: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 6 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });

type Attr = [name: string, value: string];
const attr = fc.oneof(
  some(REFS, BAD_REFS).map((v): Attr => ["r", v]),
  some(STYLES, BAD_STYLES).map((v): Attr => ["s", v]),
  some(TYPES, BAD_TYPES).map((v): Attr => ["t", v]),
  fc.constantFrom<Attr>(["cm", "1"], ["vm", "2"], ["ph", "1"], ["x14:dx", "1"], ["r", "C3"], ["s", "4"], ["t", "s"]),
);
const attrText = fc
  .tuple(attr, SPACE, fc.constantFrom('"', "'"), fc.constantFrom("=", "=", "=", " = ", "\n="))
  .map(([[n, v], sp, q, eq]) => `${sp}${n}${eq}${q}${v}${q}`);

/** A cell's markup with its element names prefixed by `p`: its start tag, content and end tag. */
type CellMarkup = (p: string) => string;
const plain = fc.oneof(
  fc.constant(() => "/>"),
  fc.constant((p: string) => `></${p}c>`),
  some(VALUES, ODD_VALUES).map((v) => (p: string) => `><${p}v>${v}</${p}v></${p}c>`),
);
const odd = fc.oneof(
  fc.constantFrom(...VALUES).map((v) => (p: string) => `><${p}v>${v}</${p}v> </${p}c>`),
  fc.constant((p: string) => `><${p}v/></${p}c>`),
  fc.constant((p: string) => `><${p}v>1</${p}v ></${p}c >`),
  fc.constant((p: string) => `><${p}f>SUM(A1:A2)</${p}f><${p}v>3</${p}v></${p}c>`),
  fc.constant((p: string) => `><${p}is><${p}t>hi</${p}t></${p}is></${p}c>`),
  fc.constant((p: string) => `><${p}v>1</${p}v><!-- note --></${p}c>`),
  fc.constant((p: string) => `><${p}v>1</${p}c>`),
  fc.constant((p: string) => `><${p}v>1</${p}v>`),
  fc.constant(() => ` /`),
);
const content = fc.oneof({ arbitrary: plain, weight: 8 }, { arbitrary: odd, weight: 1 });
const cell = fc
  .tuple(fc.array(attrText, { maxLength: 4 }), fc.constantFrom("", " ", "\n"), content, fc.constantFrom("", "", "\n  ", " "))
  .map(([attrs, beforeEnd, rest, before]): CellMarkup => (p) => `${before}<${p}c${attrs.join("")}${beforeEnd}${rest(p)}`);
const row = fc.tuple(fc.constantFrom(' r="1"', ' r="5"', "", ' r="0"'), fc.array(cell, { maxLength: 6 })).map(([r, cells]) => (p: string) => `<${p}row${r}>${cells.map((c) => c(p)).join("")}</${p}row>`);

function sheet(rows: ((p: string) => string)[], p: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${rows.map((r) => r(p)).join("\n")}</${p}sheetData></${p}worksheet>`;
}

/** The cells read, each as the handler saw it, or what the part was refused for. */
function read(xml: string): RawCell[] | string {
  const cells: RawCell[] = [];
  try {
    readSheetPart(xml, "xl/worksheets/sheet1.xml", { cell: (c) => cells.push({ ...c }) });
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
  return cells;
}

describe("a sheet's cells read straight from the text equal the tokenizer's reading", () => {
  it("gives the same cells, or the same refusal, as the same cells written with a prefix", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (rows) => {
        expect(read(sheet(rows, ""))).toEqual(read(sheet(rows, "x:")));
      }),
      { seed: 20261206, numRuns: 3000, endOnFailure: true },
    );
  });

  it("reads the common forms it is for", () => {
    const xml = sheet([() => `<row r="2"><c r="B2" s="3" t="s"><v>7</v></c><c r='C2'><v>1.5</v></c><c s="1"/><c r="E2" t="str"></c></row>`], "");
    expect(read(xml)).toEqual([
      { row: 1, col: 1, type: "s", style: 3, value: "7", inline: null, formula: null, formulaType: "", formulaRef: null, sharedIndex: null },
      { row: 1, col: 2, type: "", style: 0, value: "1.5", inline: null, formula: null, formulaType: "", formulaRef: null, sharedIndex: null },
      { row: 1, col: 3, type: "", style: 1, value: null, inline: null, formula: null, formulaType: "", formulaRef: null, sharedIndex: null },
      { row: 1, col: 4, type: "str", style: 0, value: null, inline: null, formula: null, formulaType: "", formulaRef: null, sharedIndex: null },
    ]);
  });
});
