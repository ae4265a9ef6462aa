// Polarity (is higher better?) as a workbook states it: a column ("Good is: High", "Polarity: Lower",
// "What does good performance look like? Low"), words in the measure ("(lower is better)", "Reduce …",
// "(Minimise)"), and the target's own words ("Max. 2%", "Under 2.5%", "18 days or less", "at least 90%", "<5").
import type { Polarity } from "../types";
import { normaliseWords } from "./words";
import { firstBracketedWords, type BracketedWords } from "./brackets";

// A polarity cell's words, each list tried in this order: none, then the whole cell, then how it begins.
export const POLARITY_CELL: [RegExp, Polarity | "neutral"][] = [
  [/^(?:no polarity|neutral|n\/a|none|context(?:ual)?|no preferred direction|data only|not applicable)$/, "neutral"],
  [
    /^(?:h|hi|high|higher|up|increase|increasing|more|bigger|larger|max|maximise|maximize|↑|▲|\+|high is good|higher is better|bigger is better|a high (?:figure|number|value|score) is good|aim (?:high|to increase)|high = good|good = high)$/,
    "higher-is-better",
  ],
  [
    /^(?:l|lo|low|lower|down|decrease|decreasing|less|fewer|smaller|min|minimise|minimize|↓|▼|-|low is good|lower is better|smaller is better|a low (?:figure|number|value|score) is good|aim (?:low|to reduce|to decrease)|low = good|good = low)$/,
    "lower-is-better",
  ],
  [/^(?:higher|high|increase|bigger|larger|more|maxim)/, "higher-is-better"],
  [/^(?:lower|low|decrease|reduc|smaller|less|fewer|minim)/, "lower-is-better"],
];

/** A polarity cell ("High", "Lower is better", "↑", "Maximise"); null when unreadable; "neutral" for "No polarity". */
export function readPolarityCell(text: string): Polarity | "neutral" | null {
  const t = normaliseWords(text);
  if (!t) return null;
  for (const [re, polarity] of POLARITY_CELL) if (re.test(t)) return polarity;
  return null;
}

/** "(lower is better)", "(n, lower = good)", "(minimise)", "a low rate is good", "lower is better". */
export const MEASURE_LOWER: BracketedWords = {
  inside: /\b(?:lower|low|smaller|less|fewer) (?:is|=) (?:better|good)\b/,
  whole: /^(?:minimi[sz]e|reduce|decrease|aim low|lower is better)$/,
  plain: /\ba low (?:figure|number|value|score|rate|percentage) is good\b|\blower is better\b|\bsmaller is better\b/,
};
export const MEASURE_HIGHER: BracketedWords = {
  inside: /\b(?:higher|high|bigger|greater|more) (?:is|=) (?:better|good)\b/,
  whole: /^(?:maximi[sz]e|increase|aim high|higher is better)$/,
  plain: /\ba high (?:figure|number|value|score|rate|percentage) is good\b|\bhigher is better\b|\bbigger is better\b/,
};
// "Reduce the number of …" counts what is to fall; "% reduction in …" measures the fall itself (higher is better).
export const LEADING_LOWER = /^(?:reduce|reducing|decrease|decreasing|minimi[sz]e|lower|cut|fewer|less)\b(?! in\b)/;
export const LEADING_HIGHER = /^(?:increase|increasing|improve|improving|improvement in|raise|maximi[sz]e|grow|growing|more)\b/;

/** What a measure's own words state about its polarity ("(lower is better)", "Reduce the number of …"). */
export function polarityInMeasure(measure: string): { polarity: Polarity; words: string } | null {
  const t = normaliseWords(measure);
  const lower = firstBracketedWords(t, MEASURE_LOWER);
  if (lower) return { polarity: "lower-is-better", words: lower.text };
  const higher = firstBracketedWords(t, MEASURE_HIGHER);
  if (higher) return { polarity: "higher-is-better", words: higher.text };
  let m = LEADING_LOWER.exec(t);
  if (m) return { polarity: "lower-is-better", words: m[0] };
  m = LEADING_HIGHER.exec(t);
  if (m) return { polarity: "higher-is-better", words: m[0] };
  return null;
}

export const TARGET_LOWER =
  /^(?:max(?:imum)?\.?|under|below|less than|lower than|fewer than|no more than|not more than|not (?:to )?exceed(?:ing)?|not above|at most|up to|within|<|≤|<=|=<)\s*\S|\b(?:or (?:less|fewer|lower|under|below)|and (?:under|below)|maximum|max\.?|at most|or better \(lower\))\b/;
export const TARGET_HIGHER =
  /^(?:min(?:imum)?\.?|over|above|more than|greater than|higher than|at least|not less than|no less than|>|≥|>=|=>)\s*\S|\b(?:or (?:more|higher|above|over|greater)|and (?:over|above)|minimum|at least)\b/;

/**
 * A measure that opens with its own target ("At least 95% of patients …", "No more than 2% of …"): the target's
 * words, with a figure and a unit so that "Under 18s" or "Over 65s" are not read as one.
 */
export function polarityInMeasureTarget(measure: string): { polarity: Polarity; words: string } | null {
  const t = measure.trim();
  // Or after a short label naming the measure ("Calls abandoned: No more than 20 per cent of calls … to be abandoned").
  const m = MEASURE_OPENS_WITH_TARGET.exec(t) ?? MEASURE_OPENS_WITH_TARGET.exec(t.replace(MEASURE_LABEL, ""));
  return m ? polarityInTarget(m[0]) : null;
}

/** A few words naming the measure, then a colon, before its description. */
const MEASURE_LABEL = /^[^:\d]{2,60}:\s+/;

const MEASURE_OPENS_WITH_TARGET = /^(at least|no more than|not more than|no less than|less than|more than|fewer than|under|over|minimum|maximum|max\.?|min\.?)\s*\d+(?:\.\d+)?\s*(?:%|per ?cent|days?|weeks?|hours?|minutes?)/i;

/**
 * The target a measure states in its own words: one it opens with ("More than 80% of calls to be answered …"), or a
 * share it commits to ("100% of written correspondence to be replied to within ten days", "45% within 90 days"). Null
 * for any other.
 */
export function targetInMeasure(measure: string): string | null {
  const t = measure.trim();
  const opens = MEASURE_OPENS_WITH_TARGET.exec(t);
  if (opens) return opens[0];
  const share = /^(\d+(?:\.\d+)?\s*%)\s+of\s+\S.*\b(?:to be|should be|must be|will be)\b/i.exec(t);
  if (share) return share[1];
  // A standard's share and its time ("45% within 90 days", "90% of cases within 180 days (low)"): the share is the target.
  const within = /^(\d+(?:\.\d+)?\s*%)\s+(?:of\s+[^\d]+?\s+)?within\s+\d+(?:\.\d+)?\s*(?:working\s+|calendar\s+)?(?:days?|weeks?|months?|hours?|minutes?)\b/i.exec(t);
  return within ? within[1] : null;
}

/** What a target's own words say about polarity ("Max. 2%", "Under 2.5%", "18 days or less", "at least 90%", "<5"). */
export function polarityInTarget(target: string): { polarity: Polarity; words: string } | null {
  const t = normaliseWords(target);
  if (!t || t.length > 120 || !/\d/.test(t)) return null;
  let m = TARGET_LOWER.exec(t);
  if (m) return { polarity: "lower-is-better", words: m[0].trim() };
  m = TARGET_HIGHER.exec(t);
  if (m) return { polarity: "higher-is-better", words: m[0].trim() };
  return null;
}
