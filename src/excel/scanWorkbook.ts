// Scan the open workbook: read it into plain grids (src/excel/readWorkbook, two syncs), then let
// the core recognise and assess at the reporting date (see scanWithReportingDate). The same function
// serves Excel, the CLI, the preview and the tests, so each chooses the reporting date the same way.
import type { ScanResult } from "../core/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import { resolveSettings, type Settings } from "../core/settings";
import { decodeSettings } from "../core/settingsStore";
import { scanSnapshot } from "../core/scan";
import { defaultReportingDate, type ReportingDateSource } from "../core/reportingDate";
import { latestPeriodNamed } from "../core/namedPeriod";
import { readWorkbook, type ReadWorkbookOptions } from "./readWorkbook";
import { withDeclarations, type TableDeclaration } from "../core/corrections";

export interface ScanWorkbookOptions {
  workbookName: string;
  /** Explicit settings (command-line flags, the pane's unsaved edits) over those stored in the workbook. */
  overrides?: Partial<Settings>;
  /** Today's date (YYYY-MM-DD); default: today on this machine. With no reporting date given or stored, the scan uses the latest period in the data, or today when the data reaches today. */
  today?: string;
  /** Tables declared for this scan (the command line's --table), anchored on the workbook's cells as read. */
  declarations?: TableDeclaration[];
  /** How the cells are read (merged areas already known, for the automatic re-scan; progress). */
  read?: ReadWorkbookOptions;
  /**
   * Where the cells read are recognised and rated: by default here; the pane hands a large workbook to a Web
   * Worker, so it stays responsive (src/taskpane/workerRecognise.ts). Same result either way.
   */
  recognise?: Recognise;
}

/** The scan of a snapshot, somewhere: scanReadSnapshot, here or in a worker. */
export type Recognise = (snapshot: WorkbookSnapshot, options: RecogniseOptions) => Promise<ScanWorkbookOutcome>;

/** What a scan of a snapshot needs besides it: plain data, as a worker receives it. */
export type RecogniseOptions = Pick<ScanWorkbookOptions, "workbookName" | "overrides" | "today" | "declarations">;

export interface ScanWorkbookOutcome {
  result: ScanResult;
  settings: Settings;
  snapshot: WorkbookSnapshot;
  /** With declarations or a title block given: the workbook's own settings with them added, as the pane would store them. */
  toStore?: Settings;
}

/** Settings given for one run that belong to the scorecard made from it, and are stored with it. */
const STORED_WITH_SCORECARD = ["organisation", "reportTitle", "meetingName", "reportingPeriod"] as const;

export async function scanWorkbook(context: Excel.RequestContext, options: ScanWorkbookOptions): Promise<ScanWorkbookOutcome> {
  const snapshot = await readWorkbook(context, options.read);
  if (!options.recognise) return scanReadSnapshot(snapshot, options);
  const { workbookName, overrides, today, declarations } = options;
  return options.recognise(snapshot, { workbookName, overrides, today, declarations });
}

/** The scan of a snapshot already read (the command line reads a file straight into one), exactly as scanWorkbook scans. */
export function scanReadSnapshot(snapshot: WorkbookSnapshot, options: RecogniseOptions): ScanWorkbookOutcome {
  let settings = settingsFromSnapshot(snapshot, options.overrides);
  let toStore: Settings | undefined;
  // The title block given for this run (the command line's --organisation, --title, --meeting, --period) is
  // the paper's, not the run's: it is stored with the scorecard, so regenerating it in Excel keeps it.
  const heading: Partial<Settings> = {};
  for (const key of STORED_WITH_SCORECARD) if (options.overrides?.[key] !== undefined) Object.assign(heading, { [key]: options.overrides[key] });
  if (options.declarations?.length) {
    const tables = withDeclarations(snapshot, settings.tables, options.declarations);
    settings = { ...settings, tables };
    toStore = { ...settingsFromSnapshot(snapshot), ...heading, tables };
  } else if (Object.keys(heading).length) {
    toStore = { ...settingsFromSnapshot(snapshot), ...heading };
  }
  const result = scanWithReportingDate(snapshot, settings, options);
  return { result, settings, snapshot, ...(toStore ? { toStore } : {}) };
}

/**
 * The scan at the reporting date given (option), else stored in the workbook (setting), else the latest
 * period in the data when it ends before today, else today; result.asOfSource says which. Without a
 * date given or stored, the scan as at today shows where the data ends; a second pass of the core (no
 * further reading of the workbook) re-rates at that date only when the data ends before today.
 */
export function scanWithReportingDate(snapshot: WorkbookSnapshot, settings: Settings, options: RecogniseOptions): ScanResult {
  const base = { workbookName: options.workbookName, settings };
  const today = options.today ?? todayIso();
  if (settings.asOf) {
    const source: ReportingDateSource = options.overrides?.asOf ? "given" : "setting";
    return { ...scanSnapshot(snapshot, { ...base, today }), asOfSource: source };
  }
  const atToday = scanSnapshot(snapshot, { ...base, today });
  const chosen = defaultReportingDate(atToday, today, () => latestPeriodNamed(snapshot, atToday, settings.financialYearStartMonth));
  if (chosen.source === "today") return { ...atToday, asOfSource: "today" };
  return { ...scanSnapshot(snapshot, { ...base, today: chosen.asOf }), asOfSource: chosen.source };
}

/** The workbook's stored settings (src/core/settingsStore.ts) over the defaults, then the overrides. */
export function settingsFromSnapshot(snapshot: WorkbookSnapshot, overrides: Partial<Settings> = {}): Settings {
  return resolveSettings(decodeSettings(snapshot.settings as Record<string, unknown>).settings, overrides);
}

/** Today's date on this machine, as YYYY-MM-DD (local time: the date the user sees). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
