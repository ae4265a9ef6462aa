// Column headings that name a milestone, a baseline or an actual and when it falls due:
// "Target for 6 months December 2019", "Pupil Performance at October 2019 SEN (E)", "By 3 months".
import type { IsoDate, Period } from "../types";
import type { PeriodContext } from "./context";
import { findPeriods } from "./find-periods";
import { normaliseLower, normaliseText } from "./normalise";
import { parsePeriod } from "./parse-period";
import { afterPlanStart } from "./ranges";

export type HeadingRole = "baseline" | "target" | "final-target" | "actual" | "period";

export interface MilestoneHeading {
  /** The heading as written (trimmed). */
  label: string;
  /** What the heading itself says the column holds; "period" when it only names a time. */
  role: HeadingRole;
  /** The due date / period: an explicit date is preferred over relative months. */
  period: Period | null;
  /** "By 6 months", "Target for 12 months June 2020" -> 6 / 12. */
  relativeMonths: number | null;
  /** An actual as estimated or projected before the period's books close ("FY 2019 Estimate"), not yet measured. */
  estimate?: boolean;
  /** "Target for 18 & 24 months (December 2020 & June 2021)": the earlier ones; period is the last. */
  also?: Period[];
  /** Text after "Note" / "NB" in the heading, kept for the reader ("plan start date 1 st July 2019"). */
  note?: string;
  /** A plan start date the heading states ("Note plan start date 1 st July 2019"). */
  statedPlanStart?: IsoDate;
}

// Role words. Order of precedence: final target, baseline, target, actual.
export const FINAL_TARGET = /\b(final|end[- ]of[- ]plan|end|overall|ultimate)\s+(target|goal|aim)s?\b/;
export const BASELINE = /\bbase\s?lines?\b|\bstarting\s+point\b/;
export const TARGET = /\b(targets?|staged|trajectory|milestones?|aims?|goals?|ambition|expected|planned|plan|budget(?:ed)?|adopted|proposed)\b|\bby\s+\d+\s*(months?|mths?|years?)\b/;
/** Words that say "this is what happened" even with no date: Actual, Outturn, YTD, Latest. */
export const ACTUAL_STRONG = /\b(actuals?|out-?turns?|ytd|year\s+to\s+date|latest|previous|current|achieved|(?:last|this)\s+(?:month|quarter|year|period))\b/;
/**
 * A period's outturn as estimated before its books close ("FY 2019 Estimate", "2022-23 YE Proj.", "Projected 19/20"):
 * what happened in that period as far as is known, where a budget book reports it. Only beside a period: an undated
 * "Projected" is a guess about a later year.
 */
export const ESTIMATE = /\b(estimate[ds]?|projected|proj)\b/;
/** Words that say so only beside a date: "Performance at October 2019", "Results October 2020". */
export const ACTUAL_WEAK = /\b(performance|feedback|results?|survey|position|progress|data|figures?|value|as\s+at|reported|snapshot|monitoring)\b/;
/** Headings of columns that are about something else, whatever dates they mention. */
export const NOT_A_MILESTONE = /\b(measures?|indicators?|description|frequency|notes?|comments?|commentary|reference|ref|kpi|area|polarity|unit|rag|dot|direction|trend|status|comparison|change|variance|priority|lead|owner|source|responsible|action)\b/;
/**
 * Comparators and forecasts carry figures, but neither is a milestone nor what happened. A rank ("Rank 2023-24":
 * where the figure stands among others) is a place in a league, never the measure's own value.
 */
export const NOT_A_MILESTONE_FIGURE = /\b(rank(?:ing|ed)?|national|england|regional|region|statistical\s+neighbours?|stat\s+neighbours?|nearest\s+neighbours?|similar\s+(?:authorit\w+|councils?|areas?)|benchmark\w*|comparators?|compare|comparison|peers?|median|housemark|cipfa|core\s+cities|quartile|forecast|projection|predicted)\b|\btarget\s+(?:met|achieved|missed)\b/;

/** Columns of dates about the KPI ("Target date", "Due date"), not milestones. */
export const DATE_COLUMN = /\b(?:target|due|review|completion|start|end|deadline|by)\s+dates?\b|^(?:dates?|period|month|quarter|year|deadline|by when)$/;

/** Number words a heading may spell out. */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, "twenty four": 24, "twenty-four": 24, thirty: 30, "thirty six": 36, "thirty-six": 36,
};
const NUMBER = `\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join("|")}`;
/** "6 months", "18 & 24 months", "12-month", "2 years" (never "18 - 25 year olds"). */
const RELATIVE = new RegExp(`((?:(?:${NUMBER})\\s?(?:&|and|,|/|or)\\s?)*(?:${NUMBER}))\\s?-?\\s?(months?|mths?|years?|yrs?)\\b(?!\\s?olds?)`, "g");

