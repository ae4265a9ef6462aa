// Scan the open workbook: read it into plain grids (src/excel/readWorkbook, two syncs), then let
// the core recognise and assess. The same function serves Excel, the CLI, the preview and the tests.
import type { ScanResult } from "../core/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import { resolveSettings, SETTINGS_KEY, type Settings } from "../core/settings";
import { scanSnapshot } from "../core/scan";
import { readWorkbook } from "./readWorkbook";

export interface ScanWorkbookOptions {
  workbookName: string;
  /** Explicit settings (command-line flags, the pane's unsaved edits) over those stored in the workbook. */
  overrides?: Partial<Settings>;
  /** The reporting date to use when none is set; default: today on this machine. */
  today?: string;
}

export interface ScanWorkbookOutcome {
  result: ScanResult;
  settings: Settings;
  snapshot: WorkbookSnapshot;
}

export async function scanWorkbook(context: Excel.RequestContext, options: ScanWorkbookOptions): Promise<ScanWorkbookOutcome> {
  const snapshot = await readWorkbook(context);
  const settings = settingsFromSnapshot(snapshot, options.overrides);
  const result = scanSnapshot(snapshot, { workbookName: options.workbookName, settings, today: options.today ?? todayIso() });
  return { result, settings, snapshot };
}

/** The workbook's stored settings (under SETTINGS_KEY) merged over the defaults, then the overrides. */
export function settingsFromSnapshot(snapshot: WorkbookSnapshot, overrides: Partial<Settings> = {}): Settings {
  const stored = (snapshot.settings as Record<string, unknown>)[SETTINGS_KEY] ?? snapshot.settings;
  return resolveSettings(stored, overrides);
}

/** Today's date on this machine, as YYYY-MM-DD (local time: the date the user sees). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
