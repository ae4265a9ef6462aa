// Direction of travel: latest against previous, flat within the no-change band; the judgement
// (improving / worsening) follows polarity. A stated arrow or word is kept and checked.
import type { Direction, Dot, Judgement, Polarity } from "../types";

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

/** Read a stated arrow or word: ↑ ↓ →, ▲ ▼ ►, "up", "Improving", "No change". */
export function parseStatedDot(text: string): StatedDot | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (/^(↑|⬆|▲|△|↗|⇧|up|increas(e|ed|ing)|higher|rising|rise|\+)$/.test(t)) return { direction: "up", judgement: null };
  if (/^(↓|⬇|▼|▽|↘|⇩|down|decreas(e|ed|ing)|lower|falling|fall|-|–)$/.test(t)) return { direction: "down", judgement: null };
  if (/^(→|↔|⇔|►|◄|▶|=|flat|same|stable|no change|unchanged|static|steady|level|maintained|negligible)$/.test(t)) return { direction: "flat", judgement: "no-change" };
  if (/^(improv(ing|ed|ement)|better|positive)$/.test(t)) return { direction: null, judgement: "improving" };
  if (/^(worsen(ing|ed)|worse|deteriorat(ing|ed|ion)|declin(ing|ed)|negative)$/.test(t)) return { direction: null, judgement: "worsening" };
  // An arrow with words after it ("↑ improving").
  const first = /^(\S+)\s/.exec(t);
  if (first) return parseStatedDot(first[1]);
  return null;
}
