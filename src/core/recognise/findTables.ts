// Finding KPI tables on a sheet the way a reader does. Three ways in, most certain first: Excel tables
// (their heading row is known); heading rows that name a measure or reference and a column of figures; and
// blocks of rows that look like KPIs (a label and figures) under whatever headings they have, or none.
// Each table's columns are then read from heading, content and position together (columnRoles.ts), and its
// rows run until the text turns back into narrative, blank space or another heading.
import { findPeriods, parsePeriod, type PeriodContext } from "../periods";
import type { SheetGrid } from "./grid";
import { CellKinds } from "./cellKinds";
import { findBlocks, isHeadingRow, isSectionRow, kpiRowShape } from "./blocks";
import { resolveColumnRoles, holdsFigures, type ColumnInfo } from "./columnRoles";
import { classifyHeading, FIGURE_ROLES, mayNameColumn, type HeaderClass } from "./headers";
import { asCaptionLine, asGroup, asGroupInBody, asStackedTitle, COMMENT_LABEL, isCaption, sectionLabelled, titleSubject } from "./titles";
import type { LocatedCorrection } from "../corrections";
import { userClass } from "./userRoles";
import { periodOfPlace, planStartAbove, yearStartOf } from "./tablePeriod";
import { findPeriodRowTables, type PeriodRowsPlan, type PeriodRowsShape } from "./periodRows";
import { readHeadingLinesAbove } from "./headingAbove";
import { findOneRowTables, type OneRowPlan } from "./oneRowTables";

export type { ColumnInfo } from "./columnRoles";

export interface FoundTable {
  headerRow: number;
  /** Heading rows (0 for a table with none; then headerRow is the first data row). */
  headerRows: number;
  firstCol: number;
  lastCol: number;
  /** First and last data row (inclusive). lastRow < firstDataRow means no data rows. */
  firstDataRow: number;
  lastRow: number;
  columns: ColumnInfo[];
  /** The ListObject this table is, if any. */
  excelTable: string | null;
  /** A title line just above the table (e.g. "CAMHS – targets and performance"). */
  title: string | null;
  /** How many of the heading cells were recognised, over all non-empty heading cells. */
  headerScore: number;
  /** The period context the table's headings were read in (e.g. year pairs as financial years). */
  periodContext: PeriodContext;
  /** How the table was found: by its heading row's words, as an Excel table, by the shape of its rows, or as the user said. */
  foundBy: "heading" | "excel-table" | "shape" | "user" | "period-rows";
  /** For a table with its periods down the rows: its KPIs and its rows. */
  periodRows?: PeriodRowsPlan;
  /** For a heading row over one row of figures: its KPIs, each a column (with its target and comparators). */
  oneRow?: OneRowPlan;
  /** The user declared this range a KPI table. */
  userDefined?: boolean;
  /** A row of figures with no name of its own, named by the line above its headings (see seriesUnderNameLine). */
  seriesName?: { text: string; row: number; col: number };
}

const MAX_HEADER_CELL = 160;

/** Quick test before the phrase tables: could this text be a heading at all? (Words, or a period such as "2019/20".) */
function headingLike(text: string): boolean {
  return text.length > 0 && text.length <= MAX_HEADER_CELL && /[A-Za-z]|\d{2}/.test(text);
}

interface RowHeading {
  classes: Map<number, HeaderClass>;
  filled: number[];
  recognised: number;
  /** A label and its value ("Measure: | Total fire responses and on-scene hours"): a line of a form, not headings. */
  labelLine?: boolean;
}

function classifyRow(grid: SheetGrid, row: number, ctx: PeriodContext, fromCol: number, toCol: number): RowHeading {
  const classes = new Map<number, HeaderClass>();
  const filled: number[] = [];
  for (let c = fromCol; c <= toCol; c++) {
    const cell = grid.raw(row, c);
    if (cell.text === "") continue;
    filled.push(c);
    if (cell.valueType !== "String" && cell.valueType !== "Unknown") {
      // A date typed as a real date, or a year typed as a number, is a perfectly good period heading.
      const cls = classifyHeading(cell.text, ctx);
      if (cls && cls.role === "time") classes.set(c, cls);
      continue;
    }
    if (!headingLike(cell.text)) continue;
    const cls = classifyHeading(cell.text, ctx);
    if (cls) classes.set(c, cls);
  }
  const labelLine = filled.length === 2 && /:\s*$/.test(grid.rawText(row, filled[0])) && grid.rawText(row, filled[1]).split(/\s+/).length >= 3;
  return { classes, filled, recognised: classes.size, labelLine };
}

function isHeaderCandidate(h: RowHeading): boolean {
  if (h.recognised < 2 || h.labelLine) return false;
  const roles = [...h.classes.values()].map((c) => c.role);
  const hasName = roles.includes("ref") || roles.includes("measure");
  const hasFigures = roles.some((r) => FIGURE_ROLES.has(r));
  if (!hasName || !hasFigures) return false;
  // Most of the filled cells of a heading row are headings; a data row with a stray word is not.
  return h.recognised / h.filled.length >= 0.5;
}

/**
 * A second heading row under a two-level heading: short words under the figure columns, nothing under the names —
 * unless every word under the figures is a period ("Actual | Goal" over "FY 19-20 | FY 20-21"): a row of periods is
 * headings whatever stands beside it.
 */
function subHeadingRow(grid: SheetGrid, row: number, top: RowHeading, fromCol: number, toCol: number, ctx: PeriodContext): Map<number, string> | null {
  const subs = new Map<number, string>();
  let underNames = false;
  for (let c = fromCol; c <= toCol; c++) {
    const cell = grid.raw(row, c);
    if (!cell.text) continue;
    const cls = top.classes.get(c);
    if (cls && (cls.role === "ref" || cls.role === "measure")) {
      underNames = true;
      continue;
    }
    const yearLike = typeof cell.value === "number" && /^(?:19|20)\d{2}$/.test(cell.text);
    if ((cell.valueType !== "String" && !yearLike) || cell.text.length > 30 || /\d%|^\d+(\.\d+)?$/.test(cell.text) && !yearLike) return null;
    subs.set(c, cell.text);
  }
  if (underNames && ![...subs.values()].every((t) => !!parsePeriod(t, ctx))) return null;
  return subs.size >= 2 ? subs : null;
}

function refShape(text: string): string {
  return text.replace(/\d+/g, "9").replace(/[A-Za-z]+/g, (w) => (w.length > 3 ? "w" : w.toLowerCase()));
}

function refLike(text: string): boolean {
  return text.length <= 24 && /\d/.test(text) && !/%/.test(text);
}

const ACTUAL_LABEL = /^(.*?)\s*actuals?\s*$/i;

