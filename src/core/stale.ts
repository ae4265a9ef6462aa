// Out-of-date figures: a KPI's latest figure is older than its reporting frequency allows at the reporting
// date (one period plus the usual reporting lag) — and in any case when it is more than 18 months old. With no
// frequency stated, the length of the latest figure's own period says it (a month's figure is monthly). The
// finding (validate/figureChecks.ts), the rating at the figure's own period (assess/buildKpi.ts), the
// scorecard's "out of date" marker and the stale-rates-grey setting all use this one rule.
import { addMonthsIso, compareIso, isoParts } from "./dates";
import type { Settings } from "./settings";
import type { Figure, IsoDate, Kpi } from "./types";

/** However a KPI is reported, a latest figure older than this at the reporting date is out of date. */
export const STALE_AFTER_MONTHS = 18;

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

/** Whole days from one ISO date to another. */
function daysBetween(from: IsoDate, to: IsoDate): number | null {
  const a = isoParts(from);
  const b = isoParts(to);
  if (!a || !b) return null;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Whole months from one ISO date to another (a month's end to the next month's end is 1). */
function monthsBetween(from: IsoDate, to: IsoDate): number | null {
  const a = isoParts(from);
  const b = isoParts(to);
  if (!a || !b) return null;
  return (b.year - a.year) * 12 + (b.month - a.month) + (b.day - a.day) / 31;
}

function frequencyForMonths(months: number): string {
  if (months <= 0.5) return "weekly";
  if (months <= 1.5) return "monthly";
  if (months <= 3.5) return "quarterly";
  if (months <= 4.5) return "termly";
  if (months <= 7) return "six-monthly";
  return "annual";
}

/**
 * The frequency a figure's own period implies: a month's figure is monthly, a quarter's quarterly, a year's
 * annual. A single day (a date heading) or no dates at all says nothing.
 */
export function frequencyFromPeriod(fig: Pick<Figure, "periodStart" | "periodEnd"> | null | undefined): string | null {
  if (!fig?.periodStart || !fig.periodEnd) return null;
  const days = daysBetween(fig.periodStart, fig.periodEnd);
  if (days === null || days < 6) return null;
  return frequencyForMonths((days + 1) / 30.4);
}

/**
 * How often a KPI is reported, read from its periods when nothing states it: the usual spacing of the periods
 * its figures and milestones are for (monthly columns: monthly; "Oct 2019, Jan 2020, Oct 2020": annual at
 * most), else the length of the latest figure's own period.
 */
export function frequencyFromPeriods(periodEnds: readonly (IsoDate | null | undefined)[], latest: Pick<Figure, "periodStart" | "periodEnd"> | null | undefined): string | null {
  const ends = [...new Set(periodEnds.filter((d): d is IsoDate => !!d && !!isoParts(d)))].sort(compareIso);
  const gaps: number[] = [];
  for (let i = 1; i < ends.length; i++) {
    const g = monthsBetween(ends[i - 1], ends[i]);
    if (g !== null && g > 0.2) gaps.push(g);
  }
  if (gaps.length === 0) return frequencyFromPeriod(latest);
  gaps.sort((a, b) => a - b);
  const mid = gaps.length / 2;
  const median = gaps.length % 2 ? gaps[Math.floor(mid)] : (gaps[mid - 1] + gaps[mid]) / 2;
  return frequencyForMonths(median);
}

/** What the rule reads of a KPI: its stated frequency, its latest figure, and the periods of its other figures. */
export type StaleInput = Pick<Kpi, "frequency" | "latest"> & { previous?: Kpi["previous"]; milestones?: readonly Pick<Kpi["milestones"][number], "due" | "target" | "actual">[] };

function periodEnds(kpi: StaleInput): (IsoDate | null | undefined)[] {
  return [kpi.latest?.periodEnd, kpi.previous?.periodEnd, ...(kpi.milestones ?? []).filter((m) => m.target || m.actual).map((m) => m.due)];
}

export interface Staleness {
  stale: boolean;
  /** The frequency the rule used: as stated, or read from the latest figure's period; null when neither says. */
  frequency: string | null;
  /** True when the frequency was read from the period, not stated. */
  inferred: boolean;
  /** Why it is out of date: older than the frequency allows, or older than 18 months whatever the frequency. */
  reason: "frequency" | "age" | null;
}

/** Whether the latest figure is out of date at `asOf`, and by which rule. Unknown period: not out of date. */
export function staleness(kpi: StaleInput, asOf: IsoDate): Staleness {
  const stated = kpi.frequency && allowedAgeMonths(kpi.frequency) !== null ? kpi.frequency : null;
  const frequency = stated ?? frequencyFromPeriods(periodEnds(kpi), kpi.latest);
  const inferred = !stated && frequency !== null;
  const end = kpi.latest?.periodEnd;
  if (!end || !isoParts(end)) return { stale: false, frequency, inferred, reason: null };
  const months = frequency ? allowedAgeMonths(frequency) : null;
  if (months !== null && compareIso(addMonthsIso(end, months), asOf) < 0) return { stale: true, frequency, inferred, reason: "frequency" };
  if (compareIso(addMonthsIso(end, STALE_AFTER_MONTHS), asOf) < 0) return { stale: true, frequency, inferred, reason: "age" };
  return { stale: false, frequency, inferred, reason: null };
}

/** The latest figure is out of date at `asOf` (see staleness). */
export function isStale(kpi: StaleInput, asOf: IsoDate): boolean {
  return staleness(kpi, asOf).stale;
}

/** Why a figure is out of date, in words: "older than a monthly KPI allows", "more than 18 months old". */
export function staleWords(s: Staleness): string {
  if (s.reason === "frequency" && s.frequency) return `older than a ${s.frequency.toLowerCase()} KPI allows${s.inferred ? " (its frequency read from its periods)" : ""}`;
  return `more than ${STALE_AFTER_MONTHS} months old`;
}

/**
 * Marks the KPI stale or not; under the stale-rates-grey setting a stale KPI rates Grey, and its
 * explanation says why (the rating on the old figure is kept in the explanation, not lost).
 */
export function applyStaleness(kpi: Kpi, asOf: IsoDate, settings: Pick<Settings, "staleRatesGrey">): void {
  const s = staleness(kpi, asOf);
  kpi.stale = s.stale;
  if (!kpi.stale || !settings.staleRatesGrey || kpi.rag === "grey" || kpi.rag === null) return;
  const was = kpi.rag;
  kpi.rag = "grey";
  const why = `Grey because the latest figure (${kpi.latest?.period ?? "undated"}) is out of date at ${asOf}, ${staleWords(s)}; on that figure it would be ${was}.`;
  kpi.ragExplanation = kpi.ragExplanation ? `${why} ${kpi.ragExplanation}` : why;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The period an out-of-date figure is rated at, short enough for a status cell: its label, else "Oct 2020". */
export function ratedAtLabel(fig: Pick<Figure, "period" | "periodEnd"> | null | undefined): string {
  const label = fig?.period?.replace(/\s+/g, " ").trim() ?? "";
  if (label && label.length <= 12) return label;
  const p = fig?.periodEnd ? isoParts(fig.periodEnd) : null;
  return p ? `${MONTH_NAMES[p.month - 1]} ${p.year}` : label;
}

/** "Green at Oct 2020 — out of date": a status with the period it holds for, when the figure is out of date. */
export function staleStatusWords(ragWord: string, fig: Pick<Figure, "period" | "periodEnd"> | null | undefined): string {
  const at = ratedAtLabel(fig);
  return `${ragWord}${at ? ` at ${at}` : ""} — out of date`;
}
