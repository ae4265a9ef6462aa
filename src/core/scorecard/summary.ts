// Page 1, the summary a board member reads in a minute: who and what the paper is for, the RAG counts
// as large tiles, the exceptions (every Red and Amber KPI, worst first, with latest against target,
// trend, owner and commentary), what changed since the last scorecard, and counts by group.
import type { Settings } from "../settings";
import { reportingDateFallback } from "../reportingDate";
import type { Rag, ScanResult } from "../types";
import { kpiLabel } from "./changes";
import { COMMENTARY_HEADER, KEY_HEADER, RAG_HEADER, SHEET_HEADER } from "./columns";
import { BlockBuilder, span } from "./grid";
import { fullSpan, type SheetLayout } from "./layout";
import { literal } from "./literal";
import { heightAtScale, KEY_FONT_SIZE, REGISTER_FONT_SIZE } from "./page";
import { SCORECARD_MARKER } from "./markers";
import { partitionColumns, spanWidth, type Span } from "./partition";
import {
  BORDER_COLOUR,
  COMMENTARY_FILL,
  HEADER_COLOURS,
  NOTE_COLOUR,
  RAG_COLOURS,
  RAG_WORDS,
  STALE_TILE_COLOURS,
  TOTAL_TILE_COLOURS,
} from "./palette";
import { figureText, type PlacedKpi, ragText, targetFor, trendText, worstFirst } from "./rows";
import { CELL_PADDING, textWidth, widthNeeds, wordFloor, type FontSpec } from "./textFit";
import type { ExceptionRow, LegendEntry, ScorecardChanges, ScorecardSummaryRow, TileSpec } from "./types";
import { maxOf, minOf } from "../arrays";
import { SECTION_HEADING_FONT, sectionHeading } from "./sectionHeading";
import { pageOneKey } from "./legend";
import { STALE_AFTER_MONTHS } from "../stale";
import type { LiveScorecard } from "./live";


const TITLE_FONT: FontSpec = { size: 20, bold: true };
const ORG_FONT: FontSpec = { size: 12, bold: true };
const SUBTITLE_FONT: FontSpec = { size: 12 };
/** The key and the quiet notes: 8 pt or more on paper. */
const NOTE_FONT: FontSpec = { size: KEY_FONT_SIZE };
/** Page 1's tables and lines: 9 pt or more on paper, as the register. */
const BODY_FONT: FontSpec = { size: REGISTER_FONT_SIZE };
const BODY_BOLD: FontSpec = { size: REGISTER_FONT_SIZE, bold: true };
const TILE_NUMBER_FONT: FontSpec = { size: 24, bold: true };
const TILE_WORD_FONT: FontSpec = { size: REGISTER_FONT_SIZE, bold: true };
/** A count of none reads as a dash, not a 0 among the figures. */
const COUNT_FORMAT = '0;-0;"–"';

/** Most changes listed one by one on page 1; the rest are counted (the register shows every RAG). */
const MAX_CHANGE_LINES = 8;

export interface SummaryInput {
  layout: SheetLayout;
  placed: readonly PlacedKpi[];
  settings: Settings;
  scan: ScanResult;
  generatedAt: string;
  commentary: ReadonlyMap<string, string>;
  legend: readonly LegendEntry[];
  /** The RAGs counted (Blue only under BRAG or when a KPI is Blue). */
  rags: readonly Rag[];
  changes: ScorecardChanges;
  /** The print scale (per cent) the page is laid out for. */
  scale: number;
  /** Total columns of the sheet's blocks (printed and hidden) and the hidden key and source-sheet columns. */
  colCount: number;
  keyCol: number;
  sheetCol: number;
  /** The live scorecard: its settings cells go on page 1, and the counts count its cells. */
  live?: (Pick<LiveScorecard, "tileFormula" | "groupFormula"> & { keyNote: string }) | null;
}

