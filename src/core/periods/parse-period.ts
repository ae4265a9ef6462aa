// Period labels in UK public-sector use to inclusive date ranges.
//
// Readings that are a choice, not a fact (each can be changed through PeriodContext or is
// written out here so the lead and users can see it):
// - "2022/23", "2022-23", "22/23" alone: an academic year (1 Sep - 31 Aug) unless
//   ctx.yearPairKind is "financial-year". "AY ..." and "FY ..." are never ambiguous.
// - "Q2 2023/24", "2023/24 Q2", "Q3 23/24": financial-year quarters (Q1 = Apr-Jun by default).
//   "Q4 2020" with a single year: the calendar quarter (Q4 = Oct-Dec 2020), the literal reading.
//   "Q1" with no year: kind quarter, dates null unless ctx.yearStart says which year.
// - A month with no year ("April", "Sept"), or a run of them ("April to June"): kind month (quarter ...), dates null unless ctx.yearStart is set
//   (then the first such month on or after it: a table titled 2023/24 reads "Jan" as Jan 2024).
// - "FY24", "FY 2024" with a single year: the financial year ENDING in that year (2023/24), the
//   usual reading of a single-year FY label.
// - "SY2023", "SY 2022-23": a school year as US districts and states label it (1 July - 30 June), named
//   by the year it ends in: SY2023 is July 2022 - June 2023. (The UK's "AY 2022/23" is September - August.)
// - Terms: Autumn = Sep-Dec, Spring = Jan-Apr, Summer = May-Aug. A single year is the calendar
//   year the term falls in ("Spring '23" = Jan-Apr 2023, "Autumn 2023" = Sep-Dec 2023); with a
//   year pair, Autumn falls in the first year, Spring and Summer in the second.
// - Half terms: HT1 Sep-Oct, HT2 Nov-Dec, HT3 Jan-Feb, HT4 Mar-Apr, HT5 May, HT6 Jun-Jul of the
//   academic year; "Autumn 1" ... "Summer 2" are HT1 ... HT6. With a single year, the half term
//   that falls in that calendar year.
// - Numeric dates are UK day-first ("01/06/2019" is 1 June). Two-digit years are 2000-2099
//   (not Excel's 1930-1999 for 30-99: KPI periods are this century's).
// - A bare four-digit year is a calendar year only within 1900-2099 (so "2936" is not a period).
// - "By 6 months", "6 months": kind relative-months; dated only when ctx.planStart is set.
// - Month ranges ("Apr-Jun 2023", "Apr 23 - Mar 24", "12 months to Dec 23") take the kind their
//   length and alignment say (quarter, financial-year, year ...), else "unknown" with the dates.
// - Lead-in words ("As at 31.12.19", "w/e 12/01/24", "end of Q2 2023/24") are skipped; "w/e" and
//   "w/c" give the day written, not the week. So is a dash or bullet before the label ("– 31st December 2020").
// - A range of days ("01/04/2017 to 31/03/2018", "1 October to 31 December 2023") from a 1st to a month's last day
//   is that run of months, with the kind its length says; other ranges are "unknown" with their dates.
import { addMonthsIso, compareIso, isIsoDate } from "../dates";
import type { Period } from "../types";
import { fyStartMonth, type PeriodContext } from "./context";
import { fullYear, MONTH_NAME, monthNumber, yearPairStart } from "./months";
import { normaliseLower, unwrapBrackets } from "./normalise";
import * as R from "./ranges";

type Kind = Period["kind"];
type Build = (m: RegExpExecArray, ctx: PeriodContext | undefined) => { kind: Kind; range: R.DateRange | null; relativeMonths?: number } | null;

const MONTH = `(${MONTH_NAME})\\.?`;
/** A two- or four-digit year, optionally with an apostrophe ("'23"). */
const YEAR = "'?(\\d{4}|\\d{2})";
/** A year pair: 2023/24, 2022-23, 22/23, 2023/2024. */
const PAIR = "(\\d{4}|\\d{2})\\s?[/-]\\s?(\\d{4}|\\d{2})";
const QUARTER = "(?:q|qtr\\.?\\s?|quarter\\s?)([1-4])";
const SEP = "\\s?[-,:]?\\s?(?:of\\s)?";
export const FY_WORD = "(?:fy|f/y|financial\\syear|fin\\.?\\syear|fiscal\\syear)";
export const AY_WORD = "(?:ay|a/y|academic\\syear|academic|school\\syear)";

