// Addresses the API accepts and returns: "A1", "A1:C3", "A:C", "1:3", "Sheet1!A1", "'My sheet'!A1:B2".
import { cellAddress, columnIndex, columnLetters, quoteSheetName } from "../../core/address";
import type { CellRect } from "../../core/snapshot";
import { MAX_COLS, MAX_ROWS } from "../model/sheet";

export interface ParsedAddress {
  sheetName?: string;
  rect: CellRect;
}

/** Split "'It''s'!A1" into sheet name and the rest. */
export function splitSheet(address: string): { sheetName?: string; ref: string } {
  const a = address.trim().replace(/^=/, "");
  const bang = a.lastIndexOf("!");
  if (bang < 0) return { ref: a };
  let name = a.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a.slice(bang + 1) };
}

type Corner = { row?: number; col?: number };

function parseCorner(s: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(s.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const c: Corner = {};
  if (m[1]) {
    c.col = columnIndex(m[1]);
    if (c.col < 0 || c.col >= MAX_COLS) return null;
  }
  if (m[2]) {
    c.row = Number(m[2]) - 1;
    if (c.row < 0 || c.row >= MAX_ROWS) return null;
  }
  return c;
}

/** Null for anything that is not an A1 reference. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheetName, ref } = splitSheet(address);
  const [p1, p2] = ref.split(":");
  const a = parseCorner(p1);
  const b = p2 === undefined ? a : parseCorner(p2);
  if (!a || !b) return null;
  // Both corners must be the same kind: cells, whole columns or whole rows.
  const kind = (c: Corner) => (c.row !== undefined && c.col !== undefined ? "cell" : c.col !== undefined ? "col" : "row");
  if (kind(a) !== kind(b)) return null;
  if (kind(a) === "cell" && p2 === undefined && (a.row === undefined || a.col === undefined)) return null;
  const r1 = a.row ?? 0, r2 = b.row ?? MAX_ROWS - 1;
  const c1 = a.col ?? 0, c2 = b.col ?? MAX_COLS - 1;
  const row = Math.min(r1, r2), col = Math.min(c1, c2);
  return { sheetName, rect: { row, col, rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 } };
}

/** "A1:C3" as Excel writes it: whole columns as "A:C", whole rows as "1:3", one cell as "A1". */
export function rectA1(rect: CellRect): string {
  if (rect.rowCount === MAX_ROWS) {
    return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.colCount - 1)}`;
  }
  if (rect.colCount === MAX_COLS) return `${rect.row + 1}:${rect.row + rect.rowCount}`;
  const a = cellAddress(rect.row, rect.col);
  if (rect.rowCount === 1 && rect.colCount === 1) return a;
  return `${a}:${cellAddress(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1)}`;
}

/** "Sheet1!A1:C3", quoting the sheet name when Excel does. */
export function sheetAddress(sheetName: string, rect: CellRect): string {
  return `${quoteSheetName(sheetName)}!${rectA1(rect)}`;
}

/** "$A$1:$C$3" for formulas and defined names. */
export function absoluteA1(rect: CellRect): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  if (rect.rowCount === MAX_ROWS) return `$${columnLetters(rect.col)}:$${columnLetters(rect.col + rect.colCount - 1)}`;
  if (rect.colCount === MAX_COLS) return `$${rect.row + 1}:$${rect.row + rect.rowCount}`;
  const a = cell(rect.row, rect.col);
  if (rect.rowCount === 1 && rect.colCount === 1) return a;
  return `${a}:${cell(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1)}`;
}
