// A KPI's plan: its baseline, its staged milestones (each a period with a target and an actual), its final
// target, and targets written relative to something else resolved where the workbook gives that figure.
import type { IsoDate, Unit } from "../types";
import { addMonthsIso, compareIso } from "../dates";
import type { CellRef, DraftKpi, DraftMilestone } from "../recognise/drafts";
import { gridOf, type BuildContext } from "./context";
import { nonBlank, parseWords, type KpiCells, type Parsed } from "./kpiCells";
import { targetInMeasure } from "../stated/polarity";

export interface ReadMilestone {
  label: string;
  due: IsoDate | null;
  /**
   * When the milestone's target starts to apply. A target for a month or a date applies once it is due; a target
   * for a year, quarter or term ("Target 2023/24") applies through that period, from its start.
   */
  inForceFrom: IsoDate | null;
  periodStart: IsoDate | null;
  relativeMonths: number | null;
  target: Parsed | null;
  actual: Parsed | null;
  ragText: string;
  ragCell: CellRef | null;
  col: number;
  /** Where the period's actual and target are read from, blank or not (for formulas that follow them: figureCells.ts). */
  actualCell: CellRef | null;
  targetCell: CellRef | null;
  /** The target of one period kept on its own, not a stage of a plan. */
  periodTarget: boolean;
  /** Its actual is an estimate or projection for the period, not yet measured. */
  estimate: boolean;
  /** A year to date beside the periods it sums ("Year to date 2016/17" beside "Q3 2016/17"): not a point of the series. */
  toDate?: boolean;
}

export interface Plan {
  baseline: Parsed | null;
  /** The baseline as a number: the baseline cell's, or a milestone that states it ("Baseline 50%"). */
  baselineValue: number | null;
  /** Every milestone column, in the table's order. */
  ms: ReadMilestone[];
  /** The milestones that carry a target. */
  msWithTarget: ReadMilestone[];
  /** A Target column's figure. */
  explicitTarget: Parsed | null;
  /** The end-of-plan target: a Target column's, else the last milestone target that is a figure. */
  finalTarget: Parsed | null;
}

export function readPlan(d: DraftKpi, bc: BuildContext, cells: KpiCells): Plan {
  const baseline = cells.get(d.baselineCell);
  const ms = yearToDateSoFar(d.milestones.map((m) => readMilestone(m, bc, cells.get)));
  // A milestone whose target is "N/A" between figures ("638 | N/A | N/A | 579") says that period has none: it is no
  // milestone — unless every milestone says so, when they still mark the plan's periods.
  const msWithTarget = ms.filter((m) => m.target && (m.target.p.missing !== "not-applicable" || ms.every((o) => !o.target || o.target.p.missing === "not-applicable")));
  // With no target cell and no staged targets, a target the measure states in its own words ("More than 80% of …").
  const explicitTarget = cells.get(d.targetCell) ?? (msWithTarget.length ? null : measureTarget(d, bc, cells));
  const finalTarget: Parsed | null =
    explicitTarget ?? [...msWithTarget].reverse().find((m) => m.target!.p.value !== null || m.target!.p.relative)?.target ?? msWithTarget[msWithTarget.length - 1]?.target ?? null;
  const baselineValue = baseline?.p.value ?? ms.map((m) => m.target).find((t) => t && t.p.value !== null && /baseline/i.test(t.p.qualifier ?? ""))?.p.value ?? null;
  for (const t of [explicitTarget, ...ms.map((m) => m.target)]) if (t) resolveRelative(t, baselineValue, cells.unit);
  return { baseline, baselineValue, ms, msWithTarget, explicitTarget, finalTarget };
}

const YEAR_TO_DATE = /\b(?:year[- ]to[- ]date|ytd)\b/i;

/**
 * A year-to-date column beside columns of periods inside its year ("Q3 2015/16 | Q3 2016/17 | Year to date 2016/17")
 * sums the year so far: it runs to the end of the newest of them, not to the year's end, and a reader quotes that
 * period's own figure as the latest, not the sum. Alone (or beside other years' totals) it is the year's figure.
 */
function yearToDateSoFar(ms: ReadMilestone[]): ReadMilestone[] {
  for (const m of ms) {
    if (!YEAR_TO_DATE.test(m.label) || !m.periodStart || !m.due || !m.actual) continue;
    const inside = ms.filter((o) => o !== m && !YEAR_TO_DATE.test(o.label) && o.actual && o.periodStart && o.due && o.periodStart >= m.periodStart! && o.due < m.due!);
    if (!inside.length) continue;
    const soFar = inside.map((o) => o.due!).sort().pop()!;
    m.due = soFar;
    m.toDate = true;
    m.actual.fig.periodEnd = soFar;
  }
  return ms;
}

