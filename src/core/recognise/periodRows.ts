// Tables with their periods down the rows: a column of months, quarters or years ("April", "Oct 2019", a real
// date shown "mmmm yyyy"), and beside it columns of figures for each period. A reader reads across the heading
// row to see what each column is: KPIs named in the headings ("Total number of households | Homelessness Duty"),
// one KPI's "Target | Actual" named by the title above ("Repairs Compliance – KPI 1"), or KPIs named over pairs of
// "Target (weeks) | Actual (weeks)" columns. A "Baseline (Jun 2019)" row among the periods states the baseline.
import type { Period } from "../types";
import { idWithoutPeriod, parsePeriodCell, type PeriodContext } from "../periods";
import type { SheetGrid, GridRegion } from "./grid";
import type { CellRef } from "./drafts";
import { classifyHeading } from "./headers";
import { isDateFormat } from "../dates";
import { missingPhrase } from "../figures/missing-phrases";

/** One KPI of a periods-down-the-rows table: where it is named, and which columns hold its target and its actual. */
export interface PeriodRowsKpi {
  name: string;
  nameCell: CellRef;
  targetCol: number | null;
  actualCol: number | null;
}

/** One row of the table: its period (null for a baseline row) and its label as written. */
export interface PeriodRow {
  row: number;
  label: string;
  period: Period | null;
  baseline: boolean;
}

export interface PeriodRowsPlan {
  periodCol: number;
  kpis: PeriodRowsKpi[];
  rows: PeriodRow[];
  /** Every figure column's heading, for the KPI's scale ("Target (weeks)"). */
  headings: string[];
}

/** Where such a table stands, and what it holds. */
export interface PeriodRowsShape {
  headerRow: number;
  headerRows: number;
  firstCol: number;
  lastCol: number;
  firstDataRow: number;
  lastRow: number;
  plan: PeriodRowsPlan;
}

const BASELINE_ROW = /^base\s?line\b/i;
/** Fewest period rows that make a series. */
const MIN_ROWS = 3;

/** Every table in the region whose first column runs down periods with figures beside them. */
export function findPeriodRowTables(
  grid: SheetGrid,
  region: GridRegion,
  ctxOf: (headerRow: number, fromCol: number, toCol: number) => PeriodContext,
  taken: (row: number, col: number) => boolean,
): PeriodRowsShape[] {
  const out: PeriodRowsShape[] = [];
  for (let col = region.firstCol; col <= region.lastCol; col++) {
    let r = region.firstRow;
    while (r <= region.lastRow) {
      // A run is MIN_ROWS rows or more in a row: when the row MIN_ROWS - 1 below this one cannot be in a run, no
      // run starts at or above it, so a column of data is looked at one row in MIN_ROWS until a row could be.
      const far = r + MIN_ROWS - 1;
      if (far > region.lastRow) break;
      if (!inRun(grid, col, far, region, taken)) {
        r = far + 1;
        continue;
      }
      const run = periodRun(grid, col, r, region, taken);
      if (!run) {
        r++;
        continue;
      }
      const shape = shapeOf(grid, col, run, region, ctxOf);
      if (shape && !out.some((o) => o.firstDataRow === shape.firstDataRow)) out.push(shape);
      r = run.last + 1;
    }
  }
  return out;
}

/** The rows from `from` down whose cell in `col` is a period (or a baseline) with a figure to its right. */
function periodRun(grid: SheetGrid, col: number, from: number, region: GridRegion, taken: (row: number, col: number) => boolean): { first: number; last: number } | null {
  let last = -1;
  let periods = 0;
  for (let r = from; r <= region.lastRow; r++) {
    if (!inRun(grid, col, r, region, taken)) break;
    last = r;
    if (!BASELINE_ROW.test(grid.rawText(r, col))) periods++;
  }
  return periods >= MIN_ROWS ? { first: from, last } : null;
}

/** Whether the row can be in a run: not another table's, a period (or a baseline) in `col`, a figure to its right. */
function inRun(grid: SheetGrid, col: number, r: number, region: GridRegion, taken: (row: number, col: number) => boolean): boolean {
  return !taken(r, col) && periodLike(grid, r, col) && figureBeside(grid, r, col, region.lastCol);
}

