// The source cells as the workbook holds them (raw values, not what the add-in read from their text), for
// the live scorecard: a formula can follow a cell only where the add-in's reading is the cell's own value.
import { parseCellAddress } from "../address";
import { isDateFormat } from "../dates";
import { DAYS_1900_TO_1904 } from "../dateSystem";
import type { CellBlock, RawValue, ValueType, WorkbookSnapshot } from "../snapshot";

export interface SourceCell {
  value: RawValue;
  valueType: ValueType;
  numberFormat: string;
}

export interface SourceCells {
  /** The cell as read, or null when it is empty (or outside every block read). */
  cell(sheet: string, a1: string): SourceCell | null;
  hasSheet(sheet: string): boolean;
  /** The number format of a cell, blank or not (a number typed into a blank cell is read with it); null where unknown. */
  formatOf?(sheet: string, a1: string): string | null;
  /** The workbook counts dates from 1904: serials written to it (the reporting date, due dates) are 1,462 smaller. */
  date1904: boolean;
}

/** The snapshot's cells, looked up by sheet and A1. The snapshot's date serials were moved to the 1900 system; so are these. */
export function sourceCellsOf(snapshot: WorkbookSnapshot, date1904 = false): SourceCells {
  const sheets = new Map<string, CellBlock[]>();
  for (const s of snapshot.sheets) sheets.set(s.name, s.blocks);
  return {
    date1904,
    hasSheet: (name) => sheets.has(name),
    formatOf(sheet, a1) {
      const p = parseCellAddress(a1);
      for (const b of (p && sheets.get(sheet)) || []) {
        const r = p!.row - b.row;
        const c = p!.col - b.col;
        if (r >= 0 && c >= 0 && r < b.rowCount && c < b.colCount) return b.numberFormats[r]?.[c] ?? null;
      }
      return null;
    },
    cell(sheet, a1) {
      const p = parseCellAddress(a1);
      const blocks = sheets.get(sheet);
      if (!p || !blocks) return null;
      for (const b of blocks) {
        const r = p.row - b.row;
        const c = p.col - b.col;
        if (r < 0 || c < 0 || r >= b.rowCount || c >= b.colCount) continue;
        const value = b.values[r][c];
        if (value === "" || value === null || value === undefined) return null;
        const numberFormat = b.numberFormats[r][c];
        // Date serials were moved to the 1900 system when read: the cell itself holds the 1904 one.
        const moved = date1904 && typeof value === "number" && isDateFormat(numberFormat) ? value - DAYS_1900_TO_1904 : value;
        return { value: moved, valueType: b.valueTypes[r][c], numberFormat };
      }
      return null;
    },
  };
}
