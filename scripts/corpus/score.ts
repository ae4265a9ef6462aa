// Scoring one corpus entry: the scan's KPIs against the publisher's, matched by sheet and row.
import type { Kpi, ScanResult } from "../../src/core/types";
import type { CorpusEntry, ExpectedKpi } from "./entry";

export const SCORED_FIELDS = ["latest", "previous", "target", "polarity", "statedRag", "statedTrend", "dot", "group"] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface FieldMiss {
  sheet: string;
  row: number;
  field: ScoredField | "found";
  expected: unknown;
  got: unknown;
}

export interface EntryScore {
  id: string;
  expected: number;
  found: number;
  /** KPIs the scan returned on the entry's sheets. */
  returned: number;
  /** Of those, how many match an expected KPI. */
  returnedMatching: number;
  fieldsScored: number;
  fieldsRight: number;
  byField: Record<ScoredField, { scored: number; right: number }>;
  misses: FieldMiss[];
  /** Rows the scan took as KPIs that the publisher does not list. */
  extra: { sheet: string; row: number; measure: string }[];
}

function rowOf(cell: string | undefined): number | null {
  const m = /(\d+)$/.exec(cell ?? "");
  return m ? Number(m[1]) : null;
}

const normText = (s: string | null | undefined): string | null =>
  s == null ? null : s.toLowerCase().replace(/\s+/g, " ").replace(/[\s.:;,–-]+$/, "").trim() || null;

function figureValue(f: Kpi["latest"]): number | null {
  if (!f) return null;
  if (f.value !== null && f.value !== undefined) return f.value;
  return f.relative?.resolved ?? null;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** What the scan says for one scored field of a KPI. */
export function scanned(k: Kpi, field: ScoredField): unknown {
  switch (field) {
    case "latest":
      return figureValue(k.latest);
    case "previous":
      return figureValue(k.previous);
    case "target":
      return figureValue(k.currentTarget ?? k.target);
    case "polarity":
      return k.polarity;
    case "statedRag":
      return k.statedRag;
    case "statedTrend":
      return { direction: k.dot.stated ?? null, judgement: (k.dot as { statedJudgement?: string | null }).statedJudgement ?? null };
    case "dot":
      return k.dot.direction;
    case "group":
      return k.group;
  }
}

function right(field: ScoredField, expected: unknown, got: unknown): boolean {
  switch (field) {
    case "latest":
    case "previous":
    case "target":
      return sameNumber(expected as number | null, got as number | null);
    case "group":
      return normText(expected as string | null) === normText(got as string | null);
    case "statedTrend": {
      const g = got as { direction: string | null; judgement: string | null };
      return ["up", "down", "flat"].includes(expected as string) ? g.direction === expected : g.judgement === expected;
    }
    default:
      return (expected ?? null) === (got ?? null);
  }
}

export function scoreEntry(entry: CorpusEntry, result: ScanResult): EntryScore {
  const sheets = new Set(entry.sheets.map((s) => s.name));
  const kpis = result.tables.filter((t) => sheets.has(t.sheet)).flatMap((t) => t.kpis.map((k) => ({ k, sheet: t.sheet, row: rowOf(k.sourceCell) })));
  const byPlace = new Map<string, Kpi>();
  for (const x of kpis) if (x.row !== null && !byPlace.has(`${x.sheet}!${x.row}`)) byPlace.set(`${x.sheet}!${x.row}`, x.k);
  const expectedAt = new Set(entry.expected.map((e) => `${e.sheet}!${e.row}`));

  const byField = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { scored: 0, right: 0 }])) as EntryScore["byField"];
  const misses: FieldMiss[] = [];
  let found = 0;
  for (const e of entry.expected) {
    const k = byPlace.get(`${e.sheet}!${e.row}`);
    if (!k) {
      misses.push({ sheet: e.sheet, row: e.row, field: "found", expected: e.measure, got: null });
      continue;
    }
    found++;
    for (const f of SCORED_FIELDS) {
      if (!(f in e)) continue;
      const want = (e as ExpectedKpi)[f] ?? null;
      const got = scanned(k, f);
      byField[f].scored++;
      if (right(f, want, got)) byField[f].right++;
      else misses.push({ sheet: e.sheet, row: e.row, field: f, expected: want, got });
    }
  }
  const extra = kpis.filter((x) => x.row === null || !expectedAt.has(`${x.sheet}!${x.row}`)).map((x) => ({ sheet: x.sheet, row: x.row ?? 0, measure: x.k.measure }));
  const fieldsScored = SCORED_FIELDS.reduce((n, f) => n + byField[f].scored, 0);
  const fieldsRight = SCORED_FIELDS.reduce((n, f) => n + byField[f].right, 0);
  return {
    id: entry.id,
    expected: entry.expected.length,
    found,
    returned: kpis.length,
    returnedMatching: kpis.length - extra.length,
    fieldsScored,
    fieldsRight,
    byField,
    misses,
    extra,
  };
}

export interface CorpusTotals {
  recall: number;
  precision: number;
  fields: number;
}

export function totals(scores: EntryScore[]): CorpusTotals {
  const sum = (f: (s: EntryScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    recall: ratio(sum((s) => s.found), sum((s) => s.expected)),
    precision: ratio(sum((s) => s.returnedMatching), sum((s) => s.returned)),
    fields: ratio(sum((s) => s.fieldsRight), sum((s) => s.fieldsScored)),
  };
}
