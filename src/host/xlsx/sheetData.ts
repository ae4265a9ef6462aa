// A worksheet part's cells, read in one pass over its text: <sheetData> is scanned tag by tag (no tree,
// nothing per empty cell), and everything else in the part is handed back as a small document of its
// own. Malformed markup, or a cell outside Excel's grid, is damage to the part, reported as such.
import { PackageDamage } from "./loadErrors";
import { unescapeXml } from "./xml";

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
  /** The text of an <is> inline string (its runs joined); null when absent. */
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

/** The part split around its cells: `rest` is the part with <sheetData> emptied, for the features. */
export interface SplitSheet {
  rest: string;
  dataStart: number;
  dataEnd: number;
}

/** Index just past a tag's name that starts at `from`. */
function nameEnd(xml: string, from: number, to: number): number {
  let end = from;
  while (end < to) {
    const c = xml.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    end++;
  }
  return end;
}

function localName(xml: string, from: number, end: number): string {
  const name = xml.slice(from, end);
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Where <sheetData>'s content starts and ends; the text around it is the rest of the part. */
export function splitSheet(xml: string, part: string): SplitSheet {
  const open = /<(?:[\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return { rest: xml, dataStart: 0, dataEnd: 0 };
  const dataStart = open.index + open[0].length;
  if (open[1] === "/") return { rest: xml, dataStart, dataEnd: dataStart };
  const close = /<\/(?:[\w.-]+:)?sheetData\s*>/g;
  close.lastIndex = dataStart;
  const m = close.exec(xml);
  if (!m) throw new PackageDamage("part", part);
  return { rest: xml.slice(0, dataStart) + xml.slice(m.index), dataStart, dataEnd: m.index };
}

/** End of a tag that starts at lt (the index of its ">"), stepping over quoted attribute values. */
function tagEnd(xml: string, lt: number, end: number, part: string): number {
  let quote = 0;
  for (let i = lt + 1; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) break;
  }
  throw new PackageDamage("part", part);
}

/** Attributes of a start tag between `from` (after its name) and `to` (its ">"), prefixes dropped. */
function attrs(xml: string, from: number, to: number, part: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = from;
  while (i < to) {
    let c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      i++;
      continue;
    }
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq >= to) throw new PackageDamage("part", part);
    let name = xml.slice(i, eq).trim();
    const colon = name.indexOf(":");
    if (colon >= 0 && !name.startsWith("xmlns")) name = name.slice(colon + 1);
    let q = eq + 1;
    while (q < to && (c = xml.charCodeAt(q)) !== 34 && c !== 39) q++;
    if (q >= to) throw new PackageDamage("part", part);
    const close = xml.indexOf(xml[q], q + 1);
    if (close < 0 || close > to) throw new PackageDamage("part", part);
    const v = xml.slice(q + 1, close);
    out[name] = v.includes("&") ? unescapeXml(v) : v;
    i = close + 1;
  }
  return out;
}

/** The r, s and t attributes of a <c> tag, read without building an object (this runs once per cell). */
interface CellTag {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
}

function cellTag(xml: string, from: number, to: number, part: string, out: CellTag): void {
  out.r = out.s = out.t = undefined;
  let i = from;
  while (i < to) {
    const c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      i++;
      continue;
    }
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq >= to) throw new PackageDamage("part", part);
    let q = eq + 1;
    while (q < to && xml.charCodeAt(q) !== 34 && xml.charCodeAt(q) !== 39) q++;
    if (q >= to) throw new PackageDamage("part", part);
    const close = xml.indexOf(xml[q], q + 1);
    if (close < 0 || close > to) throw new PackageDamage("part", part);
    // Names of one letter (possibly after a prefix): r, s, t.
    const nameEnd = eq - 1 >= i && xml.charCodeAt(eq - 1) <= 32 ? xml.slice(i, eq).trimEnd().length + i : eq;
    if (nameEnd - i === 1 || (nameEnd - i > 2 && xml.charCodeAt(nameEnd - 2) === 58)) {
      const n = xml.charCodeAt(nameEnd - 1);
      const raw = xml.slice(q + 1, close);
      const v = raw.includes("&") ? unescapeXml(raw) : raw;
      if (n === 114) out.r = v;
      else if (n === 115) out.s = v;
      else if (n === 116) out.t = v;
    }
    i = close + 1;
  }
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

