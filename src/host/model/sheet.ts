// Cell storage and the geometry of a sheet: get/set cells (journaled), the used range.
import type { CellRect } from "../../core/snapshot";
import type { Journal } from "./journal";
import { markWritten } from "../calc/dirty";
import type { CellModel, SheetModel, WorkbookModel } from "./types";

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Excel's default column width (8.43 characters of Calibri 11) and row height, in points. */
export const DEFAULT_COLUMN_WIDTH_PT = 48;
export const DEFAULT_ROW_HEIGHT_PT = 15;

export function newSheetModel(model: WorkbookModel, name: string): SheetModel {
  return {
    id: newId(model),
    name,
    visibility: "Visible",
    protected: false,
    rows: [],
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenColumns: new Set(),
    hiddenRows: new Set(),
    defaultColumnWidth: DEFAULT_COLUMN_WIDTH_PT,
    defaultRowHeight: DEFAULT_ROW_HEIGHT_PT,
    conditionalFormats: [],
    tables: [],
    names: [],
    charts: [],
    showGridlines: true,
    pageLayout: {},
    passthrough: {},
  };
}

/** A GUID-like id, stable for the life of the in-memory workbook. */
export function newId(model: WorkbookModel): string {
  const n = (model.nextId++).toString(16).toUpperCase().padStart(12, "0");
  return `{00000000-0001-0000-${n.slice(0, 4)}-${n.padStart(12, "0")}}`;
}

export function getCell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  const r = sheet.rows[row];
  return r ? r[col] : undefined;
}

/** Replace a cell (cells are treated as immutable so the journal can restore the old one). */
export function setCell(journal: Journal, sheet: SheetModel, row: number, col: number, cell: CellModel | undefined): void {
  let r = sheet.rows[row];
  if (!r) {
    if (!cell) return;
    r = [];
    sheet.rows[row] = r;
  }
  const old = r[col];
  if (old === cell) return;
  // A new value or formula: the formulas that read this cell are calculated again (calc/recalc.ts).
  if (old?.value !== cell?.value || old?.formula !== cell?.formula) markWritten(sheet, row, col);
  if (cell) r[col] = cell;
  else delete r[col];
  const rowRef = r;
  journal.record(() => {
    if (old) rowRef[col] = old;
    else delete rowRef[col];
  });
}

export function hasValue(cell: CellModel | undefined): boolean {
  return !!cell && (cell.formula !== undefined || (cell.value !== null && cell.value !== ""));
}

function hasFormat(cell: CellModel | undefined): boolean {
  return !!cell && (hasValue(cell) || (!!cell.style && Object.keys(cell.style).length > 0) || !!cell.hyperlink);
}

/**
 * Visit the cells the sheet holds (never the empty ones between them), row by row, left to right;
 * within a rectangle when one is given. Rows and cells are sparse arrays: a value in XFD1048576
 * costs one visit, not a billion.
 */
export function forEachCell(sheet: SheetModel, visit: (cell: CellModel, row: number, col: number) => void, within?: CellRect): void {
  const top = within ? within.row : 0, bottom = within ? within.row + within.rowCount : MAX_ROWS;
  const left = within ? within.col : 0, right = within ? within.col + within.colCount : MAX_COLS;
  eachIndex(sheet.rows, top, bottom, (r) => {
    const line = sheet.rows[r];
    eachIndex(line, left, right, (c) => {
      const cell = line[c];
      if (cell) visit(cell, r, c);
    });
  });
}

/** Short arrays are walked by index; long ones (sparse, far-flung) by their keys, so holes cost nothing. */
const WALK_BY_INDEX = 4096;

function eachIndex(items: unknown[], from: number, to: number, visit: (i: number) => void): void {
  if (items.length <= WALK_BY_INDEX) {
    const end = Math.min(items.length, to);
    for (let i = Math.max(0, from); i < end; i++) if (items[i] !== undefined) visit(i);
    return;
  }
  for (const key in items) {
    const i = +key;
    if (i < from) continue;
    if (i >= to) break;
    visit(i);
  }
}

/** How many cells the sheet holds (with a value, a formula or a format). */
export function cellCount(sheet: SheetModel): number {
  let n = 0;
  forEachCell(sheet, () => n++);
  return n;
}

/**
 * The used range as Excel computes it: the smallest rectangle holding every cell with a value
 * (valuesOnly) or with a value or formatting — within a rectangle when one is given, as
 * Range.getUsedRange does. Null when there is none.
 */
export function usedRect(sheet: SheetModel, valuesOnly: boolean, within?: CellRect): CellRect | null {
  const keep = valuesOnly ? hasValue : hasFormat;
  let top = -1, bottom = -1, left = Infinity, right = -1;
  forEachCell(sheet, (cell, ri, ci) => {
    if (!keep(cell)) return;
    if (top < 0) top = ri;
    bottom = ri;
    if (ci < left) left = ci;
    if (ci > right) right = ci;
  }, within);
  if (!valuesOnly) {
    for (const merge of sheet.merges) {
      const m = within ? intersection(merge, within) : merge;
      if (!m) continue;
      if (top < 0 || m.row < top) top = m.row;
      bottom = Math.max(bottom, m.row + m.rowCount - 1);
      left = Math.min(left, m.col);
      right = Math.max(right, m.col + m.colCount - 1);
    }
  }
  if (top < 0) return null;
  return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
}

/** The overlap of two rectangles, or null. */
export function intersection(a: CellRect, b: CellRect): CellRect | null {
  const row = Math.max(a.row, b.row), col = Math.max(a.col, b.col);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount), right = Math.min(a.col + a.colCount, b.col + b.colCount);
  return bottom > row && right > col ? { row, col, rowCount: bottom - row, colCount: right - col } : null;
}

export function rectsIntersect(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

export function rectContains(outer: CellRect, inner: CellRect): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rowCount <= outer.row + outer.rowCount && inner.col + inner.colCount <= outer.col + outer.colCount;
}

export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const lower = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === lower);
}
