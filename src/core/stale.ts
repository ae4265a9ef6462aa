// Stale data: a KPI's latest figure is older than its reporting frequency allows at the reporting
// date (one period plus the usual reporting lag). The finding (validate/figureChecks.ts), the
// scorecard's "stale" marker and the stale-rates-grey setting all use this one rule.
import { addMonthsIso, compareIso } from "./dates";
import type { Settings } from "./settings";
import type { IsoDate, Kpi } from "./types";

/** Months a figure may be old, at the reporting date, for its stated frequency; null when the frequency is not known. */
export function allowedAgeMonths(frequency: string): number | null {
  const f = frequency.toLowerCase();
  if (/weekly|fortnightly/.test(f)) return 1;
  if (/bi-? ?monthly/.test(f)) return 3;
  if (/monthly/.test(f) && !/six|6/.test(f)) return 2;
  if (/half[- ]?termly/.test(f)) return 3;
  if (/termly|per term|each term/.test(f)) return 5;
  if (/quarterly/.test(f)) return 4;
  if (/six[- ]monthly|bi-? ?annual|biannual|half[- ]?yearly/.test(f)) return 8;
  if (/annual|yearly/.test(f)) return 15;
  return null;
}

/** The latest figure's period ended longer ago than the KPI's frequency allows at `asOf`. Unknown frequency or period: not stale. */
export function isStale(kpi: Pick<Kpi, "frequency" | "latest">, asOf: IsoDate): boolean {
  const end = kpi.latest?.periodEnd;
  if (!kpi.frequency || !end) return false;
  const months = allowedAgeMonths(kpi.frequency);
  return months !== null && compareIso(addMonthsIso(end, months), asOf) < 0;
}

/**
 * Marks the KPI stale or not; under the stale-rates-grey setting a stale KPI rates Grey, and its
 * explanation says why (the rating on the old figure is kept in the explanation, not lost).
 */
export function applyStaleness(kpi: Kpi, asOf: IsoDate, settings: Pick<Settings, "staleRatesGrey">): void {
  kpi.stale = isStale(kpi, asOf);
  if (!kpi.stale || !settings.staleRatesGrey || kpi.rag === "grey" || kpi.rag === null) return;
  const was = kpi.rag;
  kpi.rag = "grey";
  const why = `Grey because the latest figure (${kpi.latest?.period ?? "undated"}) is out of date for a ${kpi.frequency?.toLowerCase()} KPI at ${asOf}; on that figure it would be ${was}.`;
  kpi.ragExplanation = kpi.ragExplanation ? `${why} ${kpi.ragExplanation}` : why;
}
