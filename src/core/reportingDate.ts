// Which reporting date a scan uses when none is given: the workbook's stored setting, else the
// latest period the data reaches (a workbook whose newest figures are from 2020 is reported as at
// 2020, not flagged stale against today), else today. The scan says which it used.
import type { IsoDate, Kpi, ScanResult } from "./types";
import { compareIso } from "./dates";

/**
 * Where the reporting date came from: "given" by the caller (a command-line flag, the pane's unsaved
 * edit), the workbook's "setting", the "latest-period" with figures in the data, or "today" (no
 * dated figure before today).
 */
export type ReportingDateSource = NonNullable<ScanResult["asOfSource"]>;

/**
 * The rule, in the words every place that states it uses (README, `--help`, the pane's Settings): one sentence,
 * so that none of them can describe the default differently.
 */
export const REPORTING_DATE_RULE = "the workbook's setting; else the end of the latest period with figures, if that is before today; else today";

/**
 * What a reader is told when the reporting date is a fallback (nothing set in the workbook or given): which
 * fallback, in words; null when it was set or given.
 */
export function reportingDateFallback(source: ReportingDateSource | undefined): string | null {
  if (source === "today") return "Reporting date not set in the workbook: today's date used";
  if (source === "latest-period") return "Reporting date not set in the workbook: the end of the latest period with figures used";
  return null;
}

/** The end of the latest period any KPI's latest figure (or milestone actual) belongs to; null when none is dated. */
export function latestPeriodInData(scan: Pick<ScanResult, "tables">): IsoDate | null {
  let latest: IsoDate | null = null;
  const consider = (d: IsoDate | null | undefined) => {
    if (d && (latest === null || compareIso(d, latest) > 0)) latest = d;
  };
  for (const t of scan.tables) {
    for (const k of t.kpis as Kpi[]) {
      if (k.latest && k.latest.value !== null) consider(k.latest.periodEnd ?? k.latest.periodStart);
      for (const m of k.milestones) if (m.actual && m.actual.value !== null) consider(m.actual.periodEnd ?? m.actual.periodStart ?? m.due);
    }
  }
  return latest;
}

/**
 * The reporting date when none is given or stored, from a scan made as at today: the latest period
 * in the data when it ends before today; else, when no figure is dated, the latest period the sheets'
 * names or tables' titles name for their figures (`named`, see namedPeriod.ts), when before today;
 * today otherwise (current data, or none dated).
 */
export function defaultReportingDate(
  scanAsAtToday: Pick<ScanResult, "tables">,
  today: IsoDate,
  named: () => IsoDate | null = () => null,
): { asOf: IsoDate; source: "latest-period" | "today" } {
  const latest = latestPeriodInData(scanAsAtToday) ?? named();
  return latest !== null && compareIso(latest, today) < 0 ? { asOf: latest, source: "latest-period" } : { asOf: today, source: "today" };
}
