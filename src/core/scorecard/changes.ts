// "Changed since the last scorecard": each KPI's RAG against the one the scorecard of the previous reporting
// date showed (read back from its hidden keys and its data sheet when the scorecard is regenerated).
import type { Rag } from "../types";
import type { PlacedKpi } from "./rows";
import type { PreviousScorecard, RagChange, ScorecardChanges } from "./types";

/** Better is higher; Grey is not on the scale (a move to or from Grey is a change, neither better nor worse). */
const GOODNESS: Partial<Record<Rag, number>> = { red: 0, amber: 1, green: 2, blue: 3 };

export function kpiLabel(ref: string | null | undefined, measure: string | null | undefined): string {
  const m = (measure ?? "").replace(/\s+/g, " ").trim();
  const r = (ref ?? "").trim();
  return r && m ? `${r} – ${m}` : r || m || "(unnamed KPI)";
}

/**
 * The scorecard to compare with: the last one when it was for another reporting date; for the same reporting
 * date, the one the last compared with (or the last itself when it was the first for this date). So a change
 * stays on page 1 however often the scorecard is regenerated or packed for one meeting.
 */
export function comparisonBase(previous: PreviousScorecard | null | undefined, asOf: string): PreviousScorecard | null {
  if (!previous) return null;
  if (!previous.asOf || previous.asOf !== asOf) return previous;
  return previous.comparedWith ?? previous;
}

export function compareWithPrevious(placed: readonly PlacedKpi[], previous: PreviousScorecard | null | undefined): ScorecardChanges {
  if (!previous) return { hasPrevious: false, previousGeneratedAt: null, previousAsOf: null, changed: [], added: [], removed: [] };
  const changed: RagChange[] = [];
  const added: string[] = [];
  const now = new Set<string>();
  for (const p of placed) {
    now.add(p.key);
    const was = previous.rags[p.key];
    const label = kpiLabel(p.kpi.ref, p.kpi.measure);
    if (was === undefined) {
      added.push(label);
      continue;
    }
    if (was === p.rag) continue;
    const a = GOODNESS[was];
    const b = GOODNESS[p.rag];
    const direction = a === undefined || b === undefined ? "other" : b > a ? "better" : "worse";
    changed.push({ key: p.key, label, from: was, to: p.rag, direction });
  }
  const order = { worse: 0, better: 1, other: 2 } as const;
  changed.sort((x, y) => order[x.direction] - order[y.direction]);
  const removed = Object.keys(previous.rags)
    .filter((k) => !now.has(k))
    .map((k) => kpiLabel(previous.names[k]?.ref, previous.names[k]?.measure ?? k));
  return { hasPrevious: true, previousGeneratedAt: previous.generatedAt, previousAsOf: previous.asOf ?? null, changed, added, removed };
}
