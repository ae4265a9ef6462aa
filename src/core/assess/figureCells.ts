// Where buildKpi looks for a KPI's figures, blank cells included, in the order it reads them (series.ts,
// inForce.ts): the live scorecard's formulas follow exactly these cells (src/core/scorecard/live*.ts), so a
// figure typed into next month's empty cell is picked up as the add-in would pick it up.
import type { CellAt, FigureCells, PeriodCells } from "../types";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftKpi } from "../recognise/drafts";
import type { ReadMilestone } from "./plan";
import { seriesOrder } from "./series";

export function figureCells(d: DraftKpi, ms: readonly ReadMilestone[], grid: SheetGrid): FigureCells {
  // A cell on another sheet (a KPI assembled from several) names its sheet.
  const at = (r: CellRef | null): CellAt | null => {
    if (!r) return null;
    const g = r.grid ?? grid;
    return g === grid || g.name === grid.name ? { cell: g.address(r.row, r.col) } : { cell: g.address(r.row, r.col), sheet: g.name };
  };
  // plan.ts reads d.milestones in order: the i-th milestone is the i-th draft's, whose heading names the period.
  const period = new Map(ms.map((m, i) => [m, d.milestones[i]?.period ?? null]));
  const periods: PeriodCells[] = [...ms].sort(seriesOrder).map((m) => ({
    label: m.label,
    periodLabel: period.get(m)?.label ?? null,
    periodEnd: period.get(m)?.end ?? null,
    actual: at(m.actualCell),
    target: at(m.targetCell),
    due: m.due,
    actualFrom: m.due === null ? null : (m.periodStart ?? m.due),
    targetFrom: m.due === null ? null : m.inForceFrom,
  }));
  return {
    latest: at(d.latestCell),
    previous: at(d.previousCell),
    latestPeriod: at(d.latestPeriodCell),
    previousPeriod: at(d.previousPeriodCell),
    target: at(d.targetCell),
    baseline: at(d.baselineCell),
    baselineActual: d.actualRow !== null && d.baselineCell ? at({ row: d.actualRow, col: d.baselineCell.col }) : null,
    baselineLeads: !d.actualRow,
    periods,
  };
}
