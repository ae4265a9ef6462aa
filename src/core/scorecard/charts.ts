// Charts that say something, laid out two by two on A4 landscape pages: RAG by group (when there is
// more than one group), then a chart for each exception (its trajectory when it has one, else its latest
// figure against its target as bars), then the trajectories of the other KPIs. Their data goes on the
// hidden data sheet, never on the printed page, and only what the sheet says is plotted.
import { cellAddress } from "../address";
import type { Figure, Rag } from "../types";
import { kpiLabel } from "./changes";
import { BlockBuilder, span } from "./grid";
import type { SheetLayout } from "./layout";
import { literal } from "./literal";
import { heightAtScale, PAGE_FILL } from "./page";
import { middleBoundary, spanWidth } from "./partition";
import type { FontSpec } from "./textFit";
import { HEADER_COLOURS, RAG_COLOURS, RAG_WORDS, SECTION_COLOURS } from "./palette";
import { type PlacedKpi, shownNumber, targetFor } from "./rows";
import { axisFormat, figureFormat, statedUnitWord } from "./sourceFormat";
import { afterReportingDate, ownValue, trajectoryPoints, type TrajectoryPoint } from "./trajectory";
import { contrastRatio } from "./colour";
import type { ChartKind, ChartLabelPosition, ChartSpec, ScorecardSummaryRow } from "./types";
import { maxOf, minOf } from "../arrays";

/** Most charts drawn: six pages of four. Beyond that a note says how many were left out. */
export const MAX_CHARTS = 24;

const CHART_ROW_HEIGHT = 15;
const HEADING_HEIGHT = 20;
const GAP_HEIGHT = 8;
const HEADING_FONT: FontSpec = { size: 12, bold: true };
const ACTUAL_COLOUR = HEADER_COLOURS.fill;
const TARGET_COLOUR = "7F7F7F";

interface ChartData {
  kind: ChartKind;
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[]; colour: string; dashed?: boolean; format: string; labels?: boolean; asLine?: boolean; labelPosition?: ChartLabelPosition; below?: number[] }[];
  valueFormat: string;
  valueAxisTitle: string | null;
  categoryAxisTitle: string | null;
  valueAxisMinimum: number | null;
  type: ChartSpec["type"];
  kpiKey?: string;
}

export interface ChartsInput {
  layout: SheetLayout;
  placed: readonly PlacedKpi[];
  /** Exceptions, worst first. */
  exceptions: readonly PlacedKpi[];
  summary: readonly ScorecardSummaryRow[];
  rags: readonly Rag[];
  scale: number;
  startRow: number;
  /** Where the charts' data starts on the data sheet, and its name. */
  dataRow: number;
  dataSheetName: string;
  /** The reporting date: nothing after it is charted. */
  asOf: string;
}

export interface ChartsOutput {
  charts: ChartSpec[];
  dataBlock: BlockBuilder | null;
  endRow: number;
  omitted: number;
}

/** "KPI 1 – Measure: Amber": the KPI's label and its RAG, the measure's own closing colon left off ("Rent collected:"). */
function kpiTitle(p: PlacedKpi): string {
  return title(`${kpiLabel(p.kpi.ref, p.kpi.measure).replace(/\s*:+$/, "")}: ${RAG_WORDS[p.rag]}${p.stale ? " (out of date)" : ""}`);
}

/** Chart titles are plain text, but keep them from starting like a formula all the same. */
function title(text: string): string {
  const t = text.length > 120 ? `${text.slice(0, 117).replace(/\s+\S*$/, "")}…` : text;
  return /^[=+\-@]/.test(t) ? `“${t}”` : t;
}

/** The figure whose text shows how the KPI's numbers are written: the latest, else an actual, else a target. */
function sampleFigure(p: PlacedKpi): Figure | null {
  const { kpi } = p;
  const numeric = (f: Figure | null | undefined) => (f && f.value !== null ? f : null);
  return numeric(kpi.latest) ?? kpi.milestones.map((m) => numeric(m.actual)).find((f) => f) ?? numeric(kpi.currentTarget) ?? numeric(kpi.target) ?? null;
}

/** The unit a value axis is titled with: the word the source writes, per cent, £, or "Number" for counts. */
function unitTitle(p: PlacedKpi, format: string): string | null {
  const sample = sampleFigure(p);
  const word = sample?.text ? statedUnitWord(sample.text) : null;
  if (word) return word[0].toUpperCase() + word.slice(1);
  if (format.includes("%")) return "Per cent";
  if (/[£$€]/.test(format)) return /€/.test(format) ? "€" : /\$/.test(format) ? "$" : "£";
  return p.kpi.unit === "count" ? "Number" : null;
}