export function findTables(grid: SheetGrid, ctx: PeriodContext, corrections: readonly LocatedCorrection[] = []): FoundTable[] {
  if (grid.isEmpty) return [];
  const kinds = new CellKinds(grid);
  const tables: FoundTable[] = [];

  // Tables the user declared or corrected come first; automatic readings that overlap them give way.
  for (const c of corrections) {
    const t = correctedTable(grid, kinds, c, ctx);
    if (t && !tables.some((o) => overlaps(o, t))) tables.push(t);
  }
  const claimed = (row: number, col: number) =>
    tables.some((t) => row >= t.headerRow && row <= Math.max(t.lastRow, t.headerRow + t.headerRows - 1) && col >= t.firstCol && col <= t.lastCol);

  // Excel tables (ListObjects) first: their heading row is known.
  for (const lo of grid.sheet.tables) {
    if (!lo.showHeaders) continue;
    const h = classifyRow(grid, lo.rect.row, ctx, lo.rect.col, lo.rect.col + lo.rect.colCount - 1);
    const t = buildTable(grid, kinds, lo.rect.row, h, ctx, lo.rect.col, lo.rect.col + lo.rect.colCount - 1, lo.rect.row + lo.rect.rowCount - 1, "excel-table");
    if (t && t.lastRow >= t.firstDataRow && !tables.some((o) => overlaps(o, t))) tables.push({ ...t, excelTable: lo.name });
  }

  // Heading rows that name the KPI and its figures in words we know. Only the occupied regions are walked, so a
  // stray value far from the data costs what its cell costs.
  const regions = grid.regions();
  for (const region of regions) for (let row = region.firstRow; row <= region.lastRow; row++) {
    if (kinds.dataRows.interior(row)) continue;
    const filled = grid.filledCols(row, region.firstCol, region.lastCol);
    if (filled.length < 2) continue;
    if (!filled.some((c) => mayNameColumn(grid.rawText(row, c)))) continue;
    // Several tables may sit side by side: look at each run of columns separated by 2+ columns that are
    // empty in the heading row and the rows just under it (a blank heading over data is still the table's).
    for (const [from, to] of runs(occupiedCols(grid, row, filled))) {
      if (claimed(row, from)) continue;
      const h = classifyRow(grid, row, ctx, from, to);
      if (!isHeaderCandidate(h)) continue;
      const t = buildTable(grid, kinds, row, h, ctx, from, to, null, "heading");
      if (t && t.lastRow >= t.firstDataRow && !tables.some((o) => overlaps(o, t))) tables.push(t);
    }
  }

  // Periods down the rows: a column of months, quarters or years with figures beside it.
  for (const region of regions) {
    for (const shape of findPeriodRowTables(grid, region, (h, from, to) => tableContext(grid, [h], from, to, ctx), claimed)) {
      const t = periodRowsTable(grid, shape, ctx);
      if (!tables.some((o) => overlaps(o, t))) tables.push(t);
    }
  }

  // Blocks of KPI-shaped rows no table holds, under the heading rows above them (or none).
  const rowTaken = (row: number) => tables.some((t) => row >= t.headerRow && row <= Math.max(t.lastRow, t.headerRow + t.headerRows - 1));
  for (const block of regions.flatMap((g) => findBlocks(grid, kinds, g.firstRow, g.lastRow, g.firstCol, g.lastCol, rowTaken))) {
    const t = tableFromBlock(grid, kinds, block, ctx);
    if (t && t.lastRow >= t.firstDataRow && !tables.some((o) => overlaps(o, t))) tables.push(t);
  }
  // One row of figures with no name under periods, named by the line above ("1. The number of … per quarter").
  for (const region of regions) {
    for (const t of seriesUnderNameLine(grid, kinds, region, ctx)) if (!tables.some((o) => overlaps(o, t))) tables.push(t);
  }
  // A heading row over one row of figures with no label ("School | Local Authority Average | England Average").
  for (const region of regions) {
    for (const t of findOneRowTables(grid, kinds, region, ctx, claimed)) if (!tables.some((o) => overlaps(o, t))) tables.push(t);
  }
  tables.sort((a, b) => a.headerRow - b.headerRow || a.firstCol - b.firstCol);
  dropFiguresBesideKpis(grid, tables);
  pageTitleFilesNothing(grid, tables);
  titleStackedTables(grid, tables);
  captionSections(grid, tables);
  for (const t of tables) if (!t.title) t.title = cornerTheme(grid, t);
  return tables;
}

/**
 * The words heading the names column where a heading would say "Measure": a theme ("Housing Quality & Maintenance |
 * 2020/21 | 2021/22 | …") names the section of every row under it (a word no heading vocabulary knows, not a title).
 */
function cornerTheme(grid: SheetGrid, t: FoundTable): string | null {
  const names = t.columns.find((c) => c.cls?.role === "measure");
  if (!names || t.headerRows < 1 || t.userDefined || names.cls?.source === "user") return null;
  // Under two heading rows ("SY2022 | SY2023 …" over "1.A Empathy - … | Baseline | Target …"), the corner is the
  // lower row's cell, the one over the names, with nothing above it.
  const rows = Array.from({ length: t.headerRows }, (_, i) => t.headerRow + i);
  const corner = rows.filter((r) => grid.text(r, names.col) !== "");
  if (corner.length !== 1) return null;
  const text = grid.text(corner[0], names.col);
  const words = text ? text.trim().split(/\s+/).length : 0;
  if (!text || words < 2) return null;
  const said = classifyHeading(text, t.periodContext);
  if (t.headerRows > 1 && corner[0] !== rows[rows.length - 1]) {
    // Or the upper row's, beside the periods it heads, with nothing under it ("LEEDS PLACE | | 2024/25 …" over
    // " | Target | Q1 …"): the corner of a row that dates the columns names the block, unless it says outright that
    // it heads the names ("PI title", "Performance indicator"); a word among others ("Other reported indicators")
    // does not. Inside the heading, as a line inside the body, caption words ("indicators", "NHS") do not stop it.
    if (corner[0] !== rows[0] || !headsPeriods(grid, t, corner[0], names.col)) return null;
    if (mayNameColumn(text) || (said && (said.role === "measure" || said.role === "ref") && (said.strength ?? 0) >= CORNER_NAMES_HEADING)) return null;
    return asGroupInBody(text);
  }
  if (names.cls?.source === "heading") return null;
  // One word ("Commitment", "Complaints") says what each row is, as "Crime Type" does; a theme takes a phrase. A phrase
  // that names the figure ("Percentage of pupils meeting the expected standard in" over "Reading", "Maths") is the
  // measure the rows break down, as much a theme as any.
  // "Incident Response Times" over "Priority One" … says what the rows measure, not a section.
  const kindOfRow = /\b(?:types?|kinds?|categor(?:y|ies)|names?|descriptions?)$/i.test(text.trim()) || MEASURE_WORDS.test(text);
  if (!said) return kindOfRow ? null : asGroup(text);
  // Such a phrase may lead into the names under it ("… standard in" | "Reading"): it still names them.
  return cornerNamesMeasure(text) && FIGURE_ROLES.has(said.role) && said.role !== "time" && !isCaption(text) ? asStackedTitle(text) : null;
}

/** How strongly a corner's words must name the names column ("Indicator", "KPI description") to be its heading, not a block's name. */
const CORNER_NAMES_HEADING = 0.85;

/** Every other filled cell of a heading row names a period ("2024/25" over each quarter): the row dates, it does not name columns. */
function headsPeriods(grid: SheetGrid, t: FoundTable, r: number, except: number): boolean {
  let dated = 0;
  for (let c = t.firstCol; c <= t.lastCol; c++) {
    const text = c === except ? "" : grid.text(r, c);
    if (!text) continue;
    if (!findPeriods(text, t.periodContext, { years: true }).length) return false;
    dated++;
  }
  return dated > 0;
}

/**
 * Tables stacked on one sheet under the same heading row, over the same rows ("Period | Requests closed | Closed on
 * time", once per kind of request; the same areas under each crime type) are told apart only by the line above each:
 * where those lines name different subjects, each is its table's title (the group of its KPIs). Lines that differ only
 * by their period are one table split by year, not sections.
 */
function titleStackedTables(grid: SheetGrid, tables: FoundTable[]): void {
  const byHeading = new Map<string, FoundTable[]>();
  for (const t of tables) {
    if (t.headerRows < 1 || t.userDefined) continue;
    const key = headingKey(grid, t);
    byHeading.set(key, [...(byHeading.get(key) ?? []), t]);
  }
  for (const stack of byHeading.values()) {
    // Only where the tables' own rows do not tell them apart: the same measures under each subject.
    if (stack.length < 2 || !sameRowNames(grid, stack)) continue;
    const nearest = stack.map((t) => nearestLoneLine(grid, t, tables));
    // Each table headed by a period alone ("2024:", "2023:"): one table split by year, not sections.
    if (nearest.every((l, i) => !!l && !titleSubject(l) && findPeriods(l, stack[i].periodContext, { years: true }).length > 0)) continue;
    const heads = sharedTailCut(nearest);
    const lines = stack.map((t, i) => heads[i] ?? t.title ?? lineAbove(grid, t, tables));
    let subjects = lines.map((l) => (l ? titleSubject(l) : ""));
    if (subjects.some((s) => !s) || new Set(subjects).size < stack.length) {
      // The caption right over each table names its subject, however close the table above ends ("KS1 results 2018"
      // under the phonics table) — also where each subject's table comes again for another year ("… 'expected'
      // standard" and "… 'higher' standard" under "2024 results", then both under "2023 results").
      const own = stack.map((t) => lineJustAbove(grid, t));
      subjects = own.map((l) => (l ? titleSubject(l) : ""));
      if (subjects.some((s) => !s) || (new Set(subjects).size < stack.length && !subjectsRepeatByPeriod(grid, stack, subjects))) continue;
      stack.forEach((t, i) => (t.title = own[i]));
      continue;
    }
    stack.forEach((t, i) => (t.title = lines[i]));
  }
}

/**
 * Two subjects or more, each table's subject once per period its headings name ("2024 LDSM results" then "2023 LDSM
 * results" under each): the same tables kept for several years, not one table repeated by mistake.
 */
