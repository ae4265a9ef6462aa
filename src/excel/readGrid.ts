// The preview's read-only grid reads the workbook through the Excel API (wb.run), like the pane:
// sheet names, then the displayed text of one sheet from A1, capped so huge sheets stay quick.
import { parseCellAddress } from "../core/address";

export const MAX_GRID_ROWS = 200;
export const MAX_GRID_COLS = 30;

export interface GridView {
  sheets: string[];
  sheet: string;
  /** 0-based position of text[0][0] on the sheet. */
  firstRow: number;
  firstCol: number;
  text: string[][];
  /** Rows or columns of the used range beyond the cap. */
  truncated: boolean;
}

/** Read `sheet` (default: the active sheet); `focusCell` moves the window down to show that cell. */
export async function readGrid(context: Excel.RequestContext, sheet: string | null, focusCell?: string | null): Promise<GridView> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const visible = sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
  const name = sheet && visible.includes(sheet) ? sheet : active.name;

  const ws = sheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return { sheets: visible, sheet: name, firstRow: 0, firstCol: 0, text: [], truncated: false };

  const lastRow = used.rowIndex + used.rowCount;
  const lastCol = used.columnIndex + used.columnCount;
  const focus = focusCell ? parseCellAddress(focusCell) : null;
  const firstRow = focus && focus.row >= MAX_GRID_ROWS ? Math.max(0, focus.row - 20) : 0;
  const rows = Math.min(lastRow - firstRow, MAX_GRID_ROWS);
  const cols = Math.min(lastCol, MAX_GRID_COLS);
  const range = ws.getRangeByIndexes(firstRow, 0, Math.max(rows, 1), Math.max(cols, 1));
  range.load("text");
  await context.sync();
  return { sheets: visible, sheet: name, firstRow, firstCol: 0, text: range.text, truncated: lastRow - firstRow > rows || lastCol > cols };
}