function formatOf(p: PlacedKpi): string {
  const fig = sampleFigure(p);
  return fig && fig.value !== null ? figureFormat(fig, fig.value, p.kpi.unit) : "General";
}

/** A round step for an axis over `span`: 1, 2 or 5 times a power of ten, about a fifth of it. */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * From zero for counts and percentages, unless the values sit in a narrow band far from zero: then a round
 * minimum below them, set explicitly, so "axis does not start at zero" is said only when it does not.
 */
export function lineMinimum(values: readonly number[]): { min: number | null; note: boolean } {
  if (values.length === 0) return { min: 0, note: false };
  const lo = minOf(values);
  const hi = maxOf(values);
  if (lo < 0) return { min: null, note: false };
  if (hi === 0 || (hi - lo) / hi >= 0.25) return { min: 0, note: false };
  const step = niceStep(Math.max(hi - lo, hi * 0.05));
  const min = Math.floor(lo / step) * step - step;
  return min <= 0 ? { min: 0, note: false } : { min: Number(min.toPrecision(12)), note: true };
}

/** A chart half a page wide has this much room for its categories, in points; a label needs about 5.5 per character. */
const PLOT_WIDTH = 300;
const LABEL_CHAR_WIDTH = 5.5;

/** The values of a series written on its points would run into each other: too many points for their labels. */
function labelsCrowd(values: readonly (number | null)[], format: string): boolean {
  const shown = values.filter((v): v is number => v !== null);
  if (shown.length === 0) return false;
  const widest = maxOf(shown.map((v) => shownNumber(v, format).length)) * LABEL_CHAR_WIDTH;
  return widest > PLOT_WIDTH / values.length;
}

/**
 * Labels of two series at one point sit on top of each other when the values are close: a label and a marker
 * take about a fifth of a half-page chart's plot height, whose axis runs a little past the values. The target's
 * are then left off (its dashed line reads against the axis), the actuals keep theirs.
 */
export function labelsCollide(a: readonly (number | null)[], b: readonly (number | null)[], span: number): boolean {
  return a.some((v, i) => v !== null && b[i] !== null && b[i] !== undefined && Math.abs(v - b[i]!) < span / 5);
}

/**
 * The points whose value goes under the point on a line chart (the rest sit above it): where the target's marker
 * sits just above the actual (within a fifth of the axis, the room a label takes), a label above would run into it.
 */
export function labelsBelow(actuals: readonly (number | null)[], targets: readonly (number | null)[], span: number): number[] {
  return actuals.flatMap((a, i) => {
    const t = targets[i];
    return a !== null && t !== null && t !== undefined && t > a && t - a < span / 5 ? [i] : [];
  });
}

/**
 * One target stated for the KPI with no period of its own (a "Target" column beside "Year end | Quarter 1 |
 * Quarter 2"), when no milestone carries a target: the line the actuals are read against, drawn flat across the
 * milestones (not the baseline). Null otherwise: a target of a named period belongs to that period.
 */
function flatTarget(p: PlacedKpi, points: readonly TrajectoryPoint[]): number | null {
  if (points.some((x) => x.target !== null)) return null;
  const fig = p.kpi.currentTarget ?? p.kpi.target;
  if (!fig || fig.period || fig.relative) return null;
  return ownValue(fig);
}

function trajectoryChart(p: PlacedKpi, points: readonly TrajectoryPoint[]): ChartData {
  const format = formatOf(p);
  const flat = flatTarget(p, points);
  const targets = points.map((x) => (flat !== null && !x.baseline ? flat : x.target));
  const actuals = points.map((x) => x.actual);
  const hasTargets = targets.some((v) => v !== null);
  const values = [...targets, ...actuals].filter((v): v is number => v !== null);
  const { min, note } = lineMinimum(values);
  const span = maxOf(values) - (min ?? minOf(values)) || 1;
  const actualLabels = !labelsCrowd(actuals, format);
  // A flat target's value is in its name (the legend), not repeated on every point.
  const targetLabels = flat === null && !labelsCrowd(targets, format) && !(actualLabels && labelsCollide(targets, actuals, span));
  const series: ChartData["series"] = [];
  const targetName = flat !== null ? `Target (${shownNumber(flat, format)})` : !targetLabels ? inForceName(p, targets, format) : "Target";
  if (hasTargets) series.push({ name: targetName, values: targets, colour: TARGET_COLOUR, dashed: true, format, labels: targetLabels });
  series.push({ name: "Actual", values: actuals, colour: ACTUAL_COLOUR, format, labels: actualLabels, labelPosition: "Top", below: labelsBelow(actuals, targets, span) });
  const unit = unitTitle(p, format);
  return {
    kind: "trajectory",
    type: "LineMarkers",
    title: kpiTitle(p),
    categories: points.map((x) => x.label),
    series,
    valueFormat: axisFormat(format),
    valueAxisTitle: note ? `${unit ?? "Value"} (axis does not start at zero)` : unit,
    categoryAxisTitle: "Milestone",
    valueAxisMinimum: min,
    kpiKey: p.key,
  };
}

