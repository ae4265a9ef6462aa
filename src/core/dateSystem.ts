// Workbooks made on a Mac often count dates from 1904-01-01 (the 1904 date system): their date serials
// are 1,462 days smaller than the same dates in the 1900 system the core reads serials in. Readers
// move them once, so every period and date the core works out matches what Excel displays.
import { isDateFormat } from "./dates";
import type { WorkbookSnapshot } from "./snapshot";

/** Days from the 1900 system's serial of a date to the 1904 system's. */
export const DAYS_1900_TO_1904 = 1462;

/** Move the date serials of a 1904-system workbook (numbers under a date format) into the 1900 system, in place. */
export function datesTo1900System(snapshot: WorkbookSnapshot): void {
  const dateFormat = new Map<string, boolean>();
  for (const sheet of snapshot.sheets) {
    for (const b of sheet.blocks) {
      for (let r = 0; r < b.rowCount; r++) {
        const values = b.values[r], formats = b.numberFormats[r];
        for (let c = 0; c < b.colCount; c++) {
          const v = values[c];
          if (typeof v !== "number") continue;
          const f = formats[c];
          let isDate = dateFormat.get(f);
          if (isDate === undefined) dateFormat.set(f, (isDate = isDateFormat(f)));
          if (isDate) values[c] = v + DAYS_1900_TO_1904;
        }
      }
    }
  }
}

/** Cells as a writer holds them: values and their number formats, row by row. */
export interface WrittenCells {
  values: (string | number)[][];
  numberFormats: string[][];
}

/**
 * The same cells for a workbook on the 1904 date system: numbers under a date format are 1900-system serials
 * (as the core computes them) moved back by 1,462 days, so the dates Excel shows are the ones meant.
 */
export function datesTo1904System<T extends WrittenCells>(cells: T): T {
  const dateFormat = new Map<string, boolean>();
  let changed = false;
  const values = cells.values.map((row, r) =>
    row.map((v, c) => {
      const f = cells.numberFormats[r]?.[c] ?? "General";
      let isDate = dateFormat.get(f);
      if (isDate === undefined) dateFormat.set(f, (isDate = isDateFormat(f)));
      if (typeof v !== "number" || !isDate) return v;
      changed = true;
      return v - DAYS_1900_TO_1904;
    }),
  );
  return changed ? { ...cells, values } : cells;
}