function subjectsRepeatByPeriod(grid: SheetGrid, stack: FoundTable[], subjects: string[]): boolean {
  if (new Set(subjects).size < 2) return false;
  const seen = new Set<string>();
  for (let i = 0; i < stack.length; i++) {
    const t = stack[i];
    const periods: string[] = [];
    for (let c = t.firstCol; c <= t.lastCol; c++) for (const f of findPeriods(grid.rawText(t.headerRow + t.headerRows - 1, c), t.periodContext, { years: true })) periods.push(f.period.label);
    if (!periods.length) return false;
    const key = `${subjects[i]}|${periods.join(",")}`;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** A line that calls the table under it the KPIs ("Key Performance Indicators (KPIs)", "Performance indicators"). */
export const KPI_TITLE = /\b(?:key performance indicators?|kpis?|performance indicators?|performance measures)\b/i;

/**
 * A sheet that says which of its tables holds its KPIs (a headed table under "Key Performance Indicators") keeps
 * beside it blocks of figures with no heading row under lines that call them something else ("Penalty Charge Notice
 * (PCN) Information", "Expenditure"): those are the report's context figures, not KPIs. Tables are taken out in place.
 */
function dropFiguresBesideKpis(grid: SheetGrid, tables: FoundTable[]): void {
  const titled = (t: FoundTable) => {
    const line = nearestLoneLine(grid, t, tables);
    return !!line && KPI_TITLE.test(line);
  };
  if (!tables.some((t) => t.headerRows >= 1 && !t.userDefined && titled(t))) return;
  for (let i = tables.length - 1; i >= 0; i--) {
    const t = tables[i];
    if (t.headerRows === 0 && !t.userDefined && !t.excelTable && nearestLoneLine(grid, t, tables) && !titled(t)) tables.splice(i, 1);
  }
}

/**
 * The sheet's first line, over every table on it ("FIRE DEPARTMENT", "General Fund" atop a budget page), is the
 * page's title: it tells no KPI from another. It is a section only beside others like it, each over its own table
 * ("Key Stage 4" over one table, "Key Stage 5" over a later one).
 */
function pageTitleFilesNothing(grid: SheetGrid, tables: FoundTable[]): void {
  let top = grid.firstRow;
  while (top <= grid.lastRow && grid.isBlankRow(top, grid.firstCol, grid.lastCol)) top++;
  const filled = top <= grid.lastRow ? grid.filledCols(top, grid.firstCol, grid.lastCol) : [];
  if (filled.length !== 1) return;
  const title = asGroup(grid.text(top, filled[0]));
  if (!title || !tables.length || tables.some((t) => t.userDefined || t.title !== title)) return;
  for (const t of tables) t.title = null;
}

/**
 * Tables of different shapes on one sheet, none filed under a section, each under its own caption naming a different
 * subject ("Planning application performance" over one, "Planning appeal performance" over the next): the captions
 * are what a reader files each table's rows under. A period alone over each ("2024:", "2023:") splits one table by
 * year instead; it names no subject.
 */
function captionSections(grid: SheetGrid, tables: FoundTable[]): void {
  const open = tables.filter((t) => !t.userDefined && t.headerRows >= 1);
  if (open.length < 2 || open.length !== tables.length || tables.some((t) => t.title)) return;
  if (open.some((t) => nearestLoneLine(grid, t, tables) !== null && !titleSubject(nearestLoneLine(grid, t, tables)!))) return;
  const lines = open.map((t) => lineAbove(grid, t, tables));
  const subjects = lines.map((l) => (l ? titleSubject(l) : ""));
  if (subjects.some((x) => !x) || new Set(subjects).size < open.length) return;
  open.forEach((t, i) => (t.title = lines[i]));
}

/** Whether the stacked tables name the same rows (each KPI once per subject), so only the line above tells them apart. */
function sameRowNames(grid: SheetGrid, stack: FoundTable[]): boolean {
  const namesOf = (t: FoundTable): Set<string> => {
    const col = t.columns.find((c) => c.cls?.role === "measure");
    // Periods down the rows: the KPIs are the headings, the same under one heading row.
    if (t.periodRows || !col) return new Set(["*"]);
    const out = new Set<string>();
    for (let r = t.firstDataRow; r <= t.lastRow; r++) if (grid.rawText(r, col.col)) out.add(titleSubject(grid.rawText(r, col.col)));
    return out;
  };
  const first = namesOf(stack[0]);
  return stack.slice(1).every((t) => {
    const names = namesOf(t);
    let common = 0;
    for (const n of names) if (first.has(n)) common++;
    return common * 2 >= Math.max(first.size, names.size);
  });
}

/** The words of a table's heading rows, periods aside. */
function headingKey(grid: SheetGrid, t: FoundTable): string {
  const words: string[] = [];
  for (let r = t.headerRow; r < t.headerRow + t.headerRows; r++) for (let c = t.firstCol; c <= t.lastCol; c++) words.push(titleSubject(grid.rawText(r, c)));
  return words.join("|");
}

/** The lone lines above the table, nearest first, no higher than the table above it. */
function loneLinesAbove(grid: SheetGrid, t: FoundTable, tables: FoundTable[]): string[] {
  let floor = Math.max(grid.firstRow, t.headerRow - 8);
  let afterTable = false;
  for (const o of tables) {
    if (o !== t && o.lastRow < t.headerRow && o.firstCol <= t.lastCol && t.firstCol <= o.lastCol && o.lastRow + 1 >= floor) {
      floor = o.lastRow + 1;
      afterTable = true;
    }
  }
  // Lines run on under the table above, with no blank row between (its rows with no figures yet), are its own.
  while (afterTable && floor < t.headerRow && !grid.isBlankRow(floor, t.firstCol, t.lastCol)) floor++;
  const out: string[] = [];
  for (let r = t.headerRow - 1; r >= floor; r--) {
    const filled = grid.filledCols(r, t.firstCol, t.lastCol);
    if (filled.length === 1) out.push(grid.text(r, filled[0]));
  }
  return out;
}

/** The nearest lone line above the table that can name it. */
function lineAbove(grid: SheetGrid, t: FoundTable, tables: FoundTable[]): string | null {
  for (const text of loneLinesAbove(grid, t, tables)) {
    const line = asStackedTitle(text);
    if (line) return line;
  }
  return null;
}

/** The lone line right over the table's heading row, as a stacked table's title (its caption). */
function lineJustAbove(grid: SheetGrid, t: FoundTable): string | null {
  const r = t.headerRow - 1;
  if (r < grid.firstRow) return null;
  const filled = grid.filledCols(r, t.firstCol, t.lastCol);
  return filled.length === 1 ? asCaptionLine(grid.text(r, filled[0])) : null;
}

function nearestLoneLine(grid: SheetGrid, t: FoundTable, tables: FoundTable[]): string | null {
  return loneLinesAbove(grid, t, tables)[0] ?? null;
}

/**
 * Lines that end alike after a dash or colon ("All Recorded Crime – The Constabulary, Region …", "Victim Based Crime
 * – The Constabulary, Region …"): the words before it are what tells them apart. Nulls where the lines do not.
 */
function sharedTailCut(lines: (string | null)[]): (string | null)[] {
  const parts = lines.map((l) => (l ? /^(.+?)\s+[–—-]\s+(.+)$|^(.+?):\s+(.+)$/.exec(l) : null));
  const tails = new Set(parts.map((m) => (m ? (m[2] ?? m[4]).trim().toLowerCase() : null)));
  if (parts.some((m) => !m) || tails.size !== 1) return lines.map(() => null);
  return parts.map((m) => asStackedTitle((m![1] ?? m![3]).trim()));
}

function overlaps(a: FoundTable, b: FoundTable): boolean {
  const aTop = a.headerRow;
  const bTop = b.headerRow;
  return aTop <= b.lastRow && bTop <= a.lastRow && a.firstCol <= b.lastCol && b.firstCol <= a.lastCol;
}

/**
 * Columns filled in the heading row, or in one of the next few rows between filled heading columns or just after
 * them — or just before them, where the rows under a blank corner hold words (the names, headed by nothing).
 */
function occupiedCols(grid: SheetGrid, row: number, filled: number[]): number[] {
  const set = new Set(filled);
  const last = filled[filled.length - 1];
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + 4); r++) {
    for (let c = filled[0]; c <= last + 1 && c <= grid.lastCol; c++) if (!set.has(c) && grid.raw(r, c).text !== "") set.add(c);
  }
  const corner = filled[0] - 1;
  if (corner >= grid.firstCol && grid.rawText(row, corner) === "") {
    let words = 0;
    for (let r = row + 1; r <= Math.min(grid.lastRow, row + 4); r++) if (/\p{L}{3}/u.test(grid.rawText(r, corner)) && grid.raw(r, corner).valueType === "String") words++;
    if (words >= 2) set.add(corner);
  }
  return [...set].sort((a, b) => a - b);
}

