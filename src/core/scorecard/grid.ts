// A small builder for rectangular value blocks: callers set cells by absolute 0-based position
// and get back one dense 2-D array (one write request per block, whatever the KPI count).
import { cellAddress } from "../address";
import { GENERAL } from "./numberFormat";
import type { BlockFormula, CellBlock, SpecValue } from "./types";

export class BlockBuilder {
  private readonly values: SpecValue[][] = [];
  private readonly formats: string[][] = [];
  private readonly formulas = new Map<number, BlockFormula>();

  constructor(
    readonly id: string,
    readonly row: number,
    readonly col: number,
    readonly colCount: number,
  ) {}

  /** Set the cell at absolute (row, col). Rows grow as needed; columns are fixed at construction. */
  set(row: number, col: number, value: SpecValue, numberFormat: string = GENERAL): void {
    const r = row - this.row;
    const c = col - this.col;
    if (r < 0 || c < 0 || c >= this.colCount) throw new Error(`Cell ${cellAddress(row, col)} is outside block ${this.id}`);
    while (this.values.length <= r) {
      this.values.push(new Array<SpecValue>(this.colCount).fill(""));
      this.formats.push(new Array<string>(this.colCount).fill(GENERAL));
    }
    this.values[r][c] = value;
    this.formats[r][c] = numberFormat;
    this.formulas.delete(r * this.colCount + c);
  }

  /**
   * A live cell: written as `formula` (safe by construction: see liveFormula.ts), with `value` what it gives on
   * the workbook as read. Without a formula, the value is written as it is.
   */
  setLive(row: number, col: number, formula: string | null | undefined, value: SpecValue, numberFormat: string = GENERAL): void {
    this.set(row, col, value, numberFormat);
    if (formula) this.formulas.set((row - this.row) * this.colCount + (col - this.col), { r: row - this.row, c: col - this.col, formula });
  }

  /** The value at absolute (row, col), or undefined outside what was set. */
  get(row: number, col: number): SpecValue | undefined {
    return this.values[row - this.row]?.[col - this.col];
  }

  /** The number format at absolute (row, col). */
  formatAt(row: number, col: number): string {
    return this.formats[row - this.row]?.[col - this.col] ?? GENERAL;
  }

  get rowCount(): number {
    return this.values.length;
  }

  /** The next free absolute row below the block. */
  get endRow(): number {
    return this.row + this.values.length;
  }

  build(): CellBlock | null {
    if (this.values.length === 0) return null;
    const block: CellBlock = { id: this.id, row: this.row, col: this.col, values: this.values, numberFormats: this.formats };
    if (this.formulas.size) block.formulas = [...this.formulas.values()];
    return block;
  }
}

/** "A1:C3" from absolute 0-based corners (inclusive). */
export function span(row1: number, col1: number, row2: number, col2: number): string {
  const a = cellAddress(row1, col1);
  return row1 === row2 && col1 === col2 ? a : `${a}:${cellAddress(row2, col2)}`;
}
