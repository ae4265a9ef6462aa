// A KPI's series over its milestones, as of the reporting date: actuals from actual cells only (and the
// baseline, which is an actual), targets from the staged targets, both on one period axis; nothing whose period
// starts after the reporting date; and only figures of the measure itself — a number inside a sentence about
// something else ("99% staff across partnership received training") is not one. A chart of it says something
// only with two actuals or more.
import { compareIso } from "../dates";
import type { Figure, IsoDate, Kpi } from "../types";

export interface TrajectoryPoint {
  label: string;
  target: number | null;
  actual: number | null;
  /** The baseline, which leads the points: a target drawn across the milestones leaves it out. */
  baseline?: boolean;
}

/** Words beside the number that make the cell a statement about something else, not a figure of the measure. */
const STATEMENT_WORDS = 3;

/**
 * The figure's value when it is a figure of the measure itself: a number, alone or with a short qualifier, or with
 * a note in brackets about the figure ("1.13% (projected end of year)").
 */
export function ownValue(f: Figure | null | undefined): number | null {
  if (!f || f.several) return null;
  const v = f.value;
  if (v === null || !Number.isFinite(v)) return null;
  const unbracketed = (f.qualifier ?? "").replace(/\([^()]*\)|\[[^[\]]*\]/g, " ");
  const words = unbracketed.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
  return words >= STATEMENT_WORDS ? null : v;
}

/** The period a figure is for starts after the reporting date: a chart as of that date does not show it. */
export function afterReportingDate(start: IsoDate | null | undefined, end: IsoDate | null | undefined, asOf: IsoDate): boolean {
  const from = start ?? end;
  return !!from && compareIso(from, asOf) > 0;
}

/** The points to chart, or null when fewer than two of them hold an actual. Baseline leads when known. */
export function trajectoryPoints(kpi: Kpi, asOf: IsoDate): TrajectoryPoint[] | null {
  const points: TrajectoryPoint[] = [];
  const base = kpi.baseline;
  const baseValue = ownValue(base);
  if (baseValue !== null && !afterReportingDate(base?.periodStart, base?.periodEnd, asOf)) {
    points.push({ label: base?.period ? `Baseline (${base.period})` : "Baseline", target: null, actual: baseValue, baseline: true });
  }
  const dated = kpi.milestones.every((m) => m.due);
  const milestones = dated ? [...kpi.milestones].sort((a, b) => compareIso(a.due!, b.due!)) : kpi.milestones;
  for (const m of milestones) {
    const start = m.actual?.periodStart ?? m.target?.periodStart ?? null;
    if (afterReportingDate(start, m.due, asOf)) continue;
    const target = m.target ? (m.target.value ?? m.target.relative?.resolved ?? null) : null;
    const actual = ownValue(m.actual);
    if (target === null && actual === null) continue;
    points.push({ label: m.label, target, actual });
  }
  return points.filter((p) => p.actual !== null).length >= 2 ? points : null;
}