/** A heading row names its reference or measure column: without such a cell, no heading is parsed. */
function rowMayBeHeading(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  return grid.filledCols(row, fromCol, toCol).some((c) => mayNameColumn(grid.rawText(row, c)));
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
 * How the table's year pairs ("2022/23") read. In a heading row that also has financial quarters ("Q1 2023/24")
 * or says "financial", they are financial years. Otherwise the table's own words say what it is about: schools,
 * pupils and SEND count in academic years; the rest of public service (councils, the NHS, police, fire, housing)
 * in financial years, April to March.
 */
function tableContext(grid: SheetGrid, headerRows: number[], fromCol: number, toCol: number, ctx: PeriodContext, firstRow?: number): PeriodContext {
  // A table with no heading row is read the same way, from its title and first rows: a housing table under
  // "year end (2024/25)" counts in financial years whether or not it has headings.
  const anchor = headerRows[0] ?? firstRow;
  if (anchor === undefined) return ctx;
  const kind: PeriodContext = ctx.yearPairKind
    ? ctx
    : { ...ctx, yearPairKind: financialHeadings(grid, headerRows, fromCol, toCol) || !aboutSchools(grid, anchor, fromCol, toCol) ? "financial-year" : "academic-year" };
  if (!headerRows.length) return kind;
  // Yearless headings ("Q1 Performance", "Jan") take their year from the period the title or the sheet's name gives.
  const yearStart = ctx.yearStart ? null : yearStartOf(periodOfPlace(grid, { headerRow: headerRows[0], lastCol: toCol, periodContext: kind }), kind);
  return yearStart ? { ...kind, yearStart } : kind;
}

/** Headings that count in financial years: quarters ("Q1 2023/24", or "Q1 … Q4" under a year the title names), "financial", "FY". */
function financialHeadings(grid: SheetGrid, headerRows: number[], fromCol: number, toCol: number): boolean {
  for (const row of headerRows) {
    for (let c = fromCol; c <= toCol; c++) {
      const t = grid.rawText(row, c);
      if (/\bQ[1-4]\b.*\d{2,4}\s*[/-]\s*\d{2}|\d{2,4}\s*[/-]\s*\d{2}.*\bQ[1-4]\b|\bfinancial\b|\bFY\s?\d|^(?:Q|Qtr\.?\s?|Quarter\s?)[1-4]$/i.test(t)) return true;
    }
  }
  return false;
}

/** Words of schooling: pupils, schools, SEND and EHC plans, key stages and exams, attendance and exclusions, terms. */
export const SCHOOLING =
  /\b(?:pupils?|schools?|students?|academ(?:y|ies|ic)|teachers?|send|sen|ehc\w*|ehcps?|education\w*|key stage|ks[1-5]|gcses?|a[- ]levels?|ebacc|attainment|progress 8|eyfs|early years|nursery|ofsted|attendance|absen\w*|exclusions?|suspensions?|special educational|terms?|half[- ]terms?|autumn|spring|summer)\b/i;

/** "Term" that is not a school term: "long-term", "short term" (support, plans), "in terms of", "terms of reference". */
const OTHER_TERMS = /\b(?:(?:long|longer|short|shorter|mid|medium|near|fixed)[- ]?terms?|in terms? of|terms? (?:of|and))\b/gi;

const speaksOfSchooling = (text: string) => SCHOOLING.test(text.replace(OTHER_TERMS, " "));

const isFigure = (t: string) => t === "Double" || t === "Integer";

/**
 * Whether the table is about schooling, as a reader judges it: its title lines or headings speak of schooling, or
 * a good share of the rows around it (above and under its heading) do. A council's or a trust's plan with a few education
 * measures among many others (in a table of their own or not) still counts in the plan's years, financial ones.
 */
function aboutSchools(grid: SheetGrid, headerRow: number, fromCol: number, toCol: number): boolean {
  const speaks = (r: number) => grid.filledCols(r, fromCol, toCol).some((c) => speaksOfSchooling(grid.rawText(r, c)));
  // The lines over the heading up to a row of figures (the last row of a table above: its words are its own).
  if (speaks(headerRow)) return true;
  for (let r = headerRow - 1; r >= Math.max(grid.firstRow, headerRow - 6); r--) {
    if (grid.filledCols(r, fromCol, toCol).some((c) => isFigure(grid.valueType(r, c)))) break;
    if (speaks(r)) return true;
  }
  let rows = 0;
  let school = 0;
  for (let r = Math.max(grid.firstRow, headerRow - 60); r <= Math.min(grid.lastRow, headerRow + 40); r++) {
    if (!grid.filledCols(r, fromCol, toCol).some((c) => grid.raw(r, c).valueType === "String")) continue;
    rows++;
    if (speaks(r)) school++;
  }
  return school > 0 && school * 2 >= rows;
}

/**
 * A table as the user declared or corrected it: its range, its heading rows (0 allowed), and the roles set for
 * its columns; the other columns are read from their headings, content and position as usual. A declared range
 * ends where the user said; a corrected table found by the scan still grows with rows added under it.
 */
function correctedTable(grid: SheetGrid, kinds: CellKinds, located: LocatedCorrection, ctxIn: PeriodContext): FoundTable | null {
  const { rect, correction } = located;
  const fromCol = rect.col;
  const toCol = rect.col + rect.colCount - 1;
  const headerRows = Math.min(correction.headerRows ?? 1, rect.rowCount - 1);
  const headerRowsList = Array.from({ length: headerRows }, (_, i) => rect.row + i);
  const ctx = tableContext(grid, headerRowsList, fromCol, toCol, ctxIn, rect.row);
  const columns = headingColumns(grid, headerRowsList, fromCol, toCol, ctx);
  for (const c of columns) {
    const role = located.roles.get(c.col);
    if (role) c.cls = userClass(role, c.label, ctx);
  }
  const firstDataRow = rect.row + headerRows;
  let lastRow = rect.row + rect.rowCount - 1;
  if (!correction.userDefined) lastRow = findLastRow(grid, kinds, columns, firstDataRow, fromCol, toCol, ctx);
  const rows: number[] = [];
  for (let r = firstDataRow; r <= lastRow; r++) rows.push(r);
  resolveKpiColumn(grid, columns, firstDataRow);
  resolvePeriodColumns(grid, columns, firstDataRow);
  resolveColumnRoles(grid, kinds, columns, rows, ctx);
  const named = columns.filter((c) => c.label).length;
  return {
    headerRow: rect.row,
    headerRows,
    firstCol: fromCol,
    lastCol: toCol,
    firstDataRow,
    lastRow,
    columns,
    excelTable: null,
    title: findTitle(grid, rect.row, fromCol, toCol),
    headerScore: named ? columns.filter((c) => c.label && c.cls && c.cls.source !== "content" && c.cls.source !== "position").length / named : 1,
    periodContext: statedPlanStart(grid, rect.row, toCol, columns, ctx),
    foundBy: "user",
    userDefined: correction.userDefined,
  };
}

/** A table with its periods down the rows: the period column, and each figure column read as its heading says. */
function periodRowsTable(grid: SheetGrid, shape: PeriodRowsShape, ctxIn: PeriodContext): FoundTable {
  const { plan } = shape;
  const ctx = tableContext(grid, [shape.headerRow], shape.firstCol, shape.lastCol, ctxIn);
  const ownRow = shape.headerRow + shape.headerRows - 1;
  const columns: ColumnInfo[] = [];
  for (let c = shape.firstCol; c <= shape.lastCol; c++) {
    const own = grid.text(ownRow, c);
    const top = shape.headerRows > 1 ? grid.text(shape.headerRow, c) : "";
    const label = top ? `${top} / ${own}` : own;
    const target = plan.kpis.some((k) => k.targetCol === c);
    const cls: ColumnInfo["cls"] =
      c === plan.periodCol
        ? { role: "period", qualifies: "left", source: "content", strength: 0.8, words: "its cells are periods, one per row" }
        : { role: target ? "target" : "latest", source: "heading", strength: 0.7, words: target ? `heading "${own}" names the target of each period` : `heading "${own}" names each period's figure` };
    columns.push({ col: c, label, cls, sub: top ? own : null });
  }
  return {
    headerRow: shape.headerRow,
    headerRows: shape.headerRows,
    firstCol: shape.firstCol,
    lastCol: shape.lastCol,
    firstDataRow: shape.firstDataRow,
    lastRow: shape.lastRow,
    columns,
    excelTable: null,
    title: findTitle(grid, shape.headerRow, shape.firstCol, shape.lastCol),
    headerScore: 0.7,
    periodContext: ctx,
    foundBy: "period-rows",
    periodRows: plan,
  };
}

/** A table from a block of KPI-shaped rows: its heading rows are the heading-like rows just above, if any. */
function tableFromBlock(
  grid: SheetGrid,
  kinds: CellKinds,
  block: { firstRow: number; lastRow: number; firstCol: number; lastCol: number; kpiRows: number },
  ctx: PeriodContext,
): FoundTable | null {
  // Columns: the block's, widened to the left over labels (a group or code column) and right over status,
  // trend and notes columns the KPI rows fill.
  let fromCol = block.firstCol;
  let toCol = block.lastCol;
  const labelCount = new Map<number, number>();
  for (let r = block.firstRow; r <= block.lastRow; r++) {
    const shape = kpiRowShape(grid, kinds, r, grid.firstCol, grid.lastCol);
    if (!shape) continue;
    const filled = grid.filledCols(r);
    fromCol = Math.min(fromCol, filled[0]);
    for (const c of filled.slice(-4)) if (c - toCol <= 2) toCol = Math.max(toCol, c);
    labelCount.set(shape.labelCol, (labelCount.get(shape.labelCol) ?? 0) + 1);
  }
  // Before reading every column: is there anything to say these rows are KPIs, not a ledger or a list of
  // purchases? (Headings in words we know above them, or labels that read as measures.)
  const labelCol = [...labelCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (labelCol === undefined || !worthReading(grid, block, labelCol, fromCol, toCol)) return null;
  const dataRows: number[] = [];
  for (let r = block.firstRow; r <= block.lastRow; r++) dataRows.push(r);
  const valueCols = new Set<number>();
  for (let c = fromCol; c <= toCol; c++) if (holdsFigures(kinds, c, dataRows)) valueCols.add(c);
  // Items tracked by a stated status alone (a milestone tracker's "RAG rating"): the statuses are what each row reports.
  const tracker = valueCols.size === 0;
  if (tracker) for (let c = fromCol; c <= toCol; c++) if (holdsStatuses(kinds, c, dataRows)) valueCols.add(c);
  if (valueCols.size === 0) return null;

  // The heading rows: the nearest heading-like row above (past one section row), and a parent row above it.
  let headerRow: number | null = null;
  let titleRow: number | null = null;
  for (let r = block.firstRow - 1; r >= Math.max(grid.firstRow, block.firstRow - 3); r--) {
    if (grid.isBlankRow(r, fromCol, toCol)) break;
    if (isHeadingRow(grid, kinds, r, fromCol, toCol, valueCols) || cornerlessHeading(grid, kinds, r, fromCol, toCol, valueCols, labelCol)) {
      headerRow = r;
      break;
    }
    if (isSectionRow(grid, r, fromCol, toCol) && titleRow === null) {
      titleRow = r;
      continue;
    }
    break;
  }
  if (headerRow === null && block.kpiRows < 2) return null;
  const firstDataRow = headerRow === null ? block.firstRow : headerRow + 1;
  const headerTop = headerRow !== null && headerRow - 1 >= grid.firstRow && isParentHeadingRow(grid, kinds, headerRow - 1, fromCol, toCol, valueCols, labelCol) ? headerRow - 1 : headerRow;
  const ownRows = headerRow === null ? [] : headerTop !== null && headerTop < headerRow ? [headerTop, headerRow] : [headerRow];
  const tctx = tableContext(grid, ownRows, fromCol, toCol, ctx, firstDataRow);
  const columns = headingColumns(grid, ownRows, fromCol, toCol, tctx);
  const headerRowsList = ownRows.length ? [...readHeadingLinesAbove(grid, kinds, columns, ownRows[0], ownRows.length, tctx), ...ownRows] : ownRows;
  const rows: number[] = [];
  for (let r = firstDataRow; r <= block.lastRow; r++) rows.push(r);
  // Reading every column's role costs a pass over each of its cells; a block that cannot pass looksLikeKpis
  // whatever its roles turn out to be (a long run of data rows) is left before that pass.
  if (!mayLookLikeKpis(grid, columns, rows)) return null;
  resolveColumnRoles(grid, kinds, columns, rows, tctx);
  resolveKpiColumn(grid, columns, firstDataRow);
  resolvePeriodColumns(grid, columns, firstDataRow);
  if (!columns.some((c) => c.cls && (c.cls.role === "measure" || c.cls.role === "ref"))) return null;
  if (!columns.some((c) => c.cls && (FIGURE_ROLES.has(c.cls.role) || (tracker && c.cls.role === "rag")))) return null;
  if (!looksLikeKpis(grid, columns, rows)) return null;
  const top = headerRowsList.length ? headerRowsList[0] : firstDataRow;
  const named = columns.filter((c) => c.label).length;
  return {
    headerRow: top,
    headerRows: headerRowsList.length,
    firstCol: fromCol,
    lastCol: toCol,
    firstDataRow,
    lastRow: block.lastRow,
    columns,
    excelTable: null,
    title: findTitle(grid, top, fromCol, toCol),
    headerScore: named ? columns.filter((c) => c.label && c.cls?.source === "heading").length / named : 0,
    periodContext: statedPlanStart(grid, top, toCol, columns, tctx),
    foundBy: "shape",
  };
}

/**
 * One row of figures with no name, under one or two heading rows of periods ("2018 | 2018 | …" over "Qtr. 1 | Qtr. 2 |
 * …"), under lines naming what is counted ("1. The number of EHCP needs assessments requested per quarter …" over a
 * caption): a reader sees one KPI, named by the topmost of those lines, its figures a series of periods.
 */
function seriesUnderNameLine(grid: SheetGrid, kinds: CellKinds, region: { firstRow: number; lastRow: number; firstCol: number; lastCol: number }, ctx: PeriodContext): FoundTable[] {
  const out: FoundTable[] = [];
  for (let r = region.firstRow + 2; r <= region.lastRow; r++) {
    const figures = grid.filledCols(r, region.firstCol, region.lastCol);
    if (figures.length < 3 || figures[0] === region.firstCol || !figures.every((c) => kinds.isValue(r, c))) continue;
    if (!grid.isBlankRow(r + 1, region.firstCol, region.lastCol) && r + 1 <= region.lastRow && grid.filledCols(r + 1, region.firstCol, region.lastCol).length > 1) continue;
    const fromCol = region.firstCol;
    const toCol = figures[figures.length - 1];
    const over = (h: number) =>
      h >= grid.firstRow && grid.rawText(h, fromCol) === "" && figures.every((c) => grid.rawText(h, c) !== "" && (!kinds.isValue(h, c) || /^(?:19|20)\d{2}$/.test(grid.rawText(h, c))));
    if (!over(r - 1)) continue;
    const headerRows = over(r - 2) ? [r - 2, r - 1] : [r - 1];
    const columns = headingColumns(grid, headerRows, fromCol, toCol, ctx);
    const periods = columns.filter((c) => figures.includes(c.col) && c.cls?.role === "time" && c.cls.heading?.period?.end);
    if (periods.length !== figures.length) continue;
    // The lines above the headings, each alone on its row: the topmost names the KPI, those under it describe it.
    let name: { text: string; row: number; col: number } | null = null;
    for (let l = headerRows[0] - 1; l >= Math.max(grid.firstRow, headerRows[0] - 3); l--) {
      const filled = grid.filledCols(l, fromCol, toCol);
      if (filled.length !== 1) break;
      name = { text: grid.text(l, filled[0]), row: l, col: filled[0] };
    }
    if (!name || !/\p{L}{3,}.*\s\p{L}{3,}/u.test(name.text)) continue;
    columns[0].cls = { role: "measure", source: "position", strength: 0.5, words: `the line above the headings names the row's figures: "${name.text.slice(0, 60)}"` };
    out.push({
      headerRow: headerRows[0], headerRows: headerRows.length, firstCol: fromCol, lastCol: toCol, firstDataRow: r, lastRow: r, columns,
      excelTable: null, title: null, headerScore: 1, periodContext: ctx, foundBy: "shape", seriesName: name,
    });
  }
  return out;
}

/** One heading over the figures and nothing over the names (" | Average wait in weeks"): the table's heading row. */
function cornerlessHeading(grid: SheetGrid, kinds: CellKinds, row: number, fromCol: number, toCol: number, valueCols: ReadonlySet<number>, namesCol: number): boolean {
  const filled = grid.filledCols(row, fromCol, toCol);
  return filled.length >= 1 && grid.rawText(row, namesCol) === "" && filled.every((c) => valueCols.has(c) && kinds.kind(row, c) === "label" && grid.rawText(row, c).length <= 60);
}

/** Most of a column's filled cells are stated statuses (RAG words, symbols or fills); "n/a" rates nothing either way. */
function holdsStatuses(kinds: CellKinds, col: number, rows: readonly number[]): boolean {
  const filled = rows.filter((r) => kinds.kind(r, col) !== "empty" && kinds.kind(r, col) !== "missing");
  return filled.length >= 2 && filled.filter((r) => kinds.kind(r, col) === "status").length >= 0.8 * filled.length;
}

/** Some evidence for a block before its columns are read: a recognised heading just above, or measure-like labels. */
function worthReading(grid: SheetGrid, block: { firstRow: number; lastRow: number }, labelCol: number, fromCol: number, toCol: number): boolean {
  let headed = 0;
  for (let r = block.firstRow - 1; r >= Math.max(grid.firstRow, block.firstRow - 2) && headed === 0; r--) {
    const filled = grid.filledCols(r, fromCol, toCol);
    if (!filled.length) break;
    // Headings are words and periods; a row with figures in it is data, not headings.
    if (filled.some((c) => typeof grid.raw(r, c).value === "number" && !/^(?:19|20)\d{2}$/.test(grid.rawText(r, c)))) continue;
    for (const c of filled) if (classifyHeading(grid.rawText(r, c))) headed++;
    const figureHeads = filled.filter((c) => c > labelCol).map((c) => classifyHeading(grid.rawText(r, c)));
    if (namesOwnBesideComparators(figureHeads)) headed++;
    if (cornerNamesMeasure(grid.rawText(r, labelCol)) && ownFigureFirst(figureHeads)) headed += 2;
    if (everyFigureHeaded(filled.filter((c) => c > labelCol).map((c) => grid.rawText(r, c)), figureHeads)) headed++;
  }
  // The row's first label may be a group ("Repairs") before the measure: look at it and the column after it.
  const evidence = [labelCol, labelCol + 1].map((c) => measureEvidence(grid, c, block.firstRow, block.lastRow));
  const wordy = evidence.some((e) => e.wordy);
  const lexical = evidence.some((e) => e.lexical);
  return headed >= 2 || (headed >= 1 && (wordy || lexical || figureHeadingSaysMeasure(grid, block.firstRow - 1, fromCol, toCol))) || (wordy && lexical);
}

/**
 * A heading over the figures that says in words what they measure ("Average wait in weeks" over "Step 2 | 5.1"): a
 * phrase of three words or more with words measures are made of. The names under it may be no more than labels.
 */
function figureHeadingSaysMeasure(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  if (row < grid.firstRow) return false;
  return grid.filledCols(row, fromCol, toCol).some((c) => {
    const t = grid.rawText(row, c);
    const cls = classifyHeading(t);
    return wordCount(t) >= 3 && MEASURE_WORDS.test(t) && (cls === null || FIGURE_ROLES.has(cls.role));
  });
}

interface MeasureEvidence {
  wordy: boolean;
  lexical: boolean;
}

/** Evidence worked out per sheet, by column and rows: a block's columns are asked about more than once. */
const EVIDENCE = new WeakMap<SheetGrid, Map<string, MeasureEvidence>>();

/** Whether the labels down a column read as measures: several words each, and words measures are made of. */
function measureEvidence(grid: SheetGrid, col: number, fromRow: number, toRow: number): MeasureEvidence {
  let known = EVIDENCE.get(grid);
  if (!known) EVIDENCE.set(grid, (known = new Map()));
  const key = `${col}:${fromRow}:${toRow}`;
  let evidence = known.get(key);
  if (evidence) return evidence;
  let words = 0;
  let measureish = 0;
  let n = 0;
  for (let r = fromRow; r <= toRow; r++) {
    const t = grid.rawText(r, col);
    if (!t) continue;
    n++;
    words += wordCount(t);
    if (MEASURE_WORDS.test(t)) measureish++;
  }
  evidence = { wordy: n > 0 && words / n >= 3, lexical: n > 0 && measureish / n >= 0.4 };
  known.set(key, evidence);
  return evidence;
}

/** How many pieces splitting on runs of white space gives (t.split(/\s+/).length), counted without making them. */
function wordCount(t: string): number {
  let pieces = 1;
  let inSpace = false;
  for (let i = 0; i < t.length; i++) {
    const space = isSpace(t.charCodeAt(i));
    if (space && !inSpace) pieces++;
    inSpace = space;
  }
  return pieces;
}

/** The characters \s matches: white space and line terminators. */
function isSpace(ch: number): boolean {
  if (ch < 0x80) return ch === 32 || (ch >= 9 && ch <= 13);
  return ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff;
}

/** Words measures are made of ("% of", "number of", "rate", "average time", "satisfied" ...). */
export const MEASURE_WORDS = /%|\b(?:percent(?:age)?|proportion|number of|no\.? of|rate|ratio|average|mean|median|total|time|days?|weeks?|hours?|satisf\w*|complain\w*|complaints?|repairs?|response|perform\w*|complet\w*|attend\w*|waiting|cases?|incidents?|referrals?|requests?|applications?|collect\w*|achiev\w*|per \d|score|level|progress|expected|standard|within|target|checks?|safety|compliance|arrears|rent|trust|visits?|calls?|answered|processed|determined|delivered|issued|placed|crime|fires?)\b/i;

/**
 * A block found by its shape is a KPI table only when something says so: a heading in words we know, or labels
 * that read as measures ("% of plans issued within 20 weeks", not "Apples"). A shopping list has the same shape.
 */
function looksLikeKpis(grid: SheetGrid, columns: ColumnInfo[], rows: number[]): boolean {
  // A heading that names a figure counts even where a stronger one beside it took the row's figure ("Expected Standard
  // or Above | … | Average Scaled Score"): the words still say these are measures.
  const namesFigure = (c: ColumnInfo) => c.cls!.role !== "ignore" || FIGURE_ROLES.has(classifyHeading(c.label)?.role ?? "ignore");
  let headed = columns.filter((c) => c.label && c.cls && c.cls.source !== "content" && c.cls.source !== "position" && namesFigure(c)).length;
  const figures = columns.filter((c) => c.label && c.cls && (FIGURE_ROLES.has(c.cls.role) || c.cls.role === "benchmark"));
  const figureHeads = figures.map((c) => (c.cls!.source === "position" ? null : c.cls));
  if (namesOwnBesideComparators(figureHeads)) headed++;
  const measure = columns.find((c) => c.cls?.role === "measure" || c.cls?.role === "ref");
  if (!measure || !rows.length) return false;
  if (cornerNamesMeasure(measure.label) && ownFigureFirst(figureHeads)) headed += 2;
  const right = columns.filter((c) => c.col > measure.col);
  if (right.every((c) => c.label) && everyFigureHeaded(right.map((c) => c.label), right.map((c) => (c.cls?.source === "heading" ? c.cls : null)))) headed++;
  const { wordy, lexical } = measureEvidence(grid, measure.col, rows[0], rows[rows.length - 1]);
  // "Incident Response Times" over "Priority One", "Priority Two": the heading over the names says what they measure;
  // so does "Average wait in weeks" over their figures.
  // A heading no role word names ("Stage 2 complaints received") still says what the figure under it counts.
  const saysWhatIsCounted = (c: ColumnInfo) => c.cls!.source === "heading" || classifyHeading(c.label) === null;
  const headedAsMeasures = [measure, ...columns.filter((c) => c.cls && FIGURE_ROLES.has(c.cls.role) && saysWhatIsCounted(c))].some(
    (c) => !!c.label && MEASURE_WORDS.test(c.label) && (c === measure || wordCount(c.label) >= 3),
  );
  return headed >= 2 || (headed >= 1 && (wordy || lexical || headedAsMeasures)) || (wordy && lexical);
}

/**
 * "School | Local Authority | National", "Thomas Gray | National": the first figure heading names none of our words and
 * comparators follow it — the organisation reported on, beside what it is compared with. A reader takes that as a
 * heading as plain as "Actual | Benchmark". `heads` are what the figure headings say, left to right (null: nothing).
 */
function namesOwnBesideComparators(heads: (HeaderClass | null)[]): boolean {
  return heads.length >= 2 && heads[0] === null && heads.slice(1).some((h) => h?.role === "benchmark") && heads.slice(1).every((h) => h?.role === "benchmark" || h === null);
}

/**
 * A heading over the names that says what the figures are ("Average Progress Scores", "Percentage of pupils achieving a
 * high standard in" over "Reading", "Maths"): two words or more, words measures are made of.
 */
function cornerNamesMeasure(text: string): boolean {
  return wordCount(text.trim()) >= 2 && MEASURE_WORDS.test(text) && !classifyHeading(text)?.heading;
}

/** Figure headings led by one that names none of our words (the organisation's own, "Thomas Gray"), any others comparators. */
function ownFigureFirst(heads: (HeaderClass | null)[]): boolean {
  return heads.length >= 1 && heads[0] === null && heads.slice(1).every((h) => h === null || h.role === "benchmark") && heads.length <= 3;
}

/**
 * A heading row that names every column right of the names in words, one of them the figure itself ("Year Group |
 * Presents | … | Possible | Attendance"): the table is headed as a reader expects, whatever its other words are.
 */
function everyFigureHeaded(texts: string[], heads: (HeaderClass | null)[]): boolean {
  return texts.length >= 3 && texts.every((t) => !!t && !/\d/.test(t) && t.length <= 60) && new Set(texts).size === texts.length && heads.some((h) => h?.role === "latest");
}

/**
 * Whether looksLikeKpis can hold once the columns' roles are read, judged before reading them: only columns with a
 * heading can count as headed, and the measure is one of the columns, so with fewer than two headings some column
 * must already show the measure evidence looksLikeKpis will ask of the measure.
 */
function mayLookLikeKpis(grid: SheetGrid, columns: ColumnInfo[], rows: number[]): boolean {
  if (!rows.length) return false;
  const labelled = columns.filter((c) => c.label).length;
  if (labelled >= 2) return true;
  if (columns.some((c) => c.label && wordCount(c.label) >= 3 && MEASURE_WORDS.test(c.label))) return true;
  return columns.some((c) => {
    const { wordy, lexical } = measureEvidence(grid, c.col, rows[0], rows[rows.length - 1]);
    return labelled === 1 ? wordy || lexical : wordy && lexical;
  });
}

/** A row of headings over a heading row: periods or roles written once over several columns ("2023/24" over Q1-Q4). */
function isParentHeadingRow(grid: SheetGrid, kinds: CellKinds, row: number, fromCol: number, toCol: number, valueCols: ReadonlySet<number>, namesCol: number): boolean {
  const filled = grid.filledCols(row, fromCol, toCol);
  if (filled.length === 0) return false;
  if (filled.length === 1 && !grid.mergeAt(row, filled[0])) return false;
  for (const c of filled) {
    // Over the figures only: a line that starts over the names is a title or a section, not a heading — unless the
    // row under it leaves the names unheaded, as a two-row heading does ("Areas | Earlier Period | … | Change" over
    // " | May-13 to Apr-14 | … | Numeric | Percentage"). Right of the names, a short heading may stand over a column
    // of words as well ("Most Similar Group" over "Current Position", "Above" …, beside "Crime Rate" over the rates).
    const overWords = filled.length >= 2 && c > namesCol && kinds.kind(row, c) === "label" && kinds.kind(row + 1, c) === "label";
    if (!valueCols.has(c) && !overWords && !(filled.length >= 2 && grid.rawText(row + 1, c) === "" && kinds.kind(row, c) === "label")) return false;
    const k = kinds.kind(row, c);
    if (k === "number" && !/^(?:19|20)\d{2}$/.test(grid.rawText(row, c))) return false;
  }
  return isHeadingRow(grid, kinds, row, fromCol, toCol, valueCols) || filled.every((c) => !!grid.mergeAt(row, c));
}

/**
 * The columns under one or two heading rows, each with what its heading says. A merged heading reads across
 * every column it spans; under two rows, a column's heading is the top's words and its own together
 * ("2014/15" over "Actual" reads "2014/15 Actual"), unless its own words name something else (a trend).
 */
/** Words that say only how a figure is written, not what it is. */
export const FIGURE_FORM = /^(?:numeric|numbers?|no\.?|%|percentages?|per ?cent|counts?|values?|figures?|volume)$/i;

function headingColumns(grid: SheetGrid, headerRows: number[], fromCol: number, toCol: number, ctx: PeriodContext): ColumnInfo[] {
  const columns: ColumnInfo[] = [];
  const topRow = headerRows.length === 2 ? headerRows[0] : null;
  const ownRow = headerRows.length ? headerRows[headerRows.length - 1] : null;
  let carried: string | null = null;
  for (let c = fromCol; c <= toCol; c++) {
    const own = ownRow === null ? null : grid.cell(ownRow, c);
    const ownText = own?.text ?? "";
    let top = "";
    let spanned = !!own?.merge && own.merge.colCount > 1;
    if (topRow !== null) {
      const t = grid.cell(topRow, c);
      if (t.text) {
        top = t.text;
        carried = t.merge ? null : t.text;
        spanned = spanned || (!!t.merge && t.merge.colCount > 1);
      } else if (carried && ownText && !(namesPeriod(carried, ctx) && namesPeriod(ownText, ctx))) {
        // An unmerged two-level heading: the top word stands over the columns to its right — but a period does not
        // stand over another period ("FY18/19 | " over "Actual | CY 2019").
        top = carried;
        spanned = true;
      }
    }
    let cls: HeaderClass | null = null;
    let label = ownText;
    let sub: string | null = null;
    if (top && ownText && top !== ownText) {
      sub = ownText;
      label = `${top} / ${ownText}`;
      const ownCls = classifyHeading(ownText, ctx);
      const together = classifyHeading(`${top} ${ownText}`, ctx) ?? classifyHeading(`${ownText} ${top}`, ctx);
      cls = ownCls && !FIGURE_ROLES.has(ownCls.role) && ownCls.role !== "ignore" ? ownCls : (together ?? ownCls ?? classifyHeading(top, ctx));
      // Under "Change", words that only say how a figure is written ("Numeric", "Percentage", "%") give the change.
      const topCls = classifyHeading(top, ctx);
      if (topCls?.role === "dot" && FIGURE_FORM.test(ownText.trim())) cls = topCls;
    } else if (top || ownText) {
      label = ownText || top;
      cls = headingLike(label) || /\d/.test(label) ? classifyHeading(label, ctx) : null;
    }
    columns.push({ col: c, label, cls, sub, ...(spanned ? { spanned } : {}) });
  }
  return columns;
}

/** Whether a heading's words name a period ("FY18/19", "CY 2019", "2020/21 Actual"). */
function namesPeriod(text: string, ctx: PeriodContext): boolean {
  return !!parsePeriod(text, ctx) || !!classifyHeading(text, ctx)?.heading?.period;
}

function buildTable(
  grid: SheetGrid,
  kinds: CellKinds,
  headerRow: number,
  topIn: RowHeading,
  ctxIn: PeriodContext,
  fromCol: number,
  toCol: number,
  fixedLastRow: number | null,
  foundBy: FoundTable["foundBy"],
): FoundTable | null {
  const ctx = tableContext(grid, [headerRow], fromCol, toCol, ctxIn);
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
      // heading row has that pattern inside it too ("3 months | | 6 months | | 12 months | ").
      const left = top.classes.get(c - 1);
      const pattern = [...top.classes.entries()].some(([col, cls]) => cls.role === "time" && col + 1 < toCol && grid.raw(headerRow, col + 1).text === "");
      if (!(left && left.role === "time" && pattern)) break;
    }
    lastCol = c;
  }

  // A two-level heading: the next row holds sub-headings under the figure columns; or the row above holds
  // periods or roles over several of them.
  let headerRowsList = [headerRow];
  const subs = headerRow + 1 <= grid.lastRow ? subHeadingRow(grid, headerRow + 1, top, fromCol, lastCol, ctx) : null;
  if (subs) headerRowsList = [headerRow, headerRow + 1];
  const columns = headingColumnsFromRows(grid, headerRowsList, top, fromCol, lastCol, ctx);
  const firstDataRow = headerRowsList[headerRowsList.length - 1] + 1;
  headerRowsList = [...readHeadingLinesAbove(grid, kinds, columns, headerRow, headerRowsList.length, ctx), ...headerRowsList];
  const topRow = headerRowsList[0];
  resolveKpiColumn(grid, columns, firstDataRow);
  resolvePeriodColumns(grid, columns, firstDataRow);
  const lastRow = fixedLastRow ?? findLastRow(grid, kinds, columns, firstDataRow, fromCol, lastCol, ctx);
  const dataRows: number[] = [];
  for (let r = firstDataRow; r <= lastRow; r++) dataRows.push(r);
  resolveColumnRoles(grid, kinds, columns, dataRows, ctx);
  if (!columns.some((c) => c.cls && FIGURE_ROLES.has(c.cls.role)) && !columns.some((c) => c.cls?.role === "rag")) return null;
  const nonEmptyHeads = columns.filter((c) => c.label).length;
  const recognisedHeads = columns.filter((c) => c.label && c.cls?.source !== "content" && c.cls?.source !== "position" && c.cls).length;
  return {
    headerRow: topRow,
    headerRows: headerRowsList.length,
    firstCol: fromCol,
    lastCol,
    firstDataRow,
    lastRow,
    columns,
    excelTable: null,
    title: findTitle(grid, topRow, fromCol, lastCol),
    headerScore: nonEmptyHeads ? recognisedHeads / nonEmptyHeads : 0,
    periodContext: statedPlanStart(grid, topRow, lastCol, columns, ctx),
    foundBy,
  };
}

