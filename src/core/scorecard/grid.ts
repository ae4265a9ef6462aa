// A small builder for rectangular value blocks: callers set cells by absolute 0-based position
// and get back one dense 2-D array (one write request per block, whatever the KPI count).
import { cellAddress } from "../address";
import { GENERAL } from "./numberFormat";
import type { CellBlock, SpecValue } from "./types";

export class BlockBuilder {
  private readonly values: SpecValue[][] = [];
  private readonly formats: string[][] = [];

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
    return { id: this.id, row: this.row, col: this.col, values: this.values, numberFormats: this.formats };
  }
}

/** "A1:C3" from absolute 0-based corners (inclusive). */
export function span(row1: number, col1: number, row2: number, col2: number): string {
  const a = cellAddress(row1, col1);
  return row1 === row2 && col1 === col2 ? a : `${a}:${cellAddress(row2, col2)}`;
}