function pairStart(m: RegExpExecArray, i: number): number | null {
  return yearPairStart(m[i], m[i + 1]);
}

function yearPair(start: number | null, kind: "academic-year" | "financial-year", ctx: PeriodContext | undefined) {
  if (start === null) return null;
  return { kind, range: kind === "academic-year" ? R.academicYear(start) : R.financialYear(start, fyStartMonth(ctx)) } as const;
}

function schoolYearEnding(end: number | null) {
  return end === null ? null : ({ kind: "academic-year", range: R.schoolYear(end - 1) } as const);
}

function quarterOfFy(start: number | null, q: string, ctx: PeriodContext | undefined) {
  if (start === null) return null;
  return { kind: "quarter", range: R.financialQuarter(start, fyStartMonth(ctx), Number(q)) } as const;
}

type TermName = "autumn" | "spring" | "summer";
const TERM = "(autumn|spring|summer)";
const TERM_INDEX: Record<TermName, number> = { autumn: 0, spring: 1, summer: 2 };

/** The academic year a term or half term of a single calendar year falls in. */
function schoolYearOf(calendarYear: number, inAutumn: boolean): number {
  return inAutumn ? calendarYear : calendarYear - 1;
}

function halfTermPeriod(first: number, last: number, m: RegExpExecArray, pairAt: number): ReturnType<Build> {
  if (m[pairAt] !== undefined) {
    const start = pairStart(m, pairAt);
    return start === null ? null : { kind: "half-term", range: R.halfTerms(start, first, last) };
  }
  const single = m[pairAt + 2];
  if (single !== undefined) {
    const y = fullYear(single);
    return y === null ? null : { kind: "half-term", range: R.halfTerms(schoolYearOf(y, first <= 2), first, last) };
  }
  return last < first ? null : { kind: "half-term", range: null };
}