/** The heading-driven path's columns: one heading row read across its merges, and a sub-heading row under it if any. */
function headingColumnsFromRows(grid: SheetGrid, headerRows: number[], top: RowHeading, fromCol: number, lastCol: number, ctx: PeriodContext): ColumnInfo[] {
  const headerRow = headerRows[0];
  const subRow = headerRows.length > 1 ? headerRows[1] : null;
  const columns: ColumnInfo[] = [];
  let carried: { text: string; cls: HeaderClass | null } | null = null;
  for (let c = fromCol; c <= lastCol; c++) {
    const own = grid.cell(headerRow, c); // merge-aware: a merged top heading reads across
    const subText = subRow !== null ? grid.raw(subRow, c).text : "";
    const sub = subText || null;
    let label = own.text;
    let cls = own.text ? (top.classes.get(c) ?? (own.merge ? classifyHeading(own.text, ctx) : null)) : null;
    let spanned = !!own.merge && own.merge.colCount > 1;
    if (!own.text && sub && carried) {
      // The second column under an unmerged two-level heading belongs to the heading on its left.
      label = carried.text;
      cls = carried.cls;
      spanned = true;
    }
    if (own.text) carried = { text: own.text, cls };
    if (sub) {
      const subCls = classifyHeading(sub, ctx);
      if (subCls && (subCls.role === "dot" || subCls.role === "notes" || subCls.role === "rag")) cls = subCls;
      else if (label && (cls?.role !== "time" || (subCls && FIGURE_ROLES.has(subCls.role)))) {
        // "2014/15" over "Actual", "Actuals" over "2013/14": the two headings together.
        const together = classifyHeading(`${label} ${sub}`, ctx) ?? classifyHeading(`${sub} ${label}`, ctx);
        if (together) cls = together;
      }
      label = label ? `${label} / ${sub}` : sub;
    }
    if (!own.text && !sub) {
      const left = columns[columns.length - 1];
      if (left?.cls?.role === "time" && left.cls.heading?.role !== "actual" && !left.spanned) cls = { role: "rag", source: "position", words: "a blank heading after a milestone", strength: 0.5 };
    }
    columns.push({ col: c, label, cls, sub, ...(spanned ? { spanned } : {}) });
  }
  return columns;
}

