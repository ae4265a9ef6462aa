// How the add-in knows which sheet it owns: a workbook-scoped defined name that refers to A1 of
// the scorecard sheet. Excel rewrites the reference when someone renames the sheet, so the tag
// follows it; a sheet the add-in did not create never carries it.

export const OWNED_SHEET_NAME = "KPIScorecard.Owned";
export const OWNED_SHEET_COMMENT = "Marks the sheet the KPI Scorecard add-in owns and replaces on regeneration. Do not edit.";
/** The hidden sheet beside the scorecard (its charts' data, and what it said for the next one), tagged the same way. */
export const OWNED_DATA_SHEET_NAME = "KPIScorecard.Data";
export const OWNED_DATA_SHEET_COMMENT = "Marks the hidden sheet that holds the KPI Scorecard's chart data and state. Do not edit.";
/** The register's own sheet beside the scorecard (one row per KPI, its heading row frozen), tagged the same way. */
export const OWNED_REGISTER_SHEET_NAME = "KPIScorecard.Register";
export const OWNED_REGISTER_SHEET_COMMENT = "Marks the register sheet the KPI Scorecard add-in owns and replaces on regeneration. Do not edit.";
/** The area of the register sheet the add-in last wrote, as WRITTEN_AREA_TAG is for the scorecard. */
export const REGISTER_AREA_TAG = "KPIScorecard.RegisterWritten";
/**
 * The area of the scorecard the add-in last wrote (a range on it): cleared and written again by the next
 * regeneration, in place. What a person adds outside it stays. Excel moves it with inserted rows, as a tag.
 */
export const WRITTEN_AREA_TAG = "KPIScorecard.Written";
/** The sheet name the settings asked for when the scorecard was last written (a text name): a new one renames it. */
export const SHEET_NAME_TAG = "KPIScorecard.SheetName";
/** Every name the add-in writes: what a package patcher lifts with the scorecard. */
export const OWNED_NAMES: readonly string[] = [OWNED_SHEET_NAME, OWNED_DATA_SHEET_NAME, OWNED_REGISTER_SHEET_NAME, WRITTEN_AREA_TAG, REGISTER_AREA_TAG, SHEET_NAME_TAG];
/** The names of the charts the add-in draws (src/core/scorecard/charts.ts): a person's own charts are left alone. */
export const CHART_NAME_PREFIX = "KPIScorecard_Chart_";
/**
 * What A1 of the scorecard says while it is being written: the last command of the write puts the title back,
 * so a write that stopped part-way leaves a sheet that says so until the next one repairs it.
 */
export const INCOMPLETE_MARKER = "This scorecard is incomplete: the last update stopped part-way. Select Insert scorecard to finish it.";

/**
 * The sheet name in a defined name's formula: "='My ''sheet'''!$A$1" -> "My 'sheet'".
 * Null when the name no longer refers to a sheet (e.g. "=#REF!$A$1" after the sheet was deleted).
 */
export function sheetFromReference(formula: string): string | null {
  const f = formula.trim().replace(/^=/, "");
  const bang = f.lastIndexOf("!");
  if (bang <= 0) return null;
  const raw = f.slice(0, bang);
  if (raw.includes("#REF")) return null;
  if (raw.startsWith("'") && raw.endsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/** A name not used by any sheet (case-insensitive, as Excel compares): "Scorecard (2)", "(3)"... within 31 characters. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${wanted.slice(0, 31 - suffix.length).replace(/'+$/, "")}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
