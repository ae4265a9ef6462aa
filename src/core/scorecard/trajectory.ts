// Trajectory data: actuals against staged targets over the milestones, for KPIs with at least
// two milestones that carry a number.
import type { Kpi } from "../types";

export interface TrajectoryPoint {
  label: string;
  target: number | null;
  actual: number | null;
}

/** Points to chart, or null when fewer than two milestones have a value. Baseline leads when known. */
export function trajectoryPoints(kpi: Kpi): TrajectoryPoint[] | null {
  const points: TrajectoryPoint[] = [];
  for (const m of kpi.milestones) {
    const target = m.target ? (m.target.value ?? m.target.relative?.resolved ?? null) : null;
    const actual = m.actual?.value ?? null;
    if (target === null && actual === null) continue;
    points.push({ label: m.label, target, actual });
  }
  if (points.length < 2) return null;
  const base = kpi.baseline?.value;
  if (typeof base === "number") {
    points.unshift({ label: kpi.baseline?.period ? `Baseline (${kpi.baseline.period})` : "Baseline", target: null, actual: base });
  }
  return points;
}

/** Most trajectory charts drawn on one sheet: beyond this the sheet becomes unusable, and a note says how many were left out. */
export const MAX_TRAJECTORY_CHARTS = 20;
