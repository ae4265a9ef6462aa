// A worksheet part read in one pass of the tokenizer (xmlReader.ts): the cells of <sheetData> are handed
// over one by one (no tree, nothing per empty cell), and everything else in the part comes back as text of
// its own (the part with <sheetData> emptied), for the sheet's features. Markup that is not well formed,
// or a cell outside Excel's grid, is damage to the part, reported as such.
import { PackageDamage } from "./loadErrors";
import { Token, XmlError, XmlReader } from "./xmlReader";

export const SHEET_ROWS = 1048576;
export const SHEET_COLS = 16384;

/** One <c> element as written: position 0-based, the rest still text. */
export interface RawCell {
  row: number;
  col: number;
  /** The t attribute: "" (a number), "s", "str", "inlineStr", "b", "e", "d". */
  type: string;
  /** The s attribute: an index into the style sheet's cell formats; 0 when absent. */
  style: number;
  /** The <v> text, decoded; null when absent. */
  value: string | null;
  /** The text of an <is> inline string (its runs joined, phonetic runs left out); null when absent. */
  inline: string | null;
  /** The <f> text, decoded; null without <f>, "" for a shared formula's follower. */
  formula: string | null;
  formulaType: string;
  formulaRef: string | null;
  sharedIndex: string | null;
}

export interface RawRow {
  row: number;
  /** Height in points, when the row has its own. */
  height?: number;
  hidden: boolean;
}

export interface SheetDataHandler {
  row?(row: RawRow): void;
  /** Called for each cell in order; the object is reused for the next cell, so keep its fields, not it. */
  cell(cell: RawCell): void;
}

/** "B7" -> row 6, col 1; null when it is not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length || i > 3) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return { row: row - 1, col: col - 1 };
}

function outside(part: string, what: string): PackageDamage {
  return new PackageDamage("part", part, `${what} lies outside the sheet`);
}

const ROW_ATTRS = ["r", "ht", "hidden"] as const;
const CELL_ATTRS = ["r", "s", "t"] as const;
const FORMULA_ATTRS = ["t", "ref", "si"] as const;

/** Reads one sheet's cells, tag by tag, in the state of the cell being read. */
class CellScanner {
  private row = -1;
  private col = -1;
  private readonly a: (string | undefined)[] = [];
  private readonly cell: RawCell = { row: 0, col: 0, type: "", style: 0, value: null, inline: null, formula: null, formulaType: "", formulaRef: null, sharedIndex: null };

  constructor(
    private readonly r: XmlReader,
    private readonly part: string,
    private readonly handler: SheetDataHandler,
  ) {}

  /** From just inside <sheetData> to its end tag. */
  scan(): void {
    const r = this.r;
    for (let t = r.next(); t !== Token.Close; t = r.next()) {
      if (t === Token.Text) continue; // white space between rows
      if (t !== Token.Open) throw new PackageDamage("part", this.part);
      if (r.is("row")) this.readRow();
      else throw new PackageDamage("part", this.part);
    }
  }

  private readRow(): void {
    const r = this.r, a = this.a, part = this.part;
    r.readAttrs(ROW_ATTRS, a);
    if (a[0] !== undefined) {
      const n = Number(a[0]);
      if (!Number.isInteger(n) || n < 1) throw new PackageDamage("part", part, `a row number "${a[0]}" is not a row`);
      if (n > SHEET_ROWS) throw outside(part, `row ${a[0]}`);
      this.row = n - 1;
    } else this.row++;
    if (this.row >= SHEET_ROWS) throw outside(part, `row ${this.row + 1}`);
    this.col = -1;
    if (this.handler.row) {
      const height = a[1] !== undefined ? Number(a[1]) : undefined;
      this.handler.row({ row: this.row, height: height !== undefined && Number.isFinite(height) && height > 0 ? height : undefined, hidden: a[2] === "1" || a[2] === "true" });
    }
    for (let t = r.next(); t !== Token.Close; t = r.next()) {
      if (t === Token.Text) continue;
      if (r.is("c")) this.readCell();
      else if (r.is("extLst")) r.skip();
      else throw new PackageDamage("part", part);
    }
  }

