// Range.getSpecialCells("Constants" | "Formulas", valueType) (ExcelApi 1.9): the cells of a range that
// hold a typed value or a formula, as rectangles. Excel returns them as areas; here an area is a run of
// adjacent cells in a row, joined with the same run in the rows below it. Only occupied cells are
// visited, so a range of billions of mostly empty cells costs what its filled cells cost.
import type { CellRect } from "../../core/snapshot";
import { richApiError } from "../errors";
import type { CellModel, SheetModel } from "../model/types";

export type SpecialCellType = "Constants" | "Formulas";

/** Which value kinds an Excel.SpecialCellValueType names ("All", "Numbers", "ErrorsLogicalText", ...). */
function kindsOf(valueType: string | undefined): { errors: boolean; logical: boolean; numbers: boolean; text: boolean } {
  const v = valueType ?? "All";
  if (v === "All") return { errors: true, logical: true, numbers: true, text: true };
  const kinds = { errors: v.includes("Errors"), logical: v.includes("Logical"), numbers: v.includes("Number"), text: v.includes("Text") };
  if (!kinds.errors && !kinds.logical && !kinds.numbers && !kinds.text) throw richApiError("InvalidArgument");
  return kinds;
}

/**
 * The indexes present in a sparse array, ascending, between two bounds. Object.keys lists only the
 * elements that exist (integer keys in ascending order), where forEach would step over every hole.
 */
function presentIndexes(list: readonly unknown[], from: number, to: number): number[] {
  const out: number[] = [];
  for (const k of Object.keys(list)) {
    const i = Number(k);
    if (i >= from && i <= to && list[i]) out.push(i);
  }
  return out;
}

/** The occupied cells of one row between two columns, in order (the model's rows are sparse arrays). */
function cellsOfRow(sheet: SheetModel, row: number, fromCol: number, toCol: number, f: (col: number, cell: CellModel) => void): void {
  const line = sheet.rows[row];
  if (!line) return;
  for (const col of presentIndexes(line, fromCol, toCol)) f(col, line[col] as CellModel);
}

/** The rows of a sheet that hold anything, in order, between two rows. */
function rowsWithCells(sheet: SheetModel, fromRow: number, toRow: number): number[] {
  return presentIndexes(sheet.rows, fromRow, toRow);
}

/** The areas of `rect` whose cells match, top to bottom, left to right. */
export function specialCellAreas(sheet: SheetModel, rect: CellRect, type: SpecialCellType, valueType?: string): CellRect[] {
  if (type !== "Constants" && type !== "Formulas") {
    throw new TypeError(`The headless Excel host does not implement getSpecialCells("${String(type)}").`);
  }
  const kinds = kindsOf(valueType);
  const matches = (cell: CellModel): boolean => {
    if ((cell.formula !== undefined) !== (type === "Formulas")) return false;
    const v = cell.value;
    if (v === null || v === "") return type === "Formulas" && kinds.text;
    if (typeof v === "number") return kinds.numbers;
    if (typeof v === "boolean") return kinds.logical;
    if (typeof v === "object") return kinds.errors;
    return kinds.text;
  };
  const lastCol = rect.col + rect.colCount - 1;
  const done: CellRect[] = [];
  // Areas still growing downwards, by their column run "from:to".
  let open = new Map<string, CellRect>();
  let prevRow = -2;
  for (const r of rowsWithCells(sheet, rect.row, rect.row + rect.rowCount - 1)) {
    const runs: [number, number][] = [];
    cellsOfRow(sheet, r, rect.col, lastCol, (col, cell) => {
      if (!matches(cell)) return;
      const last = runs[runs.length - 1];
      if (last && last[1] === col - 1) last[1] = col;
      else runs.push([col, col]);
    });
    const next = new Map<string, CellRect>();
    for (const [from, to] of runs) {
      const key = `${from}:${to}`;
      const area = r === prevRow + 1 ? open.get(key) : undefined;
      if (area) {
        area.rowCount++;
        open.delete(key);
        next.set(key, area);
      } else next.set(key, { row: r, col: from, rowCount: 1, colCount: to - from + 1 });
    }
    for (const a of open.values()) done.push(a);
    open = next;
    if (runs.length) prevRow = r;
  }
  for (const a of open.values()) done.push(a);
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}
