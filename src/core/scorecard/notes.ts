// The blocks after the charts: every finding in full, numbered (the register's Findings column gives a
// short phrase and the numbers), and commentary whose KPI is no longer found (kept, never dropped).
import type { Finding } from "../types";
import { kpiLabel } from "./changes";
import { COMMENTARY_HEADER, KEY_HEADER, MEASURE_HEADER, REF_HEADER, SHEET_HEADER } from "./columns";
import { findingPhrase } from "./findingPhrases";
import { BlockBuilder, span } from "./grid";
import { fullSpan, type SheetLayout } from "./layout";
import { literal } from "./literal";
import { partitionColumns, spanWidth, type Span } from "./partition";
import { BORDER_COLOUR, COMMENTARY_FILL, HEADER_COLOURS } from "./palette";
import type { PlacedKpi } from "./rows";
import { wordFloor, type FontSpec } from "./textFit";
import { REGISTER_FONT_SIZE } from "./page";
import type { CommentaryEntry } from "./types";
import { sectionHeading } from "./sectionHeading";

const BODY: FontSpec = { size: REGISTER_FONT_SIZE };
const BOLD: FontSpec = { size: REGISTER_FONT_SIZE, bold: true };

export interface NumberedFindings {
  /** Each KPI's findings as the register shows them: "Target tbc; Figure out of date (notes 3–4)". */
  byKey: Map<string, string>;
  /** Every finding in order, with its number. */
  list: { n: number; about: string; finding: Finding }[];
}

/** Number the findings in the order the register lists the KPIs, then the workbook-wide ones. */
export function numberFindings(registerOrder: readonly PlacedKpi[], workbookFindings: readonly Finding[]): NumberedFindings {
  const byKey = new Map<string, string>();
  const list: NumberedFindings["list"] = [];
  for (const p of registerOrder) {
    const fs = p.kpi.findings;
    if (fs.length === 0) continue;
    const first = list.length + 1;
    for (const f of fs) list.push({ n: list.length + 1, about: kpiLabel(p.kpi.ref, p.kpi.measure), finding: { ...f, message: withoutName(f.message, p.kpi.ref, p.kpi.measure) } });
    const last = list.length;
    // An out-of-date figure is said in the RAG column already.
    const phrases = [...new Set(fs.filter((f) => !(p.stale && f.code === "stale-data")).map((f) => findingPhrase(f.code)))].join("; ");
    const notes = first === last ? `note ${first}` : `notes ${first}–${last}`;
    byKey.set(p.key, phrases ? `${phrases} (${notes})` : `See ${notes}`);
  }
  for (const f of workbookFindings) list.push({ n: list.length + 1, about: f.sheet ? `Sheet ${f.sheet}` : "The workbook", finding: f });
  return { byKey, list };
}

/**
 * A finding's message without the KPI's name it starts with ('KPI 1/2: …', '"Waiting time – SLT…": …'): the
 * findings block names the KPI in a column of its own.
 */
