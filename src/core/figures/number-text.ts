// A number written in text with its unit and the words around it:
// "71.3%", "£100,000", "5.7 weeks", "1st", ">= 90%", "c. 45%", "60% interim target", "Baseline 50%".
import type { Unit } from "../types";

export interface NumberReading {
  /** Percentages as fractions. */
  value: number;
  unit: Unit | null;
  /** The words before the number (trimmed), "" if none. */
  before: string;
  /** True when the words before are only figure labels ("Baseline", "Target", "Current"). */
  beforeIsLabel: boolean;
  /** The words after the number and its unit (trimmed of punctuation), "" if none. */
  after: string;
  /** A comparison or approximation written before the number, normalised: ">=", "<", "c.". */
  operator: string | null;
}

/**
 * The first number in the text: sign, currency, digits with thousands commas, decimals. Group 1 is
 * the character before it (or nothing at the start), which must not be a word character, "." "," or
 * "/": written as a match rather than a look-behind, which Safari before 16.4 cannot parse.
 */
const NUMBER = /(^|[^\w.,/])([-+]?)(£|\$|€|gbp\s?)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d/]|\.\d|,\d{3})/i;

/** Where the first number is, and its parts: sign "", "-" or "+"; currency "" when none; digits as written. */
export function matchFirstNumber(text: string): { start: number; end: number; sign: string; currency: string; digits: string } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  return { start: m.index + m[1].length, end: m.index + m[0].length, sign: m[2], currency: m[3] ?? "", digits: m[4] };
}

export const AFTER_UNIT: [RegExp, Unit | "per-cent" | "ordinal" | "multiplier" | "minutes" | "seconds"][] = [
  [/^\s?(?:%|per\s?cent\b|percent\b)/i, "per-cent"],
  [/^\s?(?:pp\b|p\.p\.|percentage\s+points?\b)/i, "per-cent"],
  [/^(?:st|nd|rd|th)\b/i, "ordinal"],
  [/^\s?(?:working\s+|calendar\s+)?(?:weeks?|wks?)\b/i, "weeks"],
  [/^\s?(?:working\s+|calendar\s+|clear\s+)?days?\b/i, "days"],
  [/^\s?(?:months?|mths?)\b/i, "months"],
  // Durations shorter than a day are kept as Excel keeps them: in days ("7 minutes" is 7/1440 of a day).
  [/^\s?(?:minutes?|mins?)\b/i, "minutes"],
  [/^\s?(?:hours?|hrs?)\b/i, "hours"],
  [/^\s?(?:seconds?|secs?)\b/i, "seconds"],
  [/^\s?per\s+(?:1,?000|10,?000|100,?000|1,?000,?000|100k|10k|1k|head|capita|population)\b/i, "ratio"],
  [/^\s?(?:k|m|bn|thousand|million|billion)\b/i, "multiplier"],
];
const MULTIPLIER: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

/** Comparisons and approximations written before a number, each with its normal form. */
export const OPERATORS: [RegExp, string][] = [
  [/(?:>=|≥|=>|at\s+least|no\s+less\s+than|not\s+less\s+than|min(?:imum)?\.?|or\s+more|(?:a\s+)?minimum\s+of)$/i, ">="],
  [/(?:<=|≤|=<|at\s+most|no\s+more\s+than|not\s+more\s+than|up\s+to|max(?:imum)?\.?|(?:a\s+)?maximum\s+of)$/i, "<="],
  [/(?:>|more\s+than|greater\s+than|over|above|exceeding)$/i, ">"],
  [/(?:<|less\s+than|fewer\s+than|under|below)$/i, "<"],
  [/(?:=|equals?)$/i, "="],
  [/(?:c\.|ca\.|circa|approx\.?|approximately|around|about|~|est\.?|estimated)$/i, "c."],
];

/** Words that may stand before a figure without making the cell a sentence. */
export const LABEL_WORDS =
  /^(?:baseline|target|actual|current(?:ly)?|latest|previous|interim|final|staged|outturn|ytd|forecast|projected|provisional|revised|stretch|overall|total|average|avg|mean|median|rate|score|value|figure|result|position|performance|aim|goal)$/i;
/** Words a sentence leads into a number with; a "label" ending in one of these is no label. */
export const LEAD_IN =
  /\b(?:of|the|a|an|that|only|by|from|to|than|in|on|at|for|with|sample|samples|sampled|was|were|is|are|be|been|will|would|should|could|and|or|identified|showed|shows|reached|achieved|received|approximately)$/i;

/** How many of each duration unit make a day. */
const PER_DAY = { hours: 24, minutes: 1440, seconds: 86400 } as const;
const DURATION_PART = /^\s*(?:,|and)?\s*(\d{1,4}(?:\.\d+)?)\s?(?:(hours?|hrs?)|(minutes?|mins?)|(seconds?|secs?))\b/i;

