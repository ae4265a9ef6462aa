// From a found table's rows to KPI drafts: which row is a KPI, which row holds its actuals, which cells are its
// baseline, targets, milestones and stated DoT/RAG. No judgement here (polarity, DoT, RAG and findings come
// after, in src/core/assess and src/core/validate). Each row is one of: a row of actuals (or targets) for the
// KPI above it; a heading (a section, a note, a headline); or a KPI.
import type { Period } from "../types";
import { unitFromMeasure } from "../figures/scale";
import { oneRowDrafts } from "./oneRowTables";
import { withoutPeriods, type PeriodContext } from "../periods";
import type { SheetGrid } from "./grid";
import type { ColumnInfo, FoundTable } from "./findTables";
import type { CellRef, DraftKpi, DraftMilestone } from "./drafts";
import { asGroupInBody, COMMENT_LABEL, isNoteLine } from "./titles";
import { baselineTimeCol, rowPeriodAt, tableRoles, type TableRoles } from "./tableRoles";
import { ACTUAL_ROW, ACTUAL_TYPE, rowTypeColumn, sameRef, TARGET_LABEL } from "./rowLabels";
import { pairByPeriod } from "./pairMilestones";
import { periodOfPlace } from "./tablePeriod";
import { periodRowDrafts } from "./periodRowDrafts";
import { periodKey } from "./pairMilestones";
import { oneKpiOverComparators } from "./comparatorRows";
import { onePeriodGridKpi } from "./periodGrid";

export type { CellRef, DraftKpi, DraftMilestone } from "./drafts";

const FREQUENCY_WORD =
  /^(daily|weekly|fortnightly|monthly|bi-? ?monthly|quarterly|termly|half[- ]?termly|bi-? ?annual(ly)?|annual(ly)?|yearly|six[- ]monthly|biannual(ly)?|per term|each term|every \w+)\b/i;

export function isFrequencyText(text: string): boolean {
  return FREQUENCY_WORD.test(text.trim());
}

export function readKpis(grid: SheetGrid, table: FoundTable, _ctx: PeriodContext): DraftKpi[] {
  if (table.periodRows) return periodRowDrafts(grid, table, table.periodRows);
  if (table.oneRow) return oneRowDrafts(grid, table, table.oneRow);
  const reader = new RowReader(grid, table);
  for (let r = table.firstDataRow; r <= table.lastRow; r++) {
    if (grid.isBlankRow(r, table.firstCol, table.lastCol)) continue;
    if (reader.pairedRow(r) || reader.headingRow(r)) continue;
    reader.kpiRow(r);
  }
  // Where rows of actuals stand under rows of targets, each column holds both; otherwise a period's target and
  // actual columns are one milestone.
  if (!reader.drafts.some((d) => d.actualRow !== null)) {
    for (const d of reader.drafts) d.milestones = targetOfPlacePeriod(pairByPeriod(d.milestones), d.targetCell, reader.placePeriod);
  }
  return onePeriodGridKpi(grid, table, oneKpiOverComparators(grid, table, reader.drafts));
}

/** Reads a table's rows in order, carrying the group and the KPI above down the rows. */
class RowReader {
  readonly drafts: DraftKpi[] = [];
  private readonly cols: TableRoles;
  private readonly typeCol: number | null;
  /** The group a Group column states, carried down. */
  private group: string | null = null;
  /** The group a section heading row states, carried down. */
  private groupFromHeading: string | null = null;
  /** A lead-in line's group covers the indented rows under it: the group before it, and whether its rows are indented. */
  private leadIn: { before: string | null; indented: boolean | null } | null = null;
  /** The last KPI with a name of its own. */
  private last: DraftKpi | null = null;
  /** The period the table's title or sheet name gives. */
  readonly placePeriod: Period | null;
  /** The period the table's title or sheet name gives its figures, where no heading names one. */
  private readonly tablePeriod: Period | null;
  /** The table's headings as one key (see DraftKpi.tableShape). */
  private readonly shape: string;

  constructor(
    private readonly grid: SheetGrid,
    private readonly table: FoundTable,
  ) {
    this.cols = tableRoles(grid, table);
    this.typeCol = rowTypeColumn(grid, table);
    this.placePeriod = periodOfPlace(grid, table);
    const headed = table.columns.some((c) => c.cls?.role === "time" || c.cls?.role === "period");
    this.tablePeriod = this.cols.rowPeriods.length || headed ? null : this.placePeriod;
    this.shape = tableShapeOf(grid, table);
  }

