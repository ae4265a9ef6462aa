// The fields of a KPI the gauge scores, what the scan says for each, and when the scan is right.
import type { Kpi, Milestone } from "../../src/core/types";
import type { ExpectedKpi, ExpectedMilestone } from "./entry";

/** Scored per KPI, each only where the entry gives it (rag: wherever statedRag or rag is given). */
export const KPI_FIELDS = [
  "measure", "latest", "previous", "target", "baseline", "polarity", "statedRag", "rag",
  "statedTrend", "dot", "group", "unit", "ratePer", "notes",
] as const;
/** Scored per expected milestone: its target and its actual, on the scan milestone due the same month. */
export const MILESTONE_FIELDS = ["milestoneTarget", "milestoneActual"] as const;
export const SCORED_FIELDS = [...KPI_FIELDS, ...MILESTONE_FIELDS] as const;
export type KpiField = (typeof KPI_FIELDS)[number];
export type ScoredField = (typeof SCORED_FIELDS)[number];

const QUOTES: [RegExp, string][] = [
  [/[‘’‛′]/g, "'"],
  [/[“”″]/g, '"'],
  [/[‐‑‒–—−]/g, "-"],
];

/** Text as a reader compares it: case, spacing, curly quotes, dash kinds and trailing punctuation ignored. */
export function normText(s: string | null | undefined): string | null {
  if (s == null) return null;
  let t = s.toLowerCase();
  for (const [re, to] of QUOTES) t = t.replace(re, to);
  return t.replace(/\s+/g, " ").replace(/[\s.:;,-]+$/, "").trim() || null;
}

export function figureValue(f: Kpi["latest"] | undefined): number | null {
  if (!f) return null;
  if (f.value !== null && f.value !== undefined) return f.value;
  return f.relative?.resolved ?? null;
}

export function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The expected value of a field, or undefined where the entry does not score it. */
export function expectedOf(e: ExpectedKpi, field: KpiField): unknown {
  if (field === "rag") return "rag" in e ? e.rag : "statedRag" in e ? e.statedRag : undefined;
  if (!(field in e)) return undefined;
  return (e as unknown as Record<string, unknown>)[field] ?? null;
}

/** What the scan says for one scored field of a KPI. */
export function scanned(k: Kpi, field: KpiField): unknown {
  switch (field) {
    case "measure":
      return k.measure;
    case "latest":
      return figureValue(k.latest);
    case "previous":
      return figureValue(k.previous);
    case "target":
      return figureValue(k.currentTarget ?? k.target);
    case "baseline":
      return figureValue(k.baseline);
    case "polarity":
      return k.polarity;
    case "statedRag":
      return k.statedRag;
    case "rag":
      return k.rag;
    case "statedTrend":
      return { direction: k.dot.stated ?? null, judgement: k.dot.statedJudgement ?? null };
    case "dot":
      return k.dot.direction;
    case "group":
      return k.group;
    case "unit":
      return k.unit;
    case "ratePer":
      return (k as { ratePer?: number | null }).ratePer ?? null;
    case "notes":
      return k.notes ?? null;
  }
}

/** The computed RAG is right when it equals the publisher's, or when a finding on the KPI names the disagreement. */
const ragDisagreementNamed = (k: Kpi) => k.findings.some((f) => f.code === "stated-rag-contradicts-data");

export function right(field: KpiField, expected: unknown, got: unknown, k: Kpi): boolean {
  switch (field) {
    case "latest":
    case "previous":
    case "target":
    case "baseline":
    case "ratePer":
      return sameNumber(expected as number | null, got as number | null);
    case "measure":
    case "group":
    case "notes":
      return normText(expected as string | null) === normText(got as string | null);
    case "statedTrend": {
      const g = got as { direction: string | null; judgement: string | null };
      return ["up", "down", "flat"].includes(expected as string) ? g.direction === expected : g.judgement === expected;
    }
    case "rag":
      return (expected ?? null) === (got ?? null) || ragDisagreementNamed(k);
    default:
      return (expected ?? null) === (got ?? null);
  }
}

export interface MilestoneScore {
  due: string;
  field: (typeof MILESTONE_FIELDS)[number];
  expected: number | null;
  got: number | null | "no milestone due that month";
  right: boolean;
}

/** Each expected milestone against the scan milestone due in the same month (the first, where several are). */
export function scoreMilestones(expected: ExpectedMilestone[], scan: Milestone[]): MilestoneScore[] {
  const out: MilestoneScore[] = [];
  for (const m of expected) {
    const s = scan.find((x) => (x.due ?? "").slice(0, 7) === m.due);
    const pairs = [
      ["milestoneTarget", "target"],
      ["milestoneActual", "actual"],
    ] as const;
    for (const [field, part] of pairs) {
      if (!(part in m)) continue;
      const want = m[part] ?? null;
      if (!s) {
        out.push({ due: m.due, field, expected: want, got: "no milestone due that month", right: false });
        continue;
      }
      const got = figureValue(s[part]);
      out.push({ due: m.due, field, expected: want, got, right: sameNumber(want, got) });
    }
  }
  return out;
}
