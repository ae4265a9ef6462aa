// Is higher better? A stated column or a setting wins; else the direction from baseline to final
// target (or across the staged targets); else the measure's wording; else the default setting.
import type { Polarity, PolaritySource } from "../types";

// Wording that tells, both ways. Weighted: "within 18 weeks" says more than the "wait" beside it.
const LOWER: [RegExp, number][] = [
  [/\bwait(ing|s|ed)?\b/, 1],
  [/\boverdue\b/, 2],
  [/\babsen(t|ce|ces)\b/, 2],
  [/\bmissing\b/, 2],
  [/\bcomplaints?\b/, 2],
  [/\btribunals?\b/, 2],
  [/\bexclu(sion|sions|ded)\b/, 2],
  [/\bsuspensions?\b/, 2],
  [/\bbacklog\b/, 2],
  [/\bneet\b/, 2],
  [/\bsickness\b/, 2],
  [/\bunemploy(ed|ment)\b/, 2],
  [/\bdelay(s|ed)?\b/, 1],
  [/\blate\b/, 1],
  [/\bbreach(es)?\b/, 2],
  [/\bre-?referrals?\b/, 1],
  [/\bre-?offend(ing)?\b/, 2],
  [/\bvacanc(y|ies)\b/, 1],
  [/\bturnover\b/, 1],
  [/\bout of (area|county|borough)\b/, 1],
  [/\bdeaths?\b|\bmortality\b/, 2],
  [/\bincidents?\b/, 1],
  [/\berrors?\b/, 1],
  [/\bcost per\b/, 1],
  [/\bescalat(ed|ions?)\b/, 1],
];
const HIGHER: [RegExp, number][] = [
  [/\bcompleted?\b/, 2],
  [/\bwithin\b/, 2],
  [/\btimel(iness|y)\b/, 2],
  [/\bgood or outstanding\b|\boutstanding\b/, 2],
  [/\bsuccessful(ly)?\b|\bsuccess\b/, 2],
  [/\bcollected\b/, 1],
  [/\bprevent(ed|ion)\b/, 2],
  [/\bsatisf(ied|action)\b/, 2],
  [/\bpositive(ly)?\b/, 1],
  [/\bconfiden(ce|t)\b/, 1],
  [/\bimprove(d|ment)?\b/, 1],
  [/\bachiev(ed|ing|ement)\b/, 1],
  [/\battendance\b/, 1],
  [/\bon time\b|\bin time\b/, 2],
  [/\bup-?to-?date\b/, 2],
  [/\bprogress\b/, 1],
  [/\bat least good\b/, 2],
  [/\bengag(ed|ement)\b/, 1],
  [/\btake-?up\b/, 1],
  [/\bcoverage\b/, 1],
  [/\btrained\b|\bhaving completed training\b/, 1],
  [/\bfeel\b|\bbelieve\b|\brate the\b/, 1],
  [/\bemploy(ed|ment)\b(?! *unemploy)/, 1],
  [/\bindependen(t|ce|tly)\b/, 1],
  [/\bsubmission\b|\bsubmitted\b/, 1],
];

export interface PolarityEvidence {
  /** A Polarity column's text, if the table has one. */
  stated: string | null;
  /** A setting for this KPI. */
  setting: Polarity | null;
  /** Numeric baseline and final target, for the direction between them. */
  baseline: number | null;
  finalTarget: number | null;
  /** Staged targets in time order (numbers only). */
  stagedTargets: number[];
  measure: string;
  defaultPolarity: Polarity;
}

export interface PolarityDecision {
  polarity: Polarity;
  source: PolaritySource | "default";
  /** Plain-English account of where the polarity came from. */
  reason: string;
  /** Evidence that disagrees with the decision, in words, for a finding. */
  conflict: string | null;
  /** The stated text could not be read. */
  unreadableStated: boolean;
}