/** The grammar, most specific first. Each pattern must match the whole normalised label. */
const RULES: [RegExp, Build][] = [
  // ISO date 2019-06-01
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => ({ kind: "date", range: R.day(Number(m[1]), Number(m[2]), Number(m[3])) })],
  // UK numeric date 01.06.19, 01/06/2019, 1-6-19
  [/^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/, (m) => dayOf(m[4], Number(m[3]), Number(m[1]))],
  // 1 July 2019, 1st July 2019, 1 st July 2019, 1st of July 2019
  [new RegExp(`^(\\d{1,2})\\s?(?:st|nd|rd|th)?\\s?(?:of\\s)?${MONTH},?\\s?${YEAR}$`), (m) => dayOf(m[3], monthNumber(m[2]), Number(m[1]))],
  // July 1, 2019
  [new RegExp(`^${MONTH}\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})$`), (m) => dayOf(m[3], monthNumber(m[1]), Number(m[2]))],
  // Jan 24, Jan 2024, Sept 23, Aug-20, January '24, Jan.24
  [new RegExp(`^${MONTH}\\s?[-/.,]?\\s?${YEAR}$`), (m) => monthOf(m[2], monthNumber(m[1]))],
  // Apr-Jun 2023, Nov - Jan 24 (runs into the year given), Apr 23 - Mar 24, 12 months to Dec 23
  [new RegExp(`^${MONTH}\\s?(?:-|to)\\s?${MONTH}\\s?[-/.,]?\\s?${YEAR}$`), (m, ctx) => monthsThrough(m[1], m[2], m[3], ctx)],
  [new RegExp(`^${MONTH}\\s?[-/.,']?\\s?${YEAR}\\s?(?:-|to)\\s?${MONTH}\\s?[-/.,']?\\s?${YEAR}$`), (m, ctx) => monthToMonth(m, ctx)],
  [new RegExp(`^(?:rolling\\s)?(\\d{1,2})\\s?months?\\s(?:to|ending)\\s(?:(?:the\\s)?end\\s(?:of\\s)?)?${MONTH}\\s?[-/.,']?\\s?${YEAR}$`), (m, ctx) => {
    const end = monthOf(m[3], monthNumber(m[2]))?.range;
    const months = Number(m[1]);
    return end && months >= 1 ? spanPeriod({ start: addMonthsIso(end.start, 1 - months), end: end.end }, ctx) : null;
  }],
  // 2024 to end Aug, 2023/24 to end of December: a year to date, from the year's start to the end of the month named
  [new RegExp(`^(\\d{4})\\s(?:to|until)\\s(?:the\\s)?end\\s(?:of\\s)?${MONTH}$`), (m, ctx) => yearToEndOf(fullYear(m[1]), 1, m[2], ctx)],
  [new RegExp(`^${PAIR}\\s(?:to|until)\\s(?:the\\s)?end\\s(?:of\\s)?${MONTH}$`), (m, ctx) => {
    const kind = ctx?.yearPairKind ?? "academic-year";
    return yearToEndOf(pairStart(m, 1), kind === "academic-year" ? 9 : fyStartMonth(ctx), m[3], ctx);
  }],
  // 1 October to 31 December 2023, 1st January 2025 - 31st March 2025: whole months from day to day
  [new RegExp(`^(\\d{1,2})\\s?(?:st|nd|rd|th)?\\s?${MONTH}(?:\\s?${YEAR})?\\s?(?:-|to)\\s?(\\d{1,2})\\s?(?:st|nd|rd|th)?\\s?${MONTH}\\s?${YEAR}$`), (m, ctx) => dayToDay(m, ctx)],
  // 01/04/2017 to 31/03/2018, 1.4.17 - 31.3.18: whole months from day to day, written in figures (UK day first)
  [/^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\s?(?:-|to|until)\s?(\d{1,2})([./-])(\d{1,2})\6(\d{4}|\d{2})$/, (m, ctx) =>
    daysThrough(dayOf(m[4], Number(m[3]), Number(m[1]))?.range, dayOf(m[8], Number(m[7]), Number(m[5]))?.range, ctx)],
  // 06/2019, 6/19
  [/^(\d{1,2})[/.](\d{4})$/, (m) => monthOf(m[2], Number(m[1]))],
  // Q1, Quarter 2: dated only from ctx.yearStart
  [new RegExp(`^${QUARTER}$`), (m, ctx) => ({ kind: "quarter", range: inYearStarting(ctx, 3 * (Number(m[1]) - 1), 3) })],
  // April to June, Apr-Jun: months with no year, dated only from ctx.yearStart (the first such run on or after it)
  [new RegExp(`^${MONTH}\\s?(?:-|to)\\s?${MONTH}$`), (m, ctx) => yearlessMonths(monthNumber(m[1]), monthNumber(m[2]), ctx)],
  // April, Sept: a month with no year, dated only from ctx.yearStart
  [new RegExp(`^${MONTH}$`), (m, ctx) => {
    const month = monthNumber(m[1]);
    const start = yearStartOf(ctx);
    if (month === null) return null;
    if (!start) return { kind: "month", range: null };
    const offset = (month - Number(start.slice(5, 7)) + 12) % 12;
    return { kind: "month", range: inYearStarting(ctx, offset, 1) };
  }],
  // Q2 2023/24, Q3 23/24, Q2 FY 2023/24
  [new RegExp(`^${QUARTER}${SEP}(?:${FY_WORD}\\s?)?${PAIR}$`), (m, ctx) => quarterOfFy(pairStart(m, 2), m[1], ctx)],
  // 2023/24 Q2
  [new RegExp(`^(?:${FY_WORD}\\s?)?${PAIR}${SEP}${QUARTER}$`), (m, ctx) => quarterOfFy(pairStart(m, 1), m[3], ctx)],
  // Q4 2020, 2020 Q4: a calendar quarter
  [new RegExp(`^${QUARTER}${SEP}${YEAR}$`), (m) => calendarQuarterOf(m[2], m[1])],
  [new RegExp(`^(\\d{4})${SEP}${QUARTER}$`), (m) => calendarQuarterOf(m[1], m[2])],
  // HT1-2 22/23, HT3 2023/24, HT1, HT2 2023
  [new RegExp(`^ht\\s?([1-6])(?:\\s?(?:-|to|&|and)\\s?(?:ht\\s?)?([1-6]))?(?:${SEP}(?:${PAIR}|${YEAR}))?$`), (m) => halfTermPeriod(Number(m[1]), Number(m[2] ?? m[1]), m, 3)],
  // Autumn 1 2023/24, Spring 2 '24
  [new RegExp(`^${TERM}\\s?(?:term\\s?|half\\s?term\\s?)?([12])(?:${SEP}(?:${PAIR}|${YEAR}))?$`), (m) => {
    const n = TERM_INDEX[m[1] as TermName] * 2 + Number(m[2]);
    return halfTermPeriod(n, n, m, 3);
  }],
  // Autumn 2023, Spring '23, Autumn term 2022, Summer term 2023/24, Spring
  [new RegExp(`^${TERM}(?:\\sterm)?(?:${SEP}(?:${PAIR}|${YEAR}))?$`), (m) => termOf(m[1] as TermName, m)],
  // AY 2022/23, academic year 2022-23, 2022/23 (academic)
  [new RegExp(`^${AY_WORD}\\s?${PAIR}$`), (m, ctx) => yearPair(pairStart(m, 1), "academic-year", ctx)],
  [new RegExp(`^${PAIR}\\s?\\(?${AY_WORD}\\)?$`), (m, ctx) => yearPair(pairStart(m, 1), "academic-year", ctx)],
  // FY 2022/23, financial year 2022-23, 2022/23 (financial)
  [new RegExp(`^${FY_WORD}\\s?${PAIR}$`), (m, ctx) => yearPair(pairStart(m, 1), "financial-year", ctx)],
  [new RegExp(`^${PAIR}\\s?\\(?(?:${FY_WORD}|financial|fiscal)\\)?$`), (m, ctx) => yearPair(pairStart(m, 1), "financial-year", ctx)],
  // SY2023, SY 2022-23: the school year (July - June) ending in 2023
  [new RegExp(`^sy\\s?${YEAR}$`), (m) => schoolYearEnding(fullYear(m[1]))],
  [new RegExp(`^sy\\s?${PAIR}$`), (m) => {
    const start = pairStart(m, 1);
    return start === null ? null : schoolYearEnding(start + 1);
  }],
  // FY24, FY 2024: the financial year ending in 2024
  [new RegExp(`^${FY_WORD}\\s?${YEAR}$`), (m, ctx) => {
    const y = fullYear(m[1]);
    return y === null ? null : yearPair(fyStartMonth(ctx) === 1 ? y : y - 1, "financial-year", ctx);
  }],
  // 2022/23, 2022-23, 22/23: by ctx, academic by default
  [new RegExp(`^${PAIR}$`), (m, ctx) => yearPair(pairStart(m, 1), ctx?.yearPairKind ?? "academic-year", ctx)],
  // 2019-06: ISO month (after the year pairs, so 2011-12 stays a year pair)
  [/^(\d{4})-(\d{2})$/, (m) => monthOf(m[1], Number(m[2]))],
  // 2022, CY 2022, calendar year 2022
  [/^(?:cy\s?|calendar\syear\s?|year\s?)?(\d{4})$/, (m) => {
    const y = Number(m[1]);
    return y >= 1900 && y <= 2099 ? { kind: "year", range: R.calendarYear(y) } : null;
  }],
  // By 6 months, 6 months, at 12 months, after 18 months
  [/^(?:(?:by|at|after|within|in|for)\s)?(\d{1,3})\s?(?:-\s?)?(?:months?|mths?)$/, (m, ctx) => relative(Number(m[1]), ctx)],
  [/^(?:(?:by|at|after|within|in|for)\s)?(\d{1,2})\s?(?:-\s?)?years?$/, (m, ctx) => relative(12 * Number(m[1]), ctx)],
];