export interface SummaryOutput {
  /** The next free row. */
  endRow: number;
  tiles: TileSpec[];
  summary: ScorecardSummaryRow[];
  exceptions: ExceptionRow[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-02-29" -> "29 Feb 2024"; a date-time -> "22 Nov 2026 00:30 UTC". */
export function readableDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  return m[4] ? `${day} ${m[4]}:${m[5]} UTC` : day;
}

export function layoutSummary(input: SummaryInput): SummaryOutput {
  const { layout, placed, settings, scan } = input;
  const b = new BlockBuilder("summary", 0, 0, input.colCount);
  const all = fullSpan(layout);
  let row = 0;
  b.set(0, input.keyCol, SCORECARD_MARKER);

  const line = (text: string, font: FontSpec, extra: Omit<Parameters<SheetLayout["format"]>[0], "address"> = {}) => {
    b.set(row, 0, literal(text));
    layout.mergeAcross(row, row, all);
    layout.format({ address: span(row, 0, row, all[1]), wrap: true, verticalAlignment: "Center", fontSize: font.size, bold: !!font.bold, ...extra });
    layout.fitText(row, all, text, font);
    row++;
  };
  const spacer = (h: number) => {
    layout.height(row, h);
    row++;
  };

  // --- Who, what, when ---
  layout.section("summary", "Summary", 0);
  if (settings.organisation) line(settings.organisation, ORG_FONT, { fontColour: HEADER_COLOURS.fill });
  line(settings.reportTitle, TITLE_FONT, { fontColour: HEADER_COLOURS.fill });
  // A reporting date nothing set is said to be a fallback, in words, where the page states the date.
  const fallback = reportingDateFallback(scan.asOfSource)?.replace(/^Reporting date /, "") ?? null;
  const period = settings.reportingPeriod
    ? `Reporting period: ${settings.reportingPeriod} (figures as at ${readableDate(scan.asOf)}${fallback ? `; ${fallback}` : ""})`
    : `Reporting date: ${readableDate(scan.asOf)}${fallback ? ` (${fallback})` : ""}`;
  const tableCount = scan.tables.length;
  const provenance = `${placed.length} KPI${placed.length === 1 ? "" : "s"} in ${tableCount} table${tableCount === 1 ? "" : "s"}, generated ${readableDate(input.generatedAt)} from ${scan.workbook}`;
  line(`${[settings.meetingName, period].filter(Boolean).join(" · ")} — ${provenance}`, SUBTITLE_FONT);
  spacer(4);

  // --- RAG tiles, with the counts by group under them ---
  const counts: Record<Rag, number> = { blue: 0, green: 0, amber: 0, red: 0, grey: 0 };
  for (const p of placed) counts[input.rags.includes(p.rag) ? p.rag : "green"]++;
  const staleCount = placed.filter((p) => p.stale).length;
  const ragOrder = (["red", "amber", "green", "blue", "grey"] as const).filter((r) => input.rags.includes(r));
  const tiles: TileSpec[] = [
    { id: "total", word: placed.length === 1 ? "KPI" : "KPIs", count: placed.length },
    ...ragOrder.map((r) => ({ id: r, word: r === "grey" ? "Grey (not rated)" : RAG_WORDS[r], count: counts[r] })),
    { id: "stale", word: "Out of date", count: staleCount },
  ];
  const summary = summarise(placed, input.rags);
  if (placed.length === 0) {
    line("No KPI tables were recognised in this workbook, so there is nothing to count yet.", BODY_BOLD);
  } else {
    row = layoutCounts(layout, b, tiles, summary, ragOrder, row, input.live);
    line(
      pageOneKey(settings, input.rags.includes("blue"), STALE_AFTER_MONTHS) + (input.live?.keyNote ?? ""),
      NOTE_FONT,
      { fontColour: NOTE_COLOUR },
    );
  }
  spacer(4);

  // --- Changed since the last scorecard: one line when there is nothing to list ---
  layout.section("changes", "Changed since the last scorecard", row);
  const changes = changeLines(input.changes);
  const listed = input.changes.changed.length + input.changes.added.length + input.changes.removed.length > 0;
  sectionHeading(layout, b, row, listed ? changesHeading(input.changes, scan.asOf) : `${changesHeading(input.changes, scan.asOf)}: ${lowerFirst(changes.join(" "))}`);
  row++;
  if (listed) for (const text of changes) line(text, BODY_FONT);
  spacer(4);

  // --- Exceptions: last on page 1, continued worst first on the pages after when there are more than fit ---
  const exceptions = placed
    .filter((p) => p.rag === "red" || p.rag === "amber")
    .sort(worstFirst)
    .map<ExceptionRow>((p) => ({
      key: p.key,
      rag: p.rag,
      ref: p.kpi.ref,
      measure: p.kpi.measure,
      latestVsTarget: latestVsTarget(p),
      trend: trendText(p.kpi),
      owner: p.kpi.owner ?? "",
      commentary: input.commentary.get(p.key) ?? "",
      stale: p.stale,
    }));
  layout.section("exceptions", `Exceptions (${exceptions.length})`, row);
  const heading = `Exceptions: every Red and Amber KPI, worst first (${exceptions.length})`;
  if (exceptions.length === 0) {
    sectionHeading(layout, b, row, heading);
    row++;
    line(placed.length ? "No KPI is Red or Amber." : "No KPIs, so no exceptions.", BODY_FONT);
  } else row = layoutExceptions(layout, b, row, heading, exceptions, placed, input);

  layout.add(b);
  return { endRow: row, tiles, summary, exceptions };
}

/** Page 1's rows are of known heights (no charts on it): it is filled to this share of the page. */
const SUMMARY_PAGE_FILL = 0.97;

/**
 * The printed page as page 1 is laid out: rows never split, a page holds SUMMARY_PAGE_FILL of its height. Excel prints
 * larger than LibreOffice (fewer rows a page), so a break placed for Excel's page comes before either's own.
 */
class Pager {
  private readonly page: number;

