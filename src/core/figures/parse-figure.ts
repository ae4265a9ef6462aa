// One cell's figure: a typed number with its number format, or text as people write it in
// KPI reports. Never throws; always gives a value, several values, a relative target or a reason.
//
// Readings that are a choice (documented for the lead and for users):
// - A date serial (a number with a date format) is no figure: value null, missing "text",
//   qualifier "date", period the day or month it shows. Returning the serial as a value would
//   put 43800 in a KPI row.
// - "(12)" in accounting style is -12.
// - A plain number in a percent row is rescaled when 1 < |n| <= 200 ("97.5" -> 0.975, "104" -> 1.04, scaled).
//   0..1 is taken as already a fraction (Excel's own storage), so "1" stays 100%.
// - A sentence that merely mentions a number ("Audit will sample 10% of EHCPs") is text. A number
//   followed by words ("60% interim target", "99% staff ... received training") is the number,
//   with the words as its qualifier.
// - A cell that says a baseline is still being set ("1st month of monitoring 2020 local
//   baseline established") is to-be-confirmed, even when it starts with a number.
// - A typed number whose format shows a literal "%" (`0.0"%"`) holds a whole percentage: it is
//   rescaled to a fraction (scaled, unit from the format).
// - Suppression markers ("[x]", "[c]", "*", "n/k", "no data") are text: the figure exists but is
//   withheld; "[z]" is not applicable.
// - Booleans are text.
// - A range ("10-15%", "8 to 12 weeks") is reported as several values labelled "from" and "to",
//   qualifier "range": it is not one figure, and picking an end would be a guess.
import { percentToFraction } from "./percent";
import { isDateFormat } from "../dates";
import { findPeriods, normaliseText, parsePeriod, parsePeriodCell, unwrapBrackets } from "../periods";
import type { Period } from "../types";
import { excelErrorText } from "./excel-errors";
import { showsLiteralPercent, unitFromNumberFormat } from "./format-unit";
import { missingPhrase } from "./missing-phrases";
import { readNumberText } from "./number-text";
import { parseRelativeTarget } from "./relative-target";
import { readRange, readSeveralValues } from "./several-values";
import { emptyFigure, type FigureContext, type FigureInput, type ParsedFigure } from "./types";

/** Longest text read closely; longer cells are paragraphs, read only for their opening words. */
const MAX_TEXT = 400;
const PLAIN_NUMBER = /^[-+]?\d[\d,]*(?:\.\d+)?$/;

/** A percent-row number written as a whole percentage ("97.5") to a fraction. */
function fitToExpected(figure: ParsedFigure, ctx: FigureContext | undefined): ParsedFigure {
  const expected = ctx?.expectedUnit ?? null;
  if (figure.value === null || figure.unit !== null || !expected || expected === "text") return figure;
  figure.unit = expected;
  figure.unitFrom = "context";
  // Up to 200: a case ascertainment of 104% or rent collected at 100.81% is still a percentage written whole.
  if (expected === "percent" && Math.abs(figure.value) > 1 && Math.abs(figure.value) <= 200) {
    figure.value = percentToFraction(figure.value);
    figure.scaled = true;
  }
  return figure;
}

function fromNumber(input: FigureInput, value: number, ctx: FigureContext | undefined): ParsedFigure {
  const figure = emptyFigure();
  if (input.numberFormat && isDateFormat(input.numberFormat)) {
    figure.missing = "text";
    figure.qualifier = "date";
    figure.period = parsePeriodCell({ text: input.text ?? "", value, numberFormat: input.numberFormat }, ctx?.periodContext);
    return figure;
  }
  figure.value = Object.is(value, -0) ? 0 : value;
  if (showsLiteralPercent(input.numberFormat)) {
    return { ...figure, value: percentToFraction(figure.value), unit: "percent", unitFrom: "format", scaled: true };
  }
  const formatUnit = unitFromNumberFormat(input.numberFormat);
  if (formatUnit) {
    figure.unit = formatUnit;
    figure.unitFrom = "format";
    return figure;
  }
  // No unit in the format: the displayed text may still show one ("71.3%" from a custom format).
  const shown = typeof input.text === "string" ? readNumberText(normaliseText(input.text)).reading : null;
  if (shown?.unit && Math.abs(shown.value - value) <= 0.01 * Math.max(1, Math.abs(value))) {
    figure.unit = shown.unit;
    figure.unitFrom = "text";
    return figure;
  }
  return fitToExpected(figure, ctx);
}

/** Splits a trailing "(Jan 23)" off the text when it names a period. */
function trailingPeriod(text: string, ctx: FigureContext | undefined): { text: string; period: Period | null } {
  const m = /^(.*?\S)\s*(\([^()]{1,40}\))[\s.,;]*$/.exec(text);
  if (!m) return { text, period: null };
  const period = parsePeriod(m[2], ctx?.periodContext);
  return period ? { text: m[1], period: { ...period, label: unwrapBrackets(m[2]).trim() } } : { text, period: null };
}

/** A due date written in a missing-figure cell: "Baseline established by 31.12.19". */
function dueDateIn(text: string, ctx: FigureContext | undefined): Period | null {
  const by = /\bby\s+(.{1,40})/i.exec(text);
  if (!by) return null;
  const found = findPeriods(by[1], ctx?.periodContext).find((f) => f.from === 0 || /^(?:the\s+)?(?:end\s+of\s+)?$/i.test(by[1].slice(0, f.from).trim()));
  return found?.period ?? null;
}

