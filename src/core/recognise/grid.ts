// A read-only view of one sheet's snapshot by absolute row/column, aware of merged areas:
// a merged header reads the same across every column it spans, as a person sees it.
import type { CellRect, RawValue, SheetSnapshot, ValueType } from "../snapshot";
import { cellAddress } from "../address";

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

export class SheetGrid {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  private readonly mergeOf = new Map<number, CellRect>();

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.firstRow = sheet.originRow;
    this.firstCol = sheet.originCol;
    const rows = sheet.values.length;
    const cols = rows ? Math.max(...sheet.values.map((r) => r.length)) : 0;
    this.lastRow = this.firstRow + rows - 1;
    this.lastCol = this.firstCol + cols - 1;
    for (const m of sheet.merges) {
      // Only small merges are indexed cell by cell; a huge merge (whole columns) is rare and slow to expand.
      if (m.rowCount * m.colCount > 10_000) continue;
      for (let r = m.row; r < m.row + m.rowCount; r++) {
        for (let c = m.col; c < m.col + m.colCount; c++) this.mergeOf.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 20_000 + col;
  }

  get isEmpty(): boolean {
    return this.lastRow < this.firstRow;
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): CellRect | null {
    return this.mergeOf.get(this.key(row, col)) ?? null;
  }

  /** The cell's own raw content (no merge propagation). */
  raw(row: number, col: number): GridCell {
    const r = row - this.firstRow;
    const c = col - this.firstCol;
    const s = this.sheet;
    const inRange = r >= 0 && c >= 0 && r < s.values.length && c < (s.values[r]?.length ?? 0);
    const value = inRange ? s.values[r][c] : "";
    const text = inRange ? String(s.text[r]?.[c] ?? value ?? "").trim() : "";
    return {
      row,
      col,
      text,
      value: value ?? "",
      valueType: inRange ? (s.valueTypes[r]?.[c] ?? "Unknown") : "Empty",
      numberFormat: inRange ? (s.numberFormats[r]?.[c] ?? "General") : "General",
      merge: this.mergeAt(row, col),
    };
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
    const t = this.sheet.text[row - this.firstRow]?.[col - this.firstCol];
    if (t === undefined || t === "") return "";
    const first = t.charCodeAt(0);
    const last = t.charCodeAt(t.length - 1);
    return first > 32 && last > 32 && first !== 160 && last !== 160 ? t : t.trim();
  }

  /** The cell's solid fill colour (RRGGBB), or null. (Filled in once the snapshot carries cell properties.) */
  fill(row: number, col: number): string | null {
    return this.property("fills", row, col);
  }

  /** The cell's font name, or null when it is the default. */
  fontName(row: number, col: number): string | null {
    return this.property("fontNames", row, col);
  }

  /** The cell's font colour (RRGGBB), or null when it is the default. */
  fontColor(row: number, col: number): string | null {
    return this.property("fontColors", row, col);
  }

  private property(name: "fills" | "fontNames" | "fontColors", row: number, col: number): string | null {
    const grid = (this.sheet as unknown as Record<string, (string | null)[][] | undefined>)[name];
    return grid?.[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  /** The columns of a row that hold something, in order. */
  filledCols(row: number, fromCol = this.firstCol, toCol = this.lastCol): number[] {
    const out: number[] = [];
    for (let c = fromCol; c <= toCol; c++) if (this.rawText(row, c) !== "") out.push(c);
    return out;
  }

  isBlankRow(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    for (let c = fromCol; c <= toCol; c++) if (this.rawText(row, c) !== "") return false;
    return true;
  }

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }
}
