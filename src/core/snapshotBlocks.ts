// Working with a sheet's cell blocks (SheetSnapshot.blocks): find the block holding a cell, the
// blocks crossing a row, and cut a dense read down to the parts that hold something, so a sheet's
// memory follows its occupied cells rather than its used range.
import type { CellBlock, CellRect, CellStyle, RawValue, ValueType } from "./snapshot";

/** Excel's widest sheet: keys of the form row * MAX_SHEET_COLS + col are unique and exact. */
export const MAX_SHEET_COLS = 16384;

/** Wholly empty rows (or columns) that separate one block from the next when a read is compacted. */
export const BLOCK_GAP = 3;

export function cellKey(row: number, col: number): number {
  return row * MAX_SHEET_COLS + col;
}

export function blockRect(b: CellBlock): CellRect {
  return { row: b.row, col: b.col, rowCount: b.rowCount, colCount: b.colCount };
}

/** The smallest rectangle holding every block, or null when there are none. */
export function boundsOf(blocks: readonly CellBlock[]): CellRect | null {
  if (!blocks.length) return null;
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  for (const b of blocks) {
    if (b.row < top) top = b.row;
    if (b.col < left) left = b.col;
    if (b.row + b.rowCount - 1 > bottom) bottom = b.row + b.rowCount - 1;
    if (b.col + b.colCount - 1 > right) right = b.col + b.colCount - 1;
  }
  return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
}

/** Reading order: by top row, then left column. */
export function byReadingOrder(a: { row: number; col: number }, b: { row: number; col: number }): number {
  return a.row - b.row || a.col - b.col;
}

/**
 * Finds the block that holds a cell, and the blocks that cross a row, in a sheet's blocks (which never
 * overlap). Lookups mostly stay in the block of the previous one, so that block is tried first.
 */
export class BlockIndex {
  private readonly blocks: CellBlock[];
  /** ends[i]: the largest bottom row + 1 of blocks[0..i], so a backward search knows when to stop. */
  private readonly ends: number[];
  private last: CellBlock | null = null;
  private rowCache = { row: -1, blocks: [] as CellBlock[] };

  constructor(blocks: readonly CellBlock[]) {
    this.blocks = [...blocks].sort(byReadingOrder);
    this.ends = [];
    let end = -1;
    for (const b of this.blocks) {
      end = Math.max(end, b.row + b.rowCount);
      this.ends.push(end);
    }
  }

