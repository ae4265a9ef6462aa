// Direction of travel: latest against previous, flat within the no-change band; the judgement
// (improving / worsening) follows polarity. A stated arrow or word is kept and checked.
import type { Direction, Dot, Judgement, Polarity } from "../types";
import { readStatedTrend } from "../stated/trend";

export function computeDot(previous: number | null, latest: number | null, polarity: Polarity | null, noChangeBand: number): Dot {
  if (previous === null || latest === null) return { direction: null, judgement: null };
  const diff = latest - previous;
  // Compare with a little tolerance so 0.1 + 0.2 style float noise never reads as movement.
  const direction: Direction = Math.abs(diff) <= noChangeBand + 1e-9 ? "flat" : diff > 0 ? "up" : "down";
  return { direction, judgement: judge(direction, polarity) };
}

export function judge(direction: Direction, polarity: Polarity | null): Judgement | null {
  if (direction === "flat") return "no-change";
  if (!polarity) return null;
  const better = polarity === "higher-is-better" ? "up" : "down";
  return direction === better ? "improving" : "worsening";
}

export interface StatedDot {
  direction: Direction | null;
  judgement: Judgement | null;
}

/** Read a stated arrow or word: ↑ ↓ →, ▲ ▼ ►, "up", "Improving", "No change" (see src/core/stated/trend.ts). */
export function parseStatedDot(text: string, fontName?: string | null): StatedDot | null {
  const t = readStatedTrend(text, fontName);
  return t ? { direction: t.direction, judgement: t.judgement } : null;
}
