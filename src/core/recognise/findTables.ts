// Finding KPI tables on a sheet the way a reader does: a heading row that names a measure or a
// reference and at least one column of figures, the rows under it until the text turns back
// into narrative, blank space or another heading.
import type { PeriodContext } from "../periods";
import type { SheetGrid } from "./grid";
import { classifyHeading, FIGURE_ROLES, mayNameColumn, type HeaderClass } from "./headers";

export interface ColumnInfo {
  col: number;
  /** The heading as a person reads it: top heading, and under a two-level heading the sub-heading ("... / Positive"). */
  label: string;
  cls: HeaderClass | null;
  /** Under a two-level heading: the sub-heading text ("Positive"). */
  sub: string | null;
}

export interface FoundTable {
  headerRow: number;
  headerRows: number;
  firstCol: number;
  lastCol: number;
  /** First and last data row (inclusive). lastRow < firstDataRow means no data rows. */
  firstDataRow: number;
  lastRow: number;
  columns: ColumnInfo[];
  /** The ListObject this table is, if any. */
  excelTable: string | null;
  /** A title line just above the table (e.g. "CAMHS – targets and performance"), for the group. */
  title: string | null;
  /** How many of the heading cells were recognised, over all non-empty heading cells. */
  headerScore: number;
  /** The period context the table's headings were read in (e.g. year pairs as financial years). */
  periodContext: PeriodContext;
}

const MAX_HEADER_CELL = 140;

/** Quick test before the regexes: could this text be a heading at all? */
function headingLike(text: string): boolean {
  return text.length > 0 && text.length <= MAX_HEADER_CELL && /[A-Za-z]/.test(text);
}

interface RowHeading {
  classes: Map<number, HeaderClass>;
  filled: number[];
  recognised: number;
}

function classifyRow(grid: SheetGrid, row: number, ctx: PeriodContext, fromCol: number, toCol: number): RowHeading {
  const classes = new Map<number, HeaderClass>();
  const filled: number[] = [];
  for (let c = fromCol; c <= toCol; c++) {
    const cell = grid.raw(row, c);
    if (cell.text === "") continue;
    filled.push(c);
    if (cell.valueType !== "String" && cell.valueType !== "Unknown") {
      // A date typed as a real date is a perfectly good period heading ("Aug 2020" as a date cell).
      const cls = classifyHeading(cell.text, ctx);
      if (cls && cls.role === "time") classes.set(c, cls);
      continue;
    }
    if (!headingLike(cell.text)) continue;
    const cls = classifyHeading(cell.text, ctx);
    if (cls) classes.set(c, cls);
  }
  return { classes, filled, recognised: classes.size };
}

function isHeaderCandidate(h: RowHeading): boolean {
  if (h.recognised < 2) return false;
  const roles = [...h.classes.values()].map((c) => c.role);
  const hasName = roles.includes("ref") || roles.includes("measure");
  const hasFigures = roles.some((r) => FIGURE_ROLES.has(r));
  if (!hasName || !hasFigures) return false;
  // Most of the filled cells of a heading row are headings; a data row with a stray word is not.
  return h.recognised / h.filled.length >= 0.5;
}

/** A second heading row under a two-level heading: short words under the figure columns, nothing under the names. */
function subHeadingRow(grid: SheetGrid, row: number, top: RowHeading, fromCol: number, toCol: number): Map<number, string> | null {
  const subs = new Map<number, string>();
  for (let c = fromCol; c <= toCol; c++) {
    const cell = grid.raw(row, c);
    if (!cell.text) continue;
    const cls = top.classes.get(c);
    if (cls && (cls.role === "ref" || cls.role === "measure")) return null;
    if (cell.valueType !== "String" || cell.text.length > 30 || /\d%|^\d+(\.\d+)?$/.test(cell.text)) return null;
    subs.set(c, cell.text);
  }
  return subs.size >= 2 ? subs : null;
}

function refShape(text: string): string {
  return text.replace(/\d+/g, "9").replace(/[A-Za-z]+/g, (w) => (w.length > 3 ? "w" : w.toLowerCase()));
}

function refLike(text: string): boolean {
  return text.length <= 24 && /\d/.test(text) && !/%/.test(text);
}

const ACTUAL_LABEL = /^(.*?)\s*actuals?\s*$/i;

