// Insert or replace the scorecard sheet and its hidden data sheet from the core's spec, in at most three
// syncs whatever the number of KPIs:
//   1. find the owned sheets by their tags, and the names of all sheets;
//   2. (only when there is an owned scorecard) read its protection, what it and its data sheet say;
//   3. one batch: create the new sheets, delete the old ones, write everything, re-tag, read back names.
// A protected owned sheet stops everything before any change. A sheet the add-in does not own is
// never touched: if it has the configured name, the scorecard takes a free name instead.
import { withSheetState, DATA_SHEET_DEFAULT_NAME, type ScorecardSpec, type SheetSection } from "../core/scorecard";
import { readOwnedSheet } from "./scorecardRead";
import { protectedSheetError, tooLargeError } from "./scorecardError";
import { OWNED_DATA_SHEET_COMMENT, OWNED_DATA_SHEET_NAME, OWNED_SHEET_COMMENT, OWNED_SHEET_NAME, freeSheetName } from "./scorecardOwnership";
import { queueDataSheetWrites, queueScorecardWrites, valuesToWrite, type WriteCapabilities } from "./scorecardWrite";
import { isSetSupported, REQUIREMENTS } from "./requirements";

export { readCommentary } from "./scorecardRead";
export { ScorecardError } from "./scorecardError";

export interface ApplyResult {
  sheetName: string;
  /** True when the configured name belonged to a sheet the add-in does not own. */
  renamedBecauseTaken: boolean;
  kpiRows: number;
  charts: number;
  syncs: number;
  /** KPI rows whose commentary was kept. */
  keptCommentary: number;
  /** Commentary kept in the "Commentary for KPIs no longer found" block. */
  orphanedCommentary: number;
  /** Features left out because this Excel does not support them, in words. */
  degraded: string[];
  /** The hidden sheet with the charts' data and what this scorecard said. */
  dataSheetName: string;
  /** Places on the scorecard the pane links to: the summary, the exceptions, the charts, each group of the register. */
  sections: SheetSection[];
  /** KPIs whose RAG changed since the last scorecard; null when there was none. */
  changedSinceLast: number | null;
}

export interface ApplyOptions {
  /** Requirement-set check. Default: src/excel/requirements (Office's answer in Excel, the host's checker elsewhere). */
  isSetSupported?: (name: string, minVersion?: string) => boolean;
}

/** Headroom under the 5 MB limit for the commands around the values (formats, rules, charts). */
const MAX_WRITE_BYTES = 4_000_000;

/**
 * The least a KPI adds to the write batch: its register row's values and number formats and its Source
 * link's command come to more than this for the shortest KPI (about 780 bytes for a typical one).
 */
const MIN_WRITE_BYTES_PER_KPI = 300;
const TYPICAL_WRITE_BYTES_PER_KPI = 800;

/**
 * Refuse, before the scorecard is built, a scan whose KPIs cannot fit one write batch however short they
 * are: building the spec for 300,000 KPIs takes half a minute and gigabytes only to be refused after.
 */
export function checkKpiCountFits(kpis: number): void {
  if (kpis * MIN_WRITE_BYTES_PER_KPI > MAX_WRITE_BYTES) throw tooLargeError(kpis, kpis * TYPICAL_WRITE_BYTES_PER_KPI);
}

/** The values, number formats and links of the write batch, as JSON: the bulk of the request. */
export function estimatedWriteBytes(spec: ScorecardSpec): number {
  let n = 0;
  for (const b of [...spec.blocks, ...spec.dataSheet.blocks]) {
    // A live cell is written as its formula, not its value; a block all in General writes no formats.
    n += JSON.stringify(valuesToWrite(b)).length;
    if (b.numberFormats.some((row) => row.some((f) => f !== "General"))) n += JSON.stringify(b.numberFormats).length;
  }
  // Each hyperlink is its own command with its own envelope (~120 bytes in Excel's protocol).
  for (const h of spec.hyperlinks) n += JSON.stringify(h).length + 120;
  return n;
}

