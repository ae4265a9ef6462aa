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
import { heightAtScale, PAGE_FILL, VIEWER_WIDENING } from "./page";
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
import { CELL_PADDING, heightFor, textWidth, type FontSpec } from "./textFit";
import type { ExceptionRow, LegendEntry, ScorecardChanges, ScorecardSummaryRow, TileSpec } from "./types";
import { maxOf, minOf } from "../arrays";
import { sectionHeading } from "./sectionHeading";


const TITLE_FONT: FontSpec = { size: 20, bold: true };
const ORG_FONT: FontSpec = { size: 12, bold: true };
const SUBTITLE_FONT: FontSpec = { size: 12 };
const NOTE_FONT: FontSpec = { size: 9 };
const BODY_FONT: FontSpec = { size: 10 };
const BODY_BOLD: FontSpec = { size: 10, bold: true };
const TILE_NUMBER_FONT: FontSpec = { size: 24, bold: true };
const TILE_WORD_FONT: FontSpec = { size: 10, bold: true };

/** Most changes listed one by one; the rest are counted (the register shows every RAG). */
const MAX_CHANGE_LINES = 12;

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
  const fallback = reportingDateFallback(scan.asOfSource);
  const dateLine = `Reporting date: ${readableDate(scan.asOf)}${fallback ? ` (${fallback.replace(/^Reporting date /, "")})` : ""}`;
  const period = settings.reportingPeriod ? `Reporting period: ${settings.reportingPeriod}` : dateLine;
  line([settings.meetingName, period].filter(Boolean).join(" · "), SUBTITLE_FONT);
  const tableCount = scan.tables.length;
  line(
    `Figures as at ${readableDate(scan.asOf)}${fallback && settings.reportingPeriod ? ` · ${fallback}` : ""} · generated ${readableDate(input.generatedAt)} from ${scan.workbook}: ` +
      `${placed.length} KPI${placed.length === 1 ? "" : "s"} in ${tableCount} table${tableCount === 1 ? "" : "s"}.`,
    NOTE_FONT,
    { fontColour: NOTE_COLOUR, italic: true },
  );
  spacer(8);

  // --- RAG tiles ---
  const counts: Record<Rag, number> = { blue: 0, green: 0, amber: 0, red: 0, grey: 0 };
  for (const p of placed) counts[input.rags.includes(p.rag) ? p.rag : "green"]++;
  const staleCount = placed.filter((p) => p.stale).length;
  const ragOrder = (["red", "amber", "green", "blue", "grey"] as const).filter((r) => input.rags.includes(r));
  const tiles: TileSpec[] = [
    { id: "total", word: placed.length === 1 ? "KPI" : "KPIs", count: placed.length },
    ...ragOrder.map((r) => ({ id: r, word: r === "grey" ? "Grey (not rated)" : RAG_WORDS[r], count: counts[r] })),
    { id: "stale", word: "Out of date", count: staleCount },
  ];
  if (placed.length === 0) {
    line("No KPI tables were recognised in this workbook, so there is nothing to count yet.", BODY_BOLD);
  } else {
    row = layoutTiles(layout, b, tiles, row);
    const key = input.legend
      .filter((e) => e.kind === "rag")
      .map((e) => `${e.symbol}: ${e.meaning}`)
      .join(". ");
    line(
      `${key}. Out of date: the latest figure is older than the KPI's frequency allows at the reporting date` +
        `${settings.staleRatesGrey ? " (such KPIs rate Grey)" : " (counted in its RAG as well)"}. Trend: ▲ up, ▼ down, ► no change, ` +
        "with whether that is improving or worsening for the KPI.",
      NOTE_FONT,
      { fontColour: NOTE_COLOUR },
    );
  }
  spacer(10);

  // --- Exceptions ---
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
      staleAt: p.staleAt,
    }));
  // Blocks kept on one page when they fit one: a heading is never left at the foot of a page.
  const together: [number, number][] = [];
  layout.section("exceptions", `Exceptions (${exceptions.length})`, row);
  const exceptionsTop = row;
  sectionHeading(layout, b, row, `Exceptions: every Red and Amber KPI, worst first (${exceptions.length})`);
  row++;
  if (exceptions.length === 0) line(placed.length ? "No KPI is Red or Amber." : "No KPIs, so no exceptions.", BODY_FONT);
  else row = layoutExceptions(layout, b, row, exceptions, placed, input);
  together.push([exceptionsTop, Math.min(row, exceptionsTop + 3)]);
  spacer(10);

  // --- Changed since the last scorecard ---
  layout.section("changes", "Changed since the last scorecard", row);
  const changesTop = row;
  sectionHeading(layout, b, row, changesHeading(input.changes, scan.asOf));
  row++;
  for (const text of changeLines(input.changes)) line(text, BODY_FONT);
  together.push([changesTop, row]);
  spacer(10);

  // --- Counts by group ---
  const summary = summarise(placed, input.rags);
  if (placed.length > 0) {
    const groupsTop = row;
    sectionHeading(layout, b, row, "KPIs by group and RAG");
    row++;
    row = layoutGroupTable(layout, b, row, summary, ragOrder);
    together.push([groupsTop, row]);
  }

  keepTogether(layout, together, row, input.scale);
  layout.add(b);
  return { endRow: row, tiles, summary, exceptions };
}