export function findTables(grid: SheetGrid, ctx: PeriodContext): FoundTable[] {
  if (grid.isEmpty) return [];
  const tables: FoundTable[] = [];
  const claimed = (row: number, col: number) =>
    tables.some((t) => row >= t.headerRow && row <= Math.max(t.lastRow, t.headerRow + t.headerRows - 1) && col >= t.firstCol && col <= t.lastCol);

  // Excel tables (ListObjects) first: their heading row is known.
  for (const lo of grid.sheet.tables) {
    if (!lo.showHeaders) continue;
    const h = classifyRow(grid, lo.rect.row, ctx, lo.rect.col, lo.rect.col + lo.rect.colCount - 1);
    if (h.recognised < 2) continue;
    const t = buildTable(grid, lo.rect.row, h, ctx, lo.rect.col, lo.rect.col + lo.rect.colCount - 1, lo.rect.row + lo.rect.rowCount - 1);
    if (t) tables.push({ ...t, excelTable: lo.name });
  }

  for (let row = grid.firstRow; row <= grid.lastRow; row++) {
    if (!rowMayBeHeading(grid, row, grid.firstCol, grid.lastCol)) continue;
    const filled = grid.filledCols(row);
    if (filled.length < 2) continue;
    // Several tables may sit side by side: look at each run of columns separated by 2+ columns that are
    // empty in the heading row and the rows just under it (a blank heading over data is still the table's).
    for (const [from, to] of runs(occupiedCols(grid, row, filled))) {
      if (claimed(row, from)) continue;
      const h = classifyRow(grid, row, ctx, from, to);
      if (!isHeaderCandidate(h)) continue;
      const t = buildTable(grid, row, h, ctx, from, to, null);
      if (t && t.lastRow >= t.firstDataRow) tables.push(t);
    }
  }
  return tables.sort((a, b) => a.headerRow - b.headerRow || a.firstCol - b.firstCol);
}

/** Columns filled in the heading row, or in one of the next few rows between filled heading columns or just after them. */
function occupiedCols(grid: SheetGrid, row: number, filled: number[]): number[] {
  const set = new Set(filled);
  const last = filled[filled.length - 1];
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + 4); r++) {
    for (let c = filled[0]; c <= last + 1 && c <= grid.lastCol; c++) if (!set.has(c) && grid.raw(r, c).text !== "") set.add(c);
  }
  return [...set].sort((a, b) => a - b);
}

/** A heading row names its reference or measure column: without such a cell, no heading is parsed. */
function rowMayBeHeading(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  for (let c = fromCol; c <= toCol; c++) {
    const t = grid.rawText(row, c);
    if (t !== "" && mayNameColumn(t)) return true;
  }
  return false;
}

/** Runs of columns, split where two or more empty columns stand between them. */
function runs(cols: number[]): [number, number][] {
  const out: [number, number][] = [];
  let start = cols[0];
  let prev = cols[0];
  for (const c of cols.slice(1)) {
    if (c - prev > 2) {
      out.push([start, prev]);
      start = c;
    }
    prev = c;
  }
  out.push([start, prev]);
  return out;
}

/**
 * Year pairs like "2022/23" are academic years by default (SEND reporting runs on them), but in a heading
 * row that also has financial quarters ("Q1 2023/24") or says "financial", they are financial years.
 */
function tableContext(grid: SheetGrid, headerRow: number, fromCol: number, toCol: number, ctx: PeriodContext): PeriodContext {
  if (ctx.yearPairKind) return ctx;
  for (let c = fromCol; c <= toCol; c++) {
    const t = grid.rawText(headerRow, c);
    if (/\bQ[1-4]\b.*\d{2,4}\s*[/-]\s*\d{2}|\d{2,4}\s*[/-]\s*\d{2}.*\bQ[1-4]\b|\bfinancial\b|\bFY\s?\d/i.test(t)) return { ...ctx, yearPairKind: "financial-year" };
  }
  return ctx;
}