/**
 * The table states its own plan start: in a heading ("Baseline April 2019 - Note plan start date 1 st July 2019")
 * or in a line above it ("Plan start date: 1 July 2019"); "By 6 months" milestones count from it.
 */
function statedPlanStart(grid: SheetGrid, headerRow: number, lastCol: number, columns: ColumnInfo[], ctx: PeriodContext): PeriodContext {
  if (ctx.planStart) return ctx;
  const stated = columns.map((c) => c.cls?.heading?.statedPlanStart).find((d) => !!d) ?? planStartAbove(grid, headerRow, lastCol, ctx);
  return stated ? { ...ctx, planStart: stated } : ctx;
}

/** "KPI" is the reference beside a Measure column, the measure beside a "KPI Reference" column, else what its cells look like. */
function resolveKpiColumn(grid: SheetGrid, columns: ColumnInfo[], firstDataRow: number): void {
  const kpiCols = columns.filter((c) => c.cls?.ambiguousKpi);
  if (!kpiCols.length) return;
  const hasMeasure = columns.some((c) => c.cls?.role === "measure" && !c.cls.ambiguousKpi);
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
    k.cls = { role, source: "heading", words: k.label, strength: 0.7 };
  }
}

/**
 * "Last period" may head the previous figure itself or the label of the previous period: the cells tell.
 * A column headed as a period whose cells are mostly numbers holds the values.
 */
