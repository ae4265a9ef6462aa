// Insert or replace the scorecard sheet from the core's spec, in at most three syncs whatever
// the number of KPIs:
//   1. find the owned sheet by its tag, and the names of all sheets;
//   2. (only when there is an owned sheet) read its protection and commentary;
//   3. one batch: delete and re-create the sheet, write everything, re-tag it, read back its name.
// A protected owned sheet stops everything before any change. A sheet the add-in does not own is
// never touched: if it has the configured name, the scorecard takes a free name instead.
import { withSheetCommentary, type ScorecardSpec } from "../core/scorecard";
import { readOwnedSheet } from "./scorecardRead";
import { protectedSheetError, tooLargeError } from "./scorecardError";
import { OWNED_SHEET_COMMENT, OWNED_SHEET_NAME, freeSheetName } from "./scorecardOwnership";
import { queueScorecardWrites, type WriteCapabilities } from "./scorecardWrite";
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
}

export interface ApplyOptions {
  /** Requirement-set check. Default: src/excel/requirements (Office's answer in Excel, the host's checker elsewhere). */
  isSetSupported?: (name: string, minVersion?: string) => boolean;
}

/** Headroom under the 5 MB limit for the commands around the values (formats, rules, charts). */
const MAX_WRITE_BYTES = 4_000_000;

/** The values, number formats and links of the write batch, as JSON: the bulk of the request. */
export function estimatedWriteBytes(spec: ScorecardSpec): number {
  let n = 0;
  for (const b of spec.blocks) n += JSON.stringify(b.values).length + JSON.stringify(b.numberFormats).length;
  // Each hyperlink is its own command with its own envelope (~120 bytes in Excel's protocol).
  for (const h of spec.hyperlinks) n += JSON.stringify(h).length + 120;
  return n;
}

export async function applyScorecard(context: Excel.RequestContext, specIn: ScorecardSpec, options: ApplyOptions = {}): Promise<ApplyResult> {
  const supports = options.isSetSupported ?? isSetSupported;
  let syncs = 0;
  const state = await readOwnedSheet(context, () => syncs++);
  if (state.owned?.protected) throw protectedSheetError(state.owned.name);

  const spec = state.owned ? withSheetCommentary(specIn, state.owned.commentary) : specIn;
  // One write batch must stay under Excel on the web's 5 MB request limit; say so plainly, before changing anything.
  const bytes = estimatedWriteBytes(spec);
  if (bytes > MAX_WRITE_BYTES) throw tooLargeError(spec.table.rowCount, bytes);
  const owned = state.owned;
  const others = state.sheetNames.filter((n) => !owned || n !== owned.name);
  const sheetName = freeSheetName(spec.sheetName, others);

  const can: WriteCapabilities = {
    pageLayout: supports(REQUIREMENTS.pageLayout.name, REQUIREMENTS.pageLayout.version),
    hyperlinks: supports("ExcelApi", "1.7"),
    conditionalFormats: supports(REQUIREMENTS.conditionalFormats.name, REQUIREMENTS.conditionalFormats.version),
    gridlines: supports("ExcelApi", "1.8"),
  };
  const degraded: string[] = [];
  if (!can.pageLayout) degraded.push("Page setup (A4 landscape, fit to width, print titles) needs a newer Excel and was not set.");
  if (!can.hyperlinks) degraded.push("Links to source cells and frozen panes need a newer Excel and were not added.");
  if (!can.conditionalFormats) degraded.push("RAG colours need conditional formatting (a newer Excel); the RAG words are still shown.");

  const app = context.application;
  if (supports("ExcelApi", "1.8")) app.suspendApiCalculationUntilNextSync();
  if (supports("ExcelApi", "1.9")) app.suspendScreenUpdatingUntilNextSync();

  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  // Order matters in Excel, which applies a batch command by command and keeps what went before a
  // failure: the new sheet is added first (the step that fails if the workbook's structure is
  // protected), and only then is the old one deleted.
  const clash = owned !== null && owned.name.toLowerCase() === sheetName.toLowerCase();
  const sheet = sheets.add(clash ? freeSheetName("KPIScorecard new", state.sheetNames) : sheetName);
  if (owned) {
    sheets.getItem(owned.name).delete();
    if (clash) sheet.name = sheetName;
    sheet.position = owned.position;
  }
  if (state.tagExists) names.getItem(OWNED_SHEET_NAME).delete();
  names.add(OWNED_SHEET_NAME, sheet.getRange("A1"), OWNED_SHEET_COMMENT);
  degraded.push(...queueScorecardWrites(sheet, spec, can));
  // Show the result: the user asked for a scorecard and should land on it.
  sheet.activate();
  sheet.load("name");
  await context.sync();
  syncs++;

  return {
    sheetName: sheet.name,
    renamedBecauseTaken: sheetName !== spec.sheetName,
    kpiRows: spec.table.rowCount,
    charts: spec.charts.length,
    syncs,
    keptCommentary: spec.rows.filter((r) => r.commentary.trim() !== "").length,
    orphanedCommentary: spec.orphanedCommentary.length,
    degraded,
  };
}
