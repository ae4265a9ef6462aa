// Quarters (or months) down the rows and years across ("Q1 (April to June) | 52.3% | 55.6% | 55.1%" under
// "Date | 2017/18 | 2018/19 | 2019/20"), under a line naming the measure ("Quarterly recycling performance"): a reader
// sees one KPI, each cell the figure of one quarter of one year, read in date order — not a KPI per quarter.
import type { Period } from "../types";
import { findPeriods, parsePeriod, type PeriodContext } from "../periods";
import type { SheetGrid } from "./grid";
import type { DraftKpi, DraftMilestone } from "./drafts";
import type { ColumnInfo, FoundTable } from "./findTables";
import { findTitle } from "./findTables";
import { measureLineAbove } from "./comparatorRows";

const YEAR_KINDS = new Set(["year", "financial-year", "academic-year"]);

/** A year's total or average row under the quarters ("Yearly total", "Year to date"): the year's own figure, not a quarter. */
const TOTAL_ROW = /^(?:yearly|annual|year(?:\s+to\s+date)?|full[- ]year|ytd)?\s*(?:total|average|outturn|to date)?$/i;

/** The table's drafts, as one KPI where its rows are periods within the years its columns head; else as they are. */
export function onePeriodGridKpi(grid: SheetGrid, table: FoundTable, drafts: DraftKpi[]): DraftKpi[] {
  const years = table.columns.filter((c) => c.cls?.role === "time" && c.cls.heading?.period?.start && YEAR_KINDS.has(c.cls.heading.period.kind));
  if (years.length < 2 || drafts.length < 2 || drafts.some((d) => d.ref || d.continuation)) return drafts;
  const ctx = table.periodContext;
  const rows = drafts.map((d) => ({ d, within: periodWithin(d.measure, ctx, years[0].cls!.heading!.period!) }));
  const periodic = rows.filter((x) => x.within);
  if (periodic.length < 2 || rows.some((x) => !x.within && !TOTAL_ROW.test(x.d.measure.trim()))) return drafts;
  const line = measureLineAbove(grid, table);
  if (!line) return drafts;
  const milestones = years.flatMap((col) => periodic.map((x) => milestoneAt(x.d, col, ctx))).filter((m): m is DraftMilestone => !!m);
  const dated = milestones.every((m) => m.period?.end);
  if (!dated) return drafts;
  milestones.sort((a, b) => (a.period!.end! < b.period!.end! ? -1 : a.period!.end! > b.period!.end! ? 1 : 0));
  const first = drafts[0];
  const group = table.title && table.title.trim() === line.text ? findTitle(grid, line.cell.row, table.firstCol, table.lastCol) : first.group;
  return [
    {
      ...first,
      row: line.cell.row,
      measure: line.text,
      measureCell: line.cell,
      group,
      latestCell: null,
      previousCell: null,
      latestPeriodCell: null,
      previousPeriodCell: null,
      milestones: milestones.map((m, seq) => ({ ...m, seq })),
      period: null,
      sources: drafts.map((d) => ({ grid, cell: d.measureCell ?? { row: d.row, col: table.firstCol }, period: null })),
    },
  ];
}

/** A row's period with no year of its own ("Q1 (April to June)", "April", "Q2"), placed in the first year to test it. */
function periodWithin(text: string, ctx: PeriodContext, year: Period): Period | null {
  const inYear = { ...ctx, yearStart: year.start };
  const tries = [text, text.replace(/\([^)]*\)/g, " ").trim(), ...[...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1])];
  for (const t of tries) {
    if (!t) continue;
    // A row that names its own year ("Q1 2019/20") is a period down the rows, not one within the columns' years.
    if (findPeriods(t, ctx, { years: true }).some((f) => YEAR_KINDS.has(f.period.kind))) return null;
    const p = parsePeriod(t, inYear);
    if (p?.start && p.end && (p.kind === "quarter" || p.kind === "month")) return p;
  }
  return null;
}

/** The milestone of one row's period in one year's column. */
function milestoneAt(d: DraftKpi, col: ColumnInfo, ctx: PeriodContext): DraftMilestone | null {
  const period = periodWithin(d.measure, ctx, col.cls!.heading!.period!);
  if (!period) return null;
  const label = `${d.measure} ${col.label}`.trim();
  return { label, col: col.col, period: { ...period, label }, relativeMonths: null, headingRole: "actual", targetCell: { row: d.row, col: col.col }, actualCell: null, ragCell: null };
}