function yearStartOf(ctx: PeriodContext | undefined): string | null {
  const start = ctx?.yearStart;
  return typeof start === "string" && isIsoDate(start) ? `${start.slice(0, 8)}01` : null;
}

/** `count` months starting `offset` months into the year that ctx.yearStart opens; null without it. */
function inYearStarting(ctx: PeriodContext | undefined, offset: number, count: number): R.DateRange | null {
  const start = yearStartOf(ctx);
  if (!start) return null;
  const first = addMonthsIso(start, offset);
  return R.monthSpan(Number(first.slice(0, 4)), Number(first.slice(5, 7)), count);
}

/** "April to June" with no year: the kind its length and alignment say; dated where ctx.yearStart gives the year. */
function yearlessMonths(first: number | null, last: number | null, ctx: PeriodContext | undefined): ReturnType<Build> {
  if (first === null || last === null) return null;
  const months = ((last - first + 12) % 12) + 1;
  const start = yearStartOf(ctx);
  // The range's own months from some year, for its kind; the year is only known from the context.
  const sample = R.monthSpan(2001, first, months);
  const kind = sample ? spanPeriod(sample, ctx)?.kind ?? "unknown" : "unknown";
  if (!start) return kind === "unknown" ? null : { kind, range: null };
  const offset = (first - Number(start.slice(5, 7)) + 12) % 12;
  return { kind, range: inYearStarting(ctx, offset, months) };
}

