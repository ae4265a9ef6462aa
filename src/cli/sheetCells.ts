// A sheet's cells as read, held in flat typed arrays (row, column, cell format, formula flag) beside one array
// of values, until the sheet's blocks are built from them. Per-row arrays of the same cells cost several objects
// a row that outlive the sheet's read, long enough to reach the old generation, and on sheets of a million cells
// that garbage set the reader's peak memory; these arrays are a handful of objects a sheet.
import type { CellValue } from "../host/model/types";

export class SheetCells {
  private rows = new Int32Array(1024);
  private cols = new Int32Array(1024);
  private styleIndexes = new Int32Array(1024);
  private formulaFlags = new Uint8Array(1024);
  private readonly values: CellValue[] = [];
  private length = 0;
  /** Cells listed in reading order (rows ascending, each row's columns ascending, no cell twice), as most files are. */
  private inOrder = true;
  /** Unless inOrder: the cells to read, in order (see finish); and where each row's cells start and end in it. */
  private order: Int32Array | null = null;
  private rowSpans: Map<number, [number, number]> | null = null;

  add(row: number, col: number, value: CellValue, style: number, formula: boolean): void {
    const n = this.length;
    if (n === this.rows.length) this.grow();
    if (n > 0 && (row < this.rows[n - 1] || (row === this.rows[n - 1] && col <= this.cols[n - 1]))) this.inOrder = false;
    this.rows[n] = row;
    this.cols[n] = col;
    this.styleIndexes[n] = style;
    this.formulaFlags[n] = formula ? 1 : 0;
    this.values.push(value);
    this.length = n + 1;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const widen = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.rows = widen(this.rows, (k) => new Int32Array(k));
    this.cols = widen(this.cols, (k) => new Int32Array(k));
    this.styleIndexes = widen(this.styleIndexes, (k) => new Int32Array(k));
    this.formulaFlags = widen(this.formulaFlags, (k) => new Uint8Array(k));
  }

  /**
   * Once every cell is added: the order cells are read in is rows in the order the file first lists them, each
   * row's cells by column, and of a cell listed twice the last one (as a row read into its own list and sorted
   * would give). Files in reading order, nearly all, need no work here.
   */
  finish(): void {
    if (this.inOrder) return;
    const firstSeen = new Map<number, number>();
    for (let i = 0; i < this.length; i++) if (!firstSeen.has(this.rows[i])) firstSeen.set(this.rows[i], firstSeen.size);
    const rank = (i: number) => firstSeen.get(this.rows[i])!;
    const sorted = Array.from({ length: this.length }, (_, i) => i).sort((a, b) => rank(a) - rank(b) || this.cols[a] - this.cols[b] || a - b);
    const kept = sorted.filter((i, k) => k === sorted.length - 1 || this.rows[sorted[k + 1]] !== this.rows[i] || this.cols[sorted[k + 1]] !== this.cols[i]);
    this.order = Int32Array.from(kept);
    this.rowSpans = new Map();
    for (let k = 0; k < kept.length; k++) {
      const span = this.rowSpans.get(this.rows[kept[k]]);
      if (span) span[1] = k + 1;
      else this.rowSpans.set(this.rows[kept[k]], [k, k + 1]);
    }
  }

  /** How many cells there are to read, after finish. */
  get count(): number {
    return this.order ? this.order.length : this.length;
  }

  /** The cell read k-th (0 <= k < count), as an index for the accessors below. */
  at(k: number): number {
    return this.order ? this.order[k] : k;
  }

  row(i: number): number {
    return this.rows[i];
  }

  col(i: number): number {
    return this.cols[i];
  }

  value(i: number): CellValue {
    return this.values[i];
  }

  style(i: number): number {
    return this.styleIndexes[i];
  }

  formula(i: number): boolean {
    return this.formulaFlags[i] === 1;
  }

  /** Only the top-left cell of a merged area holds a value: the others are emptied. */
  clear(i: number): void {
    this.values[i] = null;
    this.formulaFlags[i] = 0;
  }

  /** Where in the reading order (k) the row's cells from column `fromCol` on start, and where the row's cells end. */
  rowFrom(row: number, fromCol: number): [number, number] {
    let start: number, end: number;
    if (this.rowSpans) {
      const span = this.rowSpans.get(row);
      if (!span) return [0, 0];
      [start, end] = span;
    } else {
      start = this.firstAtOrAfter(row, -1);
      end = this.firstAtOrAfter(row + 1, -1);
    }
    // Columns ascend within the row: the first at or after fromCol.
    let lo = start, hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cols[this.at(mid)] < fromCol) lo = mid + 1;
      else hi = mid;
    }
    return [lo, end];
  }

  /** In reading order (cells in order only): the first cell at (row, col) or after it. */
  private firstAtOrAfter(row: number, col: number): number {
    let lo = 0, hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid] < row || (this.rows[mid] === row && this.cols[mid] < col)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
