// Queue every write of a scorecard spec on its two new sheets, with no sync: the data sheet's values
// (hidden), then the scorecard's values, number formats, column widths, merges, formats, row heights,
// conditional formats, links, charts, and, once the sheet is active, frozen panes and page setup.
// The caller syncs once. Errors surface at that sync, as Office.js reports them: nothing here catches.
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
  /** ExcelApi 1.9: page layout (orientation, paper, fit to width, print titles, breaks, header and footer). */
  pageLayout: boolean;
  /** ExcelApi 1.7: hyperlinks and freeze panes. */
  hyperlinks: boolean;
  /** ExcelApi 1.6: conditional formats. */
  conditionalFormats: boolean;
  /** ExcelApi 1.8: Worksheet.showGridlines. */
  gridlines: boolean;
  /** ExcelApi 1.8: a chart axis's number format and a series' own data labels and their colour. */
  chartFormats: boolean;
}

function writeBlocks(sheet: Excel.Worksheet, blocks: readonly CellBlock[]): void {
  for (const b of blocks) sheet.getRange(blockAddress(b)).values = b.values;
  for (const b of blocks) {
    // A new sheet is General throughout: only blocks with another format need a request.
    if (b.numberFormats.some((row) => row.some((f) => f !== "General"))) sheet.getRange(blockAddress(b)).numberFormat = b.numberFormats;
  }
}

/** The hidden data sheet: what this scorecard said, and the charts' data. Hidden after it is written. */
export function queueDataSheetWrites(dataSheet: Excel.Worksheet, spec: ScorecardSpec): void {
  writeBlocks(dataSheet, spec.dataSheet.blocks);
  dataSheet.visibility = "Hidden";
}

/** Queues the writes; the scorecard must be activated by the caller before, as freezing panes needs. */
export function queueScorecardWrites(sheet: Excel.Worksheet, dataSheet: Excel.Worksheet, spec: ScorecardSpec, can: WriteCapabilities): void {
  writeBlocks(sheet, spec.blocks);
  for (const w of spec.columnWidths) {
    const col = sheet.getRange(`${columnLetters(w.col)}:${columnLetters(w.col)}`);
    if (w.hidden) col.columnHidden = true;
    else col.format.columnWidth = w.width;
  }
  for (const m of spec.merges) sheet.getRange(m.address).merge(m.across);
  for (const f of spec.formats) applyFormat(sheet.getRange(f.address), f);
  for (const h of spec.rowHeights) sheet.getRange(`${h.row + 1}:${h.row + h.count}`).format.rowHeight = h.height;
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
  for (const c of spec.charts) addChart(sheet, dataSheet, c, can);
  // Frozen panes on a sheet that is not active misbehave in Excel (office-js#3148): the caller activates first.
  if (can.hyperlinks) {
    const { rows, columns } = spec.freeze;
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetters(columns - 1)}${rows}`));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
  }
  if (can.gridlines) sheet.showGridlines = spec.showGridlines;
  if (can.pageLayout) queuePageLayout(sheet, spec);
  // ExcelApi 1.9, as page layout: the register filterable from its heading row.
  if (can.pageLayout && spec.autoFilter) sheet.autoFilter.apply(sheet.getRange(spec.autoFilter));
}

function queuePageLayout(sheet: Excel.Worksheet, spec: ScorecardSpec): void {
  const page = sheet.pageLayout;
  const p = spec.page;
  page.orientation = p.orientation;
  page.paperSize = p.paperSize;
  // One page wide, as many tall as it takes: Excel then keeps the manual breaks (a page count tall would drop them).
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.leftMargin = p.margins.left;
  page.rightMargin = p.margins.right;
  page.topMargin = p.margins.top;
  page.bottomMargin = p.margins.bottom;
  page.headerMargin = p.margins.header;
  page.footerMargin = p.margins.footer;
  page.headersFooters.defaultForAllPages.centerHeader = p.centerHeader;
  page.headersFooters.defaultForAllPages.centerFooter = p.centerFooter;
  if (p.printTitleRows) page.setPrintTitleRows(p.printTitleRows);
  page.setPrintArea(p.printArea);
  for (const row of p.pageBreaksBefore) sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

function applyFormat(range: Excel.Range, f: RangeFormatSpec): void {
  const fmt = range.format;
  if (f.fill) fmt.fill.color = hex(f.fill);
  if (f.fontColour) fmt.font.color = hex(f.fontColour);
  if (f.bold !== undefined) fmt.font.bold = f.bold;
  if (f.italic !== undefined) fmt.font.italic = f.italic;
  if (f.fontName !== undefined) fmt.font.name = f.fontName;
  if (f.fontSize !== undefined) fmt.font.size = f.fontSize;
  if (f.wrap !== undefined) fmt.wrapText = f.wrap;
  if (f.horizontalAlignment) fmt.horizontalAlignment = f.horizontalAlignment;
  if (f.verticalAlignment) fmt.verticalAlignment = f.verticalAlignment;
  if (f.border) {
    const edges = f.border.inside ? [...EDGES, ...INSIDE] : EDGES;
    for (const e of edges) {
      const border = fmt.borders.getItem(e);
      border.style = "Continuous";
      border.color = hex(f.border.colour);
    }
  }
}

function addChart(sheet: Excel.Worksheet, dataSheet: Excel.Worksheet, c: ChartSpec, can: WriteCapabilities): void {
  // The data is on the hidden data sheet: Excel plots a hidden sheet's cells (it leaves out hidden rows and columns).
  const chart = sheet.charts.add(c.type, dataSheet.getRange(c.source), c.seriesBy);
  chart.name = c.name;
  chart.title.text = c.title;
  chart.legend.position = "Bottom";
  chart.setPosition(c.topLeft, c.bottomRight);
  c.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    // A target on a column chart is drawn as a line with markers on the same period axis (a combination chart).
    if (s.asLine) series.chartType = "LineMarkers";
    if (c.type === "LineMarkers" || s.asLine) {
      series.format.line.color = hex(s.colour);
      if (s.dashed) series.format.line.lineStyle = "Dash";
      series.markerBackgroundColor = hex(s.colour);
      series.markerForegroundColor = hex(s.colour);
    } else series.format.fill.setSolidColor(hex(s.colour));
    if (c.dataLabels && s.labels !== false) {
      series.hasDataLabels = true;
      if (can.chartFormats) {
        series.dataLabels.showValue = true;
        series.dataLabels.format.font.color = hex(s.labelColour);
      }
    }
  });
  const value = chart.axes.valueAxis;
  if (can.chartFormats) value.numberFormat = c.valueFormat;
  if (c.valueAxisMinimum !== null) value.minimum = c.valueAxisMinimum;
  if (c.valueAxisTitle) value.title.text = c.valueAxisTitle;
  if (c.categoryAxisTitle) chart.axes.categoryAxis.title.text = c.categoryAxisTitle;
}
