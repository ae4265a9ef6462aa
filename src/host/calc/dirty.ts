// Which cells changed since the workbook was last calculated: every write of a value or a formula marks
// its cell (model/sheet.ts setCell), and recalc.ts works out the formulas that depend on them.
import type { SheetModel } from "../model/types";

const written = new WeakMap<SheetModel, Set<number>>();

/** A cell's key on its sheet: row × 16,384 + column (exact in a double up to Excel's last cell). */
export const cellKey = (row: number, col: number): number => row * 16384 + col;

export function markWritten(sheet: SheetModel, row: number, col: number): void {
  let s = written.get(sheet);
  if (!s) written.set(sheet, (s = new Set()));
  s.add(cellKey(row, col));
}

/** The cells written on each sheet since the last calculation, taken (the record starts afresh). */
export function takeWritten(sheets: readonly SheetModel[]): Map<SheetModel, Set<number>> {
  const out = new Map<SheetModel, Set<number>>();
  for (const sheet of sheets) {
    const s = written.get(sheet);
    if (s && s.size) {
      out.set(sheet, s);
      written.delete(sheet);
    }
  }
  return out;
}

export function hasWritten(sheets: readonly SheetModel[]): boolean {
  return sheets.some((s) => (written.get(s)?.size ?? 0) > 0);
}
