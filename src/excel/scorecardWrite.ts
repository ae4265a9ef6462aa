// The scorecard write as a list of steps, each queuing a few commands on the scorecard, its data sheet and the
// workbook, in the order Excel must run them. Nothing here syncs: applyScorecard sends the steps in as few
// requests as the 5 MB limit allows (one for a scorecard of ordinary size), and the same steps, run against
// a recorder (requestEstimate.ts), tell the size of each request before it is sent.
//
// Regenerating updates the sheets in place (never deletes and recreates them), so their names, ids, the
// references other sheets hold to them, and what people added outside the area the add-in writes, survive.
// The order is what a failure part-way leaves behind, since Excel keeps what ran before a failing command:
// the written-area tag first (so the next run clears whatever this one reached), then the data sheet, then A1
// of the scorecard says it is incomplete, its old content is cleared only where nothing new will be written,
// the new values go over the old ones, formats follow, and A1 gets the title back last.
import { columnLetters, quoteSheetName, rectAddress } from "../core/address";
import type { CellBlock, ChartSpec, RangeFormatSpec, ScorecardSpec, SheetPartSpec } from "../core/scorecard";
import type { CellRect } from "../core/snapshot";
import {
  INCOMPLETE_MARKER,
  OWNED_DATA_SHEET_COMMENT,
  OWNED_DATA_SHEET_NAME,
  OWNED_REGISTER_SHEET_COMMENT,
  OWNED_REGISTER_SHEET_NAME,
  OWNED_SHEET_COMMENT,
  OWNED_SHEET_NAME,
  REGISTER_AREA_TAG,
  SHEET_NAME_TAG,
  WRITTEN_AREA_TAG,
} from "./scorecardOwnership";
import { blockRect, bounding, uncovered } from "./scorecardPlan";

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const INSIDE = ["InsideHorizontal", "InsideVertical"] as const;
const hex = (c: string) => `#${c}`;
/** Values of one range write at most (JSON characters): blocks longer than this are written in row slices. */
const SLICE_CHARS = 256 * 1024;

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
  /** ExcelApi 1.8: Application.suspendApiCalculationUntilNextSync. */
  suspendCalculation: boolean;
  /** ExcelApi 1.9: Application.suspendScreenUpdatingUntilNextSync. */
  suspendScreen: boolean;
}

/** The objects a step queues its commands on (real ones, or recorders when its size is told). */
export interface WriteTargets {
  workbook: Excel.Workbook;
  sheet: Excel.Worksheet;
  data: Excel.Worksheet;
  register: Excel.Worksheet;
}

/** The laid-out sheets a step writes to: the scorecard or the register's own sheet. */
type LaidOut = "sheet" | "register";

export interface WriteStep {
  label: string;
  queue(t: WriteTargets): void;
}

/** How the sheets are reached: made now, or the existing ones regenerated in place. */
export interface WritePlan {
  /** The scorecard's name when the write begins (before any rename). */
  sheetName: string;
  /** Make the scorecard sheet with this name (null: it exists, with this id). */
  createSheet: string | null;
  sheetId: string | null;
  createData: string | null;
  dataId: string | null;
  /** The tags to add (for a sheet made now, or one whose tag was deleted). */
  tagSheet: boolean;
  tagData: boolean;
  /** The tags exist already (pointing at a sheet a person deleted: #REF!): replaced. */
  sheetTagExists: boolean;
  dataTagExists: boolean;
  /** Whether the written-area and sheet-name tags exist already (changed) or not (added). */
  writtenTagExists: boolean;
  nameTagExists: boolean;
  /** What the last scorecard wrote, when the sheet is regenerated in place. */
  oldArea: CellRect | null;
  /** What the data sheet holds, when it exists. */
  oldDataArea: CellRect | null;
  /** Its charts, by name (deleted and drawn again). */
  oldCharts: string[];
  newArea: CellRect;
  /** A new name (the setting changed), or null. */
  rename: string | null;
  /** A new position, or null. */
  position: number | null;
  /** The data sheet is not hidden (yet, or a person showed it). */
  hideData: boolean;
  /** The register's sheet: made now with this name (null: it exists, with this id), its tags, areas, name and place. */
  createRegister: string | null;
  registerId: string | null;
  registerName: string;
  tagRegister: boolean;
  registerTagExists: boolean;
  registerAreaTagExists: boolean;
  oldRegisterArea: CellRect | null;
  newRegisterArea: CellRect;
  registerRename: string | null;
  /** Moved here (right after the scorecard), or null where it is already. */
  registerPosition: number | null;

