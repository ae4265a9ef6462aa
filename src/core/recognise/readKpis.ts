// From a found table's rows to KPI drafts: which row is a KPI, which row holds its actuals, which cells are its
// baseline, targets, milestones and stated DoT/RAG. No judgement here (polarity, DoT, RAG and findings come
// after, in src/core/assess and src/core/validate). Named steps: the table's shape chooses the reader (periods
// down the rows; one row of KPIs; else row by row, rowReader.ts); a period's target and actual columns meet as
// one milestone; then tables of comparators and one-period grids are read as what they are.
import type { Period } from "../types";
import { oneRowDrafts } from "./oneRowTables";
import type { PeriodContext } from "../periods";
import type { SheetGrid } from "./grid";
import type { FoundTable } from "./findTables";
import type { CellRef, DraftKpi, DraftMilestone } from "./drafts";
import { pairByPeriod, periodKey } from "./pairMilestones";
import { periodRowDrafts } from "./periodRowDrafts";
import { oneKpiOverComparators } from "./comparatorRows";
import { onePeriodGridKpi } from "./periodGrid";
import { RowReader } from "./rowReader";
import { bindTargetRows } from "./targetRows";
import { scaleOfLine } from "../figures/scale";

export type { CellRef, DraftKpi, DraftMilestone } from "./drafts";
export { isFrequencyText } from "./rowDraft";

export function readKpis(grid: SheetGrid, table: FoundTable, _ctx: PeriodContext): DraftKpi[] {
  const drafts = readDrafts(grid, table);
  const multiple = statedScale(grid, table);
  if (multiple !== null) for (const d of drafts) d.figureMultiple = multiple;
  return drafts;
}

function readDrafts(grid: SheetGrid, table: FoundTable): DraftKpi[] {
  if (table.periodRows) return periodRowDrafts(grid, table, table.periodRows);
  if (table.oneRow) return oneRowDrafts(grid, table, table.oneRow);
  const reader = new RowReader(grid, table);
  const drafts = reader.readAll();
  pairTargetsWithActuals(drafts, reader.placePeriod);
  return onePeriodGridKpi(grid, table, oneKpiOverComparators(grid, table, bindTargetRows(grid, drafts)));
}

/**
 * The multiple the table's figures are written in, where a line states it as a reader finds it: a lone line over
 * the headings ("Billions", "£m", "(£000s)", a caption ending "(£m)"), up to a row of another table's figures, or
 * the heading row's corner cell ("£'000 | 2022-23 | 2023-24"). Null where nothing states one.
 */
function statedScale(grid: SheetGrid, table: FoundTable): number | null {
  if (table.headerRows > 0) {
    const corner = grid.text(table.headerRow, table.firstCol);
    const inCorner = corner ? scaleOfLine(corner) : null;
    if (inCorner !== null) return inCorner;
  }
  for (let r = table.headerRow - 1; r >= Math.max(grid.firstRow, table.headerRow - 3); r--) {
    const filled = grid.filledCols(r, table.firstCol, table.lastCol);
    if (filled.length === 0) continue;
    if (filled.length > 1) return null;
    const multiple = scaleOfLine(grid.text(r, filled[0]));
    if (multiple !== null) return multiple;
  }
  return null;
}

/**
 * Where rows of actuals stand under rows of targets, each column holds both; otherwise a period's target and
 * actual columns are one milestone.
 */
function pairTargetsWithActuals(drafts: DraftKpi[], placePeriod: Period | null): void {
  if (drafts.some((d) => d.actualRow !== null)) return;
  for (const d of drafts) d.milestones = targetOfPlacePeriod(pairByPeriod(d.milestones), d.targetCell, placePeriod);
}

/**
 * A Target column with no period of its own, beside columns of what happened in each period, is the target of the
 * period the table reports on — the one its title or sheet names ("quarter 1 2014/15"): it joins that period's
 * actual. Where columns stage targets of their own, an undated Target is the final one and stays apart.
 */
function targetOfPlacePeriod(milestones: DraftMilestone[], targetCell: CellRef | null, place: Period | null): DraftMilestone[] {
  const key = periodKey(place, null);
  if (!targetCell || !key || milestones.some((m) => m.headingRole === "target" || m.headingRole === "final-target")) return milestones;
  const actual = (m: DraftMilestone) => (m.headingRole === "actual" || (m.headingRole === "period" && m.relativeMonths === null)) && !m.actualCell;
  // "2022" over "Target | Q1 | Q2 | Q3 | Q4": the year's target stands for each of its quarters.
  const withinPlace = milestones.length >= 1 && milestones.every((m) => actual(m) && within(m.period, place));
  return milestones.map((m) =>
    actual(m) && (withinPlace || periodKey(m.period, m.relativeMonths) === key) ? { ...m, headingRole: "target", actualCell: m.targetCell, targetCell, periodTarget: true } : m,
  );
}

/** Whether a dated period lies inside another (a quarter inside its year). */
function within(p: Period | null, outer: Period | null): boolean {
  return !!p?.start && !!p.end && !!outer?.start && !!outer.end && p.start >= outer.start && p.end <= outer.end;
}
