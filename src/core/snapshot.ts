// The only view of a workbook the core ever sees: plain grids, read by src/excel in a few
// batched syncs. Nothing here refers to Office.js; the shapes mirror what Excel returns so the
// reader is a straight copy.

/** Excel's own classification of a cell value (Excel.RangeValueType). */
export type ValueType = "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

/** A raw cell value as Excel returns it from `range.values`: "" for empty, error text like "#N/A" for errors. */
export type RawValue = string | number | boolean;

/** A rectangle of cells, 0-based and absolute on its sheet, inclusive of both corners. */
export interface CellRect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface TableSnapshot {
  /** The Excel table (ListObject) name. */
  name: string;
  /** The whole table, header row included. */
  rect: CellRect;
  showHeaders: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** Whether the sheet is protected (it is still read). */
  protected: boolean;
  /**
   * Where the used range starts, 0-based. values[r][c] is the cell at (originRow + r, originCol + c).
   * An empty sheet has zero rows.
   */
  originRow: number;
  originCol: number;
  values: RawValue[][];
  /** The displayed text of each cell, as Excel shows it (number formats applied). */
  text: string[][];
  numberFormats: string[][];
  valueTypes: ValueType[][];
  merges: CellRect[];
  tables: TableSnapshot[];
  /** The add-in's own scorecard sheet (marked by its defined name): never scanned for KPIs. */
  ownedByAddin?: boolean;
  /** Set when the sheet could not be read whole (too large, unreadable); the reason is reported as a finding. */
  readProblem?: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** The add-in's settings stored in the workbook (Office settings), already parsed from JSON. */
  settings: Record<string, unknown>;
}

/** A cell of a sheet, by 0-based absolute row and column. */
export interface CellPos {
  row: number;
  col: number;
}
