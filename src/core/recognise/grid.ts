// A read-only view of one sheet's snapshot by absolute row/column, aware of merged areas:
// a merged header reads the same across every column it spans, as a person sees it.
// The sheet is held as occupied blocks; a cell outside them is empty, so walking regions()
// rather than firstRow..lastRow costs what the sheet holds, not what its used range spans.
import type { CellBlock, CellRect, CellStyle, RawValue, SheetSnapshot, ValueType } from "../snapshot";
import { cellAddress } from "../address";
import { BlockIndex, blockRect, boundsOf, cellKey } from "../snapshotBlocks";

export interface GridCell {
  row: number;
  col: number;
  /** Displayed text, trimmed of surrounding white space; "" for empty. */
  text: string;
  value: RawValue;
  valueType: ValueType;
  numberFormat: string;
  /** Set when this cell is part of a merged area (including its top-left cell). */
  merge: CellRect | null;
}

/** An occupied rectangle of the sheet, inclusive of both corners. */
export interface GridRegion {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/** Merges larger than this are not indexed cell by cell (a whole-column merge would cost millions of entries). */
const MAX_INDEXED_MERGE_CELLS = 10_000;

export class SheetGrid {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  private readonly mergeOf = new Map<number, CellRect>();
  private readonly index: BlockIndex;
  private readonly styleOf = new Map<number, CellStyle>();

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.index = new BlockIndex(sheet.blocks);
    const bounds = boundsOf(sheet.blocks);
    this.firstRow = bounds ? bounds.row : 0;
    this.firstCol = bounds ? bounds.col : 0;
    this.lastRow = bounds ? bounds.row + bounds.rowCount - 1 : -1;
    this.lastCol = bounds ? bounds.col + bounds.colCount - 1 : -1;
    for (const b of sheet.blocks) {
      for (const s of b.styles ?? []) this.styleOf.set(cellKey(b.row + s.r, b.col + s.c), s);
    }
    for (const m of sheet.merges) {
      if (m.rowCount * m.colCount > MAX_INDEXED_MERGE_CELLS) continue;
      for (let r = m.row; r < m.row + m.rowCount; r++) {
        for (let c = m.col; c < m.col + m.colCount; c++) this.mergeOf.set(cellKey(r, c), m);
      }
    }
  }

  get isEmpty(): boolean {
    return this.lastRow < this.firstRow;
  }

  /** The occupied blocks of the sheet, in reading order: the only places worth walking. */
  regions(): GridRegion[] {
    return this.sheet.blocks.map((b) => {
      const r = blockRect(b);
      return { firstRow: r.row, lastRow: r.row + r.rowCount - 1, firstCol: r.col, lastCol: r.col + r.colCount - 1 };
    });
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): CellRect | null {
    return this.mergeOf.get(cellKey(row, col)) ?? null;
  }

  /** The cell's own raw content (no merge propagation). */
  raw(row: number, col: number): GridCell {
    const b = this.index.find(row, col);
    if (!b) return { row, col, text: "", value: "", valueType: "Empty", numberFormat: "General", merge: this.mergeAt(row, col) };
    const r = row - b.row;
    const c = col - b.col;
    const value = b.values[r][c] ?? "";
    return {
      row,
      col,
      text: String(b.text[r]?.[c] ?? value).trim(),
      value,
      valueType: b.valueTypes[r]?.[c] ?? "Unknown",
      numberFormat: b.numberFormats[r]?.[c] ?? "General",
      merge: this.mergeAt(row, col),
    };
  }

  /** The cell's own displayed text, exactly as raw() gives it (its value's when no text was read), without building a GridCell. */
  ownText(row: number, col: number): string {
    const b = this.index.find(row, col);
    if (!b) return "";
    const r = row - b.row;
    const c = col - b.col;
    return String(b.text[r]?.[c] ?? b.values[r][c] ?? "").trim();
  }

  /** The cell's own raw value, as raw() gives it, without building a GridCell. */
  value(row: number, col: number): RawValue {
    const b = this.index.find(row, col);
    return b ? (b.values[row - b.row][col - b.col] ?? "") : "";
  }

  /** The cell's own value type, as raw() gives it, without building a GridCell. */
  valueType(row: number, col: number): ValueType {
    const b = this.index.find(row, col);
    return b ? (b.valueTypes[row - b.row]?.[col - b.col] ?? "Unknown") : "Empty";
  }