  /** The sheet name the settings ask for, recorded in its tag. */
  configuredName: string;
  /** The value A1 holds when the write is done (the title), written last. */
  title: string | number;
}

function address(r: CellRect): string {
  return rectAddress(r);
}

/** A block in row slices small enough for one range write each, A1 replaced by the marker when asked. */
function slices(b: CellBlock, marker: string | null): CellBlock[] {
  const values = marker !== null && b.row === 0 && b.col === 0 ? b.values.map((row, r) => (r === 0 ? [marker, ...row.slice(1)] : row)) : b.values;
  const rows = values.length;
  // The average row as written (a live cell's formula is longer than its value).
  const written = JSON.stringify(valuesToWrite({ ...b, values })).length + JSON.stringify(b.numberFormats).length;
  const perRow = Math.max(1, Math.ceil(written / Math.max(1, rows)));
  const step = Math.max(1, Math.floor(SLICE_CHARS / perRow));
  const out: CellBlock[] = [];
  for (let r = 0; r < rows; r += step) {
    const formulas = b.formulas?.filter((f) => f.r >= r && f.r < r + step).map((f) => ({ ...f, r: f.r - r }));
    out.push({ ...b, row: b.row + r, values: values.slice(r, r + step), numberFormats: b.numberFormats.slice(r, r + step), ...(formulas?.length ? { formulas } : { formulas: undefined }) });
  }
  return out;
}

/** What is written to `values`: a live cell as its formula ("=" + the core's formula text), the rest as they are. */
export function valuesToWrite(b: CellBlock): (string | number)[][] {
  if (!b.formulas?.length) return b.values;
  const rows = b.values.map((row) => row.slice());
  for (const f of b.formulas) rows[f.r][f.c] = `=${f.formula}`;
  return rows;
}

function valueSteps(sheet: "sheet" | "data" | "register", blocks: readonly CellBlock[], marker: string | null): WriteStep[] {
  const steps: WriteStep[] = [];
  const parts = blocks.flatMap((b) => slices(b, marker));
  for (const b of parts) {
    steps.push({ label: `${sheet} values ${b.id}`, queue: (t) => void (t[sheet].getRange(address(blockRect(b))).values = valuesToWrite(b)) });
  }
  for (const b of parts) {
    // Cleared (or new) cells are General throughout: only slices with another format need a request.
    if (!b.numberFormats.some((row) => row.some((f) => f !== "General"))) continue;
    steps.push({ label: `${sheet} formats ${b.id}`, queue: (t) => void (t[sheet].getRange(address(blockRect(b))).numberFormat = b.numberFormats) });
  }
  return steps;
}

