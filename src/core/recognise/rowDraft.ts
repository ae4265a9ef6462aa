// The draft of one KPI row of a table read row by row: which of the row's cells are its reference, measure,
// figures, milestones, status and notes, by the roles of the table's columns, and what it takes from the rows
// above it (its group; for a row breaking the KPI above down further, that KPI's name, unit and owner).
import type { Period, Unit } from "../types";
import { unitFromMeasure } from "../figures/scale";
import { withoutPeriods } from "../periods";
import type { SheetGrid } from "./grid";
import type { ColumnInfo, FoundTable } from "./findTables";
import type { CellRef, DraftKpi, DraftMilestone } from "./drafts";
import { baselineTimeCol, rowPeriodAt, type TableRoles } from "./tableRoles";

/** A table being read row by row, and what holds for every row of it. */
export interface RowTable {
  grid: SheetGrid;
  table: FoundTable;
  cols: TableRoles;
  /** The period the table's title or sheet name gives its figures, where no heading names one. */
  tablePeriod: Period | null;
  /** The table's headings as one key (see DraftKpi.tableShape). */
  shape: string;
}

/** What the rows above a KPI row leave in force. */
export interface Carried {
  /** The group a Group column states, carried down. */
  group: string | null;
  /** The group a section heading row states, carried down. */
  groupFromHeading: string | null;
  /** The last KPI with a name of its own. */
  last: DraftKpi | null;
}

/** A KPI row's reference and measure. */
export interface RowName {
  ref: string | null;
  refNote: string | null;
  measure: string;
  /** No measure of its own: one was derived from the row's figures. */
  measureDerived: boolean;
}

export const FREQUENCY_WORD =
  /^(daily|weekly|fortnightly|monthly|bi-? ?monthly|quarterly|termly|half[- ]?termly|bi-? ?annual(ly)?|annual(ly)?|yearly|six[- ]monthly|biannual(ly)?|per term|each term|every \w+)\b/i;

export function isFrequencyText(text: string): boolean {
  return FREQUENCY_WORD.test(text.trim());
}

/** The text of row r in a column of the table, "" where the table has no such column. */
export function cellText(t: RowTable, r: number, c: ColumnInfo | undefined): string {
  return c ? t.grid.text(r, c.col) : "";
}

/** The draft of the KPI on row r; a continuation row breaks down the last KPI above it (carried.last). */
export function draftOfRow(t: RowTable, r: number, name: RowName, continuation: boolean, carried: Carried): DraftKpi {
  const { cols, table } = t;
  const above = continuation ? carried.last : null;
  const at = (c: ColumnInfo | undefined): CellRef | null => (c ? { row: r, col: c.col } : null);
  const notes = cellText(t, r, cols.notes) || null;
  const baselineTime = baselineTimeCol(cols.time);
  const group = groupOf(t, r, carried, above);
  return {
    row: r,
    actualRow: null,
    ref: name.ref,
    refCell: at(cols.ref),
    measure: name.measure,
    measureCell: measureCellOf(t, r, name, continuation, above),
    group,
    frequency: frequencyOf(t, r, notes, name.refNote, above),
    frequencyCell: at(cols.frequency),
    measureDerived: name.measureDerived,
    baselineCell: at(cols.baseline) ?? (baselineTime ? at(baselineTime) : null),
    targetCell: at(cols.target),
    previousCell: at(cols.previous),
    latestCell: at(cols.latest),
    previousPeriodCell: periodCellFor(r, cols.periods, table, "previous", cols.previous),
    latestPeriodCell: periodCellFor(r, cols.periods, table, "latest", cols.latest),
    dotCell: at(cols.dot),
    ...(cols.dot?.label ? { dotHeading: cols.dot.label } : {}),
    ragCell: at(cols.kpiRag),
    notes,
    polarityCell: at(cols.polarity),
    unitCell: at(cols.unit),
    milestones: milestoneCells(r, table, cols),
    continuation,
    unitHint: unitHintOf(t, name.measure, group, above),
    refNote: name.refNote,
    benchmarkCells: cols.benchmarks.map((c) => ({ label: c.label || "Comparator", cell: { row: r, col: c.col } })),
    ownerCell: at(cols.owner) ?? above?.ownerCell ?? null,
    ragYesNo: !!cols.kpiRag?.cls?.yesNo,
    period: rowPeriodAt(t.grid, table, r, cols.rowPeriods) ?? t.tablePeriod,
    tableShape: t.shape,
    figureHeadings: [cols.baseline, cols.target, cols.previous, cols.latest, ...cols.time].flatMap((c) => (c?.label ? [c.label] : [])),
  };
}

