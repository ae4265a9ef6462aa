// A KPI's series over its milestones: actuals from actual cells only (and the baseline, which is an
// actual), targets from the staged targets; a chart of it says something only with two actuals or more.
import type { Kpi } from "../types";

export interface TrajectoryPoint {
  label: string;
  target: number | null;
  actual: number | null;
}

/** The points to chart, or null when fewer than two of them hold an actual. Baseline leads when known. */
export function trajectoryPoints(kpi: Kpi): TrajectoryPoint[] | null {
  const points: TrajectoryPoint[] = [];
  const base = kpi.baseline?.value;
  if (typeof base === "number" && Number.isFinite(base)) {
    points.push({ label: kpi.baseline?.period ? `Baseline (${kpi.baseline.period})` : "Baseline", target: null, actual: base });
  }
  for (const m of kpi.milestones) {
    const target = m.target ? (m.target.value ?? m.target.relative?.resolved ?? null) : null;
    const actual = m.actual?.value ?? null;
    if (target === null && actual === null) continue;
    points.push({ label: m.label, target, actual });
  }
  return points.filter((p) => p.actual !== null).length >= 2 ? points : null;
}
