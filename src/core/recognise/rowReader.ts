// A table read row by row, in order, carrying the group and the KPI above down the rows. Each row is one of:
// a row of actuals (or targets) for the KPI above it; a heading (a section, a note, a headline); or a KPI.
import type { Period } from "../types";
import type { SheetGrid } from "./grid";
import type { ColumnInfo, FoundTable } from "./findTables";
import type { DraftKpi } from "./drafts";
import { asGroupInBody, COMMENT_LABEL, isNoteLine, sectionLabelled } from "./titles";
import { tableRoles } from "./tableRoles";
import { ACTUAL_ROW, ACTUAL_TYPE, rowTypeColumn, sameRef, TARGET_LABEL } from "./rowLabels";
import { periodOfPlace } from "./tablePeriod";
import { cellText, draftOfRow, tableShapeOf, type Carried, type RowName, type RowTable } from "./rowDraft";

/** A row's text may be a longer note or comment than this, never a section heading. */
const HEADING_MAX_LENGTH = 160;
/** An "Actual" row label is short; a longer text that ends in "actual" is a measure. */
const ACTUAL_LABEL_MAX_LENGTH = 40;

export class RowReader {
  readonly drafts: DraftKpi[] = [];
  /** The period the table's title or sheet name gives. */
  readonly placePeriod: Period | null;
  private readonly t: RowTable;
  /** A column of row labels ("Target" / "Actual") beside the names. */
  private readonly typeCol: number | null;
  private readonly carried: Carried = { group: null, groupFromHeading: null, last: null };
  /** A lead-in line's group covers the indented rows under it: the group before it, and whether its rows are indented. */
  private leadIn: { before: string | null; indented: boolean | null } | null = null;

  constructor(grid: SheetGrid, table: FoundTable) {
    const cols = tableRoles(grid, table);
    this.typeCol = rowTypeColumn(grid, table);
    this.placePeriod = periodOfPlace(grid, table);
    const headed = table.columns.some((c) => c.cls?.role === "time" || c.cls?.role === "period");
    const tablePeriod = cols.rowPeriods.length || headed ? null : this.placePeriod;
    this.t = { grid, table, cols, tablePeriod, shape: tableShapeOf(grid, table) };
  }

  /** Every row of the table's body, in order; the drafts of its KPIs. */
  readAll(): DraftKpi[] {
    const { grid, table } = this.t;
    for (let r = table.firstDataRow; r <= table.lastRow; r++) {
      if (grid.isBlankRow(r, table.firstCol, table.lastCol)) continue;
      if (this.pairedRow(r) || this.headingRow(r)) continue;
      this.kpiRow(r);
    }
    return this.drafts;
  }

  private txt(r: number, c: ColumnInfo | undefined): string {
    return cellText(this.t, r, c);
  }

  /** A row of actuals (or of targets) that belongs to a KPI above it. */
  private pairedRow(r: number): boolean {
    return this.targetsUnderActuals(r) || this.actualsUnderKpi(r);
  }

  /** Labelled in a column of row labels, a "Target" row under the KPI's "Actual" row holds its targets. */
  private targetsUnderActuals(r: number): boolean {
    const { grid, cols } = this.t;
    const last = this.carried.last;
    if (this.typeCol === null || !last || last.row === r || this.txt(r, cols.ref) || this.txt(r, cols.measure)) return false;
    if (!TARGET_LABEL.test(grid.text(r, this.typeCol))) return false;
    for (const m of last.milestones) {
      m.actualCell = m.actualCell ?? m.targetCell;
      m.targetCell = { row: r, col: m.col };
    }
    last.actualRow = last.actualRow ?? last.row;
    return true;
  }