/** Scan the cells of one worksheet part (between dataStart and dataEnd), calling the handler in order. */
export function scanSheetData(xml: string, split: SplitSheet, part: string, handler: SheetDataHandler): void {
  const end = split.dataEnd;
  const stack: string[] = [];
  let i = split.dataStart;
  let row = -1;
  let col = -1;
  let cell: RawCell | null = null;
  /** Which text is being collected: "v", "f", "t" (an inline string's text) or none. */
  let collect: "v" | "f" | "t" | null = null;
  let text = "";
  let phonetic = 0;
  const tag: CellTag = { r: undefined, s: undefined, t: undefined };
  const reused: RawCell = { row: 0, col: 0, type: "", style: 0, value: null, inline: null, formula: null, formulaType: "", formulaRef: null, sharedIndex: null };
  while (i < end) {
    const lt = xml.indexOf("<", i);
    const stop = lt < 0 || lt >= end ? end : lt;
    if (collect && stop > i) text += xml.slice(i, stop);
    if (stop === end) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47) {
      // A closing tag.
      const gt = xml.indexOf(">", lt);
      if (gt < 0 || gt >= end) throw new PackageDamage("part", part);
      const name = localName(xml, lt + 2, nameEnd(xml, lt + 2, gt));
      if (stack.pop() !== name) throw new PackageDamage("part", part);
      if (collect && (name === collect || (collect === "t" && name === "t"))) {
        const decoded = text.includes("&") ? unescapeXml(text) : text;
        if (cell) {
          if (collect === "v") cell.value = decoded;
          else if (collect === "f") cell.formula = decoded;
          else cell.inline = (cell.inline ?? "") + decoded;
        }
        collect = null;
        text = "";
      } else if (name === "rPh") phonetic--;
      else if (name === "c" && cell) {
        handler.cell(cell);
        cell = null;
      }
      i = gt + 1;
      continue;
    }
    if (c1 === 33) {
      // A comment or a CDATA section.
      if (xml.startsWith("<![CDATA[", lt)) {
        const close = xml.indexOf("]]>", lt);
        if (close < 0 || close >= end) throw new PackageDamage("part", part);
        if (collect) text += xml.slice(lt + 9, close).replace(/&/g, "&amp;");
        i = close + 3;
      } else {
        const close = xml.indexOf("-->", lt);
        if (close < 0 || close >= end) throw new PackageDamage("part", part);
        i = close + 3;
      }
      continue;
    }
    if (c1 === 63) {
      const close = xml.indexOf("?>", lt);
      if (close < 0 || close >= end) throw new PackageDamage("part", part);
      i = close + 2;
      continue;
    }
    const gt = tagEnd(xml, lt, end, part);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const afterName = nameEnd(xml, lt + 1, gt);
    const name = localName(xml, lt + 1, afterName);
    if (name === "row") {
      if (stack.length) throw new PackageDamage("part", part);
      const a = attrs(xml, afterName, gt, part);
      if (a.r !== undefined) {
        const r = Number(a.r);
        if (!Number.isInteger(r) || r < 1) throw new PackageDamage("part", part, `a row number "${a.r}" is not a row`);
        if (r > SHEET_ROWS) throw outside(part, `row ${a.r}`);
        row = r - 1;
      } else row++;
      if (row >= SHEET_ROWS) throw outside(part, `row ${row + 1}`);
      col = -1;
      const height = a.ht !== undefined ? Number(a.ht) : undefined;
      handler.row?.({ row, height: height !== undefined && Number.isFinite(height) && height > 0 ? height : undefined, hidden: a.hidden === "1" || a.hidden === "true" });
    } else if (name === "c") {
      if (stack.length !== 1 || stack[0] !== "row") throw new PackageDamage("part", part);
      cellTag(xml, afterName, gt, part, tag);
      if (tag.r !== undefined) {
        const p = parseRef(tag.r);
        if (!p) throw new PackageDamage("part", part, `"${tag.r}" is not a cell`);
        if (p.row >= SHEET_ROWS || p.col >= SHEET_COLS) throw outside(part, `cell ${tag.r}`);
        row = p.row;
        col = p.col;
      } else col++;
      if (col >= SHEET_COLS) throw outside(part, `a cell past column XFD`);
      const s = tag.s !== undefined ? Number(tag.s) : 0;
      if (!Number.isInteger(s) || s < 0) throw new PackageDamage("part", part, `cell ${tag.r ?? ""} names a format that does not exist`);
      cell = reused;
      cell.row = row;
      cell.col = col;
      cell.type = tag.t ?? "";
      cell.style = s;
      cell.value = cell.inline = cell.formula = cell.formulaRef = cell.sharedIndex = null;
      cell.formulaType = "";
      if (selfClosing) {
        handler.cell(cell);
        cell = null;
      } else if (xml.startsWith("<v>", gt + 1)) {
        // The common shape, <c ...><v>text</v></c>, read in one step.
        const close = xml.indexOf("</v>", gt + 4);
        if (close > 0 && close < end && xml.startsWith("</c>", close + 4)) {
          const text = xml.slice(gt + 4, close);
          if (text.indexOf("<") < 0) {
            cell.value = text.includes("&") ? unescapeXml(text) : text;
            handler.cell(cell);
            cell = null;
            i = close + 8;
            continue;
          }
        }
      }
    } else if (cell) {
      if (name === "v") collect = selfClosing ? null : "v";
      else if (name === "f") {
        const a = attrs(xml, afterName, gt, part);
        cell.formula = "";
        cell.formulaType = a.t ?? "";
        cell.formulaRef = a.ref ?? null;
        cell.sharedIndex = a.si ?? null;
        collect = selfClosing ? null : "f";
      } else if (name === "is") cell.inline ??= "";
      else if (name === "rPh") {
        if (!selfClosing) phonetic++;
      } else if (name === "t" && phonetic === 0 && stack.includes("is")) collect = selfClosing ? null : "t";
    } else if (!stack.length || stack[stack.length - 1] !== "row" || name !== "extLst") {
      if (!stack.includes("extLst")) throw new PackageDamage("part", part);
    }
    if (!selfClosing) stack.push(name);
    text = "";
    i = gt + 1;
  }
  if (stack.length || cell) throw new PackageDamage("part", part);
}