/** Make the sheets and their tags (the first scorecard, or a sheet a person deleted). */
function creationSteps(p: WritePlan): WriteStep[] {
  const steps: WriteStep[] = [];
  if (p.createSheet !== null || p.createData !== null || p.createRegister !== null) {
    // Sheets are added first: the step that fails if the workbook's structure is protected, or a co-author
    // made a sheet of that name a moment ago; nothing else has been changed by then.
    steps.push({
      label: "add sheets",
      queue: (t) => {
        if (p.createSheet !== null) t.sheet = t.workbook.worksheets.add(p.createSheet);
        if (p.createData !== null) t.data = t.workbook.worksheets.add(p.createData);
        if (p.createRegister !== null) t.register = t.workbook.worksheets.add(p.createRegister);
      },
    });
  }
  const tag = (name: string, exists: boolean, comment: string, sheet: (t: WriteTargets) => Excel.Worksheet): WriteStep => ({
    label: `tag ${name}`,
    queue: (t) => {
      if (exists) t.workbook.names.getItem(name).delete();
      t.workbook.names.add(name, sheet(t).getRange("A1"), comment);
    },
  });
  if (p.tagSheet) steps.push(tag(OWNED_SHEET_NAME, p.sheetTagExists, OWNED_SHEET_COMMENT, (t) => t.sheet));
  if (p.tagData) steps.push(tag(OWNED_DATA_SHEET_NAME, p.dataTagExists, OWNED_DATA_SHEET_COMMENT, (t) => t.data));
  if (p.tagRegister) steps.push(tag(OWNED_REGISTER_SHEET_NAME, p.registerTagExists, OWNED_REGISTER_SHEET_COMMENT, (t) => t.register));
  return steps;
}

function tagStep(label: string, name: string, exists: boolean, formula: () => string): WriteStep {
  return {
    label,
    queue: (t) => {
      if (exists) t.workbook.names.getItem(name).formula = formula();
      else t.workbook.names.add(name, formula());
    },
  };
}

/** Clear what the last scorecard wrote on a sheet where this one writes nothing, and every format and merge in its area. */
function clearSteps(key: LaidOut, old: CellRect | null, area: CellRect | null, part: SheetPartSpec, can: WriteCapabilities): WriteStep[] {
  if (!area || old === null) return [];
  const stale = uncovered(old, part.blocks.map(blockRect));
  return [{
    label: `clear ${key} area`,
    queue: (t) => {
      const sheet = t[key];
      const r = sheet.getRange(address(area));
      r.unmerge();
      if (can.conditionalFormats) r.conditionalFormats.clearAll();
      if (can.hyperlinks) r.clear("Hyperlinks");
      // Formats, not "All": notes and comments people added to these cells stay.
      r.clear("Formats");
      for (const x of stale) sheet.getRange(address(x)).clear("Contents");
      sheet.getRange(`${area.row + 1}:${area.row + area.rowCount}`).format.useStandardHeight = true;
      sheet.getRange(`${columnLetters(area.col)}:${columnLetters(area.col + area.colCount - 1)}`).columnHidden = false;
      if (can.pageLayout) sheet.horizontalPageBreaks.removePageBreaks();
      // The filter goes too (an older scorecard's register had it on the scorecard); the new one is applied after.
      if (can.pageLayout) sheet.autoFilter.remove();
    },
  }];
}

function append(to: WriteStep[], more: readonly WriteStep[]): void {
  for (const s of more) to.push(s);
}