function buildTable(
  grid: SheetGrid,
  headerRow: number,
  topIn: RowHeading,
  ctxIn: PeriodContext,
  fromCol: number,
  toCol: number,
  fixedLastRow: number | null,
): Omit<FoundTable, "excelTable"> & { excelTable: string | null } | null {
  const ctx = tableContext(grid, headerRow, fromCol, toCol, ctxIn);
  const top = ctx === ctxIn ? topIn : classifyRow(grid, headerRow, ctx, fromCol, toCol);
  // Extend the columns right over blank-heading columns that hold data (RAG columns after milestones, the
  // second half of a merged two-level heading).
  let lastCol = toCol;
  for (let c = toCol + 1; c <= Math.min(grid.lastCol, toCol + 2); c++) {
    if (grid.raw(headerRow, c).text !== "") break;
    let hasData = false;
    for (let r = headerRow + 1; r <= Math.min(grid.lastRow, headerRow + 8); r++) {
      if (grid.isBlankRow(r, fromCol, toCol)) break; // rows of the table only, not of a table further down
      if (grid.raw(r, c).text !== "") hasData = true;
    }
    if (!hasData && !grid.mergeAt(headerRow, c)) {
      // A blank heading straight after a time column is that milestone's RAG column even while empty — when the
      // heading row has that pattern inside it too (004's Score card: "3 months | | 6 months | | 12 months | ").
      const left = top.classes.get(c - 1);
      const pattern = [...top.classes.entries()].some(([col, cls]) => cls.role === "time" && col + 1 < toCol && grid.raw(headerRow, col + 1).text === "");
      if (!(left && left.role === "time" && pattern)) break;
    }
    lastCol = c;
  }

  // A two-level heading: the next row holds sub-headings under the figure columns.
  let headerRows = 1;
  const subs = headerRow + 1 <= grid.lastRow ? subHeadingRow(grid, headerRow + 1, top, fromCol, lastCol) : null;
  if (subs) headerRows = 2;

  const columns: ColumnInfo[] = [];
  let carried: { text: string; cls: HeaderClass | null } | null = null;
  for (let c = fromCol; c <= lastCol; c++) {
    const own = grid.cell(headerRow, c); // merge-aware: a merged top heading reads across
    const sub = subs?.get(c) ?? null;
    let label = own.text;
    let cls = own.text ? (top.classes.get(c) ?? (own.merge ? classifyHeading(own.text, ctx) : null)) : null;
    if (!own.text && sub && carried) {
      // The second column under an unmerged two-level heading belongs to the heading on its left.
      label = carried.text;
      cls = carried.cls;
    }
    if (own.text) carried = { text: own.text, cls };
    if (sub) {
      const subCls = classifyHeading(sub, ctx);
      if (subCls && (subCls.role === "dot" || subCls.role === "notes" || subCls.role === "rag")) cls = subCls;
      label = label ? `${label} / ${sub}` : sub;
    }
    if (!own.text && !sub) {
      const left = columns[columns.length - 1];
      if (left?.cls?.role === "time") cls = { role: "rag" };
    }
    columns.push({ col: c, label, cls, sub });
  }
  resolveKpiColumn(grid, columns, headerRow + headerRows);
  // "Baseline April 2019 - Note plan start date 1 st July 2019": the table states its own plan start.
  const stated = columns.map((c) => c.cls?.heading?.statedPlanStart).find((d) => !!d);
  const tableCtx = !ctx.planStart && stated ? { ...ctx, planStart: stated } : ctx;
  resolvePeriodColumns(grid, columns, headerRow + headerRows);

  const firstDataRow = headerRow + headerRows;
  const lastRow = fixedLastRow ?? findLastRow(grid, columns, firstDataRow, fromCol, lastCol, ctx);
  const nonEmptyHeads = columns.filter((c) => c.label).length;
  const recognisedHeads = columns.filter((c) => c.cls).length;
  return {
    headerRow,
    headerRows,
    firstCol: fromCol,
    lastCol,
    firstDataRow,
    lastRow,
    columns,
    excelTable: null,
    title: findTitle(grid, headerRow, fromCol, lastCol),
    headerScore: nonEmptyHeads ? recognisedHeads / nonEmptyHeads : 0,
    periodContext: tableCtx,
  };
}

