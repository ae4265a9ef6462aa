// A row's history: the periods it holds figures for, each with its target, actual and stated status cells. A row
// under period headings holds one period per milestone; a row whose period comes from a period column, the
// table's title or its sheet's name holds that one period (its target and its latest figure).
import type { IsoDate, Period } from "../types";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftKpi, DraftMilestone } from "../recognise/drafts";
import { periodKey } from "../recognise/pairMilestones";

/** One row read where it stands: its sheet, its drafts' table, and whether that table keeps actuals on rows of their own. */
export interface Member {
  d: DraftKpi;
  grid: SheetGrid;
  /** The table's rows hold targets, with actuals on rows of their own. */
  targetsOnly: boolean;
  /** Index of the member's table, in reading order (sheets in workbook order, tables top to bottom). */
  table: number;
}

export interface Entry {
  key: string | null;
  m: DraftMilestone;
  member: Member;
}

/** The row's periods as milestones, every cell tagged with its sheet. */
export function entriesOf(member: Member): Entry[] {
  const { d, grid } = member;
  const on = (c: CellRef | null): CellRef | null => (c ? { ...c, grid } : null);
  const tag = (m: DraftMilestone): DraftMilestone => ({ ...m, targetCell: on(m.targetCell), actualCell: on(m.actualCell), ragCell: on(m.ragCell), targetsOnly: member.targetsOnly });
  if (d.milestones.length) return d.milestones.map((m) => ({ key: periodKey(m.period, m.relativeMonths), m: tag(m), member }));
  if (!d.period) return [];
  const own: DraftMilestone = {
    label: d.period.label,
    col: (d.latestCell ?? d.targetCell ?? { col: 0 }).col,
    period: d.period,
    relativeMonths: null,
    // Only a row with a target says the period has one (no target column is no missing target).
    headingRole: d.targetCell ? "target" : "actual",
    targetCell: d.targetCell,
    actualCell: d.latestCell,
    ragCell: d.ragCell,
    periodTarget: true,
  };
  return [{ key: periodKey(d.period, null), m: tag(own), member }];
}

/** The periods a row covers: its milestones' periods, or its own. */
export function periodsOf(member: Member): Set<string> {
  return new Set(entriesOf(member).flatMap((e) => (e.key ? [e.key] : [])));
}

/** The kinds of period the row covers ("month", "quarter", "financial-year" ...), as one key. */
export function periodKinds(member: Member): string {
  return [...new Set(entriesOf(member).flatMap((e) => (e.key && e.m.period ? [e.m.period.kind] : [])))].sort().join(",");
}

/** The end of the newest period the row covers, or null where none is dated. */
export function newestEnd(member: Member): IsoDate | null {
  let end: IsoDate | null = null;
  for (const e of entriesOf(member)) {
    const p: Period | null = e.m.period;
    if (p?.end && (!end || p.end > end)) end = p.end;
  }
  return end;
}

/** Whether a cell holds anything (a blank cell is no figure to keep or to disagree with). */
export function filled(c: CellRef | null): c is CellRef {
  return !!c && !!c.grid && c.grid.rawText(c.row, c.col) !== "";
}