  /** An ACTUAL(S) row: its label in the reference or measure cell (or the row-label column), figures under the time columns. */
  private actualsUnderKpi(r: number): boolean {
    const { grid, cols } = this.t;
    const refText = this.txt(r, cols.ref);
    const measureText = this.txt(r, cols.measure);
    const typeText = this.typeCol !== null ? grid.text(r, this.typeCol) : "";
    const labelled = [refText, measureText].find((t) => ACTUAL_ROW.test(t) && t.length <= ACTUAL_LABEL_MAX_LENGTH);
    const actualLabel = labelled ?? (ACTUAL_TYPE.test(typeText) && !refText && !measureText ? typeText : undefined);
    if (actualLabel === undefined || !this.drafts.length) return false;
    const kpi = this.kpiOfActuals(actualLabel);
    if (kpi.actualRow === null) {
      kpi.actualRow = r;
      for (const m of kpi.milestones) m.actualCell = { row: r, col: m.col };
      if (refText === actualLabel && measureText) addNote(kpi, measureText);
    }
    return true;
  }

  /** The KPI an actuals row belongs to: the one its label names ("1.2 Actual"), else the last KPI. */
  private kpiOfActuals(actualLabel: string): DraftKpi {
    const stem = ACTUAL_ROW.exec(actualLabel)?.[1].trim() ?? "";
    return (stem && [...this.drafts].reverse().find((d) => d.ref && sameRef(d.ref, stem))) || this.carried.last!;
  }

  /** A row that heads the rows below (a section), notes the KPI above, or is a headline over sub-references. */
  private headingRow(r: number): boolean {
    const { grid, table, cols } = this.t;
    const filled = grid.filledCols(r, table.firstCol, table.lastCol).filter((c) => !table.columns.some((o) => o.aside && o.col === c));
    const lone = filled.length === 1 && (!cols.group || filled[0] !== cols.group.col);
    if (lone && this.loneCellRow(r, filled[0])) return true;
    return this.sectionLabelRow(r, filled) || this.headlineRow(r, filled);
  }

  /**
   * One cell on its own: a comment or note on the KPI above; a section heading, the group of the rows below; or a
   * report title or a sentence between the rows, which is neither. A long text, or a figure under a time column, is none.
   */
  private loneCellRow(r: number, col: number): boolean {
    const { grid, cols } = this.t;
    const last = this.carried.last;
    const t = grid.text(r, col);
    // "Comments: 47% increase on …" under a KPI's row is that KPI's note, however long.
    if (last && COMMENT_LABEL.test(t)) {
      addNote(last, t.replace(COMMENT_LABEL, "").trim());
      return true;
    }
    if (t.length > HEADING_MAX_LENGTH || cols.time.some((c) => c.col === col && !grid.mergeAt(r, col))) return false;
    if (isNoteLine(t) && last) addNote(last, t);
    else this.sectionHeading(r, t);
    return true;
  }

  /** A section heading names the group of the rows below; a lead-in line's group ends with its indented rows. */
  private sectionHeading(r: number, t: string): void {
    const before = this.carried.groupFromHeading;
    const section = asGroupInBody(t);
    const labelled = section ? null : this.labelledSection(r, t);
    this.carried.groupFromHeading = section ?? labelled ?? this.carried.groupFromHeading;
    this.leadIn = labelled ? { before, indented: null } : null;
  }

  /** "Objective | Improve economic growth and employability": a section's word and its name head the rows below. */
  private sectionLabelRow(r: number, filled: number[]): boolean {
    const { grid } = this.t;
    const section = filled.length === 2 ? sectionLabelled(grid.text(r, filled[0]), grid.text(r, filled[1])) : null;
    if (section) this.carried.groupFromHeading = section;
    return !!section;
  }

  /** A reference with a headline spanning the milestone columns names the group of its sub-references. */
  private headlineRow(r: number, filled: number[]): boolean {
    const { grid, table, cols } = this.t;
    if (!isHeadlineRow(grid, r, filled, cols.ref, cols.time, table)) return false;
    this.carried.groupFromHeading = `${this.txt(r, cols.ref)} ${grid.text(r, filled[1])}`.trim();
    return true;
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
    const { grid, table, cols } = this.t;
    for (let n = r + 1; n <= table.lastRow; n++) {
      const name = this.txt(n, cols.measure) || this.txt(n, cols.ref);
      if (!name && grid.isBlankRow(n, table.firstCol, table.lastCol)) continue;
      return /^\(?[a-z]{1,3}[).]\s/i.test(this.txt(n, cols.measure)) ? null : t.replace(/\s*:$/, "");
    }
    return null;
  }