  private readCell(): void {
    const r = this.r, a = this.a, part = this.part, cell = this.cell;
    r.readAttrs(CELL_ATTRS, a);
    const ref = a[0];
    if (ref !== undefined) {
      const p = parseRef(ref);
      if (!p) throw new PackageDamage("part", part, `"${ref}" is not a cell`);
      if (p.row >= SHEET_ROWS || p.col >= SHEET_COLS) throw outside(part, `cell ${ref}`);
      this.row = p.row;
      this.col = p.col;
    } else this.col++;
    if (this.col >= SHEET_COLS) throw outside(part, `a cell past column XFD`);
    const s = a[1] !== undefined ? Number(a[1]) : 0;
    if (!Number.isInteger(s) || s < 0) throw new PackageDamage("part", part, `cell ${ref ?? ""} names a format that does not exist`);
    cell.row = this.row;
    cell.col = this.col;
    cell.type = a[2] ?? "";
    cell.style = s;
    cell.value = cell.inline = cell.formula = cell.formulaRef = cell.sharedIndex = null;
    cell.formulaType = "";
    if (!r.selfClosing) this.readCellContent();
    else r.next();
    this.handler.cell(cell);
  }

  /** <v>, <f> and <is> inside a cell, up to and including its end tag. */
  private readCellContent(): void {
    const r = this.r, cell = this.cell;
    for (let t = r.next(); t !== Token.Close; t = r.next()) {
      if (t === Token.Text) continue;
      if (r.is("v")) cell.value = this.textOf();
      else if (r.is("f")) {
        r.readAttrs(FORMULA_ATTRS, this.a);
        cell.formulaType = this.a[0] ?? "";
        cell.formulaRef = this.a[1] ?? null;
        cell.sharedIndex = this.a[2] ?? null;
        cell.formula = this.textOf() ?? "";
      } else if (r.is("is")) cell.inline = this.inlineText();
      else r.skip();
    }
  }

  /** The text of the element just opened, up to its end tag; null when it closed itself (<v/>). */
  private textOf(): string | null {
    return elementText(this.r);
  }

  private inlineText(): string {
    return richText(this.r);
  }
}

/** The text of the element just opened, up to its end tag, nested elements skipped; null when it closed itself. */
function elementText(r: XmlReader): string | null {
  if (r.selfClosing) {
    r.next();
    return null;
  }
  let text = "";
  for (let t = r.next(); t !== Token.Close; t = r.next()) {
    if (t === Token.Text) text += r.text;
    else r.skip();
  }
  return text;
}

/**
 * Rich text as a cell's inline string (<is>) and a shared string (<si>) hold it, from its start tag to its end
 * tag: the text of its <t> and of its runs' <t>, phonetic runs (<rPh>) left out, as Excel shows it.
 */
export function richText(r: XmlReader): string {
  let text = "";
  if (r.selfClosing) {
    r.next();
    return text;
  }
  const depth = r.depth;
  for (let t = r.next(); r.depth >= depth; t = r.next()) {
    if (t !== Token.Open) continue;
    if (r.is("t")) text += elementText(r) ?? "";
    else if (r.is("rPh")) r.skip();
  }
  return text;
}

/**
 * Read a worksheet part: its cells go to the handler in order; what is returned is the rest of the part
 * (everything but the cells), for its features. Throws PackageDamage naming the part when it is not well formed.
 */
export function readSheetPart(xml: string, part: string, handler: SheetDataHandler): { rest: string } {
  const r = new XmlReader(xml);
  let dataStart = -1, dataEnd = -1;
  try {
    for (let t = r.next(); t !== Token.End; t = r.next()) {
      if (t !== Token.Open || r.depth !== 2 || !r.is("sheetData")) continue;
      if (dataStart >= 0) throw new PackageDamage("part", part, "it has two lists of cells");
      dataStart = r.end;
      if (r.selfClosing) {
        r.next();
        dataEnd = dataStart;
        continue;
      }
      new CellScanner(r, part, handler).scan();
      dataEnd = r.start;
    }
  } catch (e) {
    if (e instanceof XmlError) throw new PackageDamage("part", part);
    throw e;
  }
  return { rest: dataStart < 0 ? xml : xml.slice(0, dataStart) + xml.slice(dataEnd) };
}