/**
 * Page the summary as a printer would (a row never splits; a page holds PAGE_FILL of its height), both
 * as Excel prints it and as LibreOffice does (at a smaller scale, so with more rows a page), and start a
 * new page before each block that would straddle two pages in either but fits on one: no table is left
 * with a row or two on a page of its own, no heading at the foot of a page.
 */
function keepTogether(layout: SheetLayout, blocks: readonly [number, number][], end: number, scale: number): void {
  const pages = [heightAtScale(scale) * PAGE_FILL, heightAtScale(scale / VIEWER_WIDENING) * PAGE_FILL];
  const h = (r: number) => layout.rowHeight(r, 15);
  const sum = (a: number, z: number) => {
    let n = 0;
    for (let r = a; r < z; r++) n += h(r);
    return n;
  };
  const y = pages.map(() => 0);
  for (let r = 0; r < end; r++) {
    const block = blocks.find(([a]) => a === r);
    if (block && y.some((v) => v > 0)) {
      const height = sum(block[0], block[1]);
      if (pages.some((page, i) => y[i] + height > page) && height <= minOf(pages)) {
        layout.pageBreaksBefore.push(r);
        y.fill(0);
      }
    }
    pages.forEach((page, i) => {
      if (y[i] + h(r) > page) y[i] = 0;
      y[i] += h(r);
    });
  }
}

function tileColours(id: TileSpec["id"]) {
  if (id === "total") return TOTAL_TILE_COLOURS;
  if (id === "stale") return STALE_TILE_COLOURS;
  return RAG_COLOURS[id];
}

/**
 * Tiles side by side when the columns allow, each a number over a word; on a narrow register (few columns
 * printed) in rows of three, then two; only when even two will not fit, one line per tile.
 */