/** Every step of the write, in order. */
export function scorecardSteps(spec: ScorecardSpec, p: WritePlan, can: WriteCapabilities): WriteStep[] {
  const steps: WriteStep[] = creationSteps(p);
  const inPlace = p.createSheet === null;
  // The areas the next run must clear cover this write wherever it stops; narrowed to it once it is done.
  steps.push(writtenTagStep(WRITTEN_AREA_TAG, p.writtenTagExists, p.sheetName, bounding([p.oldArea, p.newArea])!));
  const registerAt = p.createRegister ?? p.registerName;
  steps.push(writtenTagStep(REGISTER_AREA_TAG, p.registerAreaTagExists, registerAt, bounding([p.oldRegisterArea, p.newRegisterArea])!));
  if (p.rename !== null) steps.push({ label: "rename", queue: (t) => void (t.sheet.name = p.rename!) });
  if (p.registerRename !== null) steps.push({ label: "rename register", queue: (t) => void (t.register.name = p.registerRename!) });
  if (p.position !== null) steps.push({ label: "position", queue: (t) => void (t.sheet.position = p.position!) });
  if (p.registerPosition !== null) steps.push({ label: "register position", queue: (t) => void (t.register.position = p.registerPosition!) });
  // The data sheet: what this scorecard says, and the charts' data.
  // The data sheet is the add-in's alone. Its values are written over the old ones, never cleared first: a
  // write that stops part-way still leaves what the last scorecard said, for the next one's "changed since".
  if (p.createData === null) steps.push({ label: "clear data formats", queue: (t) => void t.data.getRange().clear("Formats") });
  append(steps, valueSteps("data", spec.dataSheet.blocks, null));
  const staleData = p.oldDataArea ? uncovered(p.oldDataArea, spec.dataSheet.blocks.map(blockRect)) : [];
  if (staleData.length) steps.push({ label: "clear old data", queue: (t) => staleData.forEach((r) => t.data.getRange(address(r)).clear("All")) });
  if (p.hideData) steps.push({ label: "hide data", queue: (t) => void (t.data.visibility = "Hidden") });
  if (inPlace) steps.push({ label: "incomplete", queue: (t) => void (t.sheet.getRange("A1").values = [[INCOMPLETE_MARKER]]) });
  // The register's sheet, then the scorecard, each activated and its panes set at once, with nothing between that
  // could change the active sheet: Microsoft documents freezeAt and getLocation as acting on "the active worksheet
  // view" and a freeze on another sheet misbehaves (office-js issue 3148). The scorecard is left active.
  append(steps, clearSteps("register", p.oldRegisterArea, bounding([p.oldRegisterArea, p.newRegisterArea]), spec.register, can));
  steps.push({ label: "activate register", queue: (t) => t.register.activate() });
  steps.push(viewStep("register", spec.register, can));
  append(steps, valueSteps("register", spec.register.blocks, null));
  append(steps, layoutSteps("register", spec.register, [], can));
  steps.push(writtenTagStep(REGISTER_AREA_TAG, true, p.registerRename ?? registerAt, p.newRegisterArea));
  for (const name of p.oldCharts) steps.push({ label: `delete ${name}`, queue: (t) => t.sheet.charts.getItem(name).delete() });
  append(steps, clearSteps("sheet", p.oldArea, bounding([p.oldArea, p.newArea]), spec, can));
  steps.push({ label: "activate", queue: (t) => t.sheet.activate() });
  steps.push(viewStep("sheet", spec, can));
  append(steps, valueSteps("sheet", spec.blocks, INCOMPLETE_MARKER));
  append(steps, layoutSteps("sheet", spec, spec.charts, can));
  steps.push(writtenTagStep(WRITTEN_AREA_TAG, true, p.rename ?? p.sheetName, p.newArea));
  const nameFormula = `="${p.configuredName.replace(/"/g, '""')}"`;
  steps.push(tagStep("sheet name", SHEET_NAME_TAG, p.nameTagExists, () => nameFormula));
  steps.push({ label: "title", queue: (t) => void (t.sheet.getRange("A1").values = [[p.title]]) });
  return steps;
}

/**
 * The written-area tag, pointing at `area` on the scorecard under the name it has at that point of the write.
 * Changed in one command (its formula), never deleted and added again: a write stopped between the two would
 * leave the next run without it, to clear a person's cells by the used range instead.
 */
function writtenTagStep(tag: string, exists: boolean, sheetName: string, area: CellRect): WriteStep {
  const formula = `=${quoteSheetName(sheetName)}!${absolute(area)}`;
  return {
    label: "written area",
    queue: (t) => {
      if (exists) t.workbook.names.getItem(tag).formula = formula;
      else t.workbook.names.add(tag, formula);
    },
  };
}

function absolute(r: CellRect): string {
  const a = `$${columnLetters(r.col)}$${r.row + 1}`;
  return r.rowCount === 1 && r.colCount === 1 ? a : `${a}:$${columnLetters(r.col + r.colCount - 1)}$${r.row + r.rowCount}`;
}

/**
 * The sheet's panes and gridlines, queued right after the sheet is activated (the caller's step before): the old
 * panes removed, then the new frozen. Every freeze-panes call names the active sheet, whichever way Excel reads it.
 */