export function parseStatedPolarity(text: string): Polarity | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (/^(h|high|higher|up|increase|increasing|more|bigger|higher is better|high is good|maximise|maximize|↑|▲)$/.test(t) || /^higher\b|^high\b|^increase\b/.test(t)) return "higher-is-better";
  if (/^(l|low|lower|down|decrease|decreasing|less|fewer|smaller|lower is better|low is good|minimise|minimize|↓|▼)$/.test(t) || /^lower\b|^low\b|^decrease\b|^reduc/.test(t)) return "lower-is-better";
  return null;
}

export function polarityFromWording(measure: string): { polarity: Polarity | null; words: string[] } {
  // Parenthetical asides ("(inclusive of completed cases)") say less than the measure itself.
  const main = measure.toLowerCase().replace(/\([^)]*\)/g, " ");
  const score = (list: [RegExp, number][], text: string) => {
    let s = 0;
    const words: string[] = [];
    for (const [re, w] of list) {
      const m = re.exec(text);
      if (m) {
        s += w;
        words.push(m[0]);
      }
    }
    return { s, words };
  };
  let lo = score(LOWER, main);
  let hi = score(HIGHER, main);
  if (lo.s === 0 && hi.s === 0) {
    const all = measure.toLowerCase();
    lo = score(LOWER, all);
    hi = score(HIGHER, all);
  }
  if (lo.s > hi.s) return { polarity: "lower-is-better", words: lo.words };
  if (hi.s > lo.s) return { polarity: "higher-is-better", words: hi.words };
  return { polarity: null, words: [...lo.words, ...hi.words] };
}

function fromTargets(e: PolarityEvidence): { polarity: Polarity | null; how: string } {
  if (e.baseline !== null && e.finalTarget !== null && e.baseline !== e.finalTarget) {
    return { polarity: e.finalTarget > e.baseline ? "higher-is-better" : "lower-is-better", how: "the final target is " + (e.finalTarget > e.baseline ? "above" : "below") + " the baseline" };
  }
  const s = e.stagedTargets;
  if (s.length >= 2 && s[0] !== s[s.length - 1]) {
    const up = s[s.length - 1] > s[0];
    return { polarity: up ? "higher-is-better" : "lower-is-better", how: `the staged targets ${up ? "rise" : "fall"} over time` };
  }
  return { polarity: null, how: "" };
}

const label = (p: Polarity) => (p === "higher-is-better" ? "higher is better" : "lower is better");

export function decidePolarity(e: PolarityEvidence): PolarityDecision {
  const stated = e.stated ? parseStatedPolarity(e.stated) : null;
  const targets = fromTargets(e);
  const wording = polarityFromWording(e.measure);
  const conflictWith = (p: Polarity): string | null => {
    const parts: string[] = [];
    if (targets.polarity && targets.polarity !== p) parts.push(`${targets.how} (${label(targets.polarity)})`);
    if (wording.polarity && wording.polarity !== p) parts.push(`the wording ("${wording.words.join('", "')}") suggests ${label(wording.polarity)}`);
    if (stated && stated !== p) parts.push(`the workbook states ${label(stated)}`);
    return parts.length ? parts.join("; ") : null;
  };
  const unreadableStated = !!e.stated && !stated;
  if (e.setting) {
    return { polarity: e.setting, source: "setting", reason: `set to ${label(e.setting)} in the add-in's settings`, conflict: conflictWith(e.setting), unreadableStated };
  }
  if (stated) {
    return { polarity: stated, source: "stated", reason: `the workbook states "${e.stated}"`, conflict: conflictWith(stated), unreadableStated };
  }
  if (targets.polarity) {
    return { polarity: targets.polarity, source: "target-vs-baseline", reason: targets.how, conflict: conflictWith(targets.polarity), unreadableStated };
  }
  if (wording.polarity) {
    return { polarity: wording.polarity, source: "wording", reason: `the measure's wording ("${wording.words.join('", "')}")`, conflict: null, unreadableStated };
  }
  return { polarity: e.defaultPolarity, source: "default", reason: `nothing in the workbook says, so the default (${label(e.defaultPolarity)}) was assumed`, conflict: null, unreadableStated };
}
