// A1 addresses from 0-based positions, and back. Used for every cell the core reports.
import type { CellRect } from "./snapshot";

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (0, 0) -> "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A rectangle as "A1:C3" (or "A1" for one cell). */
export function rectAddress(rect: CellRect): string {
  const a = cellAddress(rect.row, rect.col);
  if (rect.rowCount === 1 && rect.colCount === 1) return a;
  return `${a}:${cellAddress(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1)}`;
}

/** "AA" -> 26. Returns -1 for anything that is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" -> { row: 2, col: 1 }; "$B$3" also. Null for anything else. */
export function parseCellAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  if (row < 0) return null;
  return { row, col: columnIndex(m[1]) };
}

/** "A1:C3" or "A1" -> rectangle. Null for anything else. */
export function parseRangeAddress(a1: string): CellRect | null {
  const [first, second] = a1.split(":");
  const a = parseCellAddress(first);
  if (!a) return null;
  const b = second === undefined ? a : parseCellAddress(second);
  if (!b) return null;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.abs(b.row - a.row) + 1, colCount: Math.abs(b.col - a.col) + 1 };
}

/** A sheet name quoted for use in a formula or address when Excel requires it: 'My sheet'!A1. */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}
