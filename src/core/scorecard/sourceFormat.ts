// The number format a figure is shown in on the scorecard: the one its source cell showed it in, worked
// out from the cell's displayed text ("356,574", "3.15", "87.3%", "£1,234.50", "4.7 weeks"), so
// thousands separators, decimals and percentages look as they do in the workbook, and a unit word
// appears only where the source wrote one. Checked by formatting the value back: a format that does not
// give the text it came from is not used.
import * as numfmt from "numfmt";
import type { Figure, Unit } from "../types";
import { GENERAL } from "./numberFormat";

const SHAPE = /^(?<pre>[£$€])?(?<sign>-)?(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<dec>\d+))?(?<pct>%)?(?<post>\s*[A-Za-z][A-Za-z .]*?)?$/;

function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Excel format text for a literal: "weeks" -> "\" weeks\"" (quotes doubled as Excel escapes them). */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The format that displays `value` as `text`, or null when the text is not a plain number with a unit. */
export function formatFromText(text: string, value: number): string | null {
  const m = SHAPE.exec(squash(text).replace(/^-([£$€])/, "$1-"));
  if (!m?.groups) return null;
  const g = m.groups;
  let fmt = g.int.includes(",") ? "#,##0" : "0";
  if (g.dec) fmt += `.${"0".repeat(Math.min(g.dec.length, 10))}`;
  if (g.pct) fmt += "%";
  if (g.pre) fmt = `${quoted(g.pre)}${fmt}`;
  if (g.post) fmt += quoted(g.post.replace(/^\s+/, " ").trimEnd());
  return reproduces(fmt, value, text) ? fmt : null;
}

const MULTIPLES: [number, string, string][] = [
  [1e9, ",,,", "bn"],
  [1e6, ",,", "m"],
  [1e3, ",", "k"],
];

/**
 * A figure its table states in multiples ("Billions" over "£32.01", read as 32,010,000,000): shown as written with
 * the multiple's word ("£32.01bn"), or as written where the text names it already ("£609m"). Excel's scaling
 * commas keep the cell's number whole.
 */
function inMultiples(text: string, value: number): string | null {
  for (const [k, commas, word] of MULTIPLES) {
    const written = formatFromText(text, value / k);
    if (!written) continue;
    const post = /"[^"]*"$/.exec(written);
    const digits = post && !/^"[£$€]"/.test(post[0]) ? written.slice(0, post.index) : written;
    const named = post && digits !== written;
    const fmt = `${digits}${commas}${named ? post[0] : quoted(word)}`;
    if (reproduces(fmt, value, named ? text : `${text}${word}`)) return fmt;
  }
  return null;
}

function reproduces(fmt: string, value: number, text: string): boolean {
  try {
    return squash(numfmt.format(fmt, value, { nbsp: false, throws: false, leap1900: true })) === squash(text);
  } catch {
    return false;
  }
}

/** Decimals a percentage needs to show its value (0.713 -> 1: "71.3%"), at most 2. */
function percentDecimals(value: number): number {
  for (let d = 0; d < 2; d++) {
    const scaled = value * 100 * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 2;
}

/**
 * The number format for a figure's value on the scorecard: the source's own where its text shows it,
 * else a plain one for the unit (percentages as per cent, everything else as Excel shows a number: no
 * unit word the source did not write).
 */
export function figureFormat(fig: Pick<Figure, "text" | "unit" | "qualifier">, value: number, kpiUnit: Unit | null): string {
  // Words that qualify the figure ("60% interim target") are not its unit: the format is the number's.
  const q = fig.qualifier?.trim();
  const text = q && fig.text.includes(q) ? fig.text.replace(q, " ").replace(/\s+/g, " ").trim() : fig.text;
  const own = text ? (formatFromText(text, value) ?? inMultiples(text, value)) : null;
  if (own) return own;
  if ((fig.unit ?? kpiUnit) === "percent") {
    const d = percentDecimals(value);
    return d === 0 ? "0%" : `0.${"0".repeat(d)}%`;
  }
  return GENERAL;
}

/**
 * The same format without its unit words, for a chart's value axis (the axis title names the unit). A currency sign
 * stays, and so does the word of a multiple after Excel's scaling commas ("bn" in `"£"0.00,,,"bn"`): without it the
 * axis would read £35.00 where the figures are £35bn.
 */
export function axisFormat(format: string): string {
  const bare = format.replace(/(,*)("[^"]*")/g, (_all, commas: string, lit: string) => (/^"[£$€]"$/.test(lit) || commas ? commas + lit : commas)).trim();
  return bare === "" ? GENERAL : bare;
}

/** The unit word a source text states after its number ("4.7 weeks" -> "weeks"), or null. */
export function statedUnitWord(text: string): string | null {
  const m = SHAPE.exec(squash(text));
  const post = m?.groups?.post?.trim().toLowerCase();
  return post ? post : null;
}
