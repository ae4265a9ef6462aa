// Rows inside a run of data. A heading row is where the shape of the rows changes: a row with figures in the
// same columns as the rows just above and below it (words may come and go: notes, blanks) is a row of data,
// and no heading is looked for in it. Each row is looked at once, for its shape; a long export
// under a KPI table costs that look, not a reading of its every cell as a possible heading.
import { isDateFormat } from "../dates";
import type { SheetGrid } from "./grid";

/** What a typed number is, for a row's shape: a figure, a year written as a number, or a date. */
function cellMark(value: number, numberFormat: string): string {
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) return "y";
  return isDateFormat(numberFormat) ? "d" : "n";
}

export class DataRows {
  private readonly shapes = new Map<number, string>();

  constructor(private readonly grid: SheetGrid) {}

  /** The row's shape: the columns that hold figures, and what kind; "" for a row with no figure in it. */
  private shape(row: number): string {
    let s = this.shapes.get(row);
    if (s !== undefined) return s;
    s = "";
    for (const b of this.grid.blocksInRow(row)) {
      const values = b.values[row - b.row];
      const formats = b.numberFormats[row - b.row];
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v === "number" && b.valueTypes[row - b.row][i] !== "Error") s += `${b.col + i}${cellMark(v, formats[i])}`;
      }
    }
    this.shapes.set(row, s);
    return s;
  }

  /** A row with figures, shaped like the rows on either side of it: data, not a heading. */
  interior(row: number): boolean {
    const s = this.shape(row);
    return s !== "" && row > this.grid.firstRow && row < this.grid.lastRow && this.shape(row - 1) === s && this.shape(row + 1) === s;
  }
}
