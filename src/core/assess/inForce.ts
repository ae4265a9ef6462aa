// The target a KPI is rated against at the reporting date: the latest staged milestone due by then, a Target
// column's figure, or a target the user set for the KPI (which stands over whatever the workbook gives).
import type { Figure } from "../types";
import type { ParsedFigure } from "../figures";
import { compareIso } from "../dates";
import type { DraftKpi } from "../recognise/drafts";
import type { BuildContext } from "./context";
import { targetValue, type Parsed } from "./kpiCells";
import { cmpDue, fmt, type Plan, type ReadMilestone } from "./plan";
import type { IsoDate, Unit } from "../types";

export interface InForce {
  /** The milestone in force, if the target comes from one. */
  current: ReadMilestone | null;
  currentTarget: Parsed | null;
  /** Dated milestones, none due yet at the reporting date. */
  noneDueYet: boolean;
  /** Milestones count from the plan start, which is not set: the final one was used. */
  needsPlanStart: boolean;
  /**
   * The latest figure's own period states it has no target ("n/a", "tbc" under "Target 2022/23"): that milestone
   * is in force, and the earlier target (given here) is not carried over to rate the figure.
   */
  noTargetForLatest?: { earlier: ReadMilestone | null };
}

/** The target in force at `at`: the reporting date, or an out-of-date figure's own period. */
export function targetInForce(plan: Plan, bc: BuildContext, latest: Parsed | null = null, at: IsoDate = bc.asOf): InForce {
  const { ms, msWithTarget, explicitTarget } = plan;
  const dated = msWithTarget.filter((m) => m.due !== null);
  if (dated.length) {
    const due = dated.filter((m) => compareIso(m.inForceFrom!, at) <= 0).sort((a, b) => cmpDue(a.due, b.due));
    let current = due[due.length - 1] ?? null;
    const superseding = supersedingNotApplicable(ms, current, at);
    if (superseding) current = superseding;
    const ownTarget = latestOwnTarget(ms, latest, current, at);
    if (ownTarget) current = ownTarget;
    const own = ownPeriodWithoutTarget(ms, latest);
    if (own && (!current || own === current || cmpDue(own.due, current.due) > 0)) {
      const earlier = dated.filter((m) => m !== own && targetValue(m.target!) !== null && cmpDue(m.due, own.due) < 0).sort((a, b) => cmpDue(a.due, b.due)).pop() ?? null;
      return { current: own, currentTarget: own.target, noneDueYet: false, needsPlanStart: false, noTargetForLatest: { earlier } };
    }
    return { current, currentTarget: current?.target ?? null, noneDueYet: !current, needsPlanStart: false };
  }
  if (msWithTarget.length && !explicitTarget) {
    // Milestones without dates ("By 6 months" with no plan start): the final one stands, and we say so.
    const current = msWithTarget[msWithTarget.length - 1];
    return { current, currentTarget: current.target, noneDueYet: false, needsPlanStart: ms.some((m) => m.relativeMonths !== null) };
  }
  return { current: null, currentTarget: explicitTarget, noneDueYet: false, needsPlanStart: false };
}

/**
 * A later milestone that says why no target applies ("NA new statutory reporting period") supersedes the older
 * target: the KPI is not rated against a target that no longer stands. A bare "N/A" between quarterly targets
 * only says this month has none.
 */
function supersedingNotApplicable(ms: ReadMilestone[], current: ReadMilestone | null, at: IsoDate): ReadMilestone | undefined {
  return ms
    .filter(
      (m) => m.due !== null && m.target?.p.missing === "not-applicable" && statesWhy(m.target.fig.text) && compareIso(m.inForceFrom!, at) <= 0 && (!current || compareIso(m.due!, current.due!) > 0),
    )
    .sort((a, b) => cmpDue(a.due, b.due))
    .pop();
}

/**
 * The latest figure's own period's target, where the target in force at `at` is for a later period still running
 * ("FY 2022-23 Budget | FY 2022-23 YE Proj. | FY 2023-24 Adopted Budget" at the end of September 2023): the figure
 * reported is the 2022-23 one, and a reader rates it against 2022-23's budget, not the year just begun.
 */
function latestOwnTarget(ms: ReadMilestone[], latest: Parsed | null, current: ReadMilestone | null, at: IsoDate): ReadMilestone | undefined {
  if (!latest || !current?.due || compareIso(current.due, at) <= 0) return undefined;
  const own = ms.find((m) => m.actual === latest && m.due !== null);
  if (!own || own === current || cmpDue(own.due, current.due) >= 0) return undefined;
  return own.target && targetValue(own.target) !== null ? own : undefined;
}

/**
 * The milestone of the latest figure's period when its target says there is none ("n/a", "tbc"); the target may sit
 * in its own column for the period ("Target 2022/23 | Outturn 2022/23").
 */
function ownPeriodWithoutTarget(ms: ReadMilestone[], latest: Parsed | null): ReadMilestone | undefined {
  const withLatest = latest ? ms.find((m) => m.actual === latest && m.due !== null) : undefined;
  if (!withLatest) return undefined;
  const own = withLatest.target ? withLatest : ms.find((m) => m.target && m.due === withLatest.due && m.periodStart === withLatest.periodStart);
  const missing = own?.target?.p.missing;
  return missing === "not-applicable" || missing === "to-be-confirmed" ? own : undefined;
}

/** "NA new statutory reporting period": a not-applicable that gives its reason, beyond the letters themselves. */
export function statesWhy(text: string): boolean {
  return /^\s*(?:n\s?\/?\s?a|not applicable)\b[\s\-–—:,.]*[a-z]{3,}/i.test(text);
}

/** A target the user set for the KPI, as a figure at the KPI's target cell (or its name). */
export function userTargetInForce(value: number, d: DraftKpi, bc: BuildContext, unit: Unit | null): InForce {
  const { grid } = bc;
  const cell = d.targetCell ?? d.measureCell ?? d.refCell ?? { row: d.row, col: grid.firstCol };
  const fig: Figure = {
    value,
    text: `${fmt(value, unit)} (set by the user)`,
    cell: grid.address(cell.row, cell.col),
    unit,
    period: null,
    periodStart: null,
    periodEnd: null,
    missing: null,
    relative: null,
  };
  const p: ParsedFigure = { value, unit, period: null, missing: null, relative: null, qualifier: "set by the user", several: null, error: null, scaled: false, unitFrom: null };
  return { current: null, currentTarget: { fig, p, ref: cell }, noneDueYet: false, needsPlanStart: false };
}
