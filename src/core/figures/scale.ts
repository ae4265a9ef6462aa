// One scale per KPI. A KPI's figures share one unit, chosen as a reader chooses it: from a Unit column, from the
// measure's words and its figure headings ("rate per 1,000", "per 100 pupils", "%"), and from what most of its
// cells are written as. A rate is never a percentage: a suspension rate per 100 pupils of 0.45 written "0.45%" in
// one cell is still 0.45 suspensions per 100, not 0.45% (0.0045).
import type { Unit } from "../types";
import type { ParsedFigure } from "./types";

export interface KpiScale {
  unit: Unit | null;
  /** For a rate: the base it is per (100, 1000 ...), where the words state one. */
  ratePer: number | null;
}

const PER = /\bper\s+(1,?000,?000|100,?000|10,?000|1,?000|100k|10k|1k|100)\b(?!\s*%)/i;
const RATE = /\brates?\b/i;
/** A rate written as a share ("rate (%)", "% rate", "rate as a percentage"): a percentage after all. */
const RATE_AS_SHARE = /%\s*rates?\b|\brates?\s*(?:\(\s*%\s*\)|as an? (?:%|percent|percentage)|%)|\bpercentage rates?\b/i;

/**
 * A unit the measure's wording gives its figure. A time unit describes the figure only when the figure is a time
 * ("Average wait in weeks", "(weeks)", "mean time … weeks", "Days lost to sickness"); in "patients waiting over 18
 * weeks" or "% seen within 18 weeks" it is a threshold, and the figure counts patients or a share — unless the
 * measure is itself a time ("Mean time for those completed within 20 days": days). A share says so ("% of", "(%)",
 * "percentage", "proportion"); a score names itself ("Progress 8", "average points score" or "APS", "scaled score").
 */
export function unitFromMeasure(text: string): Unit | null {
  const lower = text.toLowerCase();
  if (/\(\s*%\s*\)|%\s*\)?\s*$/.test(lower)) return "percent";
  const threshold =
    /\b(?:over|more than|longer than|within|under|less than|at least|up to|beyond|after|by)\s+\d+(?:\.\d+)?\s*\+?\s*(?:working\s+|calendar\s+)?(weeks?|days?|months?)\b|\b\d+\s*\+?\s*(weeks?|days?)\s+(?:or more|and over|plus|wait|waits|breach\w*)\b/g;
  const thresholdUnits = [...lower.matchAll(threshold)].map((m) => (m[1] ?? m[2]).replace(/s$/, ""));
  const t = lower.replace(threshold, " ");
  const timeOf = /\b(?:average|mean|median|number of|no\.? of|length of|time)\b/.test(t);
  const isTime = /\b(?:average|mean|median)\s+(?:\w+\s+){0,2}(?:time|wait|waiting|duration)\b|^(?:average |mean |median )?time\b/.test(t);
  if (/\bin weeks\b|\(weeks\)|\bweeks\)?$/.test(t) || (timeOf && /\bweeks\b/.test(t))) return "weeks";
  if (/\bin days\b|\(days\)|\bdays\)?$/.test(t) || (timeOf && /\b(?:working |calendar )?days\b/.test(t)) || /^(?:working |calendar )?days\b|\bdays lost\b/.test(t)) return "days";
  if (/^%|(?:^|\s)%\s*of\b|\bpercentage\b|\bper ?cent\b|\bproportion\b|\bas an? %|\bas %|\brate as a %|%\s*$|\(%\)|\bin %/.test(t)) return "percent";
  if (/£|\bcost\b|\bspend\b|\bbudget\b/.test(t)) return "currency";
  if (/\bscores?\b|\baps\b|\bprogress 8\b|\battainment 8\b|\bpoints? scores?\b|\bvalue added\b|\baverage progress\b/.test(t)) return "score";
  if (isTime && thresholdUnits.length) return thresholdUnits[0] === "week" ? "weeks" : thresholdUnits[0] === "month" ? "months" : "days";
  return null;
}

/** The base a rate is per, from words such as "per 1,000 population" or "rate per 100k": null when none is stated. */
export function rateBase(text: string): number | null {
  const m = PER.exec(text);
  if (!m) return null;
  const n = m[1].toLowerCase().replace(/,/g, "");
  return n.endsWith("k") ? Number(n.slice(0, -1)) * 1000 : Number(n);
}