export async function applyScorecard(context: Excel.RequestContext, specIn: ScorecardSpec, options: ApplyOptions = {}): Promise<ApplyResult> {
  const supports = options.isSetSupported ?? isSetSupported;
  let syncs = 0;
  const state = await readOwnedSheet(context, () => syncs++);
  if (state.owned?.protected) throw protectedSheetError(state.owned.name);

  const owned = state.owned;
  const oldData = state.dataSheet;
  const others = state.sheetNames.filter((n) => n !== owned?.name && n !== oldData?.name);
  const sheetName = freeSheetName(specIn.sheetName, others);
  const dataSheetName = freeSheetName(specIn.dataSheet.sheetName || DATA_SHEET_DEFAULT_NAME, [...others, sheetName]);
  const spec = withSheetState(specIn, owned?.state ?? null, { sheetName, dataSheetName });
  // One write batch must stay under Excel on the web's 5 MB request limit; say so plainly, before changing anything.
  const bytes = estimatedWriteBytes(spec);
  if (bytes > MAX_WRITE_BYTES) throw tooLargeError(spec.table.rowCount, bytes);

  const can: WriteCapabilities = {
    pageLayout: supports(REQUIREMENTS.pageLayout.name, REQUIREMENTS.pageLayout.version),
    hyperlinks: supports("ExcelApi", "1.7"),
    conditionalFormats: supports(REQUIREMENTS.conditionalFormats.name, REQUIREMENTS.conditionalFormats.version),
    gridlines: supports("ExcelApi", "1.8"),
    chartFormats: supports("ExcelApi", "1.8"),
  };
  const degraded: string[] = [];
  if (!can.pageLayout) degraded.push("Page setup (A4 landscape, one page wide, page breaks, header and footer) needs a newer Excel and was not set.");
  if (!can.hyperlinks) degraded.push("Links to source cells and frozen panes need a newer Excel and were not added.");
  if (!can.conditionalFormats) degraded.push("RAG colours need conditional formatting (a newer Excel); the RAG words are still shown.");
  if (!can.chartFormats && spec.charts.length > 0) degraded.push("Chart axis formats and the colour of values on the bars need a newer Excel; the charts show Excel's defaults.");

  const app = context.application;
  if (supports("ExcelApi", "1.8")) app.suspendApiCalculationUntilNextSync();
  if (supports("ExcelApi", "1.9")) app.suspendScreenUpdatingUntilNextSync();

  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  // Order matters in Excel, which applies a batch command by command and keeps what went before a
  // failure: the new sheets are added first (the step that fails if the workbook's structure is
  // protected), and only then are the old ones deleted. A new sheet whose name the old one still has
  // takes a temporary name, then the old name once the old sheet is gone.
  const taken = state.sheetNames;
  const clash = (n: string) => taken.some((t) => t.toLowerCase() === n.toLowerCase());
  const sheet = sheets.add(clash(sheetName) ? freeSheetName("KPIScorecard new", taken) : sheetName);
  const dataSheet = sheets.add(clash(dataSheetName) ? freeSheetName("KPIScorecard data new", [...taken, "KPIScorecard new"]) : dataSheetName);
  if (owned) sheets.getItem(owned.name).delete();
  if (oldData) sheets.getItem(oldData.name).delete();
  if (clash(sheetName)) sheet.name = sheetName;
  if (clash(dataSheetName)) dataSheet.name = dataSheetName;
  const placement = spec.source.options.settings.scorecardPlacement;
  if (placement === "first") sheet.position = 0;
  else if (owned) sheet.position = Math.min(owned.position, others.length);
  if (state.tagExists) names.getItem(OWNED_SHEET_NAME).delete();
  if (state.dataTagExists) names.getItem(OWNED_DATA_SHEET_NAME).delete();
  names.add(OWNED_SHEET_NAME, sheet.getRange("A1"), OWNED_SHEET_COMMENT);
  names.add(OWNED_DATA_SHEET_NAME, dataSheet.getRange("A1"), OWNED_DATA_SHEET_COMMENT);
  queueDataSheetWrites(dataSheet, spec);
  // Show the result (the user asked for a scorecard and should land on it), and before freezing panes:
  // Excel freezes panes reliably only on the active sheet.
  sheet.activate();
  queueScorecardWrites(sheet, dataSheet, spec, can);
  sheet.load("name");
  dataSheet.load("name");
  await context.sync();
  syncs++;

  return {
    sheetName: sheet.name,
    renamedBecauseTaken: sheet.name !== specIn.sheetName,
    kpiRows: spec.table.rowCount,
    charts: spec.charts.length,
    syncs,
    keptCommentary: spec.rows.filter((r) => r.commentary.trim() !== "").length,
    orphanedCommentary: spec.orphanedCommentary.length,
    degraded,
    dataSheetName: dataSheet.name,
    sections: spec.sections,
    changedSinceLast: spec.changes.hasPrevious ? spec.changes.changed.length : null,
  };
}
