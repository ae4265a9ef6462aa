// Targets written relative to something not in the cell: "Baseline plus 10%",
// "50% or national average whichever is the higher", "National average".
import { percentToFraction } from "./percent";
import type { RelativeTarget } from "../types";

const NUM = "(\\d+(?:\\.\\d+)?)";
/** Percent-like units after the amount. */
const PCT = "(%|percent|per\\s?cent|pp|p\\.p\\.|percentage\\s+points?|points?|pts?)?";

const BASELINE_PLUS = new RegExp(
  `^(?:the\\s+)?baseline\\s?(\\+|plus|add|and|increased?\\s+by|improved?\\s+by|raised\\s+by|-|minus|less|reduced?\\s+by|decreased?\\s+by|lowered\\s+by)\\s?${NUM}\\s?${PCT}(.*)$`,
  "i",
);
const AMOUNT_ON_BASELINE = new RegExp(
  `^${NUM}\\s?${PCT}\\s+(above|over|more\\s+than|higher\\s+than|better\\s+than|up\\s+on|increase\\s+(?:on|from|over)|improvement\\s+(?:on|from|over)|below|under|less\\s+than|lower\\s+than|down\\s+on|reduction\\s+(?:on|from)|decrease\\s+(?:on|from))\\s+(?:the\\s+)?baseline(.*)$`,
  "i",
);
const AT_LEAST = new RegExp(
  `^(?:at\\s+least\\s+)?${NUM}\\s?(%)?\\s?,?\\s?(?:or|/)\\s+(?:the\\s+)?(.+?)(?:\\s?,?\\s?(?:whichever|which\\s+ever)\\s+is\\s+(?:the\\s+)?(higher|greater|better|highest|greatest|lower|lowest|less|smaller))?[.\\s]*$`,
  "i",
);
/** Nouns that name a comparator a figure can be measured against. */
export const COMPARATOR_NOUN =
  /\b(?:average|avg|mean|median|benchmark|national|england|english|regional|region|statistical\s+neighbours?|stat\s+neighbours?|similar\s+(?:areas?|authorities|las)|comparators?|peers?|quartile|core\s+cities)\b/i;
const COMPARATOR_LEAD =
  /^(?:(?:in\s+line\s+with|at\s+or\s+(?:above|better\s+than)|at\s+least|above|better\s+than|match(?:ing)?|equal\s+to|same\s+as|meet(?:ing)?|exceed(?:ing)?|to\s+be|be)\s+)?(?:the\s+)?/i;

/** The amount as a fraction when written with a percent-like unit; NaN when too long to be a number. */
function amountOf(n: string, unit: string | undefined): number {
  const amount = unit ? percentToFraction(Number(n)) : Number(n);
  return Number.isFinite(amount) ? amount : Number.NaN;
}

function modeOf(unit: string | undefined, rest: string): "points" | "relative" {
  if (/\b(relative|of\s+(?:the\s+)?baseline|proportional|improvement\s+rate)\b/i.test(rest)) return "relative";
  return unit === undefined || /^(?:%|percent|per\s?cent|pp|p\.p\.|percentage\s+points?|points?|pts?)$/i.test(unit) ? "points" : "relative";
}

function comparatorName(text: string): string | null {
  const name = text.replace(COMPARATOR_LEAD, "").replace(/[.\s]+$/, "").toLowerCase();
  return COMPARATOR_NOUN.test(name) && !/\d/.test(name) && name.split(/\s+/).length <= 8 ? name : null;
}

export interface RelativeReading {
  relative: RelativeTarget;
  qualifier: string | null;
}

/**
 * A relative target, or null when the text is not one.
 * "Baseline plus 10%" adds 10 percentage points (mode "points"): on the percentage measures where
 * boards write it, a relative reading would make a 3% baseline's target 3.3%, which is not what
 * anyone means; "Baseline plus 10% (relative)" or "... of baseline" asks for the relative reading.
 */
export function parseRelativeTarget(text: string): RelativeReading | null {
  const reading = readRelative(text);
  const amount = reading?.relative.amount;
  return amount === undefined || amount === null || Number.isFinite(amount) ? reading : null;
}

/** A ranking, not a figure: "Top 10%", "top quartile", "in the best 25%", "upper quintile". */
const RANKING = /^(?:(?:be|to be|stay|remain)\s+)?(?:in\s+(?:the\s+)?)?((?:top|bottom|upper|lower|best|worst|highest|lowest)\s+(?:\d{1,2}\s?%|quartile|quintile|decile|half|third|\d{1,3}))\b(.*)$/i;

function readRelative(text: string): RelativeReading | null {
  const rank = RANKING.exec(text.trim());
  if (rank) {
    return { relative: { kind: "comparator", amount: null, comparator: `${rank[1]}${rank[2]}`.trim().replace(/\s+/g, " "), resolved: null }, qualifier: null };
  }
  let m = BASELINE_PLUS.exec(text);
  if (m) {
    const sign = /^(?:-|minus|less|reduced|reduce|decreased|decrease|lowered)/i.test(m[1]) ? -1 : 1;
    const rest = m[4].replace(/^[\s,.;:-]+|[\s.]+$/g, "");
    return {
      relative: { kind: "baseline-plus", amount: sign * amountOf(m[2], m[3]), mode: modeOf(m[3], rest), resolved: null },
      qualifier: rest || null,
    };
  }
  m = AMOUNT_ON_BASELINE.exec(text);
  if (m) {
    const sign = /^(?:below|under|less|lower|down|reduction|decrease)/i.test(m[3]) ? -1 : 1;
    const rest = m[4].replace(/^[\s,.;:-]+|[\s.]+$/g, "");
    return {
      relative: { kind: "baseline-plus", amount: sign * amountOf(m[1], m[2]), mode: modeOf(m[2], rest), resolved: null },
      qualifier: rest || null,
    };
  }
  m = AT_LEAST.exec(text);
  if (m) {
    const comparator = comparatorName(m[3]);
    if (comparator) {
      const amount = amountOf(m[1], m[2]);
      const lower = m[4] !== undefined && /^(?:lower|lowest|less|smaller)$/i.test(m[4]);
      // "x or the comparator, whichever is lower" has no kind of its own: kept as a comparator target with the floor stated.
      return {
        relative: lower
          ? { kind: "comparator", amount, comparator, resolved: null, explanation: `${m[1]}${m[2] ?? ""} or ${comparator}, whichever is the lower` }
          : { kind: "at-least-comparator", amount, comparator, resolved: null },
        qualifier: null,
      };
    }
  }
  const comparator = comparatorName(text);
  if (comparator) return { relative: { kind: "comparator", amount: null, comparator, resolved: null }, qualifier: null };
  return null;
}