/**
 * The smaller units that carry on a duration ("8 min" then " 19 seconds"; "6 hours" then " 8 mins 19 secs"), each
 * smaller than the one before: their sum in days, and the text left after them.
 */
function durationParts(rest: string, perDayBefore: number): { days: number; rest: string } {
  let days = 0;
  let last = perDayBefore;
  for (;;) {
    const m = DURATION_PART.exec(rest);
    if (!m) break;
    const perDay = m[2] ? PER_DAY.hours : m[3] ? PER_DAY.minutes : PER_DAY.seconds;
    if (perDay <= last) break;
    days += Number(m[1]) / perDay;
    last = perDay;
    rest = rest.slice(m[0].length);
  }
  return { days, rest };
}

function scaleDecimal(digits: string, exponent: number): number {
  return Number(`${digits}e${exponent}`);
}

/** The words before a number as OPERATORS read them: a colon, dash or spaces at their end off, an "=" kept. */
export function wordsBefore(before: string): string {
  return before.replace(/[\s:=-]+$/, (s) => (s.includes("=") ? "=" : "")).trim();
}

/** The label left before a number once its operator is off, as LABEL_WORDS and LEAD_IN read it. */
export function labelBefore(before: string): string {
  return readBefore(before).label;
}

/** Reads the words before a number: an operator, and whether what is left is a short label. */
function readBefore(before: string): { operator: string | null; label: string; known: boolean; sentence: boolean } {
  let label = wordsBefore(before);
  let operator: string | null = null;
  for (const [pattern, normal] of OPERATORS) {
    const m = pattern.exec(label);
    if (m && (m.index === 0 || /[\s(]/.test(label[m.index - 1]) || /^[<>=≤≥~]/.test(m[0]))) {
      operator = normal;
      label = label.slice(0, m.index).trim();
      break;
    }
  }
  label = label.replace(/[\s:,-]+$/, "");
  const words = label === "" ? [] : label.split(/\s+/);
  const known = words.every((w) => LABEL_WORDS.test(w.replace(/[:.,]$/, "")));
  const sentence = words.length > 0 && !known && (words.length > 2 || LEAD_IN.test(label));
  return { operator, label, known: words.length > 0 && known, sentence };
}

export interface NumberTextResult {
  reading: NumberReading | null;
  /** True when the text holds a number inside a sentence: the cell is text, not a figure. */
  sentence: boolean;
}

/**
 * The first number of the text with its unit. A number a sentence merely mentions ("Audit will
 * sample 10% of EHCPs") is not a figure: `sentence` is set and `reading` is null. Words after the
 * number are kept ("60% interim target" reads 0.6 with "interim target" after it).
 */
export function readNumberText(text: string): NumberTextResult {
  const m = matchFirstNumber(text);
  if (!m) return { reading: null, sentence: false };
  const before = readBefore(text.slice(0, m.start));
  if (before.sentence) return { reading: null, sentence: true };

  // "Sep - 37.5%", "YTD - 7320": a dash with a space after it, following words, separates a label from the figure.
  const dashAfterWords = m.sign === "-" && /\s/.test(text.charAt(m.start + 1)) && /[A-Za-z]/.test(text.slice(0, m.start));
  const sign = m.sign === "-" && !dashAfterWords ? -1 : 1;
  const currency = m.currency !== "";
  const digits = m.digits.replace(/,/g, "");
  let value = sign * Number(digits);
  let unit: Unit | null = currency ? "currency" : null;
  let rest = text.slice(m.end);

  for (const [pattern, kind] of AFTER_UNIT) {
    const u = pattern.exec(rest);
    if (!u) continue;
    if (kind === "multiplier") {
      // "£1.2m" is money; "1.75 million" is a number spelled out; "5 m" after a plain number is left as words.
      if (!currency && !/^\s?(?:thousand|million|billion)$/i.test(u[0])) break;
      value = sign * Number(digits) * (MULTIPLIER[u[0].trim().toLowerCase()] ?? 1);
    } else if (kind === "per-cent") {
      value = sign * scaleDecimal(digits, -2);
      unit = "percent";
    } else if (kind === "ordinal") {
      unit = "count";
    } else if (kind === "minutes" || kind === "hours" || kind === "seconds") {
      const more = durationParts(rest.slice(u[0].length), PER_DAY[kind]);
      value = sign * (Number(digits) / PER_DAY[kind] + more.days);
      unit = "days";
      rest = more.rest;
      break;
    } else {
      unit = kind;
    }
    rest = rest.slice(u[0].length);
    break;
  }
  if (Object.is(value, -0)) value = 0;
  const after = rest.replace(/^[\s.,;:)\-–]+|[\s.,;:(]+$/g, "");
  return { reading: { value, unit, before: before.label, beforeIsLabel: before.known, after, operator: before.operator }, sentence: false };
}