/** The measure's cell: none for a derived measure; the KPI above's for a continuation; else the series name's or the row's. */
function measureCellOf(t: RowTable, r: number, name: RowName, continuation: boolean, above: DraftKpi | null): CellRef | null {
  if (name.measureDerived) return null;
  if (continuation) return above?.measureCell ?? null;
  const series = t.table.seriesName;
  if (series && !cellText(t, r, t.cols.measure)) return { row: series.row, col: series.col };
  return t.cols.measure ? { row: r, col: t.cols.measure.col } : null;
}

/**
 * The group: a continuation row with no group column and no section of its own stays in the KPI above's;
 * else a Group column's, the KPI above's, a section heading's, or the table's title.
 */
function groupOf(t: RowTable, r: number, carried: Carried, above: DraftKpi | null): string | null {
  if (above && !t.cols.group && !cellText(t, r, t.cols.section)) return above.group;
  return carried.group ?? above?.group ?? carried.groupFromHeading ?? t.table.title;
}

/** The frequency from a Frequency column, the notes ("Monthly"), a reference's note, or the KPI above. */
function frequencyOf(t: RowTable, r: number, notes: string | null, refNote: string | null, above: DraftKpi | null): string | null {
  const frequencyText = cellText(t, r, t.cols.frequency);
  if (frequencyText && isFrequencyText(frequencyText)) return frequencyText;
  if (notes && isFrequencyText(notes)) return notes.split(/[,;]/)[0].trim();
  if (refNote && isFrequencyText(refNote)) return refNote;
  return above ? above.frequency : null;
}

/**
 * The unit the words name: the measure's, or the KPI above's. Rows named only by a subject ("Reading") under a line
 * that names the measure ("Average Scaled Scores", "Percentage of pupils meeting the expected standard in"): that
 * line, their group, says what the figures are. Else the heading of the figure itself ("Average Progress").
 */
function unitHintOf(t: RowTable, measure: string, group: string | null, above: DraftKpi | null): Unit | null {
  const latestLabel = t.cols.latest?.label;
  return unitFromMeasure(measure) ?? above?.unitHint ?? (group ? unitFromMeasure(group) : null) ?? (latestLabel ? unitFromMeasure(latestLabel) : null);
}

/**
 * The table's headings, periods aside, as one key. The heading row runs on past the table's last column where a
 * column has no figures yet ("Difference (offences)" empty on one month's sheet): the table is headed the same.
 */
export function tableShapeOf(grid: SheetGrid, table: FoundTable): string {
  const labels = table.columns.map((c) => c.label);
  const row = table.headerRow + table.headerRows - 1;
  if (table.headerRows > 0) for (let c = table.lastCol + 1; c <= grid.lastCol && grid.rawText(row, c) !== ""; c++) labels.push(grid.text(row, c));
  return labels.map((l) => withoutPeriods(l)).join("|").toLowerCase();
}

/** One milestone per time column (the baseline's column aside), with the status column beside it if any. */
function milestoneCells(r: number, table: FoundTable, cols: TableRoles): DraftMilestone[] {
  const baselineTime = baselineTimeCol(cols.time);
  return cols.time
    .filter((c) => c.cls!.heading!.role !== "baseline" || c !== baselineTime)
    .map((c) => {
      const h = c.cls!.heading!;
      const next = table.columns[table.columns.indexOf(c) + 1];
      const ragCol = next && next.cls?.role === "rag" && next !== cols.kpiRag && (!next.sub || next.col === c.col + 1) ? next : undefined;
      return {
        label: c.label,
        col: c.col,
        period: h.period,
        relativeMonths: h.relativeMonths,
        headingRole: h.role,
        targetCell: { row: r, col: c.col },
        actualCell: null,
        ragCell: ragCol ? { row: r, col: ragCol.col } : null,
        ...(h.estimate ? { estimate: true } : {}),
      };
    });
}

/** The cell saying which period the latest (or previous) figure is for: a named period column, or one beside the figure. */
function periodCellFor(r: number, periodCols: ColumnInfo[], table: FoundTable, which: "previous" | "latest", valueCol: ColumnInfo | undefined): CellRef | null {
  const named = periodCols.find((c) => c.cls?.qualifies === which);
  if (named) return { row: r, col: named.col };
  if (!valueCol) return null;
  const right = table.columns.find((c) => c.col === valueCol.col + 1);
  if (right && right.cls?.role === "period" && right.cls.qualifies === "left") return { row: r, col: right.col };
  // "National target | Month | Our performance": a period just before the figure, after no other figure of its
  // own ("Previous | Period"), says when the figure is for.
  const left = table.columns.find((c) => c.col === valueCol.col - 1);
  const beforeLeft = table.columns.find((c) => c.col === valueCol.col - 2);
  const figureBefore = !!beforeLeft?.cls && ["latest", "previous", "time"].includes(beforeLeft.cls.role);
  if (left && left.cls?.role === "period" && left.cls.qualifies === "left" && !figureBefore) return { row: r, col: left.col };
  return null;
}