  constructor(
    private readonly layout: SheetLayout,
    scale: number,
  ) {
    // Excel fits the width at this scale or a point more, so its page holds at least this much.
    this.page = heightAtScale(scale) * SUMMARY_PAGE_FILL;
  }

  private h(r: number): number {
    return this.layout.rowHeight(r, 15);
  }

  /** How far down its page row `row` starts, given the breaks placed so far and the page's own. */
  top(row: number): number {
    const breaks = new Set(this.layout.pageBreaksBefore);
    let y = 0;
    for (let r = 0; r < row; r++) {
      if (breaks.has(r)) y = 0;
      if (y + this.h(r) > this.page) y = 0;
      y += this.h(r);
    }
    return breaks.has(row) ? 0 : y;
  }

  /** Rows of these heights, starting at `row`, fit on its page. */
  fits(row: number, heights: readonly number[]): boolean {
    const need = heights.reduce((a, b) => a + b, 0);
    return this.top(row) + need <= this.page;
  }
}

function tileColours(id: TileSpec["id"]) {
  if (id === "total") return TOTAL_TILE_COLOURS;
  if (id === "stale") return STALE_TILE_COLOURS;
  return RAG_COLOURS[id];
}

/** The narrowest a tile may be: its number, and its word on one line (Grey's "(not rated)" may wrap). */
function tileMinimum(t: TileSpec): number {
  const word = t.id === "grey" ? t.word.split(" ")[0] : t.word;
  return Math.max(textWidth(String(t.count), TILE_NUMBER_FONT), textWidth(word, TILE_WORD_FONT)) + CELL_PADDING + 6;
}

/**
 * The RAG counts as tiles (word, colour and number) side by side, with the counts by group under them in the tiles'
 * columns, a row per group: one table read across and down. When the columns are too few for the tiles side by
 * side, the tiles stand in rows and the counts by group follow as a table of their own.
 */
function layoutCounts(
  layout: SheetLayout,
  b: BlockBuilder,
  tiles: readonly TileSpec[],
  summary: readonly ScorecardSummaryRow[],
  rags: readonly Rag[],
  row: number,
  live?: SummaryInput["live"],
): number {
  const byGroup = summary.length >= 2;
  const minimum = tiles.map((t, i) => (i === 0 && byGroup ? Math.max(tileMinimum(t), 120) : tileMinimum(t)));
  const spans = partitionColumns(layout.widths, tiles.map((_, i) => (i === 0 && byGroup ? 3 : 1)), minimum);
  if (!spans) {
    row = layoutTiles(layout, b, tiles, row, live);
    return byGroup ? layoutGroupTable(layout, b, row + 1, summary, rags, live) : row;
  }
  // "Grey (not rated)" where it fits on one line, else "Grey" (the key says what it means).
  const fitted = tiles.map((t, i) => (t.id === "grey" && textWidth(t.word, TILE_WORD_FONT) + CELL_PADDING > spanWidth(layout.widths, spans[i]) ? { ...t, word: RAG_WORDS.grey } : t));
  fitted.forEach((t, i) => tileAt(layout, b, t, row, spans[i], live?.tileFormula(t.id)));
  layout.height(row, 34);
  row += 2;
  if (!byGroup) return row;
  const first = row;
  for (const g of summary) {
    const name = `${g.group} (${g.total})`;
    b.set(row, spans[0][0], literal(name));
    layout.fitText(row, spans[0], name, BODY_FONT);
    tiles.slice(1).forEach((t, i) => b.setLive(row, spans[1 + i][0], live?.groupFormula(g.group, t.id as Rag | "stale"), t.id === "stale" ? g.stale : g.counts[t.id as Rag], COUNT_FORMAT));
    row++;
  }
  const last = row - 1;
  for (const sp of spans) layout.mergeAcross(first, last, sp);
  layout.format({ address: span(first, 0, last, layout.lastCol), wrap: true, verticalAlignment: "Top", border: { colour: BORDER_COLOUR, inside: true } });
  layout.format({ address: span(first, spans[1][0], last, layout.lastCol), horizontalAlignment: "Center" });
  return row;
}

/**
 * Tiles side by side when the columns allow, each a number over a word; on a narrow register (few columns
 * printed) in rows of three, then two; only when even two will not fit, one line per tile.
 */
function layoutTiles(layout: SheetLayout, b: BlockBuilder, tiles: readonly TileSpec[], row: number, live?: SummaryInput["live"]): number {
  const minimum = tiles.map(tileMinimum);
  for (const perRow of [tiles.length, Math.ceil(tiles.length / 2), Math.ceil(tiles.length / 3)]) {
    const rows: { tiles: TileSpec[]; spans: Span[] }[] = [];
    for (let i = 0; i < tiles.length; i += perRow) {
      const these = tiles.slice(i, i + perRow);
      // A short last row takes the same spans as the rows above, so the tiles line up in columns.
      const spans = rows.length && these.length < perRow ? rows[0].spans.slice(0, these.length) : partitionColumns(layout.widths, these.map(() => 1), minimum.slice(i, i + perRow));
      if (!spans) break;
      rows.push({ tiles: these, spans });
    }
    if (rows.reduce((n, r) => n + r.tiles.length, 0) < tiles.length) continue;
    for (const r of rows) {
      r.tiles.forEach((t, i) => tileAt(layout, b, t, row, r.spans[i], live?.tileFormula(t.id)));
      layout.height(row, 34);
      row += 2;
    }
    return row;
  }
  const all = fullSpan(layout);
  for (const t of tiles) {
    const c = tileColours(t.id);
    b.set(row, 0, literal(`${t.count} ${t.word}`));
    layout.mergeAcross(row, row, all);
    layout.format({ address: span(row, 0, row, all[1]), fill: c.fill, fontColour: c.text, bold: true, fontSize: 14, verticalAlignment: "Center" });
    layout.height(row, 22);
    row++;
  }
  return row;
}

/** One tile: its number over its word, in its colour, over two rows of the span. */
function tileAt(layout: SheetLayout, b: BlockBuilder, t: TileSpec, row: number, s: Span, formula?: string | null): void {
  const c = tileColours(t.id);
  b.setLive(row, s[0], formula, t.count);
  b.set(row + 1, s[0], literal(t.word));
  layout.mergeAcross(row, row + 1, s);
  const box = span(row, s[0], row + 1, s[1]);
  layout.format({ address: box, fill: c.fill, fontColour: c.text, bold: true, horizontalAlignment: "Center", verticalAlignment: "Center", wrap: true });
  layout.format({ address: span(row, s[0], row, s[1]), fontSize: TILE_NUMBER_FONT.size });
  layout.format({ address: span(row + 1, s[0], row + 1, s[1]), fontSize: TILE_WORD_FONT.size });
  // White edges keep neighbouring tiles apart.
  layout.format({ address: box, border: { colour: "FFFFFF", inside: false } });
  layout.fitText(row + 1, s, t.word, TILE_WORD_FONT);
}

export function summarise(placed: readonly PlacedKpi[], rags: readonly Rag[]): ScorecardSummaryRow[] {
  const groups = new Map<string, ScorecardSummaryRow>();
  for (const p of placed) {
    let g = groups.get(p.group);
    if (!g) {
      g = { group: p.group, counts: { blue: 0, green: 0, amber: 0, red: 0, grey: 0 }, stale: 0, total: 0 };
      groups.set(p.group, g);
    }
    // Blue only has its own column under BRAG; otherwise it cannot occur.
    g.counts[rags.includes(p.rag) ? p.rag : "green"] += 1;
    if (p.stale) g.stale += 1;
    g.total += 1;
  }
  return [...groups.values()];
}

function layoutGroupTable(
  layout: SheetLayout,
  b: BlockBuilder,
  row: number,
  summary: readonly ScorecardSummaryRow[],
  rags: readonly Rag[],
  live?: SummaryInput["live"],
): number {
  const headers = ["Group", ...rags.map((r) => RAG_WORDS[r]), "Out of date", "Total"];
  const minimum = headers.map((h, i) => (i === 0 ? 90 : Math.max(36, textWidth(h.split(" ")[0], BODY_BOLD) + CELL_PADDING)));
  const spans = partitionColumns(layout.widths, [3.2, ...headers.slice(1).map(() => 1)], minimum);
  const first = row;
  const counts = (s: ScorecardSummaryRow) => [...rags.map((r) => s.counts[r]), s.stale, s.total];
  const total: ScorecardSummaryRow = {
    group: "Total",
    counts: { blue: 0, green: 0, amber: 0, red: 0, grey: 0 },
    stale: summary.reduce((n, s) => n + s.stale, 0),
    total: summary.reduce((n, s) => n + s.total, 0),
  };
  for (const r of rags) total.counts[r] = summary.reduce((n, s) => n + s.counts[r], 0);

  if (!spans) {
    // Too few columns for a table: one line per group.
    const all = fullSpan(layout);
    for (const s of [...summary, total]) {
      const text = `${s.group}: ${rags.map((r) => `${s.counts[r]} ${RAG_WORDS[r]}`).join(", ")}; ${s.stale} out of date; ${s.total} in all`;
      b.set(row, 0, literal(text));
      layout.mergeAcross(row, row, all);
      layout.format({ address: span(row, 0, row, all[1]), wrap: true, bold: s === total });
      layout.fitText(row, all, text, BODY_FONT);
      row++;
    }
    return row;
  }
  headers.forEach((h, i) => b.set(row, spans[i][0], h));
  for (const s of spans) layout.mergeAcross(row, row, s);
  layout.format({ address: span(row, 0, row, layout.lastCol), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true, wrap: true, verticalAlignment: "Center" });
  rags.forEach((r, j) => {
    const s = spans[1 + j];
    layout.format({ address: span(row, s[0], row, s[1]), fill: RAG_COLOURS[r].fill, fontColour: RAG_COLOURS[r].text, horizontalAlignment: "Center" });
  });
  layout.height(row, maxOf(headers.map((h, i) => layout.fit.heightFor(h, spanWidth(layout.widths, spans[i]), BODY_BOLD))));
  row++;
  for (const s of [...summary, total]) {
    b.set(row, 0, literal(s.group));
    const kinds: (Rag | "stale" | "total")[] = [...rags, "stale", "total"];
    counts(s).forEach((n, j) => b.setLive(row, spans[1 + j][0], live?.groupFormula(s === total ? null : s.group, kinds[j]), n, "0"));
    layout.fitText(row, spans[0], s.group, s === total ? BODY_BOLD : BODY_FONT);
    row++;
  }
  const last = row - 1;
  for (const s of spans) layout.mergeAcross(first + 1, last, s);
  layout.format({ address: span(first + 1, spans[0][0], last, spans[0][1]), wrap: true, verticalAlignment: "Top" });
  layout.format({ address: span(first + 1, spans[1][0], last, layout.lastCol), horizontalAlignment: "Center", verticalAlignment: "Top" });
  layout.format({ address: span(last, 0, last, layout.lastCol), bold: true });
  layout.format({ address: span(first, 0, last, layout.lastCol), border: { colour: BORDER_COLOUR, inside: true } });
  return row;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Changed since the scorecard of 31 Jan 2024 (generated …)": page 1 names the scorecard it compares with. */
export function changesHeading(c: ScorecardChanges, asOf: string): string {
  if (!c.hasPrevious) return "Changed since the last scorecard";
  const generated = c.previousGeneratedAt ? ` (generated ${readableDate(c.previousGeneratedAt)})` : "";
  if (!c.previousAsOf) return `Changed since the last scorecard${generated}`;
  const which = c.previousAsOf === asOf ? "the first scorecard for" : "the scorecard of";
  return `Changed since ${which} ${readableDate(c.previousAsOf)}${generated}`;
}

function changeLines(c: ScorecardChanges): string[] {
  if (!c.hasPrevious) return ["This is the first scorecard in this workbook, so there is none to compare with yet."];
  const out: string[] = [];
  if (c.changed.length === 0) out.push("No KPI has changed its RAG rating.");
  const words = { worse: "Worse", better: "Better", other: "Changed" } as const;
  for (const ch of c.changed.slice(0, MAX_CHANGE_LINES)) {
    out.push(`${words[ch.direction]}: ${ch.label} — ${RAG_WORDS[ch.from]} → ${RAG_WORDS[ch.to]}`);
  }
  if (c.changed.length > MAX_CHANGE_LINES) out.push(`…and ${c.changed.length - MAX_CHANGE_LINES} more changes of RAG: see the register.`);
  const names = (list: readonly string[]) => list.slice(0, 5).join("; ") + (list.length > 5 ? `; and ${list.length - 5} more` : "");
  if (c.added.length) out.push(`New since then (${c.added.length}): ${names(c.added)}.`);
  if (c.removed.length) out.push(`No longer reported (${c.removed.length}): ${names(c.removed)}.`);
  return out;
}

/** "69" and "Dec 23" -> "69 (Dec 23)"; a figure whose own words name the period already ("69 (Dec 23)") keeps them. */
function withPeriod(text: string, period: string | null | undefined): string {
  const p = period?.replace(/\s+/g, " ").trim();
  if (!text || !p || text.toLowerCase().includes(p.toLowerCase())) return text;
  return `${text} (${p})`;
}

/** Milestone labels longer than this are said by their due month on page 1 ("by Oct 2020"); the register has them whole. */
const LONG_MILESTONE = 24;

/** The milestone the target belongs to, short: its label, or "by Oct 2020" for a long one with a due date. */
function shortTargetFor(kpi: PlacedKpi["kpi"]): string {
  const label = targetFor(kpi);
  if (label.length <= LONG_MILESTONE) return label;
  const due = kpi.milestones.find((m) => m.label === kpi.currentMilestone)?.due;
  return due ? `by ${readableDate(due).replace(/^\d+ /, "")}` : label;
}

/** "13% (Jan 24) against 60% (By 6 months)"; what is missing said in words; a period never said twice. */
export function latestVsTarget(p: PlacedKpi): string {
  const { kpi } = p;
  const latestFigure = figureText(kpi.latest, kpi.unit);
  const targetFigure = figureText(kpi.currentTarget ?? kpi.target, kpi.unit);
  const period = kpi.latest?.period?.replace(/\s+/g, " ").trim();
  const label = shortTargetFor(kpi).replace(/\s+/g, " ").trim();
  // The target for the latest figure's own period: the period said once, after both ("-9% against 5% (Q2 2014/15)",
  // "13.6% against 13% (Milestone 5 – Nov 24)").
  if (latestFigure && targetFigure && period && label.toLowerCase().includes(period.toLowerCase())) return withPeriod(`${latestFigure} against ${targetFigure}`, label);
  // A milestone due in the latest figure's own month ("by Oct 2020" for October 2020's figure): the month said once.
  const due = kpi.milestones.find((m) => m.label === kpi.currentMilestone)?.due;
  if (latestFigure && targetFigure && period && due && label === `by ${readableDate(due).replace(/^\d+ /, "")}` && kpi.latest?.periodEnd?.slice(0, 7) === due.slice(0, 7)) {
    return withPeriod(`${latestFigure} against ${targetFigure}`, period);
  }
  const latest = withPeriod(latestFigure, kpi.latest?.period);
  const t = withPeriod(targetFigure, shortTargetFor(kpi));
  if (latest && t) return `${latest} against ${t}`;
  if (latest) return `${latest}; no target`;
  if (t) return `No latest figure; target ${t}`;
  return "No figures";
}

interface ExceptionField {
  id: "ref" | "measure" | "latestVsTarget" | "trend" | "rag" | "owner" | "commentary";
  header: string;
  min: number;
}

const EXCEPTION_FIELDS: readonly ExceptionField[] = [
  { id: "ref", header: "Ref", min: 34 },
  { id: "measure", header: "Measure", min: 110 },
  { id: "latestVsTarget", header: "Latest against target", min: 80 },
  { id: "trend", header: "Trend", min: 50 },
  { id: "rag", header: RAG_HEADER, min: 46 },
  { id: "owner", header: "Owner", min: 55 },
  { id: "commentary", header: COMMENTARY_HEADER, min: 100 },
];

/** Fields left out first when the columns are too few for them all. */
const DROP_ORDER: ExceptionField["id"][] = ["owner", "trend", "ref", "latestVsTarget"];

/** The widest a field is made for its texts on one line, points: longer text wraps. */
const FIELD_CAP = 320;
/** The width the exceptions' commentary is given even when empty: room to write in. */
const COMMENTARY_ROOM = 300;

/**
 * The fields the exceptions table has room for over the register's columns, and their spans: each field as wide
 * as its longest text on one line (up to a cap) in proportion, and never narrower than its minimum.
 */
function exceptionFields(
  layout: SheetLayout,
  rows: readonly ExceptionRow[],
  texts: (e: ExceptionRow) => Record<ExceptionField["id"], string>,
  omit: readonly ExceptionField["id"][] = [],
): { fields: readonly ExceptionField[]; spans: readonly Span[] } {
  let fields = EXCEPTION_FIELDS.filter(
    (f) => !omit.includes(f.id) && (f.id !== "ref" || rows.some((r) => r.ref)) && (f.id !== "owner" || rows.some((r) => r.owner)) && (f.id !== "trend" || rows.some((r) => r.trend)),
  );
  // Commentary keeps room to write in, whatever it holds today.
  const wanted = (f: ExceptionField) =>
    Math.max(f.id === "commentary" ? COMMENTARY_ROOM : f.min, minOf([FIELD_CAP, maxOf(rows.map((e) => widthNeeds(texts(e)[f.id], f.id === "rag" ? BODY_BOLD : BODY_FONT).natural))]));
  // The RAG's lines ("Red" / "out of date") never wrap (the register's RAG column is made as wide); no field splits a word.
  const least = (f: ExceptionField) => (f.id === "rag" ? Math.max(f.min, wanted(f)) : Math.max(f.min, wordFloor(rows.map((e) => texts(e)[f.id]), BODY_FONT)));
  const split = () => partitionColumns(layout.widths, fields.map(wanted), fields.map(least), 4);
  let spans = split();
  for (const id of DROP_ORDER) {
    if (spans) break;
    fields = fields.filter((f) => f.id !== id);
    spans = split();
  }
  // One column only: the measure with its RAG.
  if (!spans) return { fields: [{ id: "measure", header: "Measure", min: 0 }], spans: [[0, layout.lastCol]] };
  return { fields, spans };
}


/** Page 1 holds up to this many exceptions whole ("a scorecard of up to about 15 exceptions"); more continue on the next pages. */
const PAGE_ONE_EXCEPTIONS = 15;

interface Shortening {
  /** Fields page 1 leaves to the register. */
  omit: readonly ExceptionField["id"][];
  /** Lines of commentary kept on page 1 (null: all). */
  commentaryLines: number | null;
  /** Lines of each measure kept on page 1 (null: all); only where commentary is cut too. */
  measureLines: number | null;
}

const FULL_LENGTH: Shortening = { omit: [], commentaryLines: null, measureLines: null };
const cut = (commentaryLines: number | null, measureLines: number | null = null): Shortening => ({ omit: ["owner"], commentaryLines, measureLines });
/**
 * Tried in turn until page 1 holds every exception, least lost first: the owner left to the register, then the
 * commentary cut shorter, then the measure (its reference and the register say it whole).
 */
const SHORTENED: readonly Shortening[] = [cut(null), cut(3), cut(2), cut(2, 2)];
/**
 * The heading of a cut commentary column. It is not the register's "Commentary" heading, so that reading the sheet back
 * takes each KPI's commentary from the register, where it stands whole, never the cut text as an edit.
 */
const SHORTENED_COMMENTARY_HEADER = "Commentary (cut)";

interface ExceptionTable {
  fields: readonly ExceptionField[];
  spans: readonly Span[];
  textsOf: (e: ExceptionRow) => Record<ExceptionField["id"], string>;
  heightOf: (e: ExceptionRow) => number;
  headerHeight: number;
  shortened: Shortening;
  /** What was cut in fact (a table whose commentary is all short cuts none). */
  cut: { commentary: boolean; measure: boolean };
}

/** The exceptions table's fields, their spans and each row's texts and height, shortened as asked. */
function exceptionTable(layout: SheetLayout, rows: readonly ExceptionRow[], shortened: Shortening): ExceptionTable {
  let oneField = false;
  let commentaryWidth = Infinity;
  let measureWidth = Infinity;
  const textsOf = (e: ExceptionRow): Record<ExceptionField["id"], string> => ({
    ref: e.ref ?? "",
    measure: oneField ? `${RAG_WORDS[e.rag]}: ${kpiLabel(e.ref, e.measure)}` : shortened.measureLines ? layout.fit.firstLines(e.measure, measureWidth, BODY_FONT, shortened.measureLines) : e.measure,
    latestVsTarget: e.latestVsTarget,
    trend: e.trend,
    rag: ragText(e),
    owner: e.owner,
    commentary: shortened.commentaryLines ? layout.fit.firstLines(e.commentary, commentaryWidth, BODY_FONT, shortened.commentaryLines) : e.commentary,
  });
  const { fields, spans } = exceptionFields(layout, rows, textsOf, shortened.omit);
  oneField = fields.length === 1;
  const c = fields.findIndex((f) => f.id === "commentary");
  if (c >= 0) commentaryWidth = spanWidth(layout.widths, spans[c]);
  const m = fields.findIndex((f) => f.id === "measure");
  if (m >= 0 && !oneField) measureWidth = spanWidth(layout.widths, spans[m]);
  const heightOf = (e: ExceptionRow) => {
    const t = textsOf(e);
    return maxOf(fields.map((f, i) => layout.fit.heightFor(t[f.id], spanWidth(layout.widths, spans[i]), f.id === "rag" ? BODY_BOLD : BODY_FONT)));
  };
  const cutIn = (id: "commentary" | "measure") => fields.some((f) => f.id === id) && rows.some((e) => textsOf(e)[id] !== e[id]);
  const cut = { commentary: cutIn("commentary"), measure: !oneField && cutIn("measure") };
  const headerOf = (f: ExceptionField) => (f.id === "commentary" && cut.commentary ? SHORTENED_COMMENTARY_HEADER : f.header);
  const headerHeight = maxOf(fields.map((f, i) => layout.fit.heightFor(headerOf(f), spanWidth(layout.widths, spans[i]), BODY_BOLD)));
  return { fields, spans, textsOf, heightOf, headerHeight, shortened, cut };
}

/**
 * The exceptions, worst first, under their heading. They come last on page 1; those that do not fit there go on
 * the next page (and the one after) under "Exceptions, continued" and the table's heading row again, so no row and
 * no heading is left at the foot of a page.
 */
function layoutExceptions(layout: SheetLayout, b: BlockBuilder, row: number, heading: string, rows: readonly ExceptionRow[], placed: readonly PlacedKpi[], input: SummaryInput): number {
  const pager = new Pager(layout, input.scale);
  const headingOf = (t: ExceptionTable) => {
    const lines = (n: number | null) => `${n} line${n === 1 ? "" : "s"}`;
    const said = [t.cut.commentary ? `commentary cut to ${lines(t.shortened.commentaryLines)}` : "", t.cut.measure ? `measures cut to ${lines(t.shortened.measureLines)}` : ""].filter(Boolean);
    return said.length ? `${heading}; ${said.join(", ")} here, whole in the register` : heading;
  };
  const headingHeight = (t: ExceptionTable) => layout.fit.heightFor(headingOf(t), spanWidth(layout.widths, [0, layout.lastCol]), SECTION_HEADING_FONT);
  const fitsPageOne = (t: ExceptionTable) => pager.fits(row, [headingHeight(t), t.headerHeight, ...rows.map(t.heightOf)]);
  // Page 1 is the summary whole: up to about 15 exceptions stay on it, shortened (owner and long commentary, both
  // in full in the register) when that is what it takes. More than that continue on the next page at full length.
  let table = exceptionTable(layout, rows, FULL_LENGTH);
  if (rows.length <= PAGE_ONE_EXCEPTIONS && !fitsPageOne(table)) {
    const shorter = SHORTENED.map((c) => exceptionTable(layout, rows, c));
    table = shorter.find(fitsPageOne) ?? table;
  }
  const { fields, spans, textsOf, heightOf, headerHeight } = table;
  const sectionHeight = headingHeight(table);
  heading = headingOf(table);
  const bySheet = new Map(placed.map((p) => [p.key, p.sheet]));

  /** The section's heading and the table's heading row; the rows of one page run from the row after. */
  const headTable = (at: number, text: string): number => {
    sectionHeading(layout, b, at, text);
    const header = at + 1;
    fields.forEach((f, i) => b.set(header, spans[i][0], f.id === "commentary" && table.cut.commentary ? SHORTENED_COMMENTARY_HEADER : f.header));
    b.set(header, input.keyCol, KEY_HEADER);
    b.set(header, input.sheetCol, SHEET_HEADER);
    layout.format({ address: span(header, 0, header, layout.lastCol), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true, wrap: true, verticalAlignment: "Center" });
    layout.height(header, headerHeight);
    return header + 1;
  };
  // Formats over every page's table at once go before the pages' own (headings override them): one request each,
  // however many pages, so a long list of exceptions stays within one write.
  const formatsAt = layout.formats.length;
  const tableTop = row + 1;
  const bodies: [number, number][] = [];
  // The heading never stands alone at a page's foot: with the first row it goes to the next page when they do not fit.
  if (!pager.fits(row, [sectionHeight, headerHeight, heightOf(rows[0])])) layout.pageBreaksBefore.push(row);
  row = headTable(row, heading);
  let first = row;
  rows.forEach((e, n) => {
    const h = heightOf(e);
    if (n > 0 && !pager.fits(row, [h])) {
      bodies.push([first, row - 1]);
      layout.pageBreaksBefore.push(row);
      row = headTable(row, `Exceptions, continued: ${rows.length - n} more, worst first`);
      first = row;
    }
    const t = textsOf(e);
    fields.forEach((f, i) => b.set(row, spans[i][0], literal(t[f.id])));
    b.set(row, input.keyCol, literal(e.key));
    b.set(row, input.sheetCol, literal(bySheet.get(e.key) ?? ""));
    layout.height(row, h);
    row++;
  });
  bodies.push([first, row - 1]);
  const whole = span(tableTop, 0, row - 1, layout.lastCol);
  layout.formats.splice(formatsAt, 0, { address: whole, wrap: true, verticalAlignment: "Top", border: { colour: BORDER_COLOUR, inside: true } });
  const ragField = fields.findIndex((f) => f.id === "rag");
  if (ragField >= 0) {
    // The rules read each cell's own text: a heading row's cell in this column holds "RAG" or nothing.
    const address = span(tableTop + 1, spans[ragField][0], row - 1, spans[ragField][0]);
    for (const rag of ["red", "amber", "green", "grey", "blue"] as const) {
      layout.textRules.push({ address, text: RAG_WORDS[rag], fill: RAG_COLOURS[rag].fill, fontColour: RAG_COLOURS[rag].text });
    }
  }
  for (const [top, last] of bodies) formatExceptionRows(layout, fields, spans, top, last);
  return row;
}

/** One page's exception rows: merged over their spans, wrapped, bordered; the RAG coloured by its word; commentary cream. */
function formatExceptionRows(layout: SheetLayout, fields: readonly ExceptionField[], spans: readonly Span[], first: number, last: number): void {
  // The heading row and the rows under it, each merged over its fields' spans.
  for (const sp of spans) layout.mergeAcross(first - 1, last, sp);
  const ragField = fields.findIndex((f) => f.id === "rag");
  if (ragField >= 0) {
    const s = spans[ragField];
    layout.format({ address: span(first, s[0], last, s[1]), bold: true, horizontalAlignment: "Center" });
  }
  const commentaryField = fields.findIndex((f) => f.id === "commentary");
  if (commentaryField >= 0) {
    const s = spans[commentaryField];
    layout.format({ address: span(first, s[0], last, s[1]), fill: COMMENTARY_FILL });
  }
}
