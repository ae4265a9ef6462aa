// KPIs of one table measured the same way — the same bracketed tag ("(Demand)", "(Attendance)") or the very same
// measure words — are judged in the same direction: what the workbook states for one of them is evidence for the
// others, and where their directions still differ, one finding names each and why.
import type { Finding, Kpi, Polarity } from "../types";
import type { DraftKpi } from "../recognise/readKpis";
import { FINDING_CODES } from "../validate/codes";

/** A trailing tag the publisher uses to say what a measure counts: "(Demand)", "(Attendance)", "(Suspensions)". */
const TAG = /\(\s*([a-z][a-z &/-]{2,30}?)\s*\)\s*\**\s*$/i;

/** What makes two measures "measured the same way": their tag, else their whole words. */
export function measureFamily(measure: string): { key: string; words: string } {
  const tag = TAG.exec(measure);
  if (tag && tag[1].trim().split(/\s+/).length <= 3) return { key: `tag:${tag[1].trim().toLowerCase()}`, words: `("${tag[1].trim()}")` };
  return { key: `same:${measure.toLowerCase().replace(/\s+/g, " ").trim()}`, words: `("${measure.trim()}")` };
}


function familiesOf<T>(items: readonly T[], measure: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const { key } = measureFamily(measure(it));
    const list = out.get(key);
    if (list) list.push(it);
    else out.set(key, [it]);
  }
  return out;
}

/** Sources that are a statement about the KPI itself (its polarity cell, its words, a person's setting). */
const OWN = new Set(["user", "setting", "stated", "stated-rag"]);

const label = (p: Polarity) => (p === "higher-is-better" ? "higher is better" : "lower is better");

/**
 * For KPIs whose polarity nothing of their own states (assumed, or no better direction), the polarity a KPI of the
 * same family states, when every such statement in the family agrees.
 */
export function siblingPolarities(kpis: readonly Kpi[], drafts: readonly DraftKpi[]): Map<DraftKpi, { polarity: Polarity; how: string }> {
  const out = new Map<DraftKpi, { polarity: Polarity; how: string }>();
  const pairs = kpis.map((k, i) => ({ k, d: drafts[i] }));
  for (const members of familiesOf(pairs, (p) => p.k.measure).values()) {
    if (members.length < 2) continue;
    // What the workbook states for a KPI (a polarity column, the measure's words), not a person's correction of one.
    const stated = members.filter((m) => m.k.polarity && m.k.polaritySource === "stated");
    const sides = new Set(stated.map((m) => m.k.polarity));
    if (stated.length === 0 || sides.size !== 1) continue;
    const polarity = stated[0].k.polarity!;
    const from = stated[0].k;
    for (const m of members) {
      // Only for KPIs whose polarity no statement of their own gives: read from targets, wording or assumed.
      if (stated.includes(m) || (m.k.polarity && m.k.polaritySource && OWN.has(m.k.polaritySource) && !isDefault(m.k))) continue;
      out.set(m.d, { polarity, how: `the workbook states ${label(polarity)} for ${from.ref ?? `"${from.measure}"`}, measured the same way` });
    }
  }
  return out;
}

/** The polarity was the default setting assumed (the scan reports it as "setting" with a polarity-assumed finding). */
function isDefault(k: Kpi): boolean {
  return k.polaritySource === "setting" && k.findings.some((f) => f.code === "polarity-assumed");
}

/** The side a KPI is judged on: its polarity, or for one with no better direction the side its targets imply. */
function sideOf(k: Kpi): Polarity | null {
  return k.polarity ?? k.noBetterDirection?.ratedAs ?? null;
}

/** "lower is better"; for a KPI with no better direction, the side of its target that meets it. */
function sideWords(k: Kpi): string {
  const side = sideOf(k)!;
  if (!k.noBetterDirection) return label(side);
  return `met ${side === "higher-is-better" ? "at or above" : "at or below"} its target`;
}

/** Why a KPI is judged on its side, in words short enough for a finding. */
function whySide(k: Kpi): string {
  const b = k.baseline?.value ?? null;
  const t = k.target?.value ?? k.target?.relative?.resolved ?? null;
  const fromTargets = b !== null && t !== null && b !== t ? `its final target ${k.target!.text} is ${t > b ? "above" : "below"} its baseline ${k.baseline!.text}` : "its staged targets";
  if (k.noBetterDirection) return k.noBetterDirection.ratedAs ? `no better direction stated; ${fromTargets}` : "no better direction";
  switch (k.polaritySource) {
    case "target-vs-baseline":
      return fromTargets;
    case "target-wording":
      return "its target's words";
    case "stated-rag":
      return "its stated RAG fits only that";
    case "wording":
      return "its wording";
    case "setting":
      return "the default, assumed";
    default:
      return "the workbook states it";
  }
}

/** Two judged sides that differ with nothing stated to explain it (a stated or worded polarity is its own reason). */
function explained(k: Kpi): boolean {
  return !!k.polarity && !!k.polaritySource && (k.polaritySource === "user" || k.polaritySource === "stated" || k.polaritySource === "wording") && !k.noBetterDirection;
}

/** One finding per family whose KPIs are judged on different sides without a stated reason. */
export function inconsistentPolarityFindings(kpis: readonly Kpi[], sheet: string): Finding[] {
  const findings: Finding[] = [];
  for (const members of familiesOf(kpis, (k) => k.measure).values()) {
    const judged = members.filter((k) => sideOf(k) !== null);
    const sides = new Set(judged.map(sideOf));
    if (sides.size < 2 || judged.every(explained)) continue;
    const words = measureFamily(members[0].measure).words;
    const each = judged.map((k) => `${k.ref ?? `"${k.measure}"`} as ${sideWords(k)} (${whySide(k)})`).join("; ");
    const odd = judged.find((k) => !explained(k)) ?? judged[1];
    // A KPI with no better direction is not "judged" better one way: only the side of its target that meets it.
    const how = judged.some((k) => k.noBetterDirection) ? "are rated on opposite sides of their targets" : "are judged in opposite directions";
    findings.push({
      code: "polarity-inconsistent",
      severity: FINDING_CODES["polarity-inconsistent"].severity,
      message: `KPIs measured the same way ${words} ${how}: ${each}. Check their baselines and targets, or set which way is better for each.`,
      sheet,
      ...(odd.sourceCell ? { cell: odd.sourceCell } : {}),
    });
  }
  return findings;
}