function resolvePeriodColumns(grid: SheetGrid, columns: ColumnInfo[], firstDataRow: number): void {
  cornerPeriodHeading(grid, columns, firstDataRow);
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
    if (numbers > other && !hasValueCol && (which === "previous" || which === "latest")) col.cls = { role: which, source: "heading", words: col.label };
  }
}

/**
 * "Period | 2010/11 | 2011/12 | …" over rows named in words ("Major Applications"): the corner cell says the columns
 * are periods; the column under it holds the measures, not periods.
 */
function cornerPeriodHeading(grid: SheetGrid, columns: ColumnInfo[], firstDataRow: number): void {
  const first = columns[0];
  if (!first || first.cls?.role !== "period" || first.cls.qualifies !== "left" || first.cls.source !== "heading") return;
  if (columns.filter((c) => c.cls?.role === "time").length < 2 || columns.some((c) => c.cls?.role === "measure" || c.cls?.role === "ref")) return;
  let names = 0;
  let periods = 0;
  for (let r = firstDataRow; r < firstDataRow + 10 && r <= grid.lastRow; r++) {
    const c = grid.raw(r, first.col);
    if (!c.text) continue;
    // "Q1 (April to June)" down the rows is a period there too (quarters down, years across), not a name.
    if (typeof c.value !== "number" && /\p{L}{3,}/u.test(c.text) && !parsePeriod(c.text) && !findPeriods(c.text).length) names++;
    else periods++;
  }
  if (names >= 2 && names > periods) first.cls = { role: "measure", source: "heading", strength: 0.6, words: `"${first.label}" in the corner over periods across and names down` };
}