function periodLike(grid: SheetGrid, r: number, col: number): boolean {
  // The cell read from its block's grids, as the grid's accessors (ownText, value, numberFormat) give it, in one
  // search: this is asked of every third cell of a sheet's columns.
  const b = grid.blockAt(r, col);
  if (!b) return false;
  const i = r - b.row;
  const j = col - b.col;
  const text = String(b.text[i]?.[j] ?? b.values[i][j] ?? "").trim();
  if (!text) return false;
  const value = b.values[i][j] ?? "";
  const numberFormat = b.numberFormats[i]?.[j] ?? "General";
  // A typed number is a period only as a date or a year: amounts and counts are not parsed.
  if (typeof value === "number" && !(numberFormat && isDateFormat(numberFormat)) && !/^(?:19|20)\d{2}$/.test(text)) return false;
  if (BASELINE_ROW.test(text)) return true;
  // Text is parsed once per distinct text (sheets repeat their labels and codes down the rows); an id that no
  // period rule can read ("CR-123456", a different one in each row) is not parsed at all.
  if (typeof value !== "number") {
    if (idWithoutPeriod(text)) return false;
    let known = TEXT_PERIOD.get(text);
    if (known === undefined) {
      const p = parsePeriodCell({ text, value, numberFormat });
      known = !!p && p.kind !== "unknown" && p.kind !== "relative-months";
      if (TEXT_PERIOD.size > 50_000) TEXT_PERIOD.clear();
      TEXT_PERIOD.set(text, known);
    }
    return known;
  }
  const p = parsePeriodCell({ text, value, numberFormat });
  return !!p && p.kind !== "unknown" && p.kind !== "relative-months";
}

/** Whether a text is a period of a known kind, remembered (no context is involved in this test). */
const TEXT_PERIOD = new Map<string, boolean>();

function figureBeside(grid: SheetGrid, r: number, col: number, lastCol: number): boolean {
  for (let c = col + 1; c <= Math.min(lastCol, col + 12); c++) if (typeof grid.value(r, c) === "number") return true;
  return false;
}

/** The heading rows over a run of periods, the figure columns beside it, and the KPIs they make. */
function shapeOf(
  grid: SheetGrid,
  col: number,
  run: { first: number; last: number },
  region: GridRegion,
  ctxOf: (headerRow: number, fromCol: number, toCol: number) => PeriodContext,
): PeriodRowsShape | null {
  // Rows named in words to the left of the periods are KPIs, each saying which period its figures are for
  // ("A&E four-hour wait | 95% | November 2019 | 83.8%"): the periods qualify the rows, they do not run down them.
  if (namedToTheLeft(grid, col, run, region.firstCol)) return null;
  const headerRow = run.first - 1;
  if (headerRow < grid.firstRow || grid.isBlankRow(headerRow, col, region.lastCol)) return null;
  const figureCols = figureColumns(grid, col, run, region.lastCol);
  if (!figureCols.length || !figureCols.every((c) => grid.text(headerRow, c) || grid.mergeAt(headerRow - 1, c))) return null;
  const lastCol = figureCols[figureCols.length - 1];
  const top = headerRow - 1 >= grid.firstRow && overHeadings(grid, headerRow - 1, figureCols) ? headerRow - 1 : null;
  const ctx = ctxOf(top ?? headerRow, col, lastCol);
  const rows: PeriodRow[] = [];
  for (let r = run.first; r <= run.last; r++) {
    const c = grid.raw(r, col);
    const baseline = BASELINE_ROW.test(c.text);
    rows.push({ row: r, label: c.text, period: baseline ? null : parsePeriodCell({ text: c.text, value: c.value, numberFormat: c.numberFormat }, ctx), baseline });
  }
  const kpis = top !== null ? namedOverPairs(grid, top, headerRow, figureCols, ctx) : namedInHeadings(grid, headerRow, figureCols, ctx);
  if (!kpis.length) return null;
  return {
    headerRow: top ?? headerRow,
    headerRows: top !== null ? 2 : 1,
    firstCol: col,
    lastCol,
    firstDataRow: run.first,
    lastRow: run.last,
    plan: { periodCol: col, kpis, rows, headings: figureCols.map((c) => grid.text(headerRow, c)) },
  };
}

/** Whether most rows of the run carry a label in words left of the period column. */
function namedToTheLeft(grid: SheetGrid, col: number, run: { first: number; last: number }, firstCol: number): boolean {
  let named = 0;
  for (let r = run.first; r <= run.last; r++) {
    for (let c = col - 1; c >= firstCol; c--) {
      const cell = grid.raw(r, c);
      if (typeof cell.value === "number" || !/\p{L}{3}/u.test(cell.text) || periodLike(grid, r, c)) continue;
      named++;
      break;
    }
  }
  return named * 2 > run.last - run.first + 1;
}