function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.replace(/\s+/g, " ")] ?? NaN);
}

/** Every "n months" in the text, as months. */
function relativeMonthsIn(lower: string): number[] {
  const out: number[] = [];
  for (const m of lower.matchAll(RELATIVE)) {
    const perUnit = /^y/.test(m[2]) ? 12 : 1;
    for (const w of m[1].split(/\s?(?:&|and|,|\/|or)\s?/)) {
      const n = toNumber(w.trim()) * perUnit;
      if (Number.isFinite(n) && n > 0) out.push(n);
    }
  }
  return out;
}

/** Splits off "- Note ...", "NB ...", "* ..." so a note's dates do not become the milestone's. */
function splitNote(text: string): { main: string; note: string | null } {
  const m = /\s*(?:\s-\s*)?\b(?:note|nb|n\.b\.)\b[:.]?|\s\*\s*/i.exec(text);
  if (!m || m.index === 0) return { main: text, note: null };
  const note = text.slice(m.index + m[0].length).trim();
  return { main: text.slice(0, m.index).trim(), note: note || null };
}

function relativePeriod(label: string, months: number, ctx: PeriodContext | undefined): Period {
  const range = afterPlanStart(ctx?.planStart, months);
  return { label, kind: "relative-months", start: range?.start ?? null, end: range?.end ?? null, relativeMonths: months };
}

function roleOf(lower: string, dated: boolean): HeadingRole | null {
  if (FINAL_TARGET.test(lower)) return "final-target";
  if (BASELINE.test(lower)) return "baseline";
  if (TARGET.test(lower)) return "target";
  if (ACTUAL_STRONG.test(lower)) return "actual";
  if (ESTIMATE.test(lower)) return dated ? "actual" : null;
  if (dated && ACTUAL_WEAK.test(lower)) return "actual";
  return dated ? "period" : null;
}

/** Longest heading worth reading: anything longer is a sentence, not a column heading. */
const MAX_HEADING = 160;

/**
 * A column heading to the role of the column and when it falls due; null for headings that are
 * about neither time nor a baseline/target/actual role ("Performance Measure", "Frequency", "KPI").
 * Relative milestones ("By 6 months") get a relative-months period, dated planStart + n months
 * when ctx.planStart is set (see afterPlanStart).
 */
export function parseMilestoneHeading(heading: string, ctx?: PeriodContext): MilestoneHeading | null {
  if (typeof heading !== "string") return null;
  const label = normaliseText(heading);
  if (label === "" || label.length > MAX_HEADING) return null;
  const { main, note } = splitNote(label);
  const lower = normaliseLower(main);
  if (NOT_A_MILESTONE.test(lower) || NOT_A_MILESTONE_FIGURE.test(lower) || DATE_COLUMN.test(lower)) return null;

  const whole = parsePeriod(main, ctx);
  const found = whole ? [{ period: { ...whole, label: main } }] : findPeriods(main, ctx);
  const explicit = found.map((f) => f.period).filter((p) => p.kind !== "relative-months");
  const months = whole?.kind === "relative-months" && whole.relativeMonths ? [whole.relativeMonths] : relativeMonthsIn(lower);
  const dated = explicit.length > 0 || months.length > 0;
  const role = roleOf(lower, dated);
  if (!role) return null;
  const estimate = role === "actual" && !ACTUAL_STRONG.test(lower) && ESTIMATE.test(lower);

  // Pair "18 & 24 months" with "(December 2020 & June 2021)" when the counts agree.
  if (explicit.length === months.length && months.length > 1) explicit.forEach((p, i) => (p.relativeMonths = months[i]));
  else if (explicit.length > 0 && months.length > 0) explicit[explicit.length - 1].relativeMonths = months[months.length - 1];

  const periods = explicit.length > 0 ? explicit : months.map((n) => relativePeriod(label, n, ctx));
  const result: MilestoneHeading = {
    label,
    role,
    period: periods.length > 0 ? periods[periods.length - 1] : null,
    relativeMonths: months.length > 0 ? months[months.length - 1] : null,
  };
  if (estimate) result.estimate = true;
  if (periods.length > 1) result.also = periods.slice(0, -1);
  if (note) {
    result.note = note;
    const start = findPeriods(note, ctx).find((f) => f.period.kind === "date");
    if (start && /\bstart/i.test(note) && start.period.start) result.statedPlanStart = start.period.start;
  }
  return result;
}