  private txt(r: number, c: ColumnInfo | undefined): string {
    return c ? this.grid.text(r, c.col) : "";
  }

  /** A row of actuals (or of targets) that belongs to a KPI above it. */
  pairedRow(r: number): boolean {
    const { grid, cols, typeCol, last } = this;
    const refText = this.txt(r, cols.ref);
    const measureText = this.txt(r, cols.measure);
    // A column of row labels ("Target" / "Actual") beside the names says which row holds what.
    const typeText = typeCol !== null ? grid.text(r, typeCol) : "";
    if (typeCol !== null && last && TARGET_LABEL.test(typeText) && !refText && !measureText && last.row !== r) {
      // "Actual" came first, this "Target" row below it holds the targets.
      for (const m of last.milestones) {
        m.actualCell = m.actualCell ?? m.targetCell;
        m.targetCell = { row: r, col: m.col };
      }
      last.actualRow = last.actualRow ?? last.row;
      return true;
    }
    // An ACTUAL(S) row: its label in the reference or measure cell, figures under the time columns.
    const actualLabel = [refText, measureText].find((t) => ACTUAL_ROW.test(t) && t.length <= 40) ?? (ACTUAL_TYPE.test(typeText) && !refText && !measureText ? typeText : undefined);
    if (actualLabel === undefined || !this.drafts.length) return false;
    const stem = ACTUAL_ROW.exec(actualLabel)?.[1].trim() ?? "";
    const target = (stem && [...this.drafts].reverse().find((d) => d.ref && sameRef(d.ref, stem))) || last!;
    if (target.actualRow === null) {
      target.actualRow = r;
      for (const m of target.milestones) m.actualCell = { row: r, col: m.col };
      const noteText = refText === actualLabel ? measureText : "";
      if (noteText) target.notes = [target.notes, noteText].filter(Boolean).join(" ");
    }
    return true;
  }

  /** A row that heads the rows below (a section), notes the KPI above, or is a headline over sub-references. */
  headingRow(r: number): boolean {
    const { grid, table, cols } = this;
    const filled = grid.filledCols(r, table.firstCol, table.lastCol).filter((c) => !table.columns.some((o) => o.aside && o.col === c));
    // A group heading: one short cell on its own.
    if (filled.length === 1 && (!cols.group || filled[0] !== cols.group.col)) {
      const t = grid.text(r, filled[0]);
      // "Comments: 47% increase on …" under a KPI's row is that KPI's note, however long.
      if (this.last && COMMENT_LABEL.test(t)) {
        this.last.notes = [this.last.notes, t.replace(COMMENT_LABEL, "").trim()].filter(Boolean).join(" ");
        return true;
      }
      if (t.length <= 160 && !cols.time.some((c) => c.col === filled[0] && !grid.mergeAt(r, filled[0]))) {
        // A note on a row of its own belongs to the KPI above; a section heading is the group of the rows below;
        // a report title or a sentence between the rows is neither.
        if (isNoteLine(t) && this.last) this.last.notes = [this.last.notes, t].filter(Boolean).join(" ");
        else {
          const before = this.groupFromHeading;
          const section = asGroupInBody(t);
          const labelled = section ? null : this.labelledSection(r, t);
          this.groupFromHeading = section ?? labelled ?? this.groupFromHeading;
          this.leadIn = labelled ? { before, indented: null } : null;
        }
        return true;
      }
    }
    // A reference with a headline spanning the milestone columns.
    if (isHeadlineRow(grid, r, filled, cols.ref, cols.time, table)) {
      this.groupFromHeading = `${this.txt(r, cols.ref)} ${grid.text(r, filled[1])}`.trim();
      return true;
    }
    return false;
  }

