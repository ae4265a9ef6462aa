// Whether a table's arrows state a judgement ("↑ = improving", "green arrow: performance is better") rather
// than the direction the figure moved. A legend on the sheet near the table, or in the trend column's own
// heading, says so.
import type { SheetGrid } from "./grid";
import type { FoundTable } from "./findTables";

export const ARROW = /[↑↓→↗↘⬆⬇▲▼△▽►▶◄⇧⇩]|\b(?:up|down|upward|downward|green|red|amber|black)\s+arrows?\b|\barrows?\b/i;
export const JUDGEMENT = /\b(?:improv\w*|better|positive|good|worse|worsen\w*|negative|deteriorat\w*|declin\w*)\b/i;

export function arrowsMeanJudgement(grid: SheetGrid, table: FoundTable): boolean {
  const heading = table.columns.find((c) => c.cls?.role === "dot");
  if (heading && ARROW.test(heading.label) && JUDGEMENT.test(heading.label)) return true;
  const from = Math.max(grid.firstRow, table.headerRow - 10);
  const to = Math.min(grid.lastRow, table.lastRow + 15);
  for (let r = from; r <= to; r++) {
    if (r >= table.firstDataRow && r <= table.lastRow) continue;
    for (const c of grid.filledCols(r, Math.max(grid.firstCol, table.firstCol - 2), table.lastCol + 2)) {
      const t = grid.rawText(r, c);
      if (t.length <= 300 && ARROW.test(t) && JUDGEMENT.test(t)) return true;
    }
  }
  return false;
}
