// The KPIs of a table with its periods down the rows, as drafts: each KPI's history is one milestone per period row
// (its target and actual cells side by side on that row), and a "Baseline" row gives its baseline.
import type { SheetGrid } from "./grid";
import type { FoundTable } from "./findTables";
import { namedKpiDraft, unitNamedBy, type CellRef, type DraftKpi, type DraftMilestone } from "./drafts";
import type { PeriodRowsKpi, PeriodRowsPlan } from "./periodRows";
import { withoutPeriods } from "../periods";

export function periodRowDrafts(grid: SheetGrid, table: FoundTable, plan: PeriodRowsPlan): DraftKpi[] {
  return plan.kpis.map((k) => draftOf(grid, table, plan, k));
}

function draftOf(grid: SheetGrid, table: FoundTable, plan: PeriodRowsPlan, k: PeriodRowsKpi): DraftKpi {
  const at = (row: number, col: number | null): CellRef | null => (col === null ? null : { row, col });
  const baselineRow = plan.rows.find((r) => r.baseline);
  const milestones: DraftMilestone[] = plan.rows
    .filter((r) => !r.baseline)
    .map((r, seq) => ({
      label: r.label,
      col: r.row,
      seq,
      period: r.period,
      relativeMonths: null,
      headingRole: k.targetCol !== null ? "target" : "actual",
      targetCell: at(r.row, k.targetCol),
      actualCell: at(r.row, k.actualCol),
      ragCell: null,
    }));
  const headings = [k.targetCol, k.actualCol].flatMap((c) => (c === null ? [] : [grid.text(table.headerRow + table.headerRows - 1, c)]));
  const baselineCell = baselineRow ? ([k.targetCol, k.actualCol].map((c) => at(baselineRow.row, c)).find((c) => c && grid.rawText(c.row, c.col) !== "") ?? null) : null;
  return namedKpiDraft({
    row: k.nameCell.row,
    measure: k.name,
    measureCell: k.nameCell,
    group: table.title,
    baselineCell,
    milestones,
    unitHint: unitNamedBy(k.name, headings),
    figureHeadings: headings,
    tableShape: plan.headings.map(withoutPeriods).join("|").toLowerCase(),
  });
}
