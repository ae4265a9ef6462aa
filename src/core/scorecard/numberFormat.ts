// Excel number formats for the figures on the scorecard, from the KPI's unit.
import type { Unit } from "../types";

export const GENERAL = "General";
export const DATE_FORMAT = "d mmm yyyy";
export const DATETIME_FORMAT = "d mmm yyyy hh:mm";

const BY_UNIT: Record<Unit, string> = {
  percent: "0.0%",
  weeks: '0.0 "weeks"',
  days: '0 "days"',
  hours: '0.0 "hours"',
  months: '0.0 "months"',
  count: "#,##0",
  currency: "£#,##0",
  ratio: "0.00",
  rate: "#,##0.0",
  score: "0.00",
  text: GENERAL,
};

export function numberFormatFor(unit: Unit | null | undefined, value?: number): string {
  if (!unit) return value !== undefined && !Number.isInteger(value) ? "#,##0.0#" : GENERAL;
  // Counts that are not whole numbers (averages) keep a decimal rather than being rounded away.
  if (unit === "count" && value !== undefined && !Number.isInteger(value)) return "#,##0.0";
  return BY_UNIT[unit];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An ISO date (YYYY-MM-DD) or datetime as an Excel serial number (UTC), or null if unparseable. */
export function excelSerial(iso: string): number | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ms = dateOnly ? Date.UTC(+dateOnly[1], +dateOnly[2] - 1, +dateOnly[3]) : Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  // Whole minutes: seconds would only add noise to a "generated at" stamp.
  return Math.round(((ms - EXCEL_EPOCH_MS) / DAY_MS) * 1440) / 1440;
}