function dayOf(year: string, month: number | null, dayOfMonth: number): ReturnType<Build> {
  const y = fullYear(year);
  if (y === null || month === null) return null;
  const range = R.day(y, month, dayOfMonth);
  return range ? { kind: "date", range } : null;
}

/** A run of whole months named by its ends, with the kind its length and alignment say. */
function spanPeriod(range: R.DateRange, ctx: PeriodContext | undefined): ReturnType<Build> {
  const startMonth = Number(range.start.slice(5, 7));
  const months = (Number(range.end.slice(0, 4)) - Number(range.start.slice(0, 4))) * 12 + Number(range.end.slice(5, 7)) - startMonth + 1;
  if (months < 1) return null;
  let kind: Kind = "unknown";
  if (months === 1) kind = "month";
  else if (months === 3 && (startMonth - fyStartMonth(ctx) + 12) % 3 === 0) kind = "quarter";
  else if (months === 12 && startMonth === 1) kind = "year";
  else if (months === 12 && startMonth === fyStartMonth(ctx)) kind = "financial-year";
  else if (months === 12 && startMonth === 9) kind = "academic-year";
  return { kind, range };
}

/** "Apr-Jun 2023": both months in the year given, or the first in the year before when it comes later ("Nov-Jan 24"). */
function monthsThrough(first: string, last: string, year: string, ctx: PeriodContext | undefined): ReturnType<Build> {
  const y = fullYear(year);
  const a = monthNumber(first);
  const b = monthNumber(last);
  if (y === null || a === null || b === null) return null;
  const from = R.monthRange(a > b ? y - 1 : y, a);
  const to = R.monthRange(y, b);
  return from && to ? spanPeriod({ start: from.start, end: to.end }, ctx) : null;
}

/** A year to the end of a month in it ("2024 to end Aug"): from the year's first month (`firstMonth` of `year`) on. */
function yearToEndOf(year: number | null, firstMonth: number, month: string, ctx: PeriodContext | undefined): ReturnType<Build> {
  const last = monthNumber(month);
  if (year === null || last === null) return null;
  const end = R.monthRange(last < firstMonth ? year + 1 : year, last);
  const start = R.monthRange(year, firstMonth);
  return start && end ? spanPeriod({ start: start.start, end: end.end }, ctx) : null;
}

/** "1 October to 31 December 2023": from the first day of a month to the last day of a month, a run of months. */
function dayToDay(m: RegExpExecArray, ctx: PeriodContext | undefined): ReturnType<Build> {
  const end = dayOf(m[6], monthNumber(m[5]), Number(m[4]))?.range;
  const startYear = m[3] ?? (end && monthNumber(m[2])! > monthNumber(m[5])! ? String(Number(end.start.slice(0, 4)) - 1) : m[6]);
  const start = dayOf(startYear, monthNumber(m[2]), Number(m[1]))?.range;
  return daysThrough(start, end, ctx);
}

/** From one day to another: a run of whole months when it starts on a 1st and ends on a month's last day. */
function daysThrough(start: R.DateRange | null | undefined, end: R.DateRange | null | undefined, ctx: PeriodContext | undefined): ReturnType<Build> {
  if (!start || !end || compareIso(start.start, end.end) > 0) return null;
  const lastDay = R.monthRange(Number(end.start.slice(0, 4)), Number(end.start.slice(5, 7)))?.end;
  if (start.start.slice(8) !== "01" || end.end !== lastDay) return { kind: "unknown", range: { start: start.start, end: end.end } };
  return spanPeriod({ start: start.start, end: end.end }, ctx);
}

function monthToMonth(m: RegExpExecArray, ctx: PeriodContext | undefined): ReturnType<Build> {
  const from = monthOf(m[2], monthNumber(m[1]))?.range;
  const to = monthOf(m[4], monthNumber(m[3]))?.range;
  return from && to && compareIso(from.start, to.start) <= 0 ? spanPeriod({ start: from.start, end: to.end }, ctx) : null;
}

function monthOf(year: string, month: number | null): ReturnType<Build> {
  const y = fullYear(year);
  if (y === null || month === null || month < 1 || month > 12) return null;
  return { kind: "month", range: R.monthRange(y, month) };
}

function calendarQuarterOf(year: string, quarter: string): ReturnType<Build> {
  const y = fullYear(year);
  return y === null ? null : { kind: "quarter", range: R.calendarQuarter(y, Number(quarter)) };
}

