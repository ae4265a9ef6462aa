// A trend the KPI's commentary states in words against an earlier period ("An increase in performance since end
// March 22", "an increase in volume of 22 since end March 2022", "This has remained static since March 22"): read
// as a reader reads it, only where the sentence names what it is compared with, so a plan ("we aim to increase …")
// or a cause ("an increase in demand has delayed …") is not taken for the KPI's own trend.
import type { Direction, Judgement } from "../types";

export interface TrendInWords {
  direction: Direction | null;
  judgement: Judgement | null;
  /** The sentence that states it. */
  text: string;
}

/** The sentence compares with an earlier period: "since …", "compared with last …", "than the previous …". */
const AGAINST_EARLIER = /\bsince\b|\bcompared (?:to|with)\b|\bthan (?:in )?(?:last|the (?:previous|last|same)|previous)\b|\b(?:on|from) (?:last|the previous|the last)\b/i;
const RISE = String.raw`(?:increase|improvement|rise)`;
const FALL = String.raw`(?:decrease|decline|deterioration|drop|fall|reduction)`;
const AMOUNT = String.raw`(?:\s+of\s+[\d.,]+\s*%?)?`;

export const READINGS: [RegExp, Omit<TrendInWords, "text">][] = [
  // The words say which way performance went: a judgement.
  [
    new RegExp(
      String.raw`\b(?:an?\s+)?(?:small\s+|slight\s+|significant\s+)?${RISE}${AMOUNT}\s+in\s+performance\b|\bperformance\s+(?:has\s+)?(?:improved|increased|risen)\b|\bimproved performance\b`,
      "i",
    ),
    { direction: null, judgement: "improving" },
  ],
  [
    new RegExp(
      String.raw`\b(?:an?\s+)?(?:small\s+|slight\s+|significant\s+)?${FALL}${AMOUNT}\s+in\s+performance\b|\bperformance\s+(?:has\s+)?(?:declined|deteriorated|worsened|fallen|dropped|decreased)\b`,
      "i",
    ),
    { direction: null, judgement: "worsening" },
  ],
  [/\b(?:has\s+|have\s+)?(?:remained|remains|re\w{0,2}ined|stayed)\s+(?:static|the same|stable|unchanged|level|steady)\b|\bno change\b/i, { direction: "flat", judgement: "no-change" }],
  // A quantity went up or down: a direction only.
  [
    new RegExp(String.raw`\b(?:an?\s+)?(?:small\s+|slight\s+|significant\s+)?${RISE.replace("improvement|", "")}\s+in\s+(?:the\s+)?(?:volume|number|numbers)\b`, "i"),
    { direction: "up", judgement: null },
  ],
  [new RegExp(String.raw`\b(?:an?\s+)?(?:small\s+|slight\s+|significant\s+)?${FALL}\s+in\s+(?:the\s+)?(?:volume|number|numbers)\b`, "i"), { direction: "down", judgement: null }],
];

/** The trend the commentary states, from its last sentence that states one; null when none does. */
export function trendInWords(text: string | null | undefined): TrendInWords | null {
  if (!text) return null;
  const sentences = text.replace(/([.!?])\s+/g, "$1\n").split(/\n+/).filter((s) => AGAINST_EARLIER.test(s));
  for (const s of sentences.reverse()) {
    for (const [re, reading] of READINGS) if (re.test(s)) return { ...reading, text: s.trim() };
  }
  return null;
}

/**
 * A phrase in a trend or comment column ("3 % rise in volume", "Improved performance", "Stayed the same"): the column
 * stands beside the figures it compares, so no earlier period need be named.
 */
export function trendInPhrase(text: string | null | undefined): TrendInWords | null {
  if (!text || text.length > 80) return null;
  for (const [re, reading] of [...READINGS, ...RANKED]) if (re.test(text)) return { ...reading, text: text.trim() };
  return null;
}

/**
 * A trend column that ranks the changes ("Top score; biggest improvement", "Bottom score; biggest drop"): the KPI is
 * among those that improved or worsened most since the last period, a judgement.
 */
export const RANKED: [RegExp, Omit<TrendInWords, "text">][] = [
  [/\b(?:biggest|largest|greatest|most)\s+improve(?:ment|d)\b/i, { direction: null, judgement: "improving" }],
  [/\b(?:biggest|largest|greatest|sharpest)\s+(?:drop|fall|decline|deterioration)\b/i, { direction: null, judgement: "worsening" }],
];
