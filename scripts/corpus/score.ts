// Scoring one corpus entry: the scan's KPIs against the publisher's (matched by the rows they were read from,
// see match.ts), field by field (fields.ts); and the totals over entries, in-sample and out-of-sample.
import type { ScanResult } from "../../src/core/types";
import type { CorpusEntry, FirstScore } from "./entry";
import { matchKpis, type ScanKpi } from "./match";
import { expectedOf, KPI_FIELDS, right, scanned, scoreMilestones, SCORED_FIELDS, type ScoredField } from "./fields";

export { SCORED_FIELDS, type ScoredField } from "./fields";

export interface FieldMiss {
  sheet: string;
  row: number;
  field: ScoredField | "found";
  expected: unknown;
  got: unknown;
  /** For a milestone field: the month it falls due. */
  due?: string;
}

export interface EntryScore {
  id: string;
  expected: number;
  found: number;
  /** KPIs the scan returned on the entry's sheets. */
  returned: number;
  /** Of those, how many are the one match of an expected KPI (extras and duplicates are not). */
  returnedMatching: number;
  fieldsScored: number;
  fieldsRight: number;
  byField: Record<ScoredField, { scored: number; right: number }>;
  misses: FieldMiss[];
  /** Rows the scan took as KPIs that the publisher does not list. */
  extra: { sheet: string; row: number; measure: string }[];
  /** Second scan KPIs for one expected KPI (one KPI read as several). */
  duplicates: { sheet: string; row: number; measure: string; of: string }[];
}

const brief = (x: ScanKpi) => ({ sheet: x.sheet, row: x.row ?? 0, measure: x.k.measure });

export function scoreEntry(entry: CorpusEntry, result: ScanResult): EntryScore {
  const { kpis, matched, duplicates, extra } = matchKpis(entry, result);
  const byField = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { scored: 0, right: 0 }])) as EntryScore["byField"];
  const misses: FieldMiss[] = [];
  let found = 0;
  entry.expected.forEach((e, i) => {
    const x = matched[i];
    if (!x) {
      misses.push({ sheet: e.sheet, row: e.row, field: "found", expected: e.measure, got: null });
      return;
    }
    found++;
    for (const f of KPI_FIELDS) {
      const want = expectedOf(e, f);
      if (want === undefined) continue;
      const got = scanned(x.k, f);
      byField[f].scored++;
      if (right(f, want, got, x.k)) byField[f].right++;
      else misses.push({ sheet: e.sheet, row: e.row, field: f, expected: want, got });
    }
    for (const m of scoreMilestones(e.milestones ?? [], x.k.milestones ?? [])) {
      byField[m.field].scored++;
      if (m.right) byField[m.field].right++;
      else misses.push({ sheet: e.sheet, row: e.row, field: m.field, expected: m.expected, got: m.got, due: m.due });
    }
  });
  const fieldsScored = SCORED_FIELDS.reduce((n, f) => n + byField[f].scored, 0);
  const fieldsRight = SCORED_FIELDS.reduce((n, f) => n + byField[f].right, 0);
  return {
    id: entry.id,
    expected: entry.expected.length,
    found,
    returned: kpis.length,
    returnedMatching: found,
    fieldsScored,
    fieldsRight,
    byField,
    misses,
    extra: extra.map(brief),
    duplicates: duplicates.map((d) => ({ ...brief(d.x), of: `${d.of.sheet}!${d.of.row}` })),
  };
}

/** The month a scan with no reporting date given settled on is the entry's (or the month a reader would take). */
export function reportingDateRight(entry: CorpusEntry, inferred: string): boolean {
  return inferred.slice(0, 7) === (entry.inferredAsOf ?? entry.asOf.slice(0, 7));
}

export interface CorpusTotals {
  recall: number;
  precision: number;
  fields: number;
}

type Counts = Pick<FirstScore, "found" | "expected" | "returned" | "returnedMatching" | "fieldsRight" | "fieldsScored">;

export function totals(scores: Counts[]): CorpusTotals {
  const sum = (f: (s: Counts) => number) => scores.reduce((n, s) => n + f(s), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    recall: ratio(sum((s) => s.found), sum((s) => s.expected)),
    precision: ratio(sum((s) => s.returnedMatching), sum((s) => s.returned)),
    fields: ratio(sum((s) => s.fieldsRight), sum((s) => s.fieldsScored)),
  };
}

/** The first scores kept in the entries (out-of-sample: each taken before any change made for its entry). */
export function outOfSample(entries: CorpusEntry[]): CorpusTotals & { entries: number } {
  const firsts = entries.flatMap((e) => (e.firstScore ? [e.firstScore] : []));
  return { ...totals(firsts), entries: firsts.length };
}

/** The first scores per set of entries (floor.json's sets), so batches first-scored on different engines are read
 *  apart; a set is named by its name up to the first colon; entries no set holds yet come last. Sets with no first
 *  score are left out. */
export function outOfSampleBySet(
  entries: CorpusEntry[],
  sets: { name: string; ids: string[] }[],
): { label: string; totals: CorpusTotals & { entries: number } }[] {
  const held = new Set(sets.flatMap((s) => s.ids));
  const groups = [
    ...sets.map((s) => ({ label: s.name.split(":")[0].trim(), ids: new Set(s.ids) })),
    { label: "in no set yet", ids: new Set(entries.map((e) => e.id).filter((id) => !held.has(id))) },
  ];
  return groups
    .map((g) => ({ label: g.label, totals: outOfSample(entries.filter((e) => g.ids.has(e.id))) }))
    .filter((g) => g.totals.entries > 0);
}

/** The first scores of several sets summed, each set chosen by its label (its name up to the first colon)
 *  beginning with one of `labels`: the figure for batches first-scored on one engine (a round), read together. */
export function outOfSampleOfSets(
  entries: CorpusEntry[],
  sets: { name: string; ids: string[] }[],
  labels: string[],
): CorpusTotals & { entries: number; sets: string[] } {
  const chosen = sets.filter((s) => labels.some((l) => s.name.split(":")[0].trim().startsWith(l)));
  const ids = new Set(chosen.flatMap((s) => s.ids));
  return { ...outOfSample(entries.filter((e) => ids.has(e.id))), sets: chosen.map((s) => s.name.split(":")[0].trim()) };
}

/** The counts a first score keeps. */
export function countsOf(s: EntryScore): Counts {
  return { found: s.found, expected: s.expected, returned: s.returned, returnedMatching: s.returnedMatching, fieldsRight: s.fieldsRight, fieldsScored: s.fieldsScored };
}
