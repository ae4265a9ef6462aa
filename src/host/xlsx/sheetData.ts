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

const LT = 60, GT = 62, SLASH = 47, EQ = 61, QUOT = 34, APOS = 39, AMP = 38;
const LOWER_C = 99, LOWER_R = 114, LOWER_S = 115, LOWER_T = 116;

/** The cell types Excel writes, as the t attribute spells them. */
const CELL_TYPES = ["s", "n", "str", "b", "e", "d", "inlineStr"];

/** The t attribute's value at [from, to) when it is one of CELL_TYPES (that very string), else undefined. */
function cellType(xml: string, from: number, to: number): string | undefined {
  for (const type of CELL_TYPES) if (type.length === to - from && xml.startsWith(type, from)) return type;
  return to === from ? "" : undefined;
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
    for (;;) {
      if (this.quickCell()) continue;
      const t = r.next();
      if (t === Token.Close) break;
      if (t === Token.Text) continue;
      if (r.is("c")) this.readCell();
      else if (r.is("extLst")) r.skip();
      else throw new PackageDamage("part", part);
    }
  }

  /**
   * The cell as nearly every file writes it, read straight from the text: white space, then <c> with unprefixed
   * attributes whose values need no decoding, closing itself or holding nothing or one <v> of plain text, then
   * </c>. True when it read one; false, having moved nothing, for any other form or anything it would have to
   * refuse, which the tokenizer (readCell) then reads in full: this only spares the common case the tokenizer's
   * general steps and the strings of its attributes, and gives exactly what readCell gives.
   */
  private quickCell(): boolean {
    const r = this.r;
    let i = r.position;
    if (i < 0) return false;
    const xml = r.xml, stop = r.limit;
    let c = xml.charCodeAt(i);
    while (c === 32 || c === 10 || c === 9 || c === 13) c = xml.charCodeAt(++i);
    if (c !== LT || xml.charCodeAt(i + 1) !== LOWER_C) return false;
    i += 2;
    let refAt = -1, refEnd = -1, styleAt = -1, styleEnd = -1, typeAt = -1, typeEnd = -1;
    for (;;) {
      c = xml.charCodeAt(i);
      if (c === GT || c === SLASH) break;
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
      do c = xml.charCodeAt(++i);
      while (c === 32 || c === 10 || c === 9 || c === 13);
      if (c === GT || c === SLASH) break;
      const nameAt = i;
      while ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) c = xml.charCodeAt(++i);
      const nameLength = i - nameAt;
      if (nameLength === 0 || c !== EQ) return false;
      const quote = xml.charCodeAt(++i);
      if (quote !== QUOT && quote !== APOS) return false;
      const valueAt = ++i;
      // A value with "<" is refused, and one with an entity or a tab or line end is decoded: the tokenizer's.
      for (c = xml.charCodeAt(i); c !== quote; c = xml.charCodeAt(++i)) if (i >= stop || c === LT || c === AMP || c < 32) return false;
      if (nameLength === 1) {
        // The first of each name counts, as readAttrs reads them.
        const n = xml.charCodeAt(nameAt);
        if (n === LOWER_R && refAt < 0) {
          refAt = valueAt;
          refEnd = i;
        } else if (n === LOWER_S && styleAt < 0) {
          styleAt = valueAt;
          styleEnd = i;
        } else if (n === LOWER_T && typeAt < 0) {
          typeAt = valueAt;
          typeEnd = i;
        }
      }
      i++;
    }
    let value: string | null = null;
    if (c === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT) return false;
      i += 2;
    } else if (xml.startsWith("</c>", ++i)) i += 4;
    else if (xml.startsWith("<v>", i)) {
      const textAt = (i += 3);
      // Plain text: an entity, a carriage return or a "]" (of "]]>") is the tokenizer's to read or refuse.
      for (c = xml.charCodeAt(i); c !== LT; c = xml.charCodeAt(++i)) if (i >= stop || c === AMP || c === 13 || c === 93) return false;
      if (!xml.startsWith("</v></c>", i)) return false;
      value = xml.slice(textAt, i);
      i += 8;
    } else return false;
    if (i > stop) return false;

    // The attributes, as readCell reads them; any it would refuse are left to it.
    let row = this.row, col = this.col;
    if (refAt >= 0) {
      let k = refAt;
      col = 0;
      for (c = xml.charCodeAt(k); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = xml.charCodeAt(++k)) col = col * 26 + (c >= 97 ? c - 96 : c - 64);
      const letters = k - refAt;
      if (letters === 0 || letters > 3 || k === refEnd || refEnd - k > 7) return false;
      row = 0;
      for (; k < refEnd; k++) {
        c = xml.charCodeAt(k);
        if (c < 48 || c > 57) return false;
        row = row * 10 + (c - 48);
      }
      row -= 1;
      col -= 1;
      if (row >= SHEET_ROWS || col >= SHEET_COLS) return false;
    } else col++;
    if (col >= SHEET_COLS) return false;
    let style = 0;
    if (styleAt >= 0) {
      if (styleEnd === styleAt || styleEnd - styleAt > 9) return false;
      for (let k = styleAt; k < styleEnd; k++) {
        c = xml.charCodeAt(k);
        if (c < 48 || c > 57) return false;
        style = style * 10 + (c - 48);
      }
    }
    const type = typeAt < 0 ? "" : cellType(xml, typeAt, typeEnd);
    if (type === undefined) return false;

    this.row = row;
    this.col = col;
    const cell = this.cell;
    cell.row = row;
    cell.col = col;
    cell.type = type;
    cell.style = style;
    cell.value = value;
    cell.inline = cell.formula = cell.formulaRef = cell.sharedIndex = null;
    cell.formulaType = "";
    r.skipTo(i);
    this.handler.cell(cell);
    return true;
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
