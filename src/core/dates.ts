// Calendar dates as ISO strings (YYYY-MM-DD), Excel date serials, and date number formats.
// Dates are built at local noon and read back with local getters, so date-fns arithmetic
// never drifts a day whatever the machine's time zone or daylight saving.
// Each function from its own module: the package's index loads all of date-fns's ~300 modules, a cost every
// command-line run paid at start.
import { addMonths } from "date-fns/addMonths";
import { compareAsc } from "date-fns/compareAsc";
import { endOfMonth } from "date-fns/endOfMonth";
import { isValid } from "date-fns/isValid";
import type { IsoDate } from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last serial Excel accepts (9999-12-31). */
const MAX_SERIAL = 2958465;
/** Excel's fictitious 29 February 1900 (Lotus 1-2-3 compatibility). */
const FAKE_LEAP_DAY = 60;
const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Year, month (1-12), day to an ISO date; null when that day does not exist. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 28-31. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Splits a valid ISO date into numbers; null for anything else (including 2023-02-30). */
export function isoParts(iso: IsoDate): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isoFromParts(year, month, day) ? { year, month, day } : null;
}

function toLocalNoon(iso: IsoDate): Date {
  const p = isoParts(iso);
  if (!p) throw new RangeError(`Not an ISO date: ${iso}`);
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(p.year, p.month - 1, p.day); // setFullYear keeps years 1-99 literal
  return d;
}

function fromLocal(d: Date): IsoDate {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/**
 * An Excel serial (1900 date system) to its calendar day. Serial 1 is 1900-01-01; Excel counts a
 * 29 February 1900 that never was (serial 60), so that serial gives null and later serials are
 * shifted back one day. The time of day (fractional part) is ignored. Null outside 1..2958465.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === FAKE_LEAP_DAY) return null;
  // Day 0 is 1899-12-31 before the fake leap day and 1899-12-30 after it.
  const epoch = whole < FAKE_LEAP_DAY ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + whole * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * The Excel serial (1900 date system) of a day: the inverse of excelSerialToIso. Days before
 * 1900 give serials below 1, which Excel itself cannot hold. Throws RangeError on a malformed date.
 */
export function isoToExcelSerial(iso: IsoDate): number {
  const p = isoParts(iso);
  if (!p) throw new RangeError(`Not an ISO date: ${iso}`);
  const utc = new Date(0);
  utc.setUTCFullYear(p.year, p.month - 1, p.day); // setUTCFullYear keeps years 1-99 literal
  const days = Math.round((utc.getTime() - Date.UTC(1899, 11, 30)) / MS_PER_DAY);
  // Before 1 March 1900 Excel runs one day behind the real calendar (its fake leap day is still to come).
  return days <= FAKE_LEAP_DAY ? days - 1 : days;
}

/** n calendar months later (or earlier when negative); the 31st clamps to the month's last day. */
export function addMonthsIso(iso: IsoDate, n: number): IsoDate {
  return fromLocal(addMonths(toLocalNoon(iso), n));
}

/** The last day of the month the date falls in. */
export function endOfMonthIso(iso: IsoDate): IsoDate {
  const d = endOfMonth(toLocalNoon(iso));
  d.setHours(12);
  return fromLocal(d);
}

/** The first day of the month the date falls in. */
export function startOfMonthIso(iso: IsoDate): IsoDate {
  return `${iso.slice(0, 8)}01`;
}

/** -1, 0 or 1, for sorting. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return compareAsc(toLocalNoon(a), toLocalNoon(b));
}

/** True for a well-formed ISO date of a day that exists. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && isoParts(value) !== null && isValid(toLocalNoon(value));
}

/** The format with quoted text, escapes, fill/padding characters and [..] sections removed. */
function formatCodeOnly(numberFormat: string): string {
  return numberFormat
    .replace(/"[^"]*"?/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]?/g, "");
}

/**
 * True for Excel date formats: a d, m or y token outside quotes and brackets (`dd/mm/yyyy`,
 * `mmm-yy`, `[$-809]mmmm yyyy`). Minutes (`h:mm`, `mm:ss`) and pure times are not dates.
 */
const dateFormatMemo = new Map<string, boolean>();

export function isDateFormat(numberFormat: string): boolean {
  if (typeof numberFormat !== "string" || numberFormat === "") return false;
  // A workbook uses a handful of formats over many cells: remember each answer.
  const known = dateFormatMemo.get(numberFormat);
  if (known !== undefined) return known;
  const answer = isDateFormatUncached(numberFormat);
  if (dateFormatMemo.size < 10_000) dateFormatMemo.set(numberFormat, answer);
  return answer;
}

function isDateFormatUncached(numberFormat: string): boolean {
  for (const section of formatCodeOnly(numberFormat).split(";")) {
    const code = section.toLowerCase().replace(/am\/pm|a\/p/g, "");
    if (/general/.test(code)) continue;
    if (/[dy]/.test(code)) return true;
    // An m run is minutes when it follows an hour or precedes seconds; otherwise a month.
    const runs = code.matchAll(/m+/g);
    for (const run of runs) {
      const before = code.slice(0, run.index).replace(/[\s:.,]+$/, "");
      const after = code.slice((run.index ?? 0) + run[0].length).replace(/^[\s:.,]+/, "");
      if (!/h$/.test(before) && !/^s/.test(after)) return true;
    }
  }
  return false;
}

/** True when a date format shows only month and year (`mmm-yy`, `mmmm yyyy`): a month, not a day. */
export function isMonthYearFormat(numberFormat: string): boolean {
  if (!isDateFormat(numberFormat)) return false;
  const code = formatCodeOnly(numberFormat).split(";")[0].toLowerCase();
  return /m/.test(code) && !/d/.test(code);
}
