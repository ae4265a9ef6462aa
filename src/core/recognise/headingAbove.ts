// A heading printed over two or three lines, as budget books and scorecards print it: the period on one line and
// what the column holds on the next ("FY 2019" over "Estimate", "ACTUAL" over "18/19", "FY 2023-24" over "Adopted"
// over "Budget"). A reader reads each column's lines together; so does this. A line above the heading row joins it
// only where it makes the columns' headings name their periods — a title or a caption above the table does not.
import type { PeriodContext } from "../periods";
import type { CellKinds } from "./cellKinds";
import type { ColumnInfo } from "./columnRoles";
import type { SheetGrid } from "./grid";
import { classifyHeading, FIGURE_ROLES, type HeaderClass } from "./headers";

/** How many lines above the heading row may belong to it. */
const MAX_LINES_ABOVE = 2;
/** A heading line's cell is a few words, not a sentence. */
const MAX_LINE_TEXT = 40;

/** Roles of a column whose heading a period line above can complete (figures, or nothing read yet). */
function completable(cls: HeaderClass | null): boolean {
  return !cls || FIGURE_ROLES.has(cls.role) || cls.role === "ignore";
}

/** The heading's words as one line ("FY 2021-22 / Actual" reads "FY 2021-22 Actual"). */
function asLine(label: string): string {
  return label.replace(/ \/ /g, " ").trim();
}

/** A dated reading of the two lines together, when it says more than the heading below did alone. */
function together(above: string, below: ColumnInfo, ctx: PeriodContext): HeaderClass | null {
  if (!completable(below.cls)) return null;
  const own = asLine(below.label);
  const cls = (own ? classifyHeading(`${above} ${own}`, ctx) : null) ?? classifyHeading(above, ctx);
  if (cls?.role !== "time" || !cls.heading?.period) return null;
  const before = below.cls?.role === "time" ? below.cls.heading : null;
  // "18/19" alone names the period already: "ACTUAL" above it adds what the column holds.
  if (before?.period && before.role !== "period") return null;
  if (before?.period && cls.heading.role === "period") return null;
  return cls;
}

/** A row's cells over the table, as heading text, or null when the row holds figures or sentences. */
function lineCells(grid: SheetGrid, kinds: CellKinds, row: number, fromCol: number, toCol: number): Map<number, string> | null {
  const cells = new Map<number, string>();
  for (let c = fromCol; c <= toCol; c++) {
    const cell = grid.cell(row, c); // merge-aware: a year merged over its columns reads over each
    if (!cell.text) continue;
    const t = cell.text;
    const yearLike = /^(?:19|20)\d{2}$/.test(t);
    const k = kinds.kind(row, c);
    if (t.length > MAX_LINE_TEXT || ((k === "number" || k === "error" || k === "status") && !yearLike)) return null;
    cells.set(c, t);
  }
  return cells.size ? cells : null;
}

/**
 * A line merged over the names column and the figure columns alike ("CAMHS – targets and performance" across the whole
 * table) is the table's title: it says what the table is about, not what each column holds.
 */
function isTitleLine(grid: SheetGrid, row: number, columns: ColumnInfo[]): boolean {
  for (const c of columns) {
    if (completable(c.cls)) continue;
    const merge = grid.mergeAt(row, c.col);
    if (!merge || merge.colCount < 2) continue;
    const last = merge.col + merge.colCount - 1;
    if (columns.some((o) => o.col >= merge.col && o.col <= last && completable(o.cls))) return true;
  }
  return false;
}

/**
 * Read the heading lines above `topRow` into `columns`, nearest first, and return the rows that joined (top first).
 * A line joins when two of its cells (or one merged over several columns, or one over a heading of two lines or more)
 * complete the heading under them into a dated one; its other cells only qualify their columns' words. `lines` is
 * how many lines the heading has already.
 */
export function readHeadingLinesAbove(grid: SheetGrid, kinds: CellKinds, columns: ColumnInfo[], topRow: number, lines: number, ctx: PeriodContext): number[] {
  const joined: number[] = [];
  if (!columns.length) return joined;
  const fromCol = columns[0].col;
  const toCol = columns[columns.length - 1].col;
  for (let row = topRow - 1; row >= Math.max(grid.firstRow, topRow - MAX_LINES_ABOVE); row--) {
    const cells = lineCells(grid, kinds, row, fromCol, toCol);
    if (!cells || isTitleLine(grid, row, columns)) break;
    const readings = new Map<ColumnInfo, HeaderClass>();
    for (const c of columns) {
      const above = cells.get(c.col);
      const cls = above ? together(above, c, ctx) : null;
      if (cls) readings.set(c, cls);
    }
    const merged = [...readings.keys()].some((c) => (grid.mergeAt(row, c.col)?.colCount ?? 1) > 1);
    if (readings.size < 2 && !(readings.size === 1 && (merged || lines + joined.length >= 2))) break;
    for (const c of columns) {
      const above = cells.get(c.col);
      if (!above) continue;
      const cls = readings.get(c);
      if (cls) c.cls = { ...cls, words: `${above} ${asLine(c.label)}`.trim() };
      c.label = c.label ? `${above} / ${c.label}` : above;
      if ((grid.mergeAt(row, c.col)?.colCount ?? 1) > 1) c.spanned = true;
    }
    joined.unshift(row);
  }
  return joined;
}