function layoutTiles(layout: SheetLayout, b: BlockBuilder, tiles: readonly TileSpec[], row: number): number {
  const minimum = tiles.map((t) => Math.max(textWidth(String(t.count), TILE_NUMBER_FONT), textWidth(t.word.split(" ")[0], TILE_WORD_FONT)) + CELL_PADDING + 6);
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
      r.tiles.forEach((t, i) => tileAt(layout, b, t, row, r.spans[i]));
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
function tileAt(layout: SheetLayout, b: BlockBuilder, t: TileSpec, row: number, s: Span): void {
  const c = tileColours(t.id);
  b.set(row, s[0], t.count);
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
  layout.height(row, maxOf(headers.map((h, i) => heightFor(h, spanWidth(layout.widths, spans[i]), BODY_BOLD))));
  row++;
  for (const s of [...summary, total]) {
    b.set(row, 0, literal(s.group));
    counts(s).forEach((n, j) => b.set(row, spans[1 + j][0], n, "0"));
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

/** "Changed since the scorecard of 31 Jan 2024 (generated …)": page 1 names the scorecard it compares with. */
export function changesHeading(c: ScorecardChanges, asOf: string): string {
  if (!c.hasPrevious) return "Changed since the last scorecard";
  const generated = c.previousGeneratedAt ? ` (generated ${readableDate(c.previousGeneratedAt)})` : "";
  if (!c.previousAsOf) return `Changed since the last scorecard${generated}`;
  const which = c.previousAsOf === asOf ? "the first scorecard for" : "the scorecard of";
  return `Changed since ${which} ${readableDate(c.previousAsOf)}${generated}`;
}

function changeLines(c: ScorecardChanges): string[] {
  if (!c.hasPrevious) return ["This is the first scorecard in this workbook: changes will be shown from the next one."];
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

/** "13% (Jan 24) against 60% (By 6 months)"; what is missing said in words. */
export function latestVsTarget(p: PlacedKpi): string {
  const { kpi } = p;
  const latest = figureText(kpi.latest, kpi.unit);
  const period = kpi.latest?.period ? ` (${kpi.latest.period})` : "";
  const target = figureText(kpi.currentTarget ?? kpi.target, kpi.unit);
  const due = targetFor(kpi);
  const t = target ? `${target}${due ? ` (${due})` : ""}` : "";
  if (latest && t) return `${latest}${period} against ${t}`;
  if (latest) return `${latest}${period}; no target`;
  if (t) return `No latest figure; target ${t}`;
  return "No figures";
}

interface ExceptionField {
  id: "ref" | "measure" | "latestVsTarget" | "trend" | "rag" | "owner" | "commentary";
  header: string;
  weight: number;
  min: number;
}

const EXCEPTION_FIELDS: readonly ExceptionField[] = [
  { id: "ref", header: "Ref", weight: 6, min: 34 },
  { id: "measure", header: "Measure", weight: 28, min: 110 },
  { id: "latestVsTarget", header: "Latest against target", weight: 17, min: 80 },
  { id: "trend", header: "Trend", weight: 11, min: 58 },
  { id: "rag", header: RAG_HEADER, weight: 7, min: 46 },
  { id: "owner", header: "Owner", weight: 10, min: 55 },
  { id: "commentary", header: COMMENTARY_HEADER, weight: 22, min: 100 },
];

/** Fields left out first when the columns are too few for them all. */
const DROP_ORDER: ExceptionField["id"][] = ["owner", "trend", "ref", "latestVsTarget"];

function layoutExceptions(layout: SheetLayout, b: BlockBuilder, row: number, rows: readonly ExceptionRow[], placed: readonly PlacedKpi[], input: SummaryInput): number {
  let fields = EXCEPTION_FIELDS.filter(
    (f) => (f.id !== "ref" || rows.some((r) => r.ref)) && (f.id !== "owner" || rows.some((r) => r.owner)) && (f.id !== "trend" || rows.some((r) => r.trend)),
  );
  let spans = partitionColumns(layout.widths, fields.map((f) => f.weight), fields.map((f) => f.min));
  for (const id of DROP_ORDER) {
    if (spans) break;
    fields = fields.filter((f) => f.id !== id);
    spans = partitionColumns(layout.widths, fields.map((f) => f.weight), fields.map((f) => f.min));
  }
  if (!spans) {
    // One column only: the measure with its RAG.
    fields = [{ id: "measure", header: "Measure", weight: 1, min: 0 }];
    spans = [[0, layout.lastCol]];
  }
  const header = row;
  fields.forEach((f, i) => b.set(header, spans![i][0], f.header));
  b.set(header, input.keyCol, KEY_HEADER);
  b.set(header, input.sheetCol, SHEET_HEADER);
  layout.format({ address: span(header, 0, header, layout.lastCol), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true, wrap: true, verticalAlignment: "Center" });
  layout.height(header, maxOf(fields.map((f, i) => heightFor(f.header, spanWidth(layout.widths, spans![i]), BODY_BOLD))));
  row++;
  const bySheet = new Map(placed.map((p) => [p.key, p.sheet]));
  for (const e of rows) {
    const text: Record<ExceptionField["id"], string> = {
      ref: e.ref ?? "",
      measure: fields.length === 1 ? `${RAG_WORDS[e.rag]}: ${kpiLabel(e.ref, e.measure)}` : e.measure,
      latestVsTarget: e.latestVsTarget,
      trend: e.trend,
      rag: ragText(e),
      owner: e.owner,
      commentary: e.commentary,
    };
    fields.forEach((f, i) => {
      b.set(row, spans![i][0], literal(text[f.id]));
      layout.fitText(row, spans![i], text[f.id], f.id === "rag" ? BODY_BOLD : BODY_FONT);
    });
    b.set(row, input.keyCol, literal(e.key));
    b.set(row, input.sheetCol, literal(bySheet.get(e.key) ?? ""));
    row++;
  }
  const first = header + 1;
  const last = row - 1;
  for (const s of spans) layout.mergeAcross(header, last, s);
  layout.format({ address: span(first, 0, last, layout.lastCol), wrap: true, verticalAlignment: "Top" });
  layout.format({ address: span(header, 0, last, layout.lastCol), border: { colour: BORDER_COLOUR, inside: true } });
  const ragField = fields.findIndex((f) => f.id === "rag");
  if (ragField >= 0) {
    const s = spans[ragField];
    const address = span(first, s[0], last, s[0]);
    layout.format({ address: span(first, s[0], last, s[1]), bold: true, horizontalAlignment: "Center" });
    for (const rag of ["red", "amber", "green", "grey", "blue"] as const) {
      layout.textRules.push({ address, text: RAG_WORDS[rag], fill: RAG_COLOURS[rag].fill, fontColour: RAG_COLOURS[rag].text });
    }
  }
  const commentaryField = fields.findIndex((f) => f.id === "commentary");
  if (commentaryField >= 0) {
    const s = spans[commentaryField];
    layout.format({ address: span(first, s[0], last, s[1]), fill: COMMENTARY_FILL });
  }
  return row;
}
