// The unit a number format shows: 0.0% is a percentage, "£"#,##0 money, 0.0 "weeks" weeks.
import type { Unit } from "../types";

/**
 * True when a format shows a "%" sign as literal text (`0.0"%"`, `0.0\%`): the cell holds 71.3
 * and shows 71.3%, so the value is a whole percentage, not Excel's fraction.
 */
export function showsLiteralPercent(numberFormat: string | undefined): boolean {
  if (typeof numberFormat !== "string") return false;
  const first = numberFormat.split(";")[0];
  const code = first.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return !/%/.test(code) && (/"[^"]*%[^"]*"/.test(first) || /\\%/.test(first));
}

/** The unit a number format displays, or null when it shows a plain number. Dates are not handled here. */
export function unitFromNumberFormat(numberFormat: string | undefined): Unit | null {
  if (typeof numberFormat !== "string" || numberFormat === "") return null;
  const first = numberFormat.split(";")[0];
  const quoted = [...first.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(" ").toLowerCase();
  const code = first.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  if (/[£]|\[\$£|\[\$gbp|\bgbp\b/i.test(first)) return "currency";
  if (/%/.test(code)) return "percent";
  if (/\bweeks?\b|\bwks?\b/.test(quoted)) return "weeks";
  if (/\bdays?\b/.test(quoted)) return "days";
  if (/\bmonths?\b|\bmths?\b/.test(quoted)) return "months";
  // The value is what the cell shows ("12.85 hours"): a figure in hours, as the format names it.
  if (/\bhours?\b|\bhrs?\b/.test(quoted)) return "hours";
  if (/[$€]/.test(code) || /\[\$[$€]/.test(first)) return "currency";
  // A time format with no date in it ("hh:mm:ss", "[h]:mm", "mm:ss") shows a duration, which Excel stores in days.
  if (/[hs]/i.test(code) && !/[dy]/i.test(code) && /:/.test(code)) return "days";
  return null;
}
