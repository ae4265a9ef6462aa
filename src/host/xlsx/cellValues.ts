// What a cell of the file holds, exactly as written: shared text, numbers (never NaN or Infinity),
// booleans, error values, ISO dates, and the formulas of shared-formula followers. A value that
// cannot be what its type says is damage to the part, named with the cell.
import { cellAddress } from "../../core/address";
import type { CellValue } from "../model/types";
import { PackageDamage } from "./loadErrors";
import type { RawCell } from "./sheetData";
import { richText, SHEET_COLS, SHEET_ROWS } from "./sheetData";
import { Token, XmlError, XmlReader } from "./xmlReader";

const MS_PER_DAY = 86400000;
const EPOCH_1900 = 25569; // serial of 1970-01-01
export const DAYS_1900_TO_1904 = 1462;

/** Every <si> of a shared strings part, read with the tokenizer, its runs joined (phonetic runs left out), as Excel shows them. */
export function parseSharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  const r = new XmlReader(xml);
  try {
    for (let t = r.next(); t !== Token.End; t = r.next()) {
      if (t === Token.Open && r.depth === 2 && r.is("si")) out.push(richText(r));
    }
  } catch (e) {
    if (e instanceof XmlError) throw new PackageDamage("part", part);
    throw e;
  }
  return out;
}

function where(cell: RawCell): string {
  return cellAddress(cell.row, cell.col);
}

/** The value a cell holds (its cached result for a formula); throws PackageDamage when it cannot be one. */
export function cellValueOf(cell: RawCell, sharedStrings: readonly string[], date1904: boolean, part: string): CellValue {
  const v = cell.value;
  switch (cell.type) {
    case "":
    case "n": {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new PackageDamage("part", part, `cell ${where(cell)} holds "${v.slice(0, 20)}" as a number`);
      return n;
    }
    case "s": {
      if (v === null) return null;
      const i = Number(v);
      if (!Number.isInteger(i) || i < 0 || i >= sharedStrings.length) {
        throw new PackageDamage("part", part, `cell ${where(cell)} refers to text the workbook does not have`);
      }
      return sharedStrings[i];
    }
    case "str":
      return v ?? (cell.formula !== null ? null : "");
    case "inlineStr":
      return cell.inline ?? v ?? "";
    case "b":
      if (v === null) return null;
      if (v === "1" || v === "true") return true;
      if (v === "0" || v === "false") return false;
      throw new PackageDamage("part", part, `cell ${where(cell)} holds "${v.slice(0, 20)}" as TRUE or FALSE`);
    case "e":
      if (v === null) return null;
      if (!v.startsWith("#")) throw new PackageDamage("part", part, `cell ${where(cell)} holds "${v.slice(0, 20)}" as an error value`);
      return { error: v };
    case "d": {
      if (v === null) return null;
      const ms = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) || !v.includes("T") ? v : `${v}Z`);
      if (!Number.isFinite(ms)) throw new PackageDamage("part", part, `cell ${where(cell)} holds "${v.slice(0, 20)}" as a date`);
      const serial = ms / MS_PER_DAY + EPOCH_1900;
      return date1904 ? serial - DAYS_1900_TO_1904 : serial;
    }
    default:
      throw new PackageDamage("part", part, `cell ${where(cell)} has a type ("${cell.type.slice(0, 10)}") Excel does not write`);
  }
}

/** Shared formulas of one sheet: the leader's text, and each follower's text moved to its own cell. */
export class SharedFormulas {
  private readonly leaders = new Map<string, { formula: string; row: number; col: number }>();

  /** The formula text of a cell, or undefined when it has none (or is a data table). */
  formulaOf(cell: RawCell): string | undefined {
    if (cell.formula === null || cell.formulaType === "dataTable") return undefined;
    if (cell.formulaType !== "shared" || cell.sharedIndex === null) return cell.formula || undefined;
    const leader = this.leaders.get(cell.sharedIndex);
    if (cell.formula !== "" || !leader) {
      if (cell.formula === "") return undefined;
      this.leaders.set(cell.sharedIndex, { formula: cell.formula, row: cell.row, col: cell.col });
      return cell.formula;
    }
    return shiftFormula(leader.formula, cell.row - leader.row, cell.col - leader.col);
  }
}

const PIECES = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
const CELL_REF = /(^|[^\w.$'"])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLettersOf(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A formula as it reads from a cell dRows below and dCols right of where it was written (relative references move). */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (!dRows && !dCols) return formula;
  return formula
    .split(PIECES)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(CELL_REF, (all, lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
            const col = columnNumber(letters);
            const row = Number(digits);
            if (col > SHEET_COLS || row < 1 || row > SHEET_ROWS) return all;
            const newCol = colAbs ? col : col + dCols;
            const newRow = rowAbs ? row : row + dRows;
            if (newCol < 1 || newCol > SHEET_COLS || newRow < 1 || newRow > SHEET_ROWS) return `${lead}#REF!`;
            return `${lead}${colAbs}${columnLettersOf(newCol)}${rowAbs}${newRow}`;
          }),
    )
    .join("");
}