export function withoutName(message: string, ref: string | null, measure: string): string {
  const m = /^("?)(.{1,80}?)\1: (.+)$/s.exec(message);
  if (!m) return message;
  const name = m[2].replace(/…$/, "");
  const named = (ref && name === ref) || (m[1] === '"' && name.length > 0 && measure.startsWith(name));
  return named ? m[3].charAt(0).toUpperCase() + m[3].slice(1) : message;
}

/** A table of text over spans of the register's columns: header row, then rows, wrapped and sized. */
function textTable(layout: SheetLayout, b: BlockBuilder, row: number, headers: readonly string[], rows: readonly string[][], spans: readonly Span[]): number {
  headers.forEach((h, i) => b.set(row, spans[i][0], literal(h)));
  layout.format({ address: span(row, 0, row, layout.lastCol), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true, wrap: true, verticalAlignment: "Center" });
  headers.forEach((h, i) => layout.fitText(row, spans[i], h, BOLD));
  const first = row;
  row++;
  for (const cells of rows) {
    cells.forEach((text, i) => {
      b.set(row, spans[i][0], literal(text));
      layout.fitText(row, spans[i], text, BODY);
    });
    row++;
  }
  for (const s of spans) layout.mergeAcross(first, row - 1, s);
  if (row - 1 > first) layout.format({ address: span(first + 1, 0, row - 1, layout.lastCol), wrap: true, verticalAlignment: "Top" });
  layout.format({ address: span(first, 0, row - 1, layout.lastCol), border: { colour: BORDER_COLOUR, inside: true } });
  return row;
}

export function layoutFindings(layout: SheetLayout, startRow: number, colCount: number, numbered: NumberedFindings): number {
  if (numbered.list.length === 0) return startRow;
  const b = new BlockBuilder("findings", startRow, 0, colCount);
  let row = startRow;
  layout.section("findings", `Findings (${numbered.list.length})`, row);
  sectionHeading(layout, b, row, `Findings in full (${numbered.list.length}): what to check in the workbook`);
  row++;
  const rows = numbered.list.map((x) => [String(x.n), x.about, `${x.finding.message}${x.finding.cell ? ` (${x.finding.sheet ? `${x.finding.sheet}!` : ""}${x.finding.cell})` : ""}`]);
  // No column splits a word: each at least as wide as its longest word (and the heading's).
  const floors = ["Note", "KPI", "Finding"].map((h, i) => wordFloor([h, ...rows.map((r) => r[i])], BOLD));
  const spans = partitionColumns(layout.widths, [0.7, 3, 6.3], [Math.max(28, floors[0]), Math.max(90, floors[1]), Math.max(150, floors[2])]);
  // A note number alone in a wide first column (a register with no Ref column, its Measure first) leaves a quarter
  // of the page blank beside the findings: the number then leads the KPI's cell.
  const noteTooWide = spans && spanWidth(layout.widths, spans[0]) > 3 * Math.max(28, floors[0]);
  const paired = noteTooWide ? partitionColumns(layout.widths, [3.7, 6.3], [Math.max(90, floors[1]), Math.max(150, floors[2])]) : null;
  if (spans && !paired) row = textTable(layout, b, row, ["Note", "KPI", "Finding"], rows, spans);
  else if (paired) row = textTable(layout, b, row, ["Note. KPI", "Finding"], rows.map((r) => [`${r[0]}. ${r[1]}`, r[2]]), paired);
  else row = textTable(layout, b, row, ["Finding"], rows.map((r) => [`${r[0]}. ${r[1]}: ${r[2]}`]), [fullSpan(layout)]);
  layout.add(b);
  return row + 1;
}

export function layoutOrphans(layout: SheetLayout, startRow: number, colCount: number, keyCol: number, sheetCol: number, orphaned: readonly CommentaryEntry[]): number {
  if (orphaned.length === 0) return startRow;
  const b = new BlockBuilder("orphans", startRow, 0, colCount);
  let row = startRow;
  layout.section("orphans", `Commentary for KPIs no longer found (${orphaned.length})`, row);
  sectionHeading(layout, b, row, "Commentary for KPIs no longer found");
  row++;
  const spans = partitionColumns(layout.widths, [1, 4, 2, 5], [30, 90, 50, 120]) ?? partitionColumns(layout.widths, [4, 5], [60, 90]);
  const header = row;
  const cells = orphaned.map((e) => [e.ref ?? "", e.measure ?? "", e.sheet ?? "", e.text]);
  if (spans && spans.length === 4) row = textTable(layout, b, row, [REF_HEADER, MEASURE_HEADER, "Sheet", COMMENTARY_HEADER], cells, spans);
  else if (spans) row = textTable(layout, b, row, [MEASURE_HEADER, COMMENTARY_HEADER], cells.map((c) => [kpiLabel(c[0], c[1]), c[3]]), spans);
  else row = textTable(layout, b, row, [COMMENTARY_HEADER], cells.map((c) => [c[3]]), [fullSpan(layout)]);
  b.set(header, keyCol, KEY_HEADER);
  b.set(header, sheetCol, SHEET_HEADER);
  orphaned.forEach((e, i) => {
    b.set(header + 1 + i, keyCol, literal(e.key));
    b.set(header + 1 + i, sheetCol, literal(e.sheet ?? ""));
  });
  const commentary = spans ? spans[spans.length - 1] : fullSpan(layout);
  if (orphaned.length) layout.format({ address: span(header + 1, commentary[0], row - 1, commentary[1]), fill: COMMENTARY_FILL });
  layout.add(b);
  return row + 1;
}