  /**
   * A short label ending in a colon ("Inputs:", "Workload/Output:", a numbered "12.Response times for Priority One:")
   * heads the rows under it — unless it leads into lettered parts of one KPI ("Satisfaction:" over "a) …", "b) …")
   * or ends on a word that needs more ("Data completeness of:").
   */
  private labelledSection(r: number, text: string): string | null {
    const t = text.trim();
    // A numbered line ("12.Response times for Priority One:") is a section by its number, however many words.
    const words = /^\d{1,3}(?:\.\d{1,3})*[.)]\s*\p{L}/u.test(t) ? 8 : 4;
    if (!/:$/.test(t) || t.split(/\s+/).length > words || /\b(?:of|for|by|in|on|to|with|from|and|the|per)\s*:$/i.test(t)) return null;
    const { grid, table, cols } = this;
    for (let n = r + 1; n <= table.lastRow; n++) {
      const name = this.txt(n, cols.measure) || this.txt(n, cols.ref);
      if (!name && grid.isBlankRow(n, table.firstCol, table.lastCol)) continue;
      return /^\(?[a-z]{1,3}[).]\s/i.test(this.txt(n, cols.measure)) ? null : t.replace(/\s*:$/, "");
    }
    return null;
  }

  /** Rows indented under a lead-in line ("Subject of complaints:" over "  Colleague conduct" …) end at the first that is not. */
  private endLeadIn(r: number): void {
    const col = this.cols.measure?.col ?? this.cols.ref?.col;
    if (!this.leadIn || col === undefined) return;
    const indented = this.grid.indented(r, col);
    if (this.leadIn.indented === null) this.leadIn.indented = indented;
    else if (this.leadIn.indented && !indented) {
      this.groupFromHeading = this.leadIn.before;
      this.leadIn = null;
    }
  }

  /** A KPI's row (or a continuation row breaking the KPI above down further). */
  kpiRow(r: number): void {
    const { cols, last } = this;
    this.endLeadIn(r);
    if (cols.group && this.txt(r, cols.group)) this.group = this.txt(r, cols.group);
    const continuation = !this.txt(r, cols.ref) && !this.txt(r, cols.measure) && cols.names.length > 0 && !this.table.seriesName;
    if (continuation && !last) return;
    const name = this.nameOf(r, continuation);
    if (!name) return;
    const d = this.draft(r, name, continuation);
    if (this.typeCol !== null && ACTUAL_TYPE.test(this.grid.text(r, this.typeCol))) {
      // The KPI's own row is labelled "Actual": its cells are actuals; a "Target" row may follow.
      d.actualRow = r;
      for (const m of d.milestones) {
        m.actualCell = m.targetCell;
        m.targetCell = null;
      }
    }
    this.drafts.push(d);
    if (!continuation) this.last = d;
  }

  /** The KPI's reference and measure; null for a row that names no KPI a person could read. */
  private nameOf(r: number, continuation: boolean): { ref: string | null; refNote: string | null; measure: string; measureDerived: boolean } | null {
    const { cols, last } = this;
    let ref: string | null = this.txt(r, cols.ref) || null;
    let refNote: string | null = null;
    const noted = ref ? /^(.*?)\s*\*\s*(.+)$/.exec(ref) : null;
    if (noted) {
      ref = noted[1].trim();
      refNote = noted[2].trim();
    }
    let measure = this.txt(r, cols.measure) || (this.table.seriesName?.text ?? "");
    let measureDerived = false;
    if (continuation && last) {
      ref = last.ref;
      const descriptor = this.txt(r, cols.section) || this.txt(r, cols.group);
      measure = `${last.measure}${descriptor ? ` – ${descriptor}` : ""}`;
    } else if (!measure) {
      // No measure column ("KPI reference | By 3 months | RAG ..."): the final milestone states the aim.
      const lastText = [...cols.time].reverse().map((c) => this.grid.text(r, c.col)).find((t) => t !== "");
      measure = lastText ?? ref ?? "";
      measureDerived = true;
    }
    if (!measure && !ref) return null;
    // A KPI has a name a person can read: a row whose name is a bare figure ("459") is data that runs on
    // under the table (a ledger pasted below it), not a measure.
    if (!continuation && !/\p{L}/u.test(measure)) return null;
    return { ref, refNote, measure, measureDerived };
  }

  /** The frequency from a Frequency column, the notes ("Monthly"), a reference's note, or the KPI above. */
  private frequencyOf(r: number, notes: string | null, refNote: string | null, continuation: boolean): string | null {
    const frequencyText = this.txt(r, this.cols.frequency);
    if (frequencyText && isFrequencyText(frequencyText)) return frequencyText;
    if (notes && isFrequencyText(notes)) return notes.split(/[,;]/)[0].trim();
    if (refNote && isFrequencyText(refNote)) return refNote;
    return continuation && this.last ? this.last.frequency : null;
  }

  private draft(r: number, name: NonNullable<ReturnType<RowReader["nameOf"]>>, continuation: boolean): DraftKpi {
    const { cols, table, last } = this;
    const at = (c: ColumnInfo | undefined): CellRef | null => (c ? { row: r, col: c.col } : null);
    const notes = this.txt(r, cols.notes) || null;
    const baselineTime = baselineTimeCol(cols.time);
    const d: DraftKpi = {
      row: r,
      actualRow: null,
      ref: name.ref,
      refCell: at(cols.ref),
      measure: name.measure,
      measureCell: name.measureDerived ? null : continuation ? (last?.measureCell ?? null) : table.seriesName && !this.txt(r, cols.measure) ? { row: table.seriesName.row, col: table.seriesName.col } : at(cols.measure),
      group: this.group ?? (continuation && last ? last.group : null) ?? this.groupFromHeading ?? table.title,
      frequency: this.frequencyOf(r, notes, name.refNote, continuation),
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
      unitHint: unitFromMeasure(name.measure) ?? (continuation && last ? last.unitHint : null),
      refNote: name.refNote,
      benchmarkCells: cols.benchmarks.map((c) => ({ label: c.label || "Comparator", cell: { row: r, col: c.col } })),
      ownerCell: at(cols.owner) ?? (continuation && last ? last.ownerCell : null),
      ragYesNo: !!cols.kpiRag?.cls?.yesNo,
      period: rowPeriodAt(this.grid, table, r, cols.rowPeriods) ?? this.tablePeriod,
      tableShape: this.shape,
      figureHeadings: [cols.baseline, cols.target, cols.previous, cols.latest, ...cols.time].flatMap((c) => (c?.label ? [c.label] : [])),
    };
    if (!cols.group && continuation && !this.txt(r, cols.section) && last) d.group = last.group;
    // Rows named only by a subject ("Reading") under a line that names the measure ("Average Scaled Scores",
    // "Percentage of pupils meeting the expected standard in"): that line says what the figures are.
    if (!d.unitHint && d.group) d.unitHint = unitFromMeasure(d.group);
    // Else the heading of the figure itself ("Average Progress", "Average Scaled Score").
    if (!d.unitHint && cols.latest?.label) d.unitHint = unitFromMeasure(cols.latest.label);
    return d;
  }
}

