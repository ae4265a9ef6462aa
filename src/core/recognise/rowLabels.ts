// Rows that say what the row holds rather than name a KPI: "ACTUAL" / "KPI 1/2 ACTUAL" rows of actuals under
// a KPI's row of targets, and a column of row labels ("Target" / "Actual") beside the names.
import type { SheetGrid } from "./grid";
import type { FoundTable } from "./findTables";

export const ACTUAL_ROW = /^(.*?)\s*actuals?\s*$/i;
/** A row label in a column of row labels that says the row holds what happened: "Actual", "Outturn", "Achieved". */
export const ACTUAL_TYPE = /^(?:actuals?|out-?turns?|achieved|performance|results?)$/i;
export const TARGET_LABEL = /^(targets?|plan|planned|trajectory|goal|standard|ambition)$/i;

/** A column, headed or not, whose cells label each row "Target" or "Actual": paired rows labelled in one column. */
export function rowTypeColumn(grid: SheetGrid, table: FoundTable): number | null {
  for (const c of table.columns) {
    if (c.cls && c.cls.role !== "section" && c.cls.role !== "notes") continue;
    let targets = 0;
    let actuals = 0;
    let other = 0;
    for (let r = table.firstDataRow; r <= table.lastRow; r++) {
      const t = grid.rawText(r, c.col);
      if (!t) continue;
      if (TARGET_LABEL.test(t)) targets++;
      else if (ACTUAL_TYPE.test(t)) actuals++;
      else other++;
    }
    if (targets > 0 && actuals > 0 && other <= (targets + actuals) / 4) return c.col;
  }
  return null;
}

/** "KPI 1/2" matches "KPI 1/2" and "1/2"; "KPI 2/3" matches stem "KPI 2/3" of "KPI 2/3ACTUALS". */
export function sameRef(ref: string, stem: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/^kpi\s*/, "").replace(/\s+/g, "");
  return n(ref) === n(stem);
}
