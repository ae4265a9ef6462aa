// Periods written inside longer text: "Target for 18 & 24 months (December 2020 & June 2021)".
import type { Period } from "../types";
import type { PeriodContext } from "./context";
import { parsePeriod } from "./parse-period";

export interface FoundPeriod {
  period: Period;
  /** Character offsets of the label in the text searched. */
  from: number;
  to: number;
}

/** Words that lead into a period written inside longer text ("at October 2019"): not part of its label. */
export const LEAD_IN = /^(?:as|at|to|up|end|w\/e|w\/c|week|period|ending|data|by|from|in|on|of|for)$/i;

/** Most words a period label spans ("1 st of July 2019" is five, "1 October to 31 December 2023" six). */
const MAX_WORDS = 7;

/**
 * Every dated period written in the text, left to right, longest label first where labels
 * overlap. Relative months ("6 months") are not reported here: callers read them separately.
 * Bare four-digit years count only when `years` is true (a heading's "2019 Comparison" is not one).
 */
export function findPeriods(text: string, ctx?: PeriodContext, options: { years?: boolean } = {}): FoundPeriod[] {
  const words = [...text.matchAll(/[^\s()[\]&,;]+/g)].map((m) => ({ from: m.index ?? 0, to: (m.index ?? 0) + m[0].length }));
  const found: FoundPeriod[] = [];
  for (let i = 0; i < words.length; ) {
    let hit: FoundPeriod | null = null;
    // Lead-in words ("at October 2019") are not part of the label found.
    if (LEAD_IN.test(text.slice(words[i].from, words[i].to))) {
      i++;
      continue;
    }
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !hit; n--) {
      const from = words[i].from;
      // A label ends at its last letter or digit: "01.07.19." is the date 01.07.19.
      const to = words[i + n - 1].to - (/[.,:;]+$/.exec(text.slice(words[i + n - 1].from, words[i + n - 1].to))?.[0].length ?? 0);
      const period = parsePeriod(text.slice(from, to), ctx);
      if (!period || period.kind === "relative-months") continue;
      if (period.kind === "year" && options.years === false) continue;
      // A yearless month inside longer text ("Target may change") is too likely a word to count.
      if (period.kind === "month" && period.start === null) continue;
      hit = { period, from, to };
      i += n;
    }
    if (!hit) i++;
    else found.push(hit);
  }
  return found;
}
