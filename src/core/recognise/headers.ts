// What a column heading says the column holds, read as a person reads it: by its words, as tokens, with
// case, plurals, abbreviations ("Tgt", "Prev", "Perf.", "YTD") and surrounding words allowed. Phrases
// outrank single words ("National standard" is a target, "National average" a comparator, "Target met"
// a status). A heading that names a time ("Target 2024/25", "2019/20 Actual", "Q2 24/25", "Aug 2020") is
// a time column whose role (target / actual / baseline) comes from its own words.
// A heading is one piece of evidence: findTables weighs it with what the column holds and where it stands.
import { parseMilestoneHeading, type MilestoneHeading, type PeriodContext } from "../periods";

export type ColumnRole =
  | "ref"
  | "measure"
  | "group"
  | "frequency"
  | "baseline"
  | "target"
  | "previous"
  | "latest"
  | "time"
  | "dot"
  | "rag"
  | "notes"
  | "polarity"
  | "unit"
  | "period"
  | "section"
  | "benchmark"
  | "owner"
  | "ignore";

export interface HeaderClass {
  role: ColumnRole;
  /** For time columns: the parsed heading (period, relative months, what the heading says it holds). */
  heading?: MilestoneHeading;
  /** "KPI" alone could be a reference or the measure; the table decides. */
  ambiguousKpi?: boolean;
  /** For period columns ("Previous period"): the value column it qualifies is the one to its left. */
  qualifies?: "previous" | "latest" | "left";
  /** How strongly the heading says it, 0-1: a whole-heading phrase is strong, a word among others weaker. */
  strength?: number;
  /** The words that said it, for the pane's evidence ("heading says 'Outturn'"). */
  words?: string;
  /** Where the reading came from, when not the heading's words. */
  source?: "heading" | "content" | "position" | "user";
  /** For status columns that ask a question ("Target met?"): Yes/No answer it. */
  yesNo?: boolean;
}

/** Words people clip or abbreviate in headings, to the word they stand for; their plurals too ("Tgts", "Qtrs", "Nbrs"). */
export const ABBREVIATIONS: Record<string, string> = {
  tgt: "target", trgt: "target", targ: "target",
  act: "actual", acts: "actual", actl: "actual", actuals: "actual",
  prev: "previous", prv: "previous",
  perf: "performance", perform: "performance",
  meas: "measure", msr: "measure",
  desc: "description", descr: "description",
  ref: "reference",
  qtr: "quarter", mth: "month", yr: "year",
  avg: "average", av: "average", ave: "average",
  nat: "national", natl: "national",
  stat: "statistical", nbr: "neighbour", neighbours: "neighbour", neighbor: "neighbour",
  dir: "direction", comm: "comment", cmts: "comment",
  freq: "frequency",
  kpis: "kpi", pis: "pi",
  "pref'd": "preferred", prefd: "preferred", pref: "preferred",
  info: "information",
  no: "number", num: "number", "#": "number",
  bl: "baseline",
  var: "variance",
  cum: "cumulative",
  rag: "rag",
};

