// Queue every write of a scorecard spec on a new sheet, with no sync: values first (one 2-D
// array per block), then number formats, then formats, conditional formats, links, charts, panes
// and page setup. The caller syncs once.
import { columnLetters } from "../core/address";
import type { CellBlock, ChartSpec, RangeFormatSpec, ScorecardSpec } from "../core/scorecard";

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const INSIDE = ["InsideHorizontal", "InsideVertical"] as const;

function blockAddress(b: CellBlock): string {
  const first = `${columnLetters(b.col)}${b.row + 1}`;
  const last = `${columnLetters(b.col + b.values[0].length - 1)}${b.row + b.values.length}`;
  return first === last ? first : `${first}:${last}`;
}

const hex = (c: string) => `#${c}`;

export interface WriteCapabilities {
  /** ExcelApi 1.9: page layout (orientation, paper, fit to width, print titles). */
  pageLayout: boolean;
  /** ExcelApi 1.7: hyperlinks and freeze panes. */
  hyperlinks: boolean;
  /** ExcelApi 1.6: conditional formats. */
  conditionalFormats: boolean;
  /** ExcelApi 1.8: Worksheet.showGridlines. */
  gridlines: boolean;
}

/** Queues the writes; returns notes on anything this host could not do (the sheet is still complete). */
export function queueScorecardWrites(sheet: Excel.Worksheet, spec: ScorecardSpec, can: WriteCapabilities): string[] {
  const notes: string[] = [];
  for (const b of spec.blocks) sheet.getRange(blockAddress(b)).values = b.values;
  for (const b of spec.blocks) {
    // A new sheet is General throughout: only blocks with another format need a request.
    if (b.numberFormats.some((row) => row.some((f) => f !== "General"))) sheet.getRange(blockAddress(b)).numberFormat = b.numberFormats;
  }
  for (const w of spec.columnWidths) {
    const col = sheet.getRange(`${columnLetters(w.col)}:${columnLetters(w.col)}`);
    if (w.hidden) hideColumn(col, notes);
    else col.format.columnWidth = w.width;
  }
  for (const m of spec.merges) sheet.getRange(m).merge(false);
  for (const f of spec.formats) applyFormat(sheet.getRange(f.address), f);
  // After wrapping is set, so heights follow the wrapped text.
  for (const a of spec.autofitRows) sheet.getRange(a).format.autofitRows();
  if (can.conditionalFormats) {
    for (const rule of spec.textRules) {
      const cf = sheet.getRange(rule.address).conditionalFormats.add("ContainsText");
      cf.textComparison.format.fill.color = hex(rule.fill);
      cf.textComparison.format.font.color = hex(rule.fontColour);
      cf.textComparison.rule = { operator: "Contains", text: rule.text };
    }
  }
  if (can.hyperlinks) {
    for (const h of spec.hyperlinks) {
      sheet.getRange(h.cell).hyperlink = { documentReference: h.documentReference, textToDisplay: h.textToDisplay, screenTip: h.screenTip };
    }
  }
  for (const c of spec.charts) addChart(sheet, c);
  if (can.hyperlinks) {
    sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetters(spec.freeze.columns - 1)}${spec.freeze.rows}`));
  }
  if (can.gridlines) sheet.showGridlines = spec.showGridlines;
  if (can.pageLayout) {
    const page = sheet.pageLayout;
    page.orientation = spec.page.orientation;
    page.paperSize = spec.page.paperSize;
    page.zoom = { horizontalFitToPages: spec.page.fitToPagesWide, verticalFitToPages: 0 };
    page.setPrintTitleRows(spec.page.printTitleRows);
    page.setPrintArea(spec.page.printArea);
    for (const row of spec.page.pageBreaksBefore) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  }
  return notes;
}

const NOT_HIDDEN = "The key columns at the right of the scorecard could not be hidden here; they are left out of the printed page. Do not edit them: they keep commentary with its KPI.";

function hideColumn(col: Excel.Range, notes: string[]): void {
  // Excel has had Range.columnHidden since ExcelApi 1.2; a host without it throws at assignment
  // (a strict host says so rather than ignoring it), and the scorecard is still usable without it.
  try {
    col.columnHidden = true;
  } catch {
    if (!notes.includes(NOT_HIDDEN)) notes.push(NOT_HIDDEN);
  }
}

function applyFormat(range: Excel.Range, f: RangeFormatSpec): void {
  const fmt = range.format;
  if (f.fill) fmt.fill.color = hex(f.fill);
  if (f.fontColour) fmt.font.color = hex(f.fontColour);
  if (f.bold !== undefined) fmt.font.bold = f.bold;
  if (f.italic !== undefined) fmt.font.italic = f.italic;
  if (f.fontSize !== undefined) fmt.font.size = f.fontSize;
  if (f.wrap !== undefined) fmt.wrapText = f.wrap;
  if (f.horizontalAlignment) fmt.horizontalAlignment = f.horizontalAlignment;
  if (f.verticalAlignment) fmt.verticalAlignment = f.verticalAlignment;
  if (f.rowHeight !== undefined) fmt.rowHeight = f.rowHeight;
  if (f.border) {
    const edges = f.border.inside ? [...EDGES, ...INSIDE] : EDGES;
    for (const e of edges) {
      const border = fmt.borders.getItem(e);
      border.style = "Continuous";
      border.color = hex(f.border.colour);
    }
  }
}

function addChart(sheet: Excel.Worksheet, c: ChartSpec): void {
  const chart = sheet.charts.add(c.type, sheet.getRange(c.source), c.seriesBy);
  chart.name = c.name;
  chart.title.text = c.title;
  chart.legend.position = "Bottom";
  chart.setPosition(c.topLeft, c.bottomRight);
  c.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    if (c.type === "ColumnStacked") series.format.fill.setSolidColor(hex(s.colour));
    else {
      series.format.line.color = hex(s.colour);
      if (s.dashed) series.format.line.lineStyle = "Dash";
      series.markerBackgroundColor = hex(s.colour);
      series.markerForegroundColor = hex(s.colour);
    }
  });
  chart.axes.valueAxis.numberFormat = c.valueFormat;
}