  /** The cell's own number format, as raw() gives it, without building a GridCell. */
  numberFormat(row: number, col: number): string {
    const b = this.index.find(row, col);
    return b ? (b.numberFormats[row - b.row]?.[col - b.col] ?? "General") : "General";
  }

  /** The block of the snapshot holding the cell (null: the cell is empty), for per-cell memos kept beside it. */
  blockAt(row: number, col: number): CellBlock | null {
    return this.index.find(row, col);
  }

  /** The blocks of the snapshot crossing a row, left to right. */
  blocksInRow(row: number): readonly CellBlock[] {
    return this.index.inRow(row);
  }

  /** The cell as a reader sees it: a cell inside a merged area shows the area's top-left content. */
  cell(row: number, col: number): GridCell {
    const m = this.mergeAt(row, col);
    if (m && (m.row !== row || m.col !== col)) {
      const top = this.raw(m.row, m.col);
      return { ...top, row, col, merge: m };
    }
    return this.raw(row, col);
  }

  text(row: number, col: number): string {
    return this.cell(row, col).text;
  }

  /** The cell's own displayed text, trimmed, without building a GridCell (the hot path of the scan). */
  rawText(row: number, col: number): string {
    const b = this.index.find(row, col);
    if (!b) return "";
    return trimmed(b.text[row - b.row][col - b.col]);
  }

  /** Whether the cell's text is written indented (opens with spaces), as rows under a lead-in line often are. */
  indented(row: number, col: number): boolean {
    const b = this.index.find(row, col);
    return !!b && /^[ \t\u00a0]+\S/.test(b.text[row - b.row][col - b.col] ?? "");
  }

  /** The columns of a row that hold something, in order. */
  filledCols(row: number, fromCol = this.firstCol, toCol = this.lastCol): number[] {
    const out: number[] = [];
    for (const b of this.index.inRow(row)) {
      const line = b.text[row - b.row];
      const from = Math.max(fromCol, b.col), to = Math.min(toCol, b.col + b.colCount - 1);
      for (let c = from; c <= to; c++) if (trimmed(line[c - b.col]) !== "") out.push(c);
    }
    return out;
  }

  /** Whether any cell's own displayed text (trimmed, not empty) passes the test: one look at each cell, block by block. */
  someText(test: (text: string) => boolean): boolean {
    for (const b of this.sheet.blocks) {
      for (const line of b.text) {
        for (let c = 0; c < b.colCount; c++) {
          const t = trimmed(line[c]);
          if (t !== "" && test(t)) return true;
        }
      }
    }
    return false;
  }

  isBlankRow(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    for (const b of this.index.inRow(row)) {
      const line = b.text[row - b.row];
      const from = Math.max(fromCol, b.col), to = Math.min(toCol, b.col + b.colCount - 1);
      for (let c = from; c <= to; c++) if (trimmed(line[c - b.col]) !== "") return false;
    }
    return true;
  }

  /** Whether the cell's fill or font differs from the sheet's (its block lists a style for it). */
  hasOwnStyle(row: number, col: number): boolean {
    return this.styleOf.has(cellKey(row, col));
  }

  /** The cell's solid fill colour as "RRGGBB", or null for no fill (white reads as none). */
  fill(row: number, col: number): string | null {
    return this.styleOf.get(cellKey(row, col))?.fill ?? null;
  }

  /** The cell's font name ("Wingdings 3" turns letters into arrows), or null for a cell outside the read blocks or when fonts were not read. */
  fontName(row: number, col: number): string | null {
    const own = this.styleOf.get(cellKey(row, col))?.fontName;
    if (own) return own;
    return this.index.find(row, col) ? this.sheet.font.name : null;
  }

  /** The cell's font colour as "RRGGBB", or null for a cell outside the read blocks or when fonts were not read. */
  fontColor(row: number, col: number): string | null {
    const own = this.styleOf.get(cellKey(row, col))?.fontColor;
    if (own) return own;
    return this.index.find(row, col) ? this.sheet.font.color : null;
  }

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }
}

/** Text trimmed of surrounding white space, without allocating when there is none (most cells). */
export function trimmed(t: string | undefined): string {
  if (t === undefined || t === "") return "";
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  return first > 32 && last > 32 && first !== 160 && last !== 160 ? t : t.trim();
}
