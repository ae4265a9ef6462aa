// The period a table's figures are for when none of its headings names one ("Target | Actual" on a sheet kept
// per month): the title above it ("Performance report – November 2024") or its sheet's name ("Nov 24", "Q2",
// "Apr"), as a reader takes it. A month or quarter with no year takes its year from a title that names one.
import type { IsoDate, Period } from "../types";
import { findPeriods, fyStartMonth, parsePeriod, type PeriodContext } from "../periods";
import type { SheetGrid } from "./grid";
import { isNoteLine } from "./titles";

/** Where a table stands: its heading row, its last column, and how its periods read. */
interface TablePlace {
  headerRow: number;
  lastCol: number;
  periodContext: PeriodContext;
  columns: readonly { cls: { role: string } | null }[];
}

/** How far above the heading row a title is looked for. */
const TITLE_ROWS = 8;

export function periodOfTable(grid: SheetGrid, table: TablePlace): Period | null {
  if (table.columns.some((c) => c.cls?.role === "time" || c.cls?.role === "period")) return null;
  return periodOfPlace(grid, table);
}

/** The period the table's title or its sheet's name gives, whatever its headings say. */
export function periodOfPlace(grid: SheetGrid, table: Omit<TablePlace, "columns">): Period | null {
  const ctx = table.periodContext;
  const titled = titlePeriods(grid, table, ctx);
  let fromName = sheetNamePeriod(grid.name, ctx);
  if (fromName && !dated(fromName)) {
    // "Apr" on a workbook titled "2023/24": the year the title names.
    const year = titled.find((p) => dated(p) && ["year", "financial-year", "academic-year"].includes(p.kind));
    const inYear = year ? parsePeriod(fromName.label, { ...ctx, yearStart: year.start }) : null;
    if (inYear && dated(inYear)) fromName = { ...inYear, label: fromName.label };
  }
  const all = [...titled, ...(fromName ? [fromName] : [])];
  // A period of the figures (a month, a quarter, a year) before a day ("as at 30 September"), the most specific first.
  return mostSpecific(all.filter((p) => dated(p) && p.kind !== "date")) ?? mostSpecific(all.filter(dated)) ?? fromName;
}

/** A period a reader can place: of a known kind, or a run of dates ("April to November 2013", a year to date). */
function known(p: Period): boolean {
  return p.kind !== "unknown" || dated(p);
}

function dated(p: Period): boolean {
  return !!p.start && !!p.end;
}

/** A plan start a line above the table states ("Plan start date: 1 July 2019", "Note plan start date 1st July 2019"). */
export function planStartAbove(grid: SheetGrid, headerRow: number, lastCol: number, ctx: PeriodContext): IsoDate | null {
  for (const text of titleLines(grid, headerRow, lastCol)) {
    const m = /\bplan(?:\s+was)?\s+(?:start(?:ed|s)?|began|commenced)\b(?:\s+date)?(?:\s+(?:on|of|was|is))?\s*[:\-–]?\s*(.*)$/i.exec(text);
    const start = m ? findPeriods(m[1], ctx).find((f) => f.from <= 3 && f.period.start) : undefined;
    if (start) return start.period.start;
  }
  return null;
}

/** The lines just above a heading row, nearest first: titles of one or two cells, up to another table's rows. */
function titleLines(grid: SheetGrid, headerRow: number, lastCol: number): string[] {
  const out: string[] = [];
  for (let r = headerRow - 1; r >= Math.max(grid.firstRow, headerRow - TITLE_ROWS); r--) {
    const filled = grid.filledCols(r, grid.firstCol, lastCol);
    if (filled.length > 2) break;
    // A footnote or a sentence ("*Please note KPIs were changed for cases received from September 2020.") speaks
    // of some other time; it does not title the table.
    for (const c of filled) if (!isNoteLine(grid.text(r, c)) && !isSentenceLine(grid.text(r, c))) out.push(grid.text(r, c));
  }
  return out;
}

/** A line of more than a dozen words, or one with a full stop inside it: a sentence, not a title. */
function isSentenceLine(text: string): boolean {
  return text.trim().split(/\s+/).length > 12 || /[.!?]\s+\p{Lu}/u.test(text);
}

/** Periods named in the lines just above the table, nearest first (a title of one or two cells, not another table's row). */
function titlePeriods(grid: SheetGrid, table: Omit<TablePlace, "columns" | "periodContext">, ctx: PeriodContext): Period[] {
  const out: Period[] = [];
  for (const text of titleLines(grid, table.headerRow, table.lastCol)) for (const f of findPeriods(text, ctx, { years: true })) if (known(f.period)) out.push(f.period);
  return out;
}

/** The period a sheet's name gives: the whole name ("Apr", "Q2", "2023-24"), else one written in it ("APP KPIs Nov 23"). */
function sheetNamePeriod(name: string, ctx: PeriodContext): Period | null {
  const whole = parsePeriod(name.trim(), ctx);
  if (whole && whole.kind !== "relative-months" && known(whole)) return { ...whole, label: name.trim() };
  const found = findPeriods(name, ctx, { years: true }).filter((f) => known(f.period));
  return found.length === 1 ? found[0].period : null;
}

/** The shortest of the dated periods: it says most about when the figures are for. */
function mostSpecific(periods: Period[]): Period | null {
  const span = (p: Period) => Date.parse(p.end!) - Date.parse(p.start!);
  return [...periods].sort((a, b) => span(a) - span(b))[0] ?? null;
}

/**
 * Where the year of yearless headings ("Q1", "Jan") begins, from the period the title or sheet names: a year's
 * start, or the start of the (financial, academic or calendar) year a quarter or month falls in.
 */
export function yearStartOf(place: Period | null, ctx: PeriodContext): IsoDate | null {
  if (!place?.start || !place.end) return null;
  if (["year", "financial-year", "academic-year"].includes(place.kind)) return place.start;
  if (place.kind !== "quarter" && place.kind !== "month") return null;
  const first = ctx.yearPairKind === "academic-year" ? 9 : ctx.yearPairKind === "financial-year" ? fyStartMonth(ctx) : 1;
  const y = Number(place.start.slice(0, 4));
  const m = Number(place.start.slice(5, 7));
  const year = m < first ? y - 1 : y;
  return `${year}-${String(first).padStart(2, "0")}-01`;
}