/** Columns right of the periods that hold figures on most rows, up to the first that does not. */
function figureColumns(grid: SheetGrid, col: number, run: { first: number; last: number }, lastCol: number): number[] {
  const cols: number[] = [];
  for (let c = col + 1; c <= lastCol; c++) {
    let figures = 0;
    let words = 0;
    for (let r = run.first; r <= run.last; r++) {
      const cell = grid.raw(r, c);
      if (typeof cell.value === "number") figures++;
      // Words that say there is no figure ("n/a", "tbc", "Unavailable", "*") hold a period's place in the series.
      else if (cell.text && !/^(?:n\/?a|-|–|tbc|tbd)$/i.test(cell.text) && !(cell.text.length <= 20 && missingPhrase(cell.text))) words++;
    }
    if (figures === 0 || words > figures) break;
    cols.push(c);
  }
  return cols;
}

/** A row above the headings that names KPIs over them (merged over pairs, or written once over each pair). */
function overHeadings(grid: SheetGrid, row: number, cols: number[]): boolean {
  const named = cols.filter((c) => grid.text(row, c) !== "");
  return named.length === cols.length && cols.some((c) => !!grid.mergeAt(row, c)) && new Set(named.map((c) => grid.text(row, c))).size < cols.length;
}

type Side = "target" | "actual";

/**
 * What a column's heading says it holds: a target ("Target (weeks)", "Plan", "Trajectory"), else what happened. A
 * heading that only shares a word with a target ("Plans issued", "Standards met") counts something: it is a figure.
 */
function sideOf(heading: string, ctx: PeriodContext): Side {
  const cls = classifyHeading(heading, ctx);
  return (cls?.role === "target" && (cls.strength ?? 1) >= 0.75) || (cls?.role === "time" && cls.heading?.role === "target") ? "target" : "actual";
}

/** KPIs named over pairs of columns: each name over its target and actual columns. */
function namedOverPairs(grid: SheetGrid, top: number, headerRow: number, cols: number[], ctx: PeriodContext): PeriodRowsKpi[] {
  const byName = new Map<string, number[]>();
  for (const c of cols) byName.set(grid.text(top, c), [...(byName.get(grid.text(top, c)) ?? []), c]);
  const out: PeriodRowsKpi[] = [];
  for (const [name, group] of byName) {
    const first = group[0];
    // No target among them ("READING" over "% EXS | % GDS"): each column is a measure of its own, named by its heading.
    if (group.length > 1 && !group.some((c) => sideOf(grid.text(headerRow, c), ctx) === "target")) {
      for (const c of group) out.push({ name: grid.text(headerRow, c), nameCell: { row: headerRow, col: c }, targetCol: null, actualCol: c });
      continue;
    }
    const m = grid.mergeAt(top, first);
    out.push({ name, nameCell: { row: top, col: m ? m.col : first }, ...pair(grid, headerRow, group, ctx) });
  }
  return out;
}

/**
 * KPIs named in the heading row: a "Target" column beside one other is one KPI, named by the title above the table
 * ("Repairs Compliance – KPI 1") or else by its other column's heading; columns with no target among them are each a
 * KPI of their own, named by its heading.
 */
function namedInHeadings(grid: SheetGrid, headerRow: number, cols: number[], ctx: PeriodContext): PeriodRowsKpi[] {
  const sides = cols.map((c) => sideOf(grid.text(headerRow, c), ctx));
  if (sides.includes("target") && cols.length === 2) {
    const { targetCol, actualCol } = pair(grid, headerRow, cols, ctx);
    const title = titleAbove(grid, headerRow, cols[cols.length - 1]);
    const named = title ?? { text: grid.text(headerRow, actualCol ?? cols[0]), cell: { row: headerRow, col: actualCol ?? cols[0] } };
    return [{ name: named.text, nameCell: named.cell, targetCol, actualCol }];
  }
  if (sides.includes("target")) return [];
  return cols.map((c) => ({ name: grid.text(headerRow, c), nameCell: { row: headerRow, col: c }, targetCol: null, actualCol: c }));
}

function pair(grid: SheetGrid, headerRow: number, group: number[], ctx: PeriodContext): { targetCol: number | null; actualCol: number | null } {
  const targetCol = group.find((c) => sideOf(grid.text(headerRow, c), ctx) === "target") ?? null;
  const actualCol = group.find((c) => c !== targetCol) ?? null;
  return { targetCol, actualCol };
}

/** The nearest line above the heading row that stands alone: the title that names the table's KPI. */
function titleAbove(grid: SheetGrid, headerRow: number, lastCol: number): { text: string; cell: CellRef } | null {
  let best: { text: string; cell: CellRef } | null = null;
  for (let r = headerRow - 1; r >= Math.max(grid.firstRow, headerRow - 4); r--) {
    const filled = grid.filledCols(r, grid.firstCol, lastCol);
    if (filled.length !== 1) break;
    // The topmost line of a block of title lines names the KPI; the lines under it describe it.
    best = { text: grid.text(r, filled[0]), cell: { row: r, col: filled[0] } };
  }
  return best;
}