  /** Rows indented under a lead-in line ("Subject of complaints:" over "  Colleague conduct" …) end at the first that is not. */
  private endLeadIn(r: number): void {
    const col = this.t.cols.measure?.col ?? this.t.cols.ref?.col;
    if (!this.leadIn || col === undefined) return;
    const indented = this.t.grid.indented(r, col);
    if (this.leadIn.indented === null) this.leadIn.indented = indented;
    else if (this.leadIn.indented && !indented) {
      this.carried.groupFromHeading = this.leadIn.before;
      this.leadIn = null;
    }
  }

  /** A KPI's row (or a continuation row breaking the KPI above down further). */
  private kpiRow(r: number): void {
    const { cols, table } = this.t;
    this.endLeadIn(r);
    if (cols.group && this.txt(r, cols.group)) this.carried.group = this.txt(r, cols.group);
    const continuation = !this.txt(r, cols.ref) && !this.txt(r, cols.measure) && cols.names.length > 0 && !table.seriesName;
    if (continuation && !this.carried.last) return;
    const name = this.nameOf(r, continuation);
    if (!name) return;
    const d = draftOfRow(this.t, r, name, continuation, this.carried);
    if (this.typeCol !== null && ACTUAL_TYPE.test(this.t.grid.text(r, this.typeCol))) actualsOnOwnRow(d, r);
    this.drafts.push(d);
    if (!continuation) this.carried.last = d;
  }

  /** The KPI's reference and measure; null for a row that names no KPI a person could read. */
  private nameOf(r: number, continuation: boolean): RowName | null {
    const last = this.carried.last;
    const name = continuation && last ? this.continuationName(r, last) : this.ownName(r);
    if (!name.measure && !name.ref) return null;
    // A KPI has a name a person can read: a row whose name is a bare figure ("459") is data that runs on
    // under the table (a ledger pasted below it), not a measure.
    if (!continuation && !/\p{L}/u.test(name.measure)) return null;
    return name;
  }

  /** A continuation row is the KPI above, broken down by the row's section or group ("… – Boys"). */
  private continuationName(r: number, last: DraftKpi): RowName {
    const descriptor = this.txt(r, this.t.cols.section) || this.txt(r, this.t.cols.group);
    return { ref: last.ref, refNote: null, measure: `${last.measure}${descriptor ? ` – ${descriptor}` : ""}`, measureDerived: false };
  }

  /** The row's own reference and measure (or the series the table is named for). */
  private ownName(r: number): RowName {
    const { grid, table, cols } = this.t;
    const { ref, refNote } = refAndNote(this.txt(r, cols.ref));
    const measure = this.txt(r, cols.measure) || (table.seriesName?.text ?? "");
    if (measure) return { ref, refNote, measure, measureDerived: false };
    // No measure column ("KPI reference | By 3 months | RAG ..."): the final milestone states the aim.
    const lastText = [...cols.time].reverse().map((c) => grid.text(r, c.col)).find((t) => t !== "");
    return { ref, refNote, measure: lastText ?? ref ?? "", measureDerived: true };
  }
}

/** The KPI's own row is labelled "Actual": its cells are actuals; a "Target" row may follow. */
function actualsOnOwnRow(d: DraftKpi, r: number): void {
  d.actualRow = r;
  for (const m of d.milestones) {
    m.actualCell = m.targetCell;
    m.targetCell = null;
  }
}

/** A reference with a note after an asterisk ("5/11 *quarterly"): the reference, and the note. */
function refAndNote(text: string): { ref: string | null; refNote: string | null } {
  const noted = text ? /^(.*?)\s*\*\s*(.+)$/.exec(text) : null;
  return noted ? { ref: noted[1].trim(), refNote: noted[2].trim() } : { ref: text || null, refNote: null };
}

/** A note joins the KPI's notes, after any it has. */
function addNote(d: DraftKpi, text: string): void {
  d.notes = [d.notes, text].filter(Boolean).join(" ");
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
