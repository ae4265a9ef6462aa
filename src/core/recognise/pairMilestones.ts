// A target and an actual for the same period are one milestone, whatever their headings say and wherever their
// columns stand: "Milestone 1 – Jul 23" and "Actual Jul 23", "Oct 2019 Target" and "Oct 2019 Actual", "Plan" and
// "Actual" under one merged period. They meet by their period, never by column order.
import type { Period } from "../types";
import type { DraftMilestone } from "./drafts";

/** Where a time column's cells are targets (a milestone) and where they are what happened. */
function side(m: DraftMilestone): "target" | "actual" | null {
  if (m.headingRole === "target" || m.headingRole === "final-target") return "target";
  if (m.headingRole === "actual") return "actual";
  // A bare period holds actuals, but a bare time from the plan start ("6 months") is a milestone of targets.
  if (m.headingRole === "period") return m.period?.kind === "relative-months" ? "target" : "actual";
  return null;
}

/** One key per period: its dates where the heading fixes them, else its months from the plan start, else its words. */
export function periodKey(period: Period | null, relativeMonths: number | null): string | null {
  if (period?.start && period.end) return `${period.start}|${period.end}`;
  if (relativeMonths !== null) return `+${relativeMonths}`;
  if (period && period.kind !== "unknown") return `${period.kind}:${period.label.toLowerCase().replace(/[^a-z0-9]+/g, "")}`;
  return null;
}

/**
 * The milestones with each period's target and actual columns made one: the target's heading names the milestone,
 * its cell holds the target, the actual column's cell the actual. A period with one column, or with several of a
 * side and no clear pair, keeps its columns as they are.
 */
export function pairByPeriod(milestones: DraftMilestone[]): DraftMilestone[] {
  const byKey = new Map<string, DraftMilestone[]>();
  for (const m of milestones) {
    const k = periodKey(m.period, m.relativeMonths);
    if (k !== null && side(m)) byKey.set(k, [...(byKey.get(k) ?? []), m]);
  }
  const absorbed = new Set<DraftMilestone>();
  const paired = new Map<DraftMilestone, DraftMilestone>();
  for (const group of byKey.values()) {
    const targets = group.filter((m) => side(m) === "target");
    const actuals = group.filter((m) => side(m) === "actual");
    if (!targets.length || !actuals.length) continue;
    for (const actual of actuals) {
      // The target nearest to the actual's left (or right) that has not been paired yet.
      const free = targets.filter((t) => !paired.has(t)).sort((a, b) => distance(a, actual) - distance(b, actual));
      const target = free[0];
      if (!target) break;
      paired.set(target, { ...target, actualCell: actual.targetCell ?? actual.actualCell, ragCell: actual.ragCell ?? target.ragCell, ...(actual.estimate ? { estimate: true } : {}) });
      absorbed.add(actual);
    }
  }
  return milestones.filter((m) => !absorbed.has(m)).map((m) => paired.get(m) ?? m);
}

/** Columns apart, a column to the left counting slightly nearer (a target usually stands before its actual). */
function distance(target: DraftMilestone, actual: DraftMilestone): number {
  const d = actual.col - target.col;
  return d >= 0 ? d : -d + 0.5;
}
