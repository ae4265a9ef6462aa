// Rows inside a run of data. A heading row is where the shape of the rows changes: a row with figures in the
// same columns as the rows just above and below it (words may come and go: notes, blanks) is a row of data,
// and no heading is looked for in it. Each row is compared with its neighbours once, for its shape; a long export
// under a KPI table costs that look, not a reading of its every cell as a possible heading.
import { isDateFormat } from "../dates";
import type { SheetGrid } from "./grid";

const FIGURE = 1, YEAR = 2, DATE = 3;

/** Rows per page of the by-row memo. */
const PAGE = 1024;

export class DataRows {
  /**
   * By row, in pages of PAGE rows: how many figures it holds when its shape is its next row's, else -1, kept as that
   * plus 2 (0: not yet compared). Each pair of neighbours is compared once.
   */
  private readonly sameAsNext = new Map<number, Int32Array>();
  /** The number format last asked about and whether it shows a date: a column's figures share one format. */
  private lastFormat: string | null = null;
  private lastIsDate = false;
  /** Reused buffers for the two rows compared: column * 4 + mark of each figure, left to right. */
  private readonly a: number[] = [];
  private readonly b: number[] = [];

  constructor(private readonly grid: SheetGrid) {}

  /**
   * The row's shape, the columns that hold figures and what kind (none for a row with no figure in it), written
   * into `out`; returns how many. Read from the blocks directly, with nothing made per cell.
   */
  private shape(row: number, out: number[]): number {
    let n = 0;
    for (const b of this.grid.blocksInRow(row)) {
      const values = b.values[row - b.row];
      const formats = b.numberFormats[row - b.row];
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v === "number" && b.valueTypes[row - b.row][i] !== "Error") out[n++] = (b.col + i) * 4 + this.cellMark(v, formats[i]);
      }
    }
    return n;
  }

  /** What a typed number is, for a row's shape: a figure, a year written as a number, or a date. */
  private cellMark(value: number, numberFormat: string): number {
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return YEAR;
    if (numberFormat !== this.lastFormat) {
      this.lastFormat = numberFormat;
      this.lastIsDate = isDateFormat(numberFormat);
    }
    return this.lastIsDate ? DATE : FIGURE;
  }

  private same(row: number): number {
    let page = this.sameAsNext.get(Math.floor(row / PAGE));
    if (!page) this.sameAsNext.set(Math.floor(row / PAGE), (page = new Int32Array(PAGE)));
    const at = row - Math.floor(row / PAGE) * PAGE;
    if (page[at] === 0) {
      const n = this.shape(row, this.a);
      let same = n === this.shape(row + 1, this.b);
      for (let i = 0; same && i < n; i++) same = this.a[i] === this.b[i];
      page[at] = same ? n + 2 : 1;
    }
    return page[at] - 2;
  }

  /** A row with figures, shaped like the rows on either side of it: data, not a heading. */
  interior(row: number): boolean {
    return row > this.grid.firstRow && row < this.grid.lastRow && this.same(row - 1) > 0 && this.same(row) >= 0;
  }
}
