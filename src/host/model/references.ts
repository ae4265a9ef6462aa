// Excel keeps references pointing at a sheet when it is renamed (names, formulas, chart series), and
// turns them into #REF! when it is deleted. The host does the same to the text of those references.
import { quoteSheetName } from "../../core/address";
import type { Journal } from "./journal";
import { forEachCell } from "./sheet";
import { markWritten } from "../calc/dirty";
import type { WorkbookModel } from "./types";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern for "Name!" or "'Name'!" (any quoting Excel accepts), not part of a longer name. */
function sheetRefPattern(name: string): RegExp {
  const quoted = `'${escapeRegExp(name.replace(/'/g, "''"))}'`;
  const bare = escapeRegExp(name);
  return new RegExp(`(^|[^A-Za-z0-9_.'\\]])(?:${quoted}|${bare})!`, "gi");
}

/** Outside string literals only: "..." in a formula is text, not a reference. */
function rewrite(formula: string, pattern: RegExp, replacement: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, (_m, lead: string) => `${lead}${replacement}`)))
    .join("");
}

export function renameSheetReferences(model: WorkbookModel, journal: Journal, oldName: string, newName: string): void {
  applyToReferences(model, journal, sheetRefPattern(oldName), `${quoteSheetName(newName)}!`, false);
}

/** The sheet is gone: "=Scorecard!B4" becomes "=#REF!B4", and the cell shows #REF!, as Excel recalculates it. */
export function breakSheetReferences(model: WorkbookModel, journal: Journal, name: string): void {
  applyToReferences(model, journal, sheetRefPattern(name), "#REF!", true);
}

function applyToReferences(model: WorkbookModel, journal: Journal, pattern: RegExp, replacement: string, broken: boolean): void {
  const names = [...model.names, ...model.sheets.flatMap((s) => s.names)];
  for (const n of names) {
    const f = rewrite(n.formula, pattern, replacement);
    if (f !== n.formula) journal.set(n, "formula", f);
  }
  for (const sheet of model.sheets) {
    forEachCell(sheet, (cell, r, c) => {
      if (!cell.formula) return;
      const f = rewrite(cell.formula, pattern, replacement);
      if (f === cell.formula) return;
      const row = sheet.rows[r];
      row[c] = broken ? { ...cell, formula: f, value: { error: "#REF!" } } : { ...cell, formula: f };
      journal.record(() => void (row[c] = cell));
      markWritten(sheet, r, c);
    });
    for (const chart of sheet.charts) {
      for (const s of chart.series) {
        for (const key of ["valuesRef", "categoriesRef"] as const) {
          const ref = s[key];
          if (ref) {
            const f = rewrite(ref, pattern, replacement);
            if (f !== ref) journal.set(s, key, f);
          }
        }
      }
    }
    for (const cf of sheet.conditionalFormats) {
      const r = cf.rule;
      if (r.type === "Custom") {
        const f = rewrite(r.formula, pattern, replacement);
        if (f !== r.formula) journal.set(cf, "rule", { ...r, formula: f });
      }
    }
  }
}
