// Excel number formats the scorecard writes itself (dates); figures keep their source's (sourceFormat.ts).

export const GENERAL = "General";
export const DATE_FORMAT = "d mmm yyyy";
export const DATETIME_FORMAT = "d mmm yyyy hh:mm";

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