/** Where the table's rows end: blank rows, narrative, or the next heading. */
function findLastRow(grid: SheetGrid, kinds: CellKinds, columns: ColumnInfo[], firstDataRow: number, fromCol: number, toCol: number, ctx: PeriodContext): number {
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
      // One long cell, a bullet, or text out in the figure columns: narrative under the table (a "Comments: …" row
      // under a KPI is that KPI's).
      if ((t.length > 120 && !COMMENT_LABEL.test(t)) || /^[-•·*]\s/.test(t) || (!nameCols.includes(filled[0]) && !spansTable)) break;
    }
    // A section's line ("Objective | Improve …") over another heading row heads the next table.
    if (filled.length === 2 && sectionLabelled(grid.text(r, filled[0]), grid.text(r, filled[1])) && nextHeadsTable(grid, r, fromCol, toCol, ctx)) break;
    // Another heading row starts another table.
    if (r > firstDataRow && !kinds.dataRows.interior(r) && rowMayBeHeading(grid, r, fromCol, toCol) && isHeaderCandidate(classifyRow(grid, r, ctx, fromCol, toCol))) break;
    last = r;
  }
  return last;
}

/** Whether the row after r is a heading row (of another table). */
function nextHeadsTable(grid: SheetGrid, r: number, fromCol: number, toCol: number, ctx: PeriodContext): boolean {
  return r + 1 <= grid.lastRow && rowMayBeHeading(grid, r + 1, fromCol, toCol) && isHeaderCandidate(classifyRow(grid, r + 1, ctx, fromCol, toCol));
}

/**
 * The section the table sits in: the nearest line above it that names one (a service, a theme), read upwards as a
 * reader does — past report titles, captions, sentences and notes, and past another table's rows (a section
 * heading holds every table under it until the next one); three blank rows end the search.
 */
/** Whether nothing stands above row r on its sheet. */
function firstLine(grid: SheetGrid, r: number): boolean {
  for (let above = grid.firstRow; above < r; above++) if (!grid.isBlankRow(above, grid.firstCol, grid.lastCol)) return false;
  return true;
}

export function findTitle(grid: SheetGrid, headerRow: number, fromCol: number, toCol: number): string | null {
  let blanks = 0;
  let apart = false;
  for (let r = headerRow - 1; r >= Math.max(grid.firstRow, headerRow - 60); r--) {
    const from = Math.max(grid.firstCol, fromCol - 1);
    const filled = grid.filledCols(r, from, toCol);
    if (filled.length === 0) {
      apart = true;
      if (++blanks >= 3) return null;
      continue;
    }
    blanks = 0;
    const labelled = filled.length === 2 ? sectionLabelled(grid.text(r, filled[0]), grid.text(r, filled[1])) : null;
    if (labelled) return labelled;
    if (filled.length > 1) continue;
    // A line set apart from this table by a blank row but run on from the rows above it (a row of the table above
    // with no figures yet) ends that block; it does not head this one.
    if (apart && endsBlockAbove(grid, r, from, toCol)) continue;
    const group = asGroup(grid.text(r, filled[0]));
    // The sheet's first line repeating the sheet's own name ("Key Stage 2" on the sheet "KS2") titles the page; it
    // files nothing. (Under a report's title, the sheet's name is the section the sheet holds.)
    if (group && !(namesSheet(group, grid.name) && firstLine(grid, r))) return group;
  }
  return null;
}

/** Whether row r runs on, with no blank row between, from a row of several cells above it (a table's rows). */
function endsBlockAbove(grid: SheetGrid, r: number, fromCol: number, toCol: number): boolean {
  for (let above = r - 1; above >= grid.firstRow; above--) {
    const n = grid.filledCols(above, fromCol, toCol).length;
    if (n === 0) return false;
    if (n > 1) return true;
  }
  return false;
}

/** A line that is the sheet's own name, written out or abbreviated by its initials ("Key Stage 2" and "KS2"). */
function namesSheet(line: string, sheet: string): boolean {
  const subject = titleSubject(line);
  const name = titleSubject(sheet);
  if (subject === name) return true;
  const initials = subject
    .split(" ")
    .map((w) => (/^\d+$/.test(w) ? w : w[0]))
    .join("");
  return initials.length >= 2 && initials === name.replace(/\s+/g, "");
}