export interface ScaleEvidence {
  /** A Unit column's word, read ("%", "Days", "Rate"). */
  stated: Unit | null;
  /** The Unit column's text, for a base it states ("per 1,000"). */
  statedText: string;
  /** The measure's words. */
  measure: string;
  /** The unit the measure's wording names ("% of …", "in weeks"), if any. */
  measureUnit: Unit | null;
  /** Headings of the KPI's figure columns. */
  headings: readonly string[];
  /** The KPI's figures as written, read with no unit expected. */
  cells: readonly ParsedFigure[];
}

/** The KPI's unit and scale: what a Unit column says, else a rate its words name, else its figures' own majority. */
export function chooseScale(e: ScaleEvidence): KpiScale {
  const words = [e.statedText, e.measure, ...e.headings].join(" \u2022 ");
  const base = rateBase(words);
  if (e.stated && e.stated !== "rate") return { unit: e.stated, ratePer: null };
  // A sum of money per head or per 1,000 people ("Cost of parks per 1,000 population", written "£24,575") is still
  // money: the base says what the spend is shared over, the figures say they are pounds.
  if (e.stated !== "rate" && base !== null && e.measureUnit === "currency" && majorityUnit(e.cells) === "currency") return { unit: "currency", ratePer: null };
  if (e.stated === "rate" || base !== null) return { unit: "rate", ratePer: base };
  if (namesARate(e.measure) && writtenAsRates(e.cells)) return { unit: "rate", ratePer: conventionalBase(e.measure) ?? (e.cells.some((p) => p.unit === "percent") ? 100 : null) };
  const unit =
    majorityUnit(e.cells) ??
    e.measureUnit ??
    durationHeading(e.headings) ??
    (e.headings.some((h) => PERCENT_HEADING.test(h) || ATTENDANCE_HEADING.test(h)) ? "percent" : null) ??
    scoreHeading(e.headings) ??
    countOf(e);
  return { unit, ratePer: null };
}

/** A figure heading that names a span of time its figures are counted in ("Average wait in weeks", "Actual (days)"). */
function durationHeading(headings: readonly string[]): Unit | null {
  const units = headings.map(unitFromMeasure).filter((u) => u === "weeks" || u === "days" || u === "months");
  return units.length && units.every((u) => u === units[0]) ? units[0] : null;
}

/** Figure headings that each name a score ("Trust score", "Benchmarking group score" over 7.51): the figures are scores. */
function scoreHeading(headings: readonly string[]): Unit | null {
  const named = headings.filter((h) => h.trim() !== "");
  return named.length && named.every((h) => unitFromMeasure(h) === "score") ? "score" : null;
}

/** "Attendance" heading a figure: a school's attendance is the share of possible sessions attended, a percentage. */
const ATTENDANCE_HEADING = /^\s*(?:%\s*)?(?:overall\s+|school\s+)?attendance(?:\s+rate)?\s*(?:%|\(%\))?\s*$/i;

/**
 * A heading that says its figures are shares: "Percentage (%)", "Result %", "Per cent" — not one that speaks of a
 * change or a part of a cell ("Baseline (% change for 12 months)", "percentage points").
 */
const PERCENT_HEADING =
  /\(\s*%\s*\)|(?:^|\s)%(?:\s*$|\s+(?!change|points?\b|increase|decrease|reduction|difference))|\bper ?cent(?:age)?\b(?!\s+(?:change|points?\b|increase|decrease|reduction|difference))/i;

/**
 * Whole numbers of things, nothing saying otherwise ("Number of visits", "Accidental dwelling fires", "Cases of
 * MRSA"): a count. An average, a median, a ratio or an index is not one, whatever its figures.
 */
function countOf(e: ScaleEvidence): Unit | null {
  const values = e.cells.flatMap((p) => (p.value !== null && p.unit === null ? [p.value] : []));
  if (!values.length || e.cells.some((p) => p.value !== null && p.unit !== null && p.unit !== "count")) return null;
  // "Number of …", also as a numbered question ("1. The number of …", "3. How many of …").
  if (/^\s*(?:\d{1,3}[.)]\s*)?(?:(?:the\s+)?(?:(?:total\s+)?number|no\.?|count)\s+of|how many)\b/i.test(e.measure)) return "count";
  // "On time" and "in time" say when things were done, not how long they took.
  if (/\b(?:average|mean|median|ratio|index|rate|per|score|time|length)\b/i.test(e.measure.replace(/\b(?:on|in) time\b/gi, " "))) return null;
  return values.every((v) => Number.isInteger(v) && v >= 0) ? "count" : null;
}

