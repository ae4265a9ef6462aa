// A user's correction (a range declared a KPI table, a column's role, a KPI's target...) applied to the open
// workbook: read it once, make the change on the settings stored in it now (not on the pane's older copy: a
// co-author may have saved since), store only the keys it changes in one sync, and scan the cells just read with them.
// Reading is the scan's 3 syncs (more blocks for a large sheet); saving is 1.
import type { WorkbookSnapshot } from "../core/snapshot";
import type { Settings } from "../core/settings";
import { readWorkbook } from "./readWorkbook";
import { saveSettings } from "./settingsStore";
import { scanWithReportingDate, settingsFromSnapshot, type ScanWorkbookOptions, type ScanWorkbookOutcome } from "./scanWorkbook";

/** The change: new settings from those stored and the cells as they are, or why it cannot be made. */
export type SettingsChange = (stored: Settings, snapshot: WorkbookSnapshot) => Settings | string;

export type CorrectionOutcome = (ScanWorkbookOutcome & { problem?: undefined }) | { problem: string };

export async function correctWorkbook(context: Excel.RequestContext, options: ScanWorkbookOptions & { change: SettingsChange }): Promise<CorrectionOutcome> {
  const read = await readWorkbook(context);
  const stored = settingsFromSnapshot(read);
  const next = options.change(stored, read);
  if (typeof next === "string") return { problem: next };
  // Only the keys this correction changes are written: a co-author's correction stored meanwhile stays.
  const items = await saveSettings(context, next, stored, read.settings as Record<string, unknown>);
  // The snapshot as the workbook now stands, settings included, for the next correction made from it.
  const snapshot: WorkbookSnapshot = { ...read, settings: items };
  const settings = settingsFromSnapshot(snapshot, options.overrides);
  return { result: scanWithReportingDate(snapshot, settings, options), settings, snapshot };
}