/**
 * One milestone column of the KPI: when it falls due (its period, or months from the plan start), and which of
 * its cells is the target and which the actual.
 */
function readMilestone(m: DraftMilestone, bc: BuildContext, get: (r: CellRef | null) => Parsed | null): ReadMilestone {
  let due: IsoDate | null = m.period?.end ?? null;
  let periodStart: IsoDate | null = m.period?.start ?? null;
  const planStart = bc.periodContext.planStart ?? bc.settings.planStart;
  if (!due && m.relativeMonths !== null && planStart) {
    due = addMonthsIso(planStart, m.relativeMonths);
    periodStart = due;
  }
  let target = nonBlank(get(m.targetCell));
  let actual = nonBlank(get(m.actualCell));
  // Without ACTUAL rows, a cell under a heading that names performance or just a period is an actual —
  // unless it is written as a target ("National average", "Baseline plus 10%").
  // A heading that is only a time from the plan start ("3 months") is a milestone: its cells are targets.
  const relativeOnly = m.headingRole === "period" && m.relativeMonths !== null && m.period?.kind === "relative-months";
  const holdsActuals = !(m.targetsOnly ?? bc.tableHasActualRows) && (m.headingRole === "actual" || m.headingRole === "period") && !relativeOnly && !target?.p.relative;
  if (holdsActuals && target) {
    actual = target;
    target = null;
  }
  // An actual under a period heading is for that period, unless the cell names its own ("116 (Jan 23)").
  for (const f of [actual, target]) {
    if (f && !f.fig.period && m.period && (m.period.start || m.period.end)) {
      f.fig.period = m.period.label;
      f.fig.periodStart = m.period.start;
      f.fig.periodEnd = m.period.end;
    }
  }
  const ragText = m.ragCell ? gridOf(bc.grid, m.ragCell).text(m.ragCell.row, m.ragCell.col) : "";
  const longPeriod = !!m.period && ["year", "academic-year", "financial-year", "quarter", "term", "half-term"].includes(m.period.kind);
  const inForceFrom = longPeriod && periodStart ? periodStart : due;
  // A row kept for one period (assembled from several rows) holds its actual in its own cell, with no target cell.
  const cells = holdsActuals ? { actualCell: m.targetCell ?? m.actualCell, targetCell: null } : { actualCell: m.actualCell, targetCell: m.targetCell };
  return {
    label: m.label,
    due,
    inForceFrom,
    periodStart,
    relativeMonths: m.relativeMonths,
    target,
    actual,
    ragText,
    ragCell: m.ragCell,
    col: m.seq ?? m.col,
    periodTarget: !!m.periodTarget,
    estimate: !!m.estimate,
    ...cells,
  };
}

/** The target a measure states in its own words, read on the KPI's scale, at the measure's cell; null where none. */
function measureTarget(d: DraftKpi, bc: BuildContext, cells: KpiCells): Parsed | null {
  const words = targetInMeasure(d.measure);
  if (!words || !d.measureCell) return null;
  const parsed = parseWords(bc.grid, d.measureCell, words, bc.periodContext, cells.unit === "rate" ? null : cells.unit);
  return parsed.p.value === null ? null : parsed;
}

/** "Baseline plus 10%" against the baseline; a comparator's figure stays unknown, and says so. */
function resolveRelative(t: Parsed, baselineValue: number | null, unit: Unit | null): void {
  const rel = t.p.relative;
  if (!rel) return;
  if (rel.kind === "baseline-plus" && rel.amount !== null) {
    if (baselineValue === null) {
      rel.resolved = null;
      rel.explanation = "relative to a baseline that is not yet known";
      return;
    }
    const points = rel.mode !== "relative" && unit === "percent";
    rel.resolved = points ? baselineValue + rel.amount : baselineValue * (1 + rel.amount);
    rel.explanation = points
      ? `baseline ${fmt(baselineValue, unit)} plus ${fmt(rel.amount, "percent")} points = ${fmt(rel.resolved, unit)}`
      : `baseline ${fmt(baselineValue, unit)} plus ${Math.round(rel.amount * 100)}% = ${fmt(rel.resolved, unit)}`;
  } else if (!rel.explanation) {
    rel.explanation = `needs the ${rel.comparator ?? "comparator"}, which the workbook does not give`;
  }
  t.fig.relative = rel;
}

/** A figure for a message: a percentage as per cent, anything else to two decimals. */
export function fmt(v: number, unit: Unit | null): string {
  if (unit === "percent") return `${Math.round(v * 1000) / 10}%`;
  return String(Math.round(v * 100) / 100);
}

/** Earliest due first; a milestone with no date after every dated one. */
export function cmpDue(a: IsoDate | null, b: IsoDate | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareIso(a, b);
}