  /** The index of the last block whose top row is at or above `row`, or -1. */
  private lastStartingAtOrAbove(row: number): number {
    let lo = 0, hi = this.blocks.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.blocks[mid].row <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The block holding (row, col), or null when the cell is in none (it is empty). */
  find(row: number, col: number): CellBlock | null {
    const l = this.last;
    if (l && row >= l.row && row < l.row + l.rowCount && col >= l.col && col < l.col + l.colCount) return l;
    for (let i = this.lastStartingAtOrAbove(row); i >= 0 && this.ends[i] > row; i--) {
      const b = this.blocks[i];
      if (row < b.row + b.rowCount && col >= b.col && col < b.col + b.colCount) {
        this.last = b;
        return b;
      }
    }
    return null;
  }

  /** The blocks that cross a row, left to right. */
  inRow(row: number): CellBlock[] {
    if (this.rowCache.row === row) return this.rowCache.blocks;
    const out: CellBlock[] = [];
    for (let i = this.lastStartingAtOrAbove(row); i >= 0 && this.ends[i] > row; i--) {
      const b = this.blocks[i];
      if (row < b.row + b.rowCount) out.push(b);
    }
    if (out.length > 1) out.sort((a, b) => a.col - b.col);
    this.rowCache = { row, blocks: out };
    return out;
  }
}

/** A block made of grids read from Excel at (row, col); `styles` are relative to the block. */
export function makeBlock(
  row: number,
  col: number,
  grids: { values: RawValue[][]; text: string[][]; numberFormats: string[][]; valueTypes: ValueType[][] },
  styles?: CellStyle[],
): CellBlock {
  const rowCount = grids.values.length;
  const colCount = rowCount ? grids.values[0].length : 0;
  const b: CellBlock = { row, col, rowCount, colCount, values: grids.values, text: grids.text, numberFormats: grids.numberFormats, valueTypes: grids.valueTypes };
  if (styles && styles.length) b.styles = styles;
  return b;
}

/** The part of a block in rows [r0, r0 + rows) and columns [c0, c0 + cols), relative to the block. */
export function sliceBlock(b: CellBlock, r0: number, c0: number, rows: number, cols: number): CellBlock {
  if (r0 === 0 && c0 === 0 && rows === b.rowCount && cols === b.colCount) return b;
  const cut = <V>(g: V[][]): V[][] => {
    const out: V[][] = new Array(rows);
    for (let r = 0; r < rows; r++) out[r] = c0 === 0 && cols === g[r0 + r].length ? g[r0 + r] : g[r0 + r].slice(c0, c0 + cols);
    return out;
  };
  const styles = b.styles
    ?.filter((s) => s.r >= r0 && s.r < r0 + rows && s.c >= c0 && s.c < c0 + cols)
    .map((s) => ({ ...s, r: s.r - r0, c: s.c - c0 }));
  return makeBlock(b.row + r0, b.col + c0, { values: cut(b.values), text: cut(b.text), numberFormats: cut(b.numberFormats), valueTypes: cut(b.valueTypes) }, styles);
}

/**
 * Cut a block down to the parts that hold something (a value, or a fill: a coloured cell with no text
 * can be a stated RAG), split where BLOCK_GAP or more wholly empty rows or columns lie between them.
 * The parts come back in reading order; an empty block gives none.
 */
export function compactBlock(b: CellBlock, gap = BLOCK_GAP): CellBlock[] {
  const filled = new Set<number>();
  for (const s of b.styles ?? []) if (s.fill) filled.add(s.r * b.colCount + s.c);
  const occupied = filled.size
    ? (r: number, c: number) => b.values[r][c] !== "" || b.text[r][c] !== "" || filled.has(r * b.colCount + c)
    : (r: number, c: number) => b.values[r][c] !== "" || b.text[r][c] !== "";
  const out: CellBlock[] = [];
  split(b, 0, 0, b.rowCount, b.colCount, occupied, gap, out);
  return out.sort(byReadingOrder);
}

/** Runs of indices in [0, n) whose flag is set, joined across fewer than `gap` unset ones. */
function runs(flags: boolean[], gap: number): [number, number][] {
  const out: [number, number][] = [];
  let start = -1, lastSet = -1;
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    if (start < 0) start = i;
    else if (i - lastSet - 1 >= gap) {
      out.push([start, lastSet]);
      start = i;
    }
    lastSet = i;
  }
  if (start >= 0) out.push([start, lastSet]);
  return out;
}

function split(
  b: CellBlock, r0: number, c0: number, rows: number, cols: number,
  occupied: (r: number, c: number) => boolean, gap: number, out: CellBlock[],
): void {
  const rowFlags = new Array<boolean>(rows).fill(false);
  const colFlags = new Array<boolean>(cols).fill(false);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (occupied(r0 + r, c0 + c)) {
        rowFlags[r] = true;
        colFlags[c] = true;
      }
    }
  }
  const rowRuns = runs(rowFlags, gap);
  const colRuns = runs(colFlags, gap);
  if (rowRuns.length === 1 && colRuns.length === 1) {
    const [top, bottom] = rowRuns[0];
    const [left, right] = colRuns[0];
    out.push(sliceBlock(b, r0 + top, c0 + left, bottom - top + 1, right - left + 1));
    return;
  }
  // Split along rows first (bands of a sheet), then each band along its own columns.
  if (rowRuns.length > 1) {
    for (const [top, bottom] of rowRuns) split(b, r0 + top, c0, bottom - top + 1, cols, occupied, gap, out);
    return;
  }
  for (const [left, right] of colRuns) split(b, r0, c0 + left, rows, right - left + 1, occupied, gap, out);
}