function termOf(name: TermName, m: RegExpExecArray): ReturnType<Build> {
  if (m[2] !== undefined && m[3] !== undefined) {
    const start = pairStart(m, 2);
    return start === null ? null : { kind: "term", range: R.term(start, name) };
  }
  if (m[4] !== undefined) {
    const y = fullYear(m[4]);
    return y === null ? null : { kind: "term", range: R.term(schoolYearOf(y, name === "autumn"), name) };
  }
  return { kind: "term", range: null };
}

function relative(months: number, ctx: PeriodContext | undefined): ReturnType<Build> {
  if (months < 1) return null;
  return { kind: "relative-months", range: R.afterPlanStart(ctx?.planStart, months), relativeMonths: months };
}

/** An id in one token: letters, at most one separator, digits and perhaps a letter ("CR-123456", "REF-10234"). */
const ID_TOKEN = /^([A-Za-z]{1,8})[-_./]?\d{1,8}[A-Za-z]?$/;

/** Letters that open a rule above and may run straight into its digits ("Q12020", "FY24", "HT3", "Autumn1", "SY2023", "Year2022"). */
const PERIOD_LEADS = /^(?:q|qtr|quarter|ht|autumn|spring|summer|fy|sy|cy|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/**
 * Whether the text is an id in one token that no rule reads as a period, whatever the context: every rule opens with
 * digits, a month's name, one of PERIOD_LEADS, or words and spaces (an id has none); no lead-in word, bullet or bracket
 * comes before an id's first letter. A column of ids is passed over without trying each rule on each id. A rule that
 * opens with other letters adds them to PERIOD_LEADS (tests/core/codeToken.property.test.ts holds this to parsePeriod).
 */
export function idWithoutPeriod(text: string): boolean {
  const m = ID_TOKEN.exec(text);
  return !!m && !PERIOD_LEADS.test(m[1]);
}

/** Words before a whole-cell period label ("As at 31.12.19", "w/e 12/01/24", "end of Q2 2023/24"). */
export const PERIOD_LEAD = /^(?:as\s(?:at|of)|at|to|up\sto|end\sof|w\/e|w\/c|week\sending|period\sending|ending|data\sto)\s/;

/** Longest label worth trying: a period label is a few words, never a paragraph. */
const MAX_LABEL = 60;

/**
 * A period label to its inclusive date range; null when the text is not a period.
 * See the notes at the top of this file for the readings chosen where a label is ambiguous.
 */
export function parsePeriod(label: string, ctx?: PeriodContext): Period | null {
  if (typeof label !== "string") return null;
  const written = label.trim();
  if (written === "" || written.length > MAX_LABEL) return null;
  const text = spelledQuarters(unwrapBrackets(normaliseLower(written)).replace(/[.,;:]$/, ""));
  const found = matchRules(text, ctx);
  // "As at 31.12.19", "w/e 12/01/24", "end of Q2 2023/24": the label after the lead-in words.
  // A dash or bullet before the label ("– 31st December 2020", a list written down the rows) is no part of it.
  const bare = found ? text : text.replace(/^(?:[•·*]+\s*|-+\s+)/, "");
  const lead = PERIOD_LEAD.exec(bare);
  const built = found ?? (bare !== text ? matchRules(bare, ctx) : null) ?? (lead ? matchRules(bare.slice(lead[0].length), ctx) : null);
  if (!built) return null;
  // The label as written, less a dash or bullet it was listed with.
  const period: Period = {
    label: found || bare === text ? written : written.replace(/^(?:[•·*]+\s*|[-–—]+\s+)/, ""),
    kind: built.kind,
    start: built.range?.start ?? null,
    end: built.range?.end ?? null,
  };
  if (built.relativeMonths !== undefined) period.relativeMonths = built.relativeMonths;
  return period;
}

const ORDINALS: Record<string, string> = { one: "1", two: "2", three: "3", four: "4", first: "1", second: "2", third: "3", fourth: "4" };

/** "Quarter three", "third quarter" as "quarter 3". */
function spelledQuarters(text: string): string {
  return text
    .replace(/\bquarter\s(one|two|three|four)\b/g, (_, w: string) => `quarter ${ORDINALS[w]}`)
    .replace(/\b(first|second|third|fourth)\squarter\b/g, (_, w: string) => `quarter ${ORDINALS[w]}`);
}

function matchRules(text: string, ctx: PeriodContext | undefined): ReturnType<Build> {
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(text);
    if (!m) continue;
    // A rule that matches the shape but finds no real date ("2019-06" is no year pair) passes to the next.
    const built = build(m, ctx);
    if (built) return built;
  }
  return null;
}
