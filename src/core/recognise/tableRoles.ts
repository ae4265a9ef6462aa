// A found table's columns by the role each plays, as the row reader needs them: the name columns, the
// figure columns, the status column that rates the KPI as a whole, and the time columns that make milestones.
import type { Period } from "../types";
import { parsePeriod, parsePeriodCell } from "../periods";
import type { SheetGrid } from "./grid";
import type { ColumnInfo, FoundTable } from "./findTables";
import { classifyHeading, FIGURE_ROLES } from "./headers";
import { unitFromMeasure } from "../figures/scale";

export interface TableRoles {
  ref?: ColumnInfo;
  measure?: ColumnInfo;
  group?: ColumnInfo;
  section?: ColumnInfo;
  frequency?: ColumnInfo;
  baseline?: ColumnInfo;
  target?: ColumnInfo;
  previous?: ColumnInfo;
  latest?: ColumnInfo;
  dot?: ColumnInfo;
  notes?: ColumnInfo;
  polarity?: ColumnInfo;
  unit?: ColumnInfo;
  owner?: ColumnInfo;
  benchmarks: ColumnInfo[];
  periods: ColumnInfo[];
  /** The status column that rates the KPI as a whole (not one milestone). */
  kpiRag?: ColumnInfo;
  /** The time columns that become milestones, one per heading. */
  time: ColumnInfo[];
  /** The reference and measure columns the table has. */
  names: ColumnInfo[];
  /** Columns of periods before the figures, one per row: each row's figures are for its period (a long export). */
  rowPeriods: ColumnInfo[];
}

export function tableRoles(grid: SheetGrid, table: FoundTable): TableRoles {
  const byRole = (role: string) => table.columns.filter((c) => c.cls?.role === role);
  const first = (role: string): ColumnInfo | undefined => byRole(role)[0];
  const ref = first("ref");
  const measure = first("measure");
  const [latests, targetsAll] = periodPairs(byRole("latest"), byRole("target"));
  const latest = ownFigure(latests);
  const targets = targetsAll.filter((t) => !otherUnit(t, latest));
  return {
    ref,
    measure,
    group: first("group"),
    section: first("section"),
    frequency: first("frequency"),
    baseline: first("baseline"),
    // The last of several: "Target 2022/23 | Target 2023/24" states the one in force last.
    target: targets.slice(-1)[0],
    previous: first("previous"),
    latest,
    dot: first("dot"),
    // A "Comment" column of words such as "Improvement" / "Decline" states the trend and is still the comment.
    notes: firmest(byRole("notes")) ?? byRole("dot").find((c) => c.cls?.source === "content" && classifyHeading(c.label)?.role === "notes"),
    polarity: first("polarity"),
    unit: first("unit"),
    owner: first("owner"),
    benchmarks: byRole("benchmark"),
    periods: byRole("period"),
    kpiRag: kpiRagColumn(table),
    time: usedTimeColumns(table).filter((c) => !(c.cls?.heading?.role === "target" && otherUnit(c, latest))),
    names: [ref, measure].filter((c): c is ColumnInfo => !!c),
    rowPeriods: rowPeriodColumns(grid, table),
  };
}

/**
 * Of several notes columns, the one whose heading names notes most firmly: "Remarks" or "Comments" beside a
 * "Definition" (what the measure means, the same every year) — the first where they say it alike.
 */
function firmest(columns: ColumnInfo[]): ColumnInfo | undefined {
  let best: ColumnInfo | undefined;
  for (const c of columns) if (!best || (c.cls?.strength ?? 0) > (best.cls?.strength ?? 0)) best = c;
  return best;
}

const DURATIONS: ReadonlySet<string> = new Set(["days", "weeks", "months", "hours", "minutes"]);

/**
 * "Target (working days) | … | Percentage of responses within target": the target is the time each response is held
 * to, the figure the share that met it — a duration cannot be the target of a share, nor a share of a duration. A
 * reader rates the share against no target the table states.
 */
function otherUnit(target: ColumnInfo, latest: ColumnInfo | undefined): boolean {
  if (!latest) return false;
  const [t, l] = [unitFromMeasure(target.label), unitFromMeasure(latest.label)];
  return !!t && !!l && ((t === "percent" && DURATIONS.has(l)) || (l === "percent" && DURATIONS.has(t)));
}

/**
 * The latest of several: the last, as "Actual Q1 | Actual Q2" state the newest last — but where each is headed only by
 * a weak word ("% Attendance | Authorised Absence % | Unauthorised Absence %", "School % | School Exceeding %"), the
 * row's own figure comes first, as a reader reads it, and the ones after it are other figures about the row.
 */
function ownFigure(latests: ColumnInfo[]): ColumnInfo | undefined {
  const weak = (c: ColumnInfo) => c.cls?.source === "heading" && (c.cls.strength ?? 1) < 0.5 && !c.spanned;
  return latests.length >= 2 && latests.every(weak) ? latests[0] : latests.slice(-1)[0];
}

const YEAR_TO_DATE = /\b(?:f?ytd|year[- ]to[- ]date)\b/i;