function viewStep(key: LaidOut, spec: SheetPartSpec, can: WriteCapabilities): WriteStep {
  return {
    label: `view ${key}`,
    queue: (t) => {
      if (can.hyperlinks) {
        const panes = t[key].freezePanes;
        panes.unfreeze();
        const { rows, columns } = spec.freeze;
        if (rows > 0 && columns > 0) panes.freezeAt(t[key].getRange(`A1:${columnLetters(columns - 1)}${rows}`));
        else if (rows > 0) panes.freezeRows(rows);
        else if (columns > 0) panes.freezeColumns(columns);
      }
      if (can.gridlines) t[key].showGridlines = spec.showGridlines;
    },
  };
}

function layoutSteps(key: LaidOut, spec: SheetPartSpec, charts: readonly ChartSpec[], can: WriteCapabilities): WriteStep[] {
  const steps: WriteStep[] = [];
  steps.push({
    label: "columns",
    queue: (t) => {
      for (const w of spec.columnWidths) {
        const col = t[key].getRange(`${columnLetters(w.col)}:${columnLetters(w.col)}`);
        if (w.hidden) col.columnHidden = true;
        else col.format.columnWidth = w.width;
      }
    },
  });
  for (const m of spec.merges) steps.push({ label: "merge", queue: (t) => t[key].getRange(m.address).merge(m.across) });
  for (const f of spec.formats) steps.push({ label: "format", queue: (t) => applyFormat(t[key].getRange(f.address), f) });
  for (const h of spec.rowHeights) steps.push({ label: "row height", queue: (t) => void (t[key].getRange(`${h.row + 1}:${h.row + h.count}`).format.rowHeight = h.height) });
  if (can.conditionalFormats) {
    for (const rule of spec.textRules) {
      steps.push({
        label: "rule",
        queue: (t) => {
          const cf = t[key].getRange(rule.address).conditionalFormats.add("ContainsText");
          cf.textComparison.format.fill.color = hex(rule.fill);
          cf.textComparison.format.font.color = hex(rule.fontColour);
          cf.textComparison.rule = { operator: "Contains", text: rule.text };
        },
      });
    }
  }
  if (can.hyperlinks) {
    for (const h of spec.hyperlinks) {
      steps.push({ label: "link", queue: (t) => void (t[key].getRange(h.cell).hyperlink = { documentReference: h.documentReference, textToDisplay: h.textToDisplay, screenTip: h.screenTip }) });
    }
  }
  for (const c of charts) steps.push({ label: `chart ${c.name}`, queue: (t) => addChart(t[key], t.data, c, can) });
  if (can.pageLayout) steps.push({ label: "page", queue: (t) => queuePageLayout(t[key], spec) });
  // ExcelApi 1.9, as page layout: the register filterable from its heading row (a sheet has one AutoFilter: it moves here).
  if (can.pageLayout && spec.autoFilter) {
    const range = spec.autoFilter;
    steps.push({ label: "filter", queue: (t) => t[key].autoFilter.apply(t[key].getRange(range)) });
  }
  return steps;
}

function queuePageLayout(sheet: Excel.Worksheet, spec: SheetPartSpec): void {
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
  chart.name = c.name; // KPIScorecard_Chart_n (CHART_NAME_PREFIX): how the next regeneration finds it
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
        // Above or below a line's points (Excel's own default for a line is to their right).
        if (s.labelPosition) series.dataLabels.position = s.labelPosition;
        for (const p of s.pointLabelPositions ?? []) series.points.getItemAt(p.index).dataLabel.position = p.position;
      }
    }
  });
  const value = chart.axes.valueAxis;
  if (can.chartFormats) value.numberFormat = c.valueFormat;
  if (c.valueAxisMinimum !== null) value.minimum = c.valueAxisMinimum;
  if (c.valueAxisTitle) value.title.text = c.valueAxisTitle;
  if (c.categoryAxisTitle) chart.axes.categoryAxis.title.text = c.categoryAxisTitle;
}
