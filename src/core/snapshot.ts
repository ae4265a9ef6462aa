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

/**
 * The font most of a sheet's cells use (normally the workbook's Normal style font). Cells in another
 * font or colour say so in their block's `styles`; null where it is not known (not read).
 */
export interface FontFace {
  /** Font name as Excel reports it, e.g. "Calibri", "Aptos Narrow". */
  name: string | null;
  /** Font colour as "RRGGBB" (no "#"), upper case; Excel's "Automatic" reads as "000000". */
  color: string | null;
}

/**
 * One cell's formatting where it differs from its sheet's defaults: a solid fill (any fill at all
 * is rare and means something, e.g. a stated RAG with no text), or a font or font colour other than
 * SheetSnapshot.font (e.g. arrows typed as letters in Wingdings, a tick coloured green).
 */
export interface CellStyle {
  /** Row and column of the cell inside its block, 0-based (the cell is at block.row + r, block.col + c). */
  r: number;
  c: number;
  /** The cell's fill colour as "RRGGBB", upper case; absent when the cell has no fill (or a white one). */
  fill?: string;
  /** The cell's font name; absent when it is the sheet's default font. */
  fontName?: string;
  /** The cell's font colour as "RRGGBB"; absent when it is the sheet's default font colour. */
  fontColor?: string;
}

/**
 * A dense rectangle of cells read from a sheet. Every grid below has rowCount rows of colCount
 * cells; cell [r][c] is the sheet's cell (row + r, col + c). Blocks of one sheet never overlap, and a
 * cell outside every block is empty. A far stray value costs one 1x1 block, not the rectangle between.
 */
export interface CellBlock {
  /** The block's top-left cell, 0-based and absolute on its sheet. */
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  /**
   * Raw values as Excel returns them (`range.values`): "" for empty, error text like "#N/A" for errors;
   * date serials in the 1900 date system whatever the workbook's (readers move a 1904 workbook's).
   */
  values: RawValue[][];
  /** The displayed text of each cell, as Excel shows it (number formats applied). */
  text: string[][];
  /** Each cell's number format code ("General", "0.0%", ...). */
  numberFormats: string[][];
  /** Excel's classification of each value. */
  valueTypes: ValueType[][];
  /** The block's cells whose fill or font differs from the sheet's defaults, in reading order; absent when none do. */
  styles?: CellStyle[];
}

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** Whether the sheet is protected (it is still read). */
  protected: boolean;
  /** The occupied parts of the sheet, in reading order (by top row, then left column). An empty sheet has none. */
  blocks: CellBlock[];
  /** The font most cells use; the blocks' `styles` list the cells that differ. Null fields when not read. */
  font: FontFace;
  /** Merged areas, absolute on the sheet. */
  merges: CellRect[];
  tables: TableSnapshot[];
  /** The add-in's own scorecard sheet (marked by its defined name): never scanned for KPIs. */
  ownedByAddin?: boolean;
  /** Set when the sheet could not be read at all (too large, unreadable); the reason is reported as a finding. */
  readProblem?: string;
  /** Problems that did not stop the sheet being scanned (e.g. its merged areas could not be read), each reported as a finding. */
  readNotes?: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** The workbook counts dates from 1904 (its serials were moved to the 1900 system when read). */
  date1904?: boolean;
  /** The add-in's settings stored in the workbook (Office settings), already parsed from JSON. */
  settings: Record<string, unknown>;
}

/** A cell of a sheet, by 0-based absolute row and column. */
export interface CellPos {
  row: number;
  col: number;
}
