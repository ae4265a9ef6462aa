// One click: scan the workbook, build the scorecard spec, insert it. Used by the pane and the CLI.
import { buildScorecardSpec, sourceCellsOf } from "../core/scorecard";
import type { Settings } from "../core/settings";
import type { ScanResult } from "../core/types";
import { applyScorecard, checkKpiCountFits, type ApplyResult } from "./applyScorecard";
import { scanWorkbook, type Recognise } from "./scanWorkbook";
import type { ReadWorkbookOptions } from "./readWorkbook";
import type { TableDeclaration } from "../core/corrections";

export interface InsertScorecardOptions {
  workbookName: string;
  overrides?: Partial<Settings>;
  today?: string;
  /** ISO date-time shown as the generation time; default now. */
  generatedAt?: string;
  /** Called between the scan and the insert: for progress ("47 KPIs found, inserting…") and measurement. */
  onScanned?: (scan: ScanResult) => void;
  /** Tables declared for this run (the command line's --table). */
  declarations?: TableDeclaration[];
  /** Where the cells read are recognised (a Web Worker in the pane); default here. */
  recognise?: Recognise;
  /** How the cells are read (the pane's merged areas from its last scan: no call that clears the undo stack). */
  read?: ReadWorkbookOptions;
  /** Rows sized for LibreOffice's lines: a copy only printed by it (`pack`). Default Excel's. */
  printer?: "excel" | "libreoffice";
}

export interface InsertScorecardOutcome {
  scan: ScanResult;
  settings: Settings;
  applied: ApplyResult;
  /** With declarations: the settings to store in the workbook so that a later scan needs none. */
  toStore?: Settings;
}

export async function insertScorecard(context: Excel.RequestContext, options: InsertScorecardOptions): Promise<InsertScorecardOutcome> {
  const { result, settings, toStore, snapshot } = await scanWorkbook(context, options);
  options.onScanned?.(result);
  checkKpiCountFits(result.tables.reduce((n, t) => n + t.kpis.length, 0));
  // Commentary typed into the existing scorecard is read back by applyScorecard itself, in its own first syncs.
  const spec = buildScorecardSpec(result, {
    sheetName: settings.scorecardSheetName,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    commentary: [],
    settings,
    // The cells as read, so the register's figures can be formulas that follow them (the live scorecard).
    sourceCells: sourceCellsOf(snapshot, snapshot.date1904 === true),
    ...(options.printer ? { printer: options.printer } : {}),
  });
  const applied = await applyScorecard(context, spec);
  return { scan: result, settings, applied, ...(toStore ? { toStore } : {}) };
}