/**
 * The target series' name when its values are not written on its points: the target in force, in the legend
 * ("Target (in force: 92.0%)"), when it is one of the targets drawn; else plain "Target".
 */
function inForceName(p: PlacedKpi, targets: readonly (number | null)[], format: string): string {
  const fig = p.kpi.currentTarget;
  // A target relative to another figure ("Baseline plus 20%") is drawn at the value it resolves to.
  const v = fig ? (ownValue(fig) ?? fig.relative?.resolved ?? null) : null;
  return v !== null && targets.some((t) => t !== null && Math.abs(t - v) < 1e-9) ? `Target (in force: ${shownNumber(v, format)})` : "Target";
}

/**
 * Where a column's value is written: past its end, unless a target's marker sits just above the end (within an
 * eighth of the axis, the room a label and a marker take), where it would sit on the label; then inside the end of
 * each column, white on the column's fill — when every column is tall enough to hold it.
 */
export function columnLabelPosition(actuals: readonly (number | null)[], target: number, axis: number): "OutsideEnd" | "InsideEnd" {
  const shown = actuals.filter((v): v is number => v !== null);
  const latest = shown.at(-1);
  if (latest === undefined || minOf(shown) < 0 || target < 0) return "OutsideEnd";
  const band = axis / 8;
  const markerOnLabel = target >= latest && target - latest < band;
  return markerOnLabel && minOf(shown) >= band ? "InsideEnd" : "OutsideEnd";
}

/**
 * The latest actual (and the one before it) as columns, each on its own period, with the target in force drawn
 * on the latest's period: one period axis, the target a point of a line, not a bar of its own.
 */
function actualVsTargetChart(p: PlacedKpi, asOf: string): ChartData | null {
  const { kpi } = p;
  const current = (f: Figure | null | undefined) => (f && !afterReportingDate(f.periodStart, f.periodEnd, asOf) ? ownValue(f) : null);
  const latest = current(kpi.latest);
  const targetFig = kpi.currentTarget ?? kpi.target;
  const target = targetFig ? (targetFig.value ?? targetFig.relative?.resolved ?? null) : null;
  if (latest === null || target === null || !Number.isFinite(target)) return null;
  const format = formatOf(p);
  const categories: string[] = [];
  const actual: (number | null)[] = [];
  const targets: (number | null)[] = [];
  const previous = current(kpi.previous);
  if (previous !== null) {
    categories.push(kpi.previous?.period ? `Previous (${kpi.previous.period})` : "Previous");
    actual.push(previous);
    targets.push(null);
  }
  categories.push(kpi.latest?.period ? `Latest (${kpi.latest.period})` : "Latest");
  actual.push(latest);
  targets.push(target);
  const due = targetFor(kpi);
  // The target's label would sit on the latest column's own when the two are close (within an eighth of the axis,
  // which runs from zero): then it is left off its marker. Its value is always in its name, in the legend.
  const axis = Math.max(0, latest, target, previous ?? 0) - Math.min(0, latest, target, previous ?? 0) || 1;
  const targetLabels = Math.abs(latest - target) >= axis / 8;
  const targetName = `Target ${shownNumber(target, format)}${due ? ` (${due})` : ""}`;
  return {
    kind: "actual-vs-target",
    type: "ColumnClustered",
    title: kpiTitle(p),
    categories,
    series: [
      { name: "Actual", values: actual, colour: ACTUAL_COLOUR, format, labelPosition: columnLabelPosition(actual, target, axis) },
      { name: targetName, values: targets, colour: TARGET_COLOUR, format, asLine: true, ...(targetLabels ? {} : { labels: false }) },
    ],
    valueFormat: axisFormat(format),
    valueAxisTitle: unitTitle(p, format),
    categoryAxisTitle: null,
    // Columns start at zero; with a negative value Excel's own axis shows it below zero.
    valueAxisMinimum: Math.min(latest, target, previous ?? 0) >= 0 ? 0 : null,
    kpiKey: p.key,
  };
}