/**
 * The measure is a rate ("Suspension rate of pupils …", "Rate of …"): not a rate written as a share ("% rate",
 * "rate (%)", "a rate of 90%"), not a count or score that mentions one ("Number of PCNs paid at discount rate",
 * "satisfaction rate above 7.5 on a scale from 1 to 10").
 */
function namesARate(measure: string): boolean {
  if (!RATE.test(measure) || RATE_AS_SHARE.test(measure) || /%/.test(measure)) return false;
  return !/^\s*(?:the\s+)?(?:number|no\.?|count|total|average|mean)\b/i.test(measure) && !/\bat (?:an? |the )?[\w-]+ rates?\b/i.test(measure) && !/\bscores?\b|\bscale\b/i.test(measure);
}

/**
 * Rates whose base the field states once for all: England's school statistics give suspension and exclusion rates
 * per 100 pupils. (Otherwise a rate some of whose cells the publisher writes with "%" is per 100 by their own hand.)
 */
function conventionalBase(measure: string): number | null {
  return /\b(?:suspension|exclusion|fixed[- ]term exclusion|fixed[- ]period exclusion)s?\s+rates?\b/i.test(measure) ? 100 : null;
}

/** A "rate" whose figures are mostly written as plain numbers is a rate; written mostly with "%", it is a share. */
function writtenAsRates(cells: readonly ParsedFigure[]): boolean {
  let plain = 0;
  let percent = 0;
  for (const p of cells) {
    if (p.value === null) continue;
    if (p.unit === "percent") percent++;
    else if (p.unit === null) plain++;
  }
  return plain > percent;
}

/** The unit most figures are written in; a bare count counts half (a count beside weeks is usually the unit left off). */
function majorityUnit(cells: readonly ParsedFigure[]): Unit | null {
  const counts = new Map<Unit, number>();
  for (const p of cells) if (p.value !== null && p.unit && p.unit !== "text" && p.unitFrom !== "context") counts.set(p.unit, (counts.get(p.unit) ?? 0) + (p.unit === "count" ? 0.5 : 1));
  let best: Unit | null = null;
  let n = 0;
  for (const [u, c] of counts) if (c > n) [best, n] = [u, c];
  return best;
}

/**
 * A figure read on the KPI's scale: on a rate, a cell written as a percentage is that share of the rate's base —
 * "0.45%" among rates per 100 is 0.45, "3.05%" among rates per 10,000 is 305 (a rate with no stated base is taken
 * per 100, where a percentage's digits stand as written) — marked as rescaled so the KPI names the cell.
 */
export function onScale(p: ParsedFigure, scale: KpiScale): ParsedFigure {
  if (scale.unit !== "rate" || p.unit !== "percent" || p.value === null) return p;
  return { ...p, value: times(p.value, scale.ratePer ?? 100), unit: null, unitFrom: null, scaled: true };
}

/** n x base, moving the decimal point in the number's own digits for a power of ten (0.0045 x 100 gives 0.45, not 0.44999999999999996). */
function times(n: number, base: number): number {
  const places = Math.log10(base);
  if (!Number.isInteger(places)) return n * base;
  const [mantissa, exponent = "0"] = String(n).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Scale words and the multiple each stands for: "Billions", "£bn", "£m", "£ millions", "£000s", "£'000", "Thousands". */
const SCALE_WORD =
  /^\(?\s*(?:(?<cur>[£$€])\s*)?(?:(?<bn>billions?|bn)|(?<m>millions?|mn|m)|(?<k>thousands?|k|'?0{3}'?s?))\s*\)?$/i;

/**
 * The multiple a line states for the figures it governs, as a reader takes it: a line holding only a scale
 * ("Billions", "£m", "(£000s)", "£'000") or a caption ending in one in brackets ("Expenditure (£m)"). A bare "m"
 * or "k" is a scale only with a currency sign ("£m"; "m" alone could be metres). Null when the line states none.
 */
export function scaleOfLine(text: string): number | null {
  const t = text.trim();
  const whole = SCALE_WORD.exec(t);
  const tail = whole ? null : /\((?<inner>[^()]{1,16})\)\s*$/.exec(t);
  const m = whole ?? (tail ? SCALE_WORD.exec(tail.groups!.inner.trim()) : null);
  if (!m?.groups) return null;
  const g = m.groups;
  const abbreviated = /^(?:m|mn|k|bn)$/i.test((g.bn ?? g.m ?? g.k ?? "").trim());
  if (abbreviated && !g.cur) return null;
  return g.bn ? 1e9 : g.m ? 1e6 : 1e3;
}
