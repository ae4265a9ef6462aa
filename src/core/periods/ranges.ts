// Date ranges of the periods UK public bodies report against. All ranges are inclusive.
import { addMonthsIso, endOfMonthIso, isIsoDate, isoFromParts } from "../dates";
import type { IsoDate } from "../types";

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

/** Months first..last (1-12, last may exceed 12 to run into the next year) starting in `year`. */
export function monthSpan(year: number, firstMonth: number, monthCount: number): DateRange | null {
  const start = isoFromParts(year, firstMonth, 1);
  if (!start) return null;
  return { start, end: endOfMonthIso(addMonthsIso(start, monthCount - 1)) };
}

export function monthRange(year: number, month: number): DateRange | null {
  return monthSpan(year, month, 1);
}

export function calendarYear(year: number): DateRange | null {
  return monthSpan(year, 1, 12);
}

/** Calendar quarter: Q1 is January to March. */
export function calendarQuarter(year: number, quarter: number): DateRange | null {
  return monthSpan(year, 3 * (quarter - 1) + 1, 3);
}

/** The financial year that starts in `startYear` (April to March by default). */
export function financialYear(startYear: number, startMonth: number): DateRange | null {
  return monthSpan(startYear, startMonth, 12);
}

/** A school year as "SY" labels count it (US usage): 1 July to 30 June, named by the year it ends in ("SY2023"). */
export function schoolYear(startYear: number): DateRange | null {
  return monthSpan(startYear, 7, 12);
}

/** Quarter of a financial year: with an April start Q1 is April to June, Q4 January to March. */
export function financialQuarter(startYear: number, startMonth: number, quarter: number): DateRange | null {
  const fy = isoFromParts(startYear, startMonth, 1);
  if (!fy) return null;
  const start = addMonthsIso(fy, 3 * (quarter - 1));
  return { start, end: endOfMonthIso(addMonthsIso(start, 2)) };
}

/** The school year that starts in September of `startYear`: 1 September to 31 August. */
export function academicYear(startYear: number): DateRange | null {
  return monthSpan(startYear, 9, 12);
}

/**
 * Terms of the school year starting in `startYear`. Autumn is September to December, Spring
 * January to April (Easter moves, so the whole of April), Summer May to August.
 */
export function term(startYear: number, which: "autumn" | "spring" | "summer"): DateRange | null {
  if (which === "autumn") return monthSpan(startYear, 9, 4);
  if (which === "spring") return monthSpan(startYear + 1, 1, 4);
  return monthSpan(startYear + 1, 5, 4);
}

/**
 * Half terms 1-6 of the school year starting in `startYear`: HT1 Sep-Oct, HT2 Nov-Dec, HT3 Jan-Feb,
 * HT4 Mar-Apr, HT5 May, HT6 Jun-Jul. A range (HT1-2) runs from the first's start to the last's end.
 */
export function halfTerms(startYear: number, first: number, last: number): DateRange | null {
  const spans: [number, number, number][] = [
    [0, 9, 2],
    [0, 11, 2],
    [1, 1, 2],
    [1, 3, 2],
    [1, 5, 1],
    [1, 6, 2],
  ];
  const a = spans[first - 1];
  const b = spans[last - 1];
  if (!a || !b || last < first) return null;
  const from = monthSpan(startYear + a[0], a[1], a[2]);
  const to = monthSpan(startYear + b[0], b[1], b[2]);
  return from && to ? { start: from.start, end: to.end } : null;
}

/** One day. */
export function day(year: number, month: number, dayOfMonth: number): DateRange | null {
  const iso = isoFromParts(year, month, dayOfMonth);
  return iso ? { start: iso, end: iso } : null;
}

/**
 * A milestone n months after the plan start: due on planStart + n months; the range is that
 * due date's month up to the due date itself, so start <= end always holds.
 */
export function afterPlanStart(planStart: IsoDate | null | undefined, months: number): DateRange | null {
  if (!planStart || !isIsoDate(planStart) || !Number.isFinite(months)) return null;
  const end = addMonthsIso(planStart, months);
  return { start: `${end.slice(0, 8)}01`, end };
}