function ragByGroupChart(summaryInOrder: readonly ScorecardSummaryRow[], rags: readonly Rag[]): ChartData {
  // Horizontal bars are drawn from the bottom up: reversed, the first group reads at the top.
  const summary = [...summaryInOrder].reverse();
  return {
    kind: "rag-by-group",
    type: "BarStacked",
    title: "KPIs by group and RAG",
    categories: summary.map((s) => s.group),
    // Zero counts are left blank: no empty bar, no "0" label.
    series: rags.map((r) => ({ name: RAG_WORDS[r], values: summary.map((s) => s.counts[r] || null), colour: RAG_COLOURS[r].fill, format: "0" })),
    valueFormat: "0",
    valueAxisTitle: "Number of KPIs",
    categoryAxisTitle: null,
    valueAxisMinimum: 0,
  };
}

/**
 * Labels sit inside stacked bars and inside a column's end (white on a dark fill, black on a light one), past the
 * end of other clustered columns and above line points (near-black on the white of the chart).
 */
function labelColour(type: ChartSpec["type"], fill: string, asLine = false, position?: ChartLabelPosition): string {
  if (type === "LineMarkers" || asLine || (type === "ColumnClustered" && position !== "InsideEnd")) return "262626";
  return contrastRatio("FFFFFF", fill) >= contrastRatio("000000", fill) ? "FFFFFF" : "000000";
}

/**
 * Which charts, in order: RAG by group, each exception, then the trajectories of other KPIs whose figures are
 * current (an out-of-date trajectory is history the register already marks). `outOfDate` counts those left out.
 */
function chooseCharts(input: ChartsInput): { data: ChartData[]; omitted: number; outOfDate: number } {
  const data: ChartData[] = [];
  if (input.summary.length >= 2) data.push(ragByGroupChart(input.summary, input.rags));
  const charted = new Set<string>();
  for (const p of input.exceptions) {
    const points = trajectoryPoints(p.kpi, input.asOf);
    const c = points ? trajectoryChart(p, points) : actualVsTargetChart(p, input.asOf);
    if (c) {
      data.push(c);
      charted.add(p.key);
    }
  }
  let outOfDate = 0;
  for (const p of input.placed) {
    if (charted.has(p.key)) continue;
    const points = trajectoryPoints(p.kpi, input.asOf);
    if (!points) continue;
    if (p.stale) outOfDate++;
    else data.push(trajectoryChart(p, points));
  }
  return { data: data.slice(0, MAX_CHARTS), omitted: Math.max(0, data.length - MAX_CHARTS), outOfDate };
}