function fromText(raw: string, ctx: FigureContext | undefined): ParsedFigure {
  const figure = emptyFigure();
  const whole = normaliseText(raw);
  const text = whole.length > MAX_TEXT ? whole.slice(0, MAX_TEXT) : whole;

  const error = excelErrorText(text);
  if (error) return { ...figure, error, missing: "text" };

  // "(12)": accounting-style negative.
  const accounting = /^\(\s?(£?)\s?(\d[\d,]*(?:\.\d+)?)\s?\)$/.exec(text);
  if (accounting && Number.isFinite(Number(accounting[2].replace(/,/g, "")))) {
    figure.value = -Number(accounting[2].replace(/,/g, ""));
    if (accounting[1]) [figure.unit, figure.unitFrom] = ["currency", "text"];
    return fitToExpected(figure, ctx);
  }

  const split = trailingPeriod(text, ctx);
  const body = split.text;
  figure.period = split.period;

  const missing = missingPhrase(body);
  if (missing) {
    figure.missing = missing.reason;
    figure.qualifier = missing.rest;
    if (missing.reason === "to-be-confirmed" || missing.reason === "not-yet-due") figure.period ??= dueDateIn(body, ctx);
    return figure;
  }

  // A cell that is only a period label ("Jan 24", "31.12.19") is a date, not a figure.
  if (!PLAIN_NUMBER.test(body)) {
    const asPeriod = parsePeriod(body, ctx?.periodContext);
    if (asPeriod && asPeriod.kind !== "relative-months") {
      return { ...figure, missing: "text", qualifier: asPeriod.kind === "date" ? "date" : "period", period: figure.period ?? asPeriod };
    }
  }

  const relative = parseRelativeTarget(body);
  if (relative) return { ...figure, relative: relative.relative, qualifier: relative.qualifier };

  const range = readRange(body, ctx?.expectedUnit ?? null);
  if (range) return { ...figure, several: range, unit: range[0].unit, unitFrom: range[0].unit ? "text" : null, qualifier: "range" };

  const several = readSeveralValues(body, ctx?.expectedUnit ?? null);
  if (several) {
    if (several.length === 0) return { ...figure, missing: "blank", qualifier: body };
    const units = new Set(several.map((s) => s.unit));
    return { ...figure, several, unit: units.size === 1 ? [...units][0] : null, unitFrom: several.some((s) => s.unit) ? "text" : null };
  }

  if (/^(?:nil|zero)$/i.test(body)) return fitToExpected({ ...figure, value: 0 }, ctx);
  const { reading } = readNumberText(body);
  // A run of digits too long for a double is no figure anyone wrote.
  if (!reading || !Number.isFinite(reading.value)) return { ...figure, missing: "text" };
  // Words before the number may name its period ("Q1: 45%"). Words on both sides of the number
  // make a sentence ("Percentage 6-8 week reviews completed by 8 weeks"), unless the words
  // before are a label or a period ("Q1: 45% (provisional)").
  const leadPeriod = reading.before ? parsePeriod(reading.before.replace(/[:\s-]+$/, ""), ctx?.periodContext) : null;
  if (reading.before && !reading.beforeIsLabel && !leadPeriod && wordCount(reading.after) >= 3) return { ...figure, missing: "text" };
  figure.value = reading.value;
  if (reading.unit) [figure.unit, figure.unitFrom] = [reading.unit, "text"];
  const words = [reading.operator, leadPeriod ? null : reading.before, reading.after].filter((w): w is string => !!w);
  figure.qualifier = words.length > 0 ? words.join(" ") : null;
  if (leadPeriod && leadPeriod.kind !== "relative-months") figure.period ??= leadPeriod;
  return fitToExpected(figure, ctx);
}

function wordCount(text: string): number {
  return text === "" ? 0 : text.split(/\s+/).length;
}

/** parseFigure without its safety net: exported so property tests can prove the net is never needed. */
export function readFigure(input: FigureInput, ctx: FigureContext | undefined): ParsedFigure {
  const text = typeof input.text === "string" ? input.text : "";
  const value = input.value;
  if (input.valueType === "Error" || (typeof value === "string" && excelErrorText(value))) {
    const error = excelErrorText(typeof value === "string" ? value : text) ?? (text.trim() || "#VALUE!");
    return { ...emptyFigure(), error, missing: "text" };
  }
  if (typeof value === "boolean" || input.valueType === "Boolean") return { ...emptyFigure(), missing: "text" };
  if (typeof value === "number" && Number.isFinite(value)) return fromNumber(input, value, ctx);
  const written = text !== "" ? text : typeof value === "string" ? value : "";
  return fromText(written, ctx);
}

/**
 * A cell's figure. Never throws, and always gives a value, several values, a relative target or
 * a missing reason (value !== null || missing !== null || relative !== null || several !== null).
 */
export function parseFigure(input: FigureInput, ctx?: FigureContext): ParsedFigure {
  let figure: ParsedFigure;
  try {
    figure = readFigure(input ?? { text: "" }, ctx);
  } catch {
    // A parser bug must not stop a scan: the cell is reported as text.
    figure = { ...emptyFigure(), missing: "text" };
  }
  if (figure.value === null && figure.missing === null && figure.relative === null && figure.several === null) figure.missing = "text";
  return figure;
}
