// How the add-in knows which sheet it owns: a workbook-scoped defined name that refers to A1 of
// the scorecard sheet. Excel rewrites the reference when someone renames the sheet, so the tag
// follows it; a sheet the add-in did not create never carries it.

export const OWNED_SHEET_NAME = "KPIScorecard.Owned";
export const OWNED_SHEET_COMMENT = "Marks the sheet the KPI Scorecard add-in owns and replaces on regeneration. Do not edit.";
/** The hidden sheet beside the scorecard (its charts' data, and what it said for the next one), tagged the same way. */
export const OWNED_DATA_SHEET_NAME = "KPIScorecard.Data";
export const OWNED_DATA_SHEET_COMMENT = "Marks the hidden sheet that holds the KPI Scorecard's chart data and state. Do not edit.";
/** Every name the add-in tags its sheets with: what a package patcher lifts with the scorecard. */
export const OWNED_NAMES: readonly string[] = [OWNED_SHEET_NAME, OWNED_DATA_SHEET_NAME];

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