export function layoutCharts(input: ChartsInput): ChartsOutput {
  const { layout } = input;
  const { data, omitted, outOfDate } = chooseCharts(input);
  if (data.length === 0) return { charts: [], dataBlock: null, endRow: input.startRow, omitted };

  // --- Page geometry: two rows of two charts per page, no chart across a break ---
  const top = input.startRow;
  const note =
    (omitted > 0 ? ` ${omitted} more KPIs have a chart; the first ${MAX_CHARTS} are drawn.` : "") +
    (outOfDate > 0 ? ` ${outOfDate} trajector${outOfDate === 1 ? "y is" : "ies are"} left out: ${outOfDate === 1 ? "its" : "their"} latest figures are out of date.` : "");
  const headingText = `Charts: the exceptions first, then trajectories of actuals against staged targets.${note}`;
  const headingHeight = Math.max(HEADING_HEIGHT, layout.fit.heightFor(headingText, spanWidth(layout.widths, [0, layout.lastCol]), HEADING_FONT));
  const pageRows = heightAtScale(input.scale) * PAGE_FILL;
  const k = Math.max(6, Math.floor((pageRows - headingHeight - GAP_HEIGHT) / 2 / CHART_ROW_HEIGHT));
  const mid = middleBoundary(layout.widths);
  const columns: [number, number][] = [
    [0, mid - 1],
    [mid, layout.lastCol],
  ];
  layout.pageBreaksBefore.push(top);
  layout.section("charts", `Charts (${data.length})`, top);
  const heading = new BlockBuilder("chartsHeading", top, 0, 1);
  heading.set(top, 0, literal(headingText));
  layout.add(heading);
  layout.mergeAcross(top, top, [0, layout.lastCol]);
  layout.format({
    address: span(top, 0, top, layout.lastCol),
    fill: SECTION_COLOURS.fill,
    fontColour: SECTION_COLOURS.text,
    bold: true,
    fontSize: HEADING_FONT.size,
    wrap: true,
    verticalAlignment: "Center",
  });
  layout.height(top, headingHeight);

  // Each chart takes a slot of four per page (top left, top right, bottom left, bottom right); RAG by
  // group takes a whole row for more than four groups and a whole page for more than seven, so every
  // group's name can be read.
  const slots: { at: number; size: 1 | 2 | 4 }[] = [];
  let next = 0;
  for (const d of data) {
    const groups = d.kind === "rag-by-group" ? d.categories.length : 0;
    const size = groups > 7 ? 4 : groups > 4 ? 2 : 1;
    while (next % size !== 0) next++;
    slots.push({ at: next, size });
    next += size;
  }
  const pages = Math.ceil(next / 4);
  const pageTop = (p: number) => top + 1 + p * (2 * k + 1);
  for (let p = 0; p < pages; p++) {
    const t = pageTop(p);
    if (p > 0) layout.pageBreaksBefore.push(t);
    const rows = next - p * 4 > 2 ? 2 * k + 1 : k + 1;
    for (let r = t; r < t + rows; r++) layout.height(r, r === t + k ? GAP_HEIGHT : CHART_ROW_HEIGHT);
  }

  // --- The data, on the hidden data sheet ---
  const width = 1 + data.reduce((w, d) => Math.max(w, d.categories.length), 0);
  const block = new BlockBuilder("chartData", input.dataRow, 0, width);
  let r = input.dataRow;
  const charts: ChartSpec[] = data.map((d, i) => {
    const catRow = r + 1;
    block.set(r, 0, literal(d.title));
    d.categories.forEach((c, j) => block.set(catRow, 1 + j, literal(c)));
    d.series.forEach((s, j) => {
      block.set(catRow + 1 + j, 0, literal(s.name));
      s.values.forEach((v, x) => {
        if (v !== null) block.set(catRow + 1 + j, 1 + x, v, s.format);
      });
    });
    const last = d.categories.length;
    const { at, size } = slots[i];
    const page = Math.floor(at / 4);
    const slot = at % 4;
    const rowStart = pageTop(page) + (slot < 2 ? 0 : k + 1);
    const rowEnd = size === 4 ? rowStart + 2 * k : rowStart + k - 1;
    const [c1, c2] = size === 1 ? columns[slot % 2] : [0, layout.lastCol];
    r = catRow + 1 + d.series.length + 1;
    return {
      name: `KPIScorecard_Chart_${i + 1}`,
      kind: d.kind,
      type: d.type,
      title: d.title,
      source: span(catRow, 0, catRow + d.series.length, last),
      seriesBy: "Rows",
      categories: span(catRow, 1, catRow, last),
      series: d.series.map((s, j) => ({
        name: s.name,
        values: span(catRow + 1 + j, 1, catRow + 1 + j, last),
        colour: s.colour,
        labelColour: labelColour(d.type, s.colour, s.asLine, s.labelPosition),
        ...(s.dashed ? { dashed: true } : {}),
        ...(s.labels === false ? { labels: false } : {}),
        ...(s.asLine ? { asLine: true } : {}),
        ...(s.labelPosition ? { labelPosition: s.labelPosition } : {}),
        ...(s.below?.length ? { pointLabelPositions: s.below.map((index) => ({ index, position: "Bottom" as const })) } : {}),
      })),
      topLeft: cellAddress(rowStart, c1),
      bottomRight: cellAddress(rowEnd, c2),
      valueFormat: d.valueFormat,
      valueAxisTitle: d.valueAxisTitle,
      categoryAxisTitle: d.categoryAxisTitle,
      valueAxisMinimum: d.valueAxisMinimum,
      dataLabels: true,
      ...(d.kpiKey ? { kpiKey: d.kpiKey } : {}),
    };
  });
  const lastSlot = next - 1;
  const endRow = pageTop(Math.floor(lastSlot / 4)) + (lastSlot % 4 < 2 ? k : 2 * k + 1) + 1;
  return { charts, dataBlock: block, endRow, omitted };
}
