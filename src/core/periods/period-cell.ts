// A cell that labels a period: text, or a real Excel date with a date number format.
import { excelSerialToIso, isDateFormat, isMonthYearFormat } from "../dates";
import type { RawValue } from "../snapshot";
import type { Period } from "../types";
import type { PeriodContext } from "./context";
import { parsePeriod } from "./parse-period";
import { monthRange } from "./ranges";

export interface PeriodCellInput {
  /** The displayed text. */
  text: string;
  value?: RawValue;
  numberFormat?: string;
}

/**
 * As parsePeriod, but a number with a date format is a date serial: a format that shows only
 * month and year (`mmm-yy`, `mmmm yyyy`) gives that month, any other date format the day.
 * The label is the displayed text, or the ISO date when the cell shows nothing.
 */
export function parsePeriodCell(input: PeriodCellInput, ctx?: PeriodContext): Period | null {
  if (!input || typeof input !== "object") return null;
  const text = typeof input.text === "string" ? input.text : "";
  const { value, numberFormat } = input;
  if (typeof value === "number" && typeof numberFormat === "string" && isDateFormat(numberFormat)) {
    const iso = excelSerialToIso(value);
    if (!iso) return null;
    const label = text.trim() || iso;
    if (isMonthYearFormat(numberFormat)) {
      const range = monthRange(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
      return range && { label, kind: "month", start: range.start, end: range.end };
    }
    return { label, kind: "date", start: iso, end: iso };
  }
  return parsePeriod(text !== "" ? text : typeof value === "string" ? value : "", ctx);
}