/** A heading's words as written: lower case, punctuation out, "the" left out; before abbreviations and plurals are read. */
export function headingWords(text: string): string[] {
  const raw = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u0060]/g, "'")
    .replace(/[^a-z0-9%£#&'+/<>=?-]+/g, " ")
    .replace(/([a-z])-(?=[a-z])/g, "$1 ")
    .replace(/\s[-/]\s|^-|-$/g, " ")
    .trim();
  if (!raw) return [];
  // "the" adds nothing to what a heading names: "achieving the 'expected standard'" reads as "achieving expected standard".
  return raw
    .split(/\s+/)
    .filter((t) => t !== "the")
    .map((t) => t.replace(/^'+|'+$/g, "").replace(/\?$/, ""));
}

/** The word an abbreviation stands for; null for any other word (an own key only: "constructor" is a word). */
function abbreviation(w: string): string | null {
  return Object.prototype.hasOwnProperty.call(ABBREVIATIONS, w) ? ABBREVIATIONS[w] : null;
}

/** Tokens of a heading: its words (headingWords), abbreviations expanded, plurals made singular. */
export function headingTokens(text: string): string[] {
  return headingWords(text).map((w) => {
    const ab = abbreviation(w) ?? (w.endsWith("s") ? abbreviation(w.slice(0, -1)) : null);
    if (ab) return ab;
    if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
    // "Breaches", "Processes", "Boxes": the plural adds "es" after ch, sh, ss and x.
    if (w.length > 4 && /(?:ch|sh|ss|x)es$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  });
}

/**
 * Phrases and words per role, strongest first within a role. Weights: 3 a phrase that names the role outright,
 * 2 a clear word, 1 a word that only leans. A phrase is matched as whole tokens, in order, anywhere in the heading.
 * Where each phrase is met (a corpus or fixture cell): headingPhrasesMet.json (npm run words:met). A phrase whose
 * heading reads the same role without it ("Target value" is a target by "target") is left out: it only restates one.
 */
export const PHRASES: [string, ColumnRole, number][] = [
  // Status and the questions that stand for it ("Target met?").
  ["rag", "rag", 3], ["rag status", "rag", 3], ["rag rating", "rag", 3], ["traffic light", "rag", 3], ["status", "rag", 2],
  ["rating", "rag", 2], ["target met", "rag", 3], ["target achieved", "rag", 3], ["met target", "rag", 3], ["on target", "rag", 3],
  ["on track", "rag", 3], ["performance status", "rag", 3], ["assessment", "rag", 1], ["achieved", "rag", 1],
  // Direction of travel.
  ["dot", "dot", 3], ["direction of travel", "dot", 3], ["direction", "dot", 2], ["trend", "dot", 3], ["travel", "dot", 2],
  ["movement", "dot", 2], ["short trend", "dot", 3], ["long trend", "dot", 3], ["comparison", "dot", 1],
  ["since last", "dot", 2], ["better or worse", "dot", 3], ["improving", "dot", 2], ["change", "dot", 1],
  // Polarity.
  ["polarity", "polarity", 3], ["good is", "polarity", 3], ["good performance is", "polarity", 3], ["good performance", "polarity", 3],
  ["good perf is", "polarity", 3], ["aiming", "polarity", 3], ["aim is", "polarity", 3], ["preferred outcome", "polarity", 3],
  ["preferred direction", "polarity", 3], ["higher or lower", "polarity", 3], ["high or low", "polarity", 3],
  ["direction of improvement", "polarity", 3], ["desired direction", "polarity", 3], ["look like", "polarity", 3],
  ["bigger is better", "polarity", 3],
  // Notes.
  ["note", "notes", 2], ["comment", "notes", 2], ["commentary", "notes", 3], ["narrative", "notes", 3], ["remark", "notes", 2],
  ["explanation", "notes", 2], ["exception report", "notes", 3], ["context", "notes", 1], ["update", "notes", 1], ["progress update", "notes", 3],
  ["analysis", "notes", 1], ["action", "notes", 1], ["mitigation", "notes", 2], ["reason", "notes", 1], ["further information", "notes", 2],
  ["definition", "notes", 1],
  // Owner.
  ["owner", "owner", 3], ["lead", "owner", 2], ["lead officer", "owner", 3], ["responsible officer", "owner", 3], ["responsible", "owner", 2],
  ["accountable", "owner", 2], ["portfolio holder", "owner", 3], ["sro", "owner", 3], ["contact", "owner", 1], ["head of service", "owner", 2],
  ["director", "owner", 1], ["lead member", "owner", 3],
  // Frequency and unit.
  ["frequency", "frequency", 3], ["how often", "frequency", 3], ["reported", "frequency", 1],
  ["unit", "unit", 3], ["unit of measure", "unit", 3], ["measure type", "unit", 2], ["format", "unit", 1], ["data type", "unit", 2],
  // Comparators.
  ["england", "benchmark", 3],
  ["national average", "benchmark", 3],
  ["national", "benchmark", 2],
  ["regional", "benchmark", 3],
  ["region", "benchmark", 2],
  ["statistical neighbour", "benchmark", 3],
  ["similar authority", "benchmark", 3],
  ["similar council", "benchmark", 3],
  ["nearest neighbour", "benchmark", 3],
  ["peer", "benchmark", 3],
  ["peer group", "benchmark", 3],
  ["median", "benchmark", 2],
  ["quartile", "benchmark", 3],
  ["top quartile", "benchmark", 3],
  ["comparator", "benchmark", 3],
  ["benchmark", "benchmark", 3],
  ["average", "benchmark", 1],
  ["core cities", "benchmark", 3],
  ["cipfa", "benchmark", 3],
  ["housemark", "benchmark", 3],
  ["la average", "benchmark", 3],
  ["local authority", "benchmark", 2],
  ["local authority average", "benchmark", 3],
  ["england average", "benchmark", 3],
  ["north west", "benchmark", 2],
  ["north east", "benchmark", 2],
  ["south west", "benchmark", 2],
  ["south east", "benchmark", 2],
  ["london", "benchmark", 2],
  ["network", "benchmark", 2],
  ["cancer alliance", "benchmark", 2],
  ["alliance", "benchmark", 1],
  ["icb", "benchmark", 1],
  ["ics", "benchmark", 1],
  ["wale", "benchmark", 2],
  ["scotland", "benchmark", 2],
  ["uk", "benchmark", 2],
  ["rank", "benchmark", 1],
  ["ranking", "benchmark", 1],
  // The nations' averages, named by their adjectives too ("Latest Scottish Average", "Welsh average").
  ["scottish average", "benchmark", 3], ["welsh average", "benchmark", 3], ["scotland average", "benchmark", 3], ["wales average", "benchmark", 3],
  ["uk average", "benchmark", 3], ["sector average", "benchmark", 3], ["scottish", "benchmark", 2], ["welsh", "benchmark", 2],
  // Figures that are worked out from others, or guesses about the future.
  ["variance", "ignore", 3], ["difference", "ignore", 2], ["forecast", "ignore", 3], ["projected", "ignore", 2], ["projection", "ignore", 3],
  ["year end forecast", "ignore", 3], ["predicted", "ignore", 2], ["% change", "ignore", 3], ["numerator", "ignore", 2], ["denominator", "ignore", 2],
  ["rolling", "ignore", 0], ["within target", "ignore", 3], ["seen within", "ignore", 3], ["number seen", "ignore", 3], ["breach", "ignore", 2],
  ["sample size", "ignore", 3], ["base", "ignore", 1], ["number of responses", "ignore", 3], ["response count", "ignore", 3],
  // Names of the KPI.
  ["reference", "ref", 3], ["kpi reference", "ref", 3], ["indicator reference", "ref", 3], ["code", "ref", 2], ["id", "ref", 2],
  ["measure code", "ref", 3], ["number", "ref", 1], ["#", "ref", 2], ["lpi", "ref", 1],
  ["measure", "measure", 2], ["indicator", "measure", 2], ["description", "measure", 2], ["metric", "measure", 2],
  ["kpi name", "measure", 3], ["indicator name", "measure", 3], ["indicator description", "measure", 3], ["performance indicator", "measure", 3],
  ["key performance indicator", "measure", 3], ["performance measure", "measure", 3], ["criteria", "measure", 2], ["title", "measure", 1],
  ["outcome measure", "measure", 3],
  ["measure of success", "measure", 3], ["name", "measure", 1], ["kpi", "measure", 2], ["pi", "measure", 1], ["item", "measure", 1],
  ["satisfaction measure", "measure", 3], ["standard", "target", 2], ["service standard", "measure", 2],
  // Groups.
  ["priority", "group", 2], ["priority area", "group", 3], ["area", "group", 1], ["theme", "group", 3], ["outcome", "group", 1], ["objective", "group", 2],
  ["domain", "group", 3], ["category", "group", 2], ["section", "group", 2], ["workstream", "group", 3], ["service", "group", 1],
  ["service area", "group", 3], ["strategic priority", "group", 3], ["portfolio", "group", 2], ["pillar", "group", 3],
  ["ambition", "group", 2], ["aim", "target", 2], ["goal", "target", 2],
  ["department", "owner", 2], ["team", "owner", 2], ["directorate", "owner", 2], ["function", "group", 1],
  // Breakdowns of one measure into parts (a survey's sections, a cohort's groups).
  ["questionnaire section", "section", 3],
  ["breakdown", "section", 3], ["cohort", "section", 3],
  // Figures.
  ["baseline", "baseline", 3], ["base line", "baseline", 3], ["starting point", "baseline", 3],
  ["target", "target", 3], ["annual target", "target", 3], ["final target", "target", 3],
  ["threshold", "target", 2], ["national standard", "target", 3], ["trajectory", "target", 3],
  ["plan", "target", 2], ["planned", "target", 2], ["milestone", "target", 2], ["expected", "target", 1],
  ["tolerance", "ignore", 1],
  ["previous", "previous", 3], ["prior", "previous", 3], ["last", "previous", 2], ["last year", "previous", 3], ["previous year", "previous", 3],
  ["previous quarter", "previous", 3], ["last quarter", "previous", 3], ["last month", "previous", 3],
  ["previous period", "previous", 3], ["last period", "previous", 3], ["same period last year", "previous", 3], ["last reported", "previous", 3],
  ["earlier", "previous", 2], ["prior year", "previous", 3],
  ["latest", "latest", 3], ["current", "latest", 2], ["actual", "latest", 3], ["outturn", "latest", 3], ["out turn", "latest", 3],
  ["year to date", "latest", 3], ["ytd", "latest", 3], ["performance", "latest", 2], ["current performance", "latest", 3],
  ["latest performance", "latest", 3], ["latest data", "latest", 3], ["current position", "latest", 3],
  ["result", "latest", 2], ["value", "latest", 2], ["this period", "latest", 3], ["this quarter", "latest", 3], ["this month", "latest", 3],
  ["this year", "latest", 3], ["position", "latest", 1], ["figure", "latest", 2], ["data", "latest", 1], ["total", "latest", 1],
  ["score", "latest", 1], ["to date", "latest", 2], ["latest period", "latest", 2], ["current period", "latest", 2],
  ["percentage", "latest", 1], ["%", "latest", 1],
  // A school's results: the share "meeting the expected standard" is the figure itself, not a standard set for it.
  // Attendance over figures is the attendance rate itself (the share of possible sessions attended).
  ["attendance", "latest", 2], ["attendance rate", "latest", 3],
  ["expected standard", "latest", 3], ["meeting expected standard", "latest", 3], ["achieving expected standard", "latest", 3],
  ["achieving expected", "latest", 3], ["meeting expected", "latest", 3], ["average progress", "latest", 3],
  // A range around a figure ("-6.9 to -2.5") says how sure it is; it is not the figure.
  ["confidence range", "ignore", 3], ["confidence interval", "ignore", 3], ["rate", "latest", 1], ["count", "latest", 1], ["what we achieved", "latest", 3],
  // Budget books name the years relative to the current one: "PY Actual" (prior year), "CY Estimate" (current year).
  ["py", "previous", 2], ["py actual", "previous", 3], ["prior year actual", "previous", 3],
  ["cy", "latest", 2], ["cy estimate", "latest", 3], ["current year estimate", "latest", 3],
];

interface CompiledPhrase {
  tokens: string[];
  role: ColumnRole;
  weight: number;
  text: string;
}

const COMPILED: CompiledPhrase[] = PHRASES.map(([text, role, weight]) => ({ tokens: headingTokens(text), role, weight, text })).filter((p) => p.tokens.length > 0);

function indexOfPhrase(tokens: string[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

interface PhraseMatch {
  role: ColumnRole;
  /** Weight, plus a bonus when the phrase is the whole heading and a little for more words matched. */
  score: number;
  text: string;
  whole: boolean;
}

/** The best phrase in the heading's tokens (null when none). */
function bestPhrase(tokens: string[]): PhraseMatch | null {
  let best: PhraseMatch | null = null;
  for (const p of COMPILED) {
    const at = indexOfPhrase(tokens, p.tokens);
    if (at < 0) continue;
    const whole = p.tokens.length === tokens.length;
    // Longer phrases say more. The last word of a heading is its head noun ("Indicator reference" is a
    // reference, "Reference description" a description); a phrase that opens it comes next.
    const last = at + p.tokens.length === tokens.length;
    const score = p.weight + (whole ? 1 : 0) + p.tokens.length * 0.3 + (last ? 0.6 : 0) + (at === 0 ? 0.2 : 0);
    if (!best || score > best.score) best = { role: p.role, score, text: p.text, whole };
  }
  return best;
}

/** "Previous period", "Latest period", "Period", "Date" beside a value column. */
export const PERIOD_COL: [RegExp, HeaderClass["qualifies"]][] = [
  [/^(previous|prior|last) (period|date|month|quarter|as at)$/, "previous"],
  [/^(latest|current) (period|date|month|quarter|as at)$/, "latest"],
  [/^(period|date|as at|as of|as of date|as at date|data period|reporting date|period covered|data as at|time period)$/, "left"],
];

const FIGURE_LIKE: ReadonlySet<ColumnRole> = new Set(["latest", "previous", "target", "baseline"]);

/** A heading as PERIOD_COL reads it: lower case, brackets, stars, colons, stops and question marks out. */
export const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[()*:.?]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Classify one heading; null when its words say nothing about the column. `prev` is no longer needed: blank
 * headings are read from what their column holds (findTables).
 */
const headingMemo = new Map<string, HeaderClass | null>();

/** What a heading says (see classifyHeading below), remembered: a workbook repeats its headings many times. */
export function classifyHeading(text: string, ctx: PeriodContext = {}): HeaderClass | null {
  const key = `${text}\u0000${ctx.yearPairKind ?? ""}\u0000${ctx.planStart ?? ""}\u0000${ctx.financialYearStartMonth ?? ""}\u0000${ctx.yearStart ?? ""}`;
  let cls = headingMemo.get(key);
  if (cls === undefined) {
    cls = readHeading(text, ctx);
    if (headingMemo.size > 50_000) headingMemo.clear();
    headingMemo.set(key, cls);
  }
  return cls ? { ...cls } : null;
}

/** A heading less a footnote mark after it ("2022-23*", "Outturn (1)", "Target†"): the mark points elsewhere. */
export function withoutFootnote(text: string): string {
  return text.trim().replace(/\s*(?:[*†‡§¹²³⁴⁵]+|\(\d{1,2}\)|\[\d{1,2}\])$/u, "").trim();
}

function readHeading(text: string, ctx: PeriodContext): HeaderClass | null {
  const raw = withoutFootnote(text);
  if (!raw || raw.length > 160) return null;
  const n = norm(raw);
  if (!n) return null;
  if (/^(kpi|kpis|key performance indicators?|pi|pis|performance indicators?)$/.test(n)) return { role: "ref", ambiguousKpi: true, strength: 0.6, words: raw, source: "heading" };
  for (const [re, q] of PERIOD_COL) if (re.test(n)) return { role: "period", qualifies: q, strength: 0.9, words: raw, source: "heading" };
  // Words in brackets qualify the heading ("Short trend (last quarter)", "Target (2023/24)"): the words outside decide.
  const outside = raw.replace(/\([^)]*\)|\[[^\]]*\]/g, " ").trim();
  const tokens = headingTokens(raw);
  const phrase = (outside && outside !== raw ? bestPhrase(headingTokens(outside)) : null) ?? bestPhrase(tokens);
  // A heading that names a time is a time column, unless its words say it is something else (a status, a
  // comparator, notes): parseMilestoneHeading refuses those itself.
  const timeHeading = parseMilestoneHeading(raw, ctx);
  const dated = !!timeHeading && (timeHeading.period !== null || timeHeading.relativeMonths !== null);
  if (dated && (!phrase || FIGURE_LIKE.has(phrase.role) || phrase.score < 3.5 || phrase.role === "group" || phrase.role === "measure")) {
    return { role: "time", heading: timeHeading, strength: 0.9, words: raw, source: "heading" };
  }
  if (!phrase) return null;
  // "% variation from target", "Variance to target", "Difference against target": how far the figure is from the
  // target, worked out; neither the target nor the figure.
  if (phrase.role === "target" && /\b(?:variation|variance|difference|deviation|gap|distance|change)\s+(?:from|to|against|on|vs\.?|versus)\s+(?:the\s+)?(?:annual\s+)?target\b/i.test(raw)) {
    return { role: "ignore", strength: 0.8, words: raw, source: "heading" };
  }
  // "Average Response Time", "Average days to re-let": an average that opens the measure's own words is its figure;
  // a comparator is an average of somewhere ("National average", "LA Average", "Average (LA)").
  if (phrase.role === "benchmark" && phrase.text === "average" && /^average\s+\S+\s+\S+/i.test(outside || raw) && tokens.length >= 3 && tokens.length <= 4) {
    return { role: "latest", strength: 0.4, words: raw, source: "heading" };
  }
  // "Percentage of responses within target", "% of calls seen within 2 days": a share named by its heading's first
  // word is the figure itself — the count "within target" is what the share is made of, not a column beside it.
  if (phrase.role === "ignore" && /within/.test(phrase.text) && /^(?:percentage|per cent|percent|%|proportion|share)\s+(?:of\s+)?\S/i.test(raw)) {
    return { role: "latest", strength: 0.7, words: raw, source: "heading" };
  }
  const strength = Math.min(1, phrase.score / 4.5);
  const cls: HeaderClass = { role: phrase.role, strength, words: phrase.text, source: "heading" };
  if (phrase.role === "rag" && /\?|\b(met|achieved|on target|on track)\b/.test(n)) cls.yesNo = true;
  if (phrase.role === "measure" && /^kpi$/.test(phrase.text) && !phrase.whole) {
    // "KPI ref" is a reference; "KPI title" a measure; "KPI" among other words leans to measure.
    if (tokens.includes("reference") || tokens.includes("number")) return { role: "ref", strength, words: raw, source: "heading" };
  }
  return cls;
}

/**
 * A cheap first look: could this text head a name column (reference or measure)? Used to skip most rows of a
 * large sheet before any heading is parsed.
 */
export const NAME_QUICK =
  /^\s*(kpi|pi\b|ref|reference|measure|performance (measure|indicator)|indicator|description|metric|key (?:performance|measure|indicator|metric)|id\b|code\b|no\.?\s*$|number\s*$|#|criteria|title|name\b)/i;
export function mayNameColumn(text: string): boolean {
  // Headings name, they do not number: "REF-10234" or "KPI 1/2" is a data cell.
  return text.length <= 60 && NAME_QUICK.test(text) && !/\d/.test(text);
}

/** Roles that carry figures: a table needs at least one of these to be a KPI table. */
export const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set(["baseline", "target", "previous", "latest", "time"]);