/**
 * "Actual | Goal | FYTD Actual | FYTD Goal": the period's pair and the year-to-date pair side by side. The KPI is
 * reported for the period (the row's "As of" date); the year-to-date pair is a running total beside it.
 */
function periodPairs(latests: ColumnInfo[], targets: ColumnInfo[]): [ColumnInfo[], ColumnInfo[]] {
  const toDate = (c: ColumnInfo) => YEAR_TO_DATE.test(c.label);
  const both = (cols: ColumnInfo[]) => cols.some(toDate) && cols.some((c) => !toDate(c));
  if (!both(latests) || !both(targets)) return [latests, targets];
  return [latests.filter((c) => !toDate(c)), targets.filter((c) => !toDate(c))];
}

/** A row's period: the most specific its period columns name ("2016/17" and "April to June 2016": the quarter). */
export function rowPeriodAt(grid: SheetGrid, table: FoundTable, r: number, cols: readonly ColumnInfo[]): Period | null {
  const span = (p: Period) => (p.start && p.end ? Date.parse(p.end) - Date.parse(p.start) : Infinity);
  return cols.map((c) => periodAt(grid, table, r, c)).filter((p): p is Period => !!p).sort((a, b) => span(a) - span(b))[0] ?? null;
}

/** The period a row's cell in a period column names, or null. */
function periodAt(grid: SheetGrid, table: FoundTable, r: number, col: ColumnInfo | undefined): Period | null {
  if (!col) return null;
  const c = grid.raw(r, col.col);
  if (!c.text) return null;
  const p = parsePeriodCell({ text: c.text, value: c.value, numberFormat: c.numberFormat }, table.periodContext);
  // A run of months of no named kind ("2024 to end Aug", a year to date) is still a period a reader can place.
  return p && p.kind !== "relative-months" && (p.kind !== "unknown" || (!!p.start && !!p.end)) ? p : null;
}

/**
 * A column of periods standing before the figure columns ("KPI | Period | Target | Actual"): headed as a period
 * ("Period", "Month", "Quarter") or not headed as anything else, and its cells periods — most rows, and more
 * than one period, or it would be the table's date, not each row's.
 */
function rowPeriodColumns(grid: SheetGrid, table: FoundTable): ColumnInfo[] {
  // Before the figures that change from period to period. A baseline may stand anywhere, and so may a target written
  // on each row ("KPI | Measure | Target | Month | Result"): the row's period dates the target beside it too.
  const firstFigure = table.columns.find((c) => c.cls && FIGURE_ROLES.has(c.cls.role) && c.cls.role !== "baseline" && c.cls.role !== "target");
  if (!firstFigure) return [];
  return table.columns.filter((c) => {
    if (c.col >= firstFigure.col) return false;
    if (c.cls && !(c.cls.role === "period" && c.cls.qualifies === "left") && !(c.cls.source === "content" || c.cls.source === "position")) return false;
    let periods = 0;
    let filled = 0;
    const seen = new Set<string>();
    for (let r = table.firstDataRow; r <= table.lastRow; r++) {
      if (!grid.rawText(r, c.col)) continue;
      filled++;
      const p = periodAt(grid, table, r, c);
      if (p) {
        periods++;
        seen.add(`${p.start}|${p.end}|${p.label}`);
      }
    }
    return filled >= 2 && periods >= 0.8 * filled && seen.size >= 2;
  });
}

/**
 * A stated RAG for the KPI as a whole: a RAG column that does not follow a time column — or the table's only RAG
 * column ("... | Target 2023/24 | RAG | DoT"), unless the heading row pairs every milestone with a RAG column.
 */
function kpiRagColumn(table: FoundTable): ColumnInfo | undefined {
  const ragCols = table.columns.filter((c) => c.cls?.role === "rag");
  if (ragCols.length === 1) return ragCols[0];
  // "Agency/KPI | 1998–99 | 1997–98" over "Achieved" / "Not Achieved": each column rates a period; the newest rates now.
  const dated = ragCols.map((c) => ({ c, p: parsePeriod(c.label, table.periodContext) }));
  if (ragCols.length >= 2 && dated.every((d) => d.p?.end)) return dated.sort((a, b) => (a.p!.end! < b.p!.end! ? 1 : a.p!.end! > b.p!.end! ? -1 : 0))[0].c;
  return table.columns.find((c, i) => c.cls?.role === "rag" && table.columns[i - 1]?.cls?.role !== "time");
}

/**
 * Under a two-level heading keep the first sub-column of each time heading (the "Positive" share), not its
 * complement; a sub-heading that names a role ("2014/15" over "Target" and "Actual") makes a column of its own.
 */
function usedTimeColumns(table: FoundTable): ColumnInfo[] {
  const seen = new Set<string>();
  return table.columns
    .filter((c) => c.cls?.role === "time" && c.cls.heading)
    .filter((c) => {
      const h = c.cls!.heading!;
      const key = c.sub ? `${c.label.replace(/ \/ [^/]*$/, "")}|${h.role}|${h.period?.label ?? ""}` : `${c.col}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The column of the milestone that is a baseline ("Baseline 2019"), if any. */
export function baselineTimeCol(cols: ColumnInfo[]): ColumnInfo | undefined {
  return cols.find((c) => c.cls?.heading?.role === "baseline");
}
