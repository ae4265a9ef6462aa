// A KPI's latest and previous actuals: from its Previous / Latest columns where it has them, else the last two
// actuals of its milestones in time order (the baseline counting as the first point where it is the only other).
import type { DraftKpi } from "../recognise/drafts";
import { compareIso } from "../dates";
import type { BuildContext } from "./context";
import { attachPeriod, type KpiCells, type Parsed } from "./kpiCells";
import type { Plan, ReadMilestone } from "./plan";

export interface Series {
  previous: Parsed | null;
  latest: Parsed | null;
}

export function readSeries(d: DraftKpi, bc: BuildContext, cells: KpiCells, plan: Plan): Series {
  const { grid } = bc;
  let previous = cells.get(d.previousCell);
  let latest = cells.get(d.latestCell);
  if (previous && d.previousPeriodCell) attachPeriod(previous, grid, d.previousPeriodCell, bc.periodContext);
  if (latest && d.latestPeriodCell) attachPeriod(latest, grid, d.latestPeriodCell, bc.periodContext);
  // A row whose period no heading names takes the one its period column, title or sheet gives.
  if (latest && !latest.fig.period && d.period) {
    latest.fig.period = d.period.label;
    latest.fig.periodStart = d.period.start;
    latest.fig.periodEnd = d.period.end;
  }
  if (previous && latest) return { previous, latest };
  const points = seriesPoints(d, bc, cells, plan);
  // "This year: Under Review" beside the years' actuals: no figure yet, so the newest actual is the latest.
  if (latest && latest.p.value === null && !latest.p.relative && !previous && points.length) latest = null;
  if (latest) {
    // A Latest / Year-to-date column with earlier periods as columns beside it: the last of those is the previous.
    previous = points.filter((p) => p !== latest).pop() ?? null;
  } else {
    latest = points[points.length - 1] ?? null;
    previous = previous ?? pointBefore(points, latest);
    // The newest period says its figure is not available yet ("Not available until 2018"): a reader reports that
    // period as the latest, with no figure, and the last figure as the previous.
    const pending = pendingAfter(plan, bc, latest);
    if (pending) [latest, previous] = [pending, latest];
  }
  return { previous, latest };
}

/** The actual of a period after the last figure, begun by the reporting date, whose cell says it is not yet available. */
function pendingAfter(plan: Plan, bc: BuildContext, last: Parsed | null): Parsed | null {
  if (!last?.fig.periodEnd) return null;
  const pending = plan.ms.filter((m) => m.actual?.p.missing === "not-yet-due" && m.periodStart && m.due && compareIso(m.periodStart, bc.asOf) <= 0 && compareIso(m.due, last.fig.periodEnd!) > 0);
  return pending.sort(seriesOrder).pop()?.actual ?? null;
}

/**
 * The point before the latest: the last earlier one that is not a part of the latest's own period ("Q4 2020/21"
 * beside "2020/21 | 2019/20": the year before is the previous, not the year's last quarter).
 */
function pointBefore(points: readonly Parsed[], latest: Parsed | null): Parsed | null {
  const earlier = points.slice(0, -1);
  const within = (p: Parsed) =>
    !!latest?.fig.periodStart &&
    !!latest.fig.periodEnd &&
    !!p.fig.periodStart &&
    !!p.fig.periodEnd &&
    !(p.fig.periodStart === latest.fig.periodStart && p.fig.periodEnd === latest.fig.periodEnd) &&
    compareIso(p.fig.periodStart, latest.fig.periodStart) >= 0 &&
    compareIso(p.fig.periodEnd, latest.fig.periodEnd) <= 0;
  return [...earlier].reverse().find((p) => !within(p)) ?? earlier[earlier.length - 1] ?? null;
}

/** The actuals of the milestones due by the reporting date, in time order. */
function seriesPoints(d: DraftKpi, bc: BuildContext, cells: KpiCells, plan: Plan): Parsed[] {
  const measured = plan.ms.filter((m) => m.actual && m.actual.p.value !== null && !m.toDate && (m.due === null || compareIso(m.periodStart ?? m.due, bc.asOf) <= 0));
  const series = measured.filter((m) => !overtaken(m, measured)).sort(seriesOrder);
  // An actual written on the ACTUAL row under the baseline column is where the series starts.
  const baselineActual = d.actualRow !== null && d.baselineCell ? cells.get({ row: d.actualRow, col: d.baselineCell.col }) : null;
  const points = series.map((m) => m.actual!);
  const { baseline } = plan;
  if (baselineActual && baselineActual.p.value !== null) points.unshift(baselineActual);
  else if (!d.actualRow && baseline && baseline.p.value !== null && points.length === 1) points.unshift(baseline);
  return points;
}

/**
 * An estimate for a period that a measured figure already reports within or after ("2023/24 Projected" beside
 * "Q2 2023/24 Actual"): a forecast of the year's end, not the latest figure. A budget book's "FY 2023 Estimate" after
 * "FY 2022 Actual" is the newest figure it has.
 */
function overtaken(m: ReadMilestone, points: readonly ReadMilestone[]): boolean {
  if (!m.estimate || !m.periodStart) return false;
  return points.some((o) => !o.estimate && o.periodStart !== null && compareIso(o.periodStart, m.periodStart!) >= 0);
}

/** Points of a series in time order: by date where both have one, else as the columns stand (left to right). */
export function seriesOrder(a: ReadMilestone, b: ReadMilestone): number {
  if (a.due !== null && b.due !== null) return compareIso(a.due, b.due) || a.col - b.col;
  return a.col - b.col;
}