/** "KPI" is the reference beside a Measure column, the measure beside a "KPI Reference" column, else what its cells look like. */
function resolveKpiColumn(grid: SheetGrid, columns: ColumnInfo[], firstDataRow: number): void {
  const kpiCols = columns.filter((c) => c.cls?.ambiguousKpi);
  if (!kpiCols.length) return;
  const hasMeasure = columns.some((c) => c.cls?.role === "measure");
  const hasRef = columns.some((c) => c.cls?.role === "ref" && !c.cls.ambiguousKpi);
  for (const k of kpiCols) {
    let role: "ref" | "measure";
    if (hasMeasure) role = "ref";
    else if (hasRef) role = "measure";
    else {
      let refs = 0;
      let texts = 0;
      for (let r = firstDataRow; r < firstDataRow + 8 && r <= grid.lastRow; r++) {
        const t = grid.text(r, k.col);
        if (!t) continue;
        if (refLike(t)) refs++;
        else texts++;
      }
      role = refs >= texts ? "ref" : "measure";
    }
    k.cls = { role };
  }
}

/**
 * "Last period" may head the previous figure itself or the label of the previous period: the cells tell.
 * A column headed as a period whose cells are mostly numbers holds the values.
 */
function resolvePeriodColumns(grid: SheetGrid, columns: ColumnInfo[], firstDataRow: number): void {
  for (const col of columns) {
    if (col.cls?.role !== "period" || col.cls.qualifies === "left") continue;
    let numbers = 0;
    let other = 0;
    for (let r = firstDataRow; r < firstDataRow + 10 && r <= grid.lastRow; r++) {
      const c = grid.raw(r, col.col);
      if (!c.text) continue;
      if (typeof c.value === "number" || /^[-+]?[£]?\d[\d,.]*\s*%?(\s*\(.*\))?$/.test(c.text)) numbers++;
      else other++;
    }
    const which = col.cls.qualifies;
    const hasValueCol = columns.some((c) => c.cls?.role === which);
    if (numbers > other && !hasValueCol && (which === "previous" || which === "latest")) col.cls = { role: which };
  }
}

/** Where the table's rows end: blank rows, narrative, or the next heading. */
function findLastRow(grid: SheetGrid, columns: ColumnInfo[], firstDataRow: number, fromCol: number, toCol: number, ctx: PeriodContext): number {
  const nameCols = columns.filter((c) => c.cls?.role === "ref" || c.cls?.role === "measure" || c.cls?.role === "group").map((c) => c.col);
  let last = firstDataRow - 1;
  let blanks = 0;
  // The shapes of the references seen so far ("KPI 9/9"), so a row after a gap continues only a like series.
  const shapes = new Set<string>();
  for (let r = firstDataRow; r <= grid.lastRow; r++) {
    if (grid.isBlankRow(r, fromCol, toCol)) {
      blanks++;
      if (blanks >= 2) break;
      continue;
    }
    const filled = grid.filledCols(r, fromCol, toCol);
    if (blanks === 1) {
      // After one blank row, go on only for a row that continues the pattern: an ACTUAL(S) row or a referenced KPI row.
      const first = grid.text(r, filled[0]);
      const continues = filled.length >= 2 && (ACTUAL_LABEL.test(first) || (nameCols.includes(filled[0]) && refLike(first) && shapes.has(refShape(first))));
      if (!continues) break;
    }
    blanks = 0;
    for (const c of nameCols) {
      const t = grid.rawText(r, c);
      if (t && refLike(t)) shapes.add(refShape(t));
    }
    if (filled.length === 1) {
      const t = grid.text(r, filled[0]);
      const m = grid.mergeAt(r, filled[0]);
      const spansTable = !!m && m.colCount >= Math.max(2, (toCol - fromCol + 1) / 2);
      // One long cell, a bullet, or text out in the figure columns: narrative under the table.
      if (t.length > 120 || /^[-•·*]\s/.test(t) || (!nameCols.includes(filled[0]) && !spansTable)) break;
    }
    // Another heading row starts another table.
    if (r > firstDataRow && rowMayBeHeading(grid, r, fromCol, toCol) && isHeaderCandidate(classifyRow(grid, r, ctx, fromCol, toCol))) break;
    last = r;
  }
  return last;
}

/** The nearest short single-cell line above the table, within a few rows. */
function findTitle(grid: SheetGrid, headerRow: number, fromCol: number, toCol: number): string | null {
  for (let r = headerRow - 1; r >= Math.max(grid.firstRow, headerRow - 4); r--) {
    const filled = grid.filledCols(r, Math.max(grid.firstCol, fromCol - 1), toCol);
    if (filled.length === 0) continue;
    if (filled.length > 1) return null;
    const t = grid.text(r, filled[0]);
    if (t.length <= 160) return t.replace(/[.:]\s*$/, "");
  }
  return null;
}