/**
 * The table's headings, periods aside, as one key. The heading row runs on past the table's last column where a
 * column has no figures yet ("Difference (offences)" empty on one month's sheet): the table is headed the same.
 */
function tableShapeOf(grid: SheetGrid, table: FoundTable): string {
  const labels = table.columns.map((c) => c.label);
  const row = table.headerRow + table.headerRows - 1;
  if (table.headerRows > 0) for (let c = table.lastCol + 1; c <= grid.lastCol && grid.rawText(row, c) !== ""; c++) labels.push(grid.text(row, c));
  return labels.map((l) => withoutPeriods(l)).join("|").toLowerCase();
}

/**
 * A Target column with no period of its own, beside columns of what happened in each period, is the target of the
 * period the table reports on — the one its title or sheet names ("quarter 1 2014/15"): it joins that period's
 * actual. Where columns stage targets of their own, an undated Target is the final one and stays apart.
 */
function targetOfPlacePeriod(milestones: DraftMilestone[], targetCell: CellRef | null, place: Period | null): DraftMilestone[] {
  const key = periodKey(place, null);
  if (!targetCell || !key || milestones.some((m) => m.headingRole === "target" || m.headingRole === "final-target")) return milestones;
  return milestones.map((m) =>
    (m.headingRole === "actual" || (m.headingRole === "period" && m.relativeMonths === null)) && !m.actualCell && periodKey(m.period, m.relativeMonths) === key ? { ...m, headingRole: "target", actualCell: m.targetCell, targetCell, periodTarget: true } : m,
  );
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

/** A headline row: a bare reference ("1") and one long text spanning the milestone columns, with sub-references below ("1.1"). */
function isHeadlineRow(grid: SheetGrid, r: number, filled: number[], refCol: ColumnInfo | undefined, timeCols: ColumnInfo[], table: FoundTable): boolean {
  if (!refCol || filled.length !== 2 || filled[0] !== refCol.col) return false;
  if (!timeCols.length || filled[1] !== timeCols[0].col) return false;
  const ref = grid.text(r, refCol.col);
  const m = grid.mergeAt(r, filled[1]);
  for (let n = r + 1; n <= Math.min(table.lastRow, r + 3); n++) {
    const next = grid.text(n, refCol.col);
    if (next) return next.startsWith(`${ref}.`) || next.startsWith(`${ref} `) || (!!m && m.colCount > 1);
  }
  return !!m && m.colCount > 1;
}
