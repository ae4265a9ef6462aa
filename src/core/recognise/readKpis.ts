// From a found table's rows to KPI drafts: which row is a KPI, which row holds its actuals,
// which cells are its baseline, targets, milestones and stated DoT/RAG. No judgement here
// (polarity, DoT, RAG and findings come after, in src/core/assess and src/core/validate).
import type { Period, Unit } from "../types";
import type { PeriodContext } from "../periods";
import type { SheetGrid } from "./grid";
import type { ColumnInfo, FoundTable } from "./findTables";
import { asGroup, isNoteLine } from "./titles";

export interface CellRef {
  row: number;
  col: number;
}

/** One time column of a KPI: the heading, and the cells of its target and actual. */
export interface DraftMilestone {
  label: string;
  col: number;
  period: Period | null;
  relativeMonths: number | null;
  /** What the heading says the column holds. */
  headingRole: "baseline" | "target" | "final-target" | "actual" | "period";
  targetCell: CellRef | null;
  actualCell: CellRef | null;
  ragCell: CellRef | null;
}

export interface DraftKpi {
  row: number;
  actualRow: number | null;
  ref: string | null;
  refCell: CellRef | null;
  measure: string;
  measureCell: CellRef | null;
  group: string | null;
  frequency: string | null;
  frequencyCell: CellRef | null;
  /** Set when the KPI has no measure of its own and one was derived (qualitative milestone tables). */
  measureDerived: boolean;
  baselineCell: CellRef | null;
  targetCell: CellRef | null;
  previousCell: CellRef | null;
  latestCell: CellRef | null;
  previousPeriodCell: CellRef | null;
  latestPeriodCell: CellRef | null;
  dotCell: CellRef | null;
  ragCell: CellRef | null;
  notes: string | null;
  polarityCell: CellRef | null;
  unitCell: CellRef | null;
  milestones: DraftMilestone[];
  /** True for a row with no reference or measure of its own, read as a further breakdown of the KPI above. */
  continuation: boolean;
  /** A unit the measure's wording or a heading names ("in weeks", "%"). */
  unitHint: Unit | null;
  /** Note from a reference like "5/11 *quarterly". */
  refNote: string | null;
  /** Comparator figures beside the KPI (England, region, a peer), with their column headings. */
  benchmarkCells: { label: string; cell: CellRef }[];
  /** The owner or lead named for the KPI. */
  ownerCell: CellRef | null;
  /** The status column asks a question ("Target met?"): Yes/No answer it. */
  ragYesNo: boolean;
}

const ACTUAL_ROW = /^(.*?)\s*actuals?\s*$/i;
const FREQUENCY_WORD =
  /^(daily|weekly|fortnightly|monthly|bi-? ?monthly|quarterly|termly|half[- ]?termly|bi-? ?annual(ly)?|annual(ly)?|yearly|six[- ]monthly|biannual(ly)?|per term|each term|every \w+)\b/i;

export function isFrequencyText(text: string): boolean {
  return FREQUENCY_WORD.test(text.trim());
}

/**
 * A unit the measure's wording gives its figure. "Weeks" describes the figure only when the figure is a time in
 * weeks ("Average wait in weeks", "(weeks)", "mean time … weeks"); in "patients waiting over 18 weeks" or "% seen
 * within 18 weeks" it is a threshold, and the figure counts patients or a share.
 */
function unitHintFromText(text: string): Unit | null {
  const lower = text.toLowerCase();
  const t = lower.replace(/\b(?:over|more than|longer than|within|under|less than|at least|up to|beyond|after|by)\s+\d+(?:\.\d+)?\s*\+?\s*(?:working\s+|calendar\s+)?(?:weeks?|days?|months?)\b|\b\d+\s*\+?\s*(?:weeks?|days?)\s+(?:or more|and over|plus|wait|waits|breach\w*)\b/g, " ");
  const timeOf = /\b(?:average|mean|median|number of|no\.? of|length of|time)\b/.test(t);
  if (/\bin weeks\b|\(weeks\)|\bweeks\)?$/.test(t) || (timeOf && /\bweeks\b/.test(t))) return "weeks";
  if (/\bin days\b|\(days\)|\bdays\)?$/.test(t) || (timeOf && /\b(?:working |calendar )?days\b/.test(t))) return "days";
  if (/^%|\b% of\b|\bpercentage\b|\bproportion\b|\bas a %|\brate as a %|%\s*$|\(%\)|\bin %/.test(t)) return "percent";
  if (/£|\bcost\b|\bspend\b|\bbudget\b/.test(t)) return "currency";
  return null;
}

export function readKpis(grid: SheetGrid, table: FoundTable, _ctx: PeriodContext): DraftKpi[] {
  const byRole = (role: string) => table.columns.filter((c) => c.cls?.role === role);
  const first = (role: string): ColumnInfo | undefined => byRole(role)[0];
  const refCol = first("ref");
  const measureCol = first("measure");
  const groupCol = first("group");
  const sectionCol = first("section");
  const freqCol = first("frequency");
  const baselineCol = first("baseline");
  const targetCol = byRole("target").slice(-1)[0];
  const previousCol = first("previous");
  const latestCol = byRole("latest").slice(-1)[0];
  const dotCol = first("dot");
  const notesCol = first("notes");
  const polarityCol = first("polarity");
  const unitCol = first("unit");
  const ownerCol = first("owner");
  const benchmarkCols = byRole("benchmark");
  const periodCols = byRole("period");
  // A stated RAG for the KPI as a whole: a RAG column that does not follow a time column — or the table's only
  // RAG column ("... | Target 2023/24 | RAG | DoT"), unless the heading row pairs every milestone with a RAG column.
  const ragCols = table.columns.filter((c) => c.cls?.role === "rag");
  const kpiRagCol = ragCols.length === 1 ? ragCols[0] : table.columns.find((c, i) => c.cls?.role === "rag" && table.columns[i - 1]?.cls?.role !== "time");

  const timeCols = table.columns.filter((c) => c.cls?.role === "time" && c.cls.heading);
  // Under a two-level heading keep the first sub-column of each time heading (the "Positive" share), not its
  // complement; a sub-heading that names a role ("2014/15" over "Target" and "Actual") makes a column of its own.
  const seenTimeLabels = new Set<string>();
  const usedTimeCols = timeCols.filter((c) => {
    const h = c.cls!.heading!;
    const key = c.sub ? `${c.label.replace(/ \/ [^/]*$/, "")}|${h.role}|${h.period?.label ?? ""}` : `${c.col}`;
    if (seenTimeLabels.has(key)) return false;
    seenTimeLabels.add(key);
    return true;
  });

  const nameCols = [refCol, measureCol].filter((c): c is ColumnInfo => !!c);
  const txt = (r: number, c: ColumnInfo | undefined) => (c ? grid.text(r, c.col) : "");
  // A cell of a column the table has, blank or not: a blank target is a finding, with its address.
  const at = (r: number, c: ColumnInfo | undefined): CellRef | null => (c ? { row: r, col: c.col } : null);

  const typeCol = rowTypeColumn(grid, table);
  const drafts: DraftKpi[] = [];
  let group: string | null = null;
  let groupFromHeading: string | null = null;
  let last: DraftKpi | null = null;

  for (let r = table.firstDataRow; r <= table.lastRow; r++) {
    if (grid.isBlankRow(r, table.firstCol, table.lastCol)) continue;
    const filled = grid.filledCols(r, table.firstCol, table.lastCol);
    const refText = txt(r, refCol);
    const measureText = txt(r, measureCol);

    // An ACTUAL(S) row: its label in the reference or measure cell, figures under the time columns.
    // A column of row labels ("Target" / "Actual") beside the names says which row holds what.
    const typeText = typeCol ? grid.text(r, typeCol) : "";
    if (typeCol !== null && last && TARGET_LABEL.test(typeText) && !refText && !measureText && last.row !== r) {
      // "Actual" came first, this "Target" row below it holds the targets.
      for (const m of last.milestones) {
        m.actualCell = m.actualCell ?? m.targetCell;
        m.targetCell = { row: r, col: m.col };
      }
      last.actualRow = last.actualRow ?? last.row;
      continue;
    }
    const actualLabel = [refText, measureText].find((t) => ACTUAL_ROW.test(t) && t.length <= 40) ?? (ACTUAL_ROW.test(typeText) && !refText && !measureText ? typeText : undefined);
    if (actualLabel !== undefined && drafts.length) {
      const stem = ACTUAL_ROW.exec(actualLabel)![1].trim();
      const target = (stem && [...drafts].reverse().find((d) => d.ref && sameRef(d.ref, stem))) || last!;
      if (target.actualRow === null) {
        target.actualRow = r;
        for (const m of target.milestones) m.actualCell = at(r, table.columns.find((c) => c.col === m.col));
        const noteText = refText === actualLabel ? measureText : "";
        if (noteText) target.notes = [target.notes, noteText].filter(Boolean).join(" ");
      }
      continue;
    }

    // A group heading: one short cell on its own (or a reference with a headline spanning the milestone columns).
    if (filled.length === 1 && (!groupCol || filled[0] !== groupCol.col)) {
      const t = grid.text(r, filled[0]);
      if (t.length <= 160 && !usedTimeCols.some((c) => c.col === filled[0] && !grid.mergeAt(r, filled[0]))) {
        // A note on a row of its own belongs to the KPI above; a section heading is the group of the rows below;
        // a report title or a sentence between the rows is neither.
        if (isNoteLine(t) && last) last.notes = [last.notes, t].filter(Boolean).join(" ");
        else if (asGroup(t)) groupFromHeading = asGroup(t);
        continue;
      }
    }
    if (isHeadlineRow(grid, r, filled, refCol, usedTimeCols, table)) {
      groupFromHeading = `${refText} ${grid.text(r, filled[1])}`.trim();
      continue;
    }

    if (groupCol && txt(r, groupCol)) group = txt(r, groupCol);
    const continuation = !refText && !measureText && nameCols.length > 0;
    if (continuation && !last) continue;

    let ref: string | null = refText || null;
    let refNote: string | null = null;
    if (ref) {
      const m = /^(.*?)\s*\*\s*(.+)$/.exec(ref);
      if (m) {
        ref = m[1].trim();
        refNote = m[2].trim();
      }
    }
    const descriptor = sectionCol ? txt(r, sectionCol) : "";
    let measure = measureText;
    let measureDerived = false;
    if (continuation && last) {
      ref = last.ref;
      measure = `${last.measure}${descriptor || (groupCol && txt(r, groupCol)) ? ` – ${descriptor || txt(r, groupCol)}` : ""}`;
    } else if (!measure) {
      // No measure column (004's "KPI reference | By 3 months | RAG ..."): the final milestone states the aim.
      const lastText = [...usedTimeCols].reverse().map((c) => grid.text(r, c.col)).find((t) => t !== "");
      measure = lastText ?? ref ?? "";
      measureDerived = true;
    }
    if (!measure && !ref) continue;
    // A KPI has a name a person can read: a row whose name is a bare figure ("459") is data that runs on
    // under the table (a ledger pasted below it), not a measure.
    if (!continuation && !/\p{L}/u.test(measure)) continue;

    const frequencyText = txt(r, freqCol);
    const notes = txt(r, notesCol) || null;
    let frequency: string | null = frequencyText && isFrequencyText(frequencyText) ? frequencyText : null;
    if (!frequency && notes && isFrequencyText(notes)) frequency = notes.split(/[,;]/)[0].trim();
    if (!frequency && refNote && isFrequencyText(refNote)) frequency = refNote;
    if (!frequency && continuation && last) frequency = last.frequency;

    const milestones: DraftMilestone[] = usedTimeCols
      .filter((c) => c.cls!.heading!.role !== "baseline" || c !== baselineTimeCol(usedTimeCols))
      .map((c) => {
        const h = c.cls!.heading!;
        const idx = table.columns.indexOf(c);
        const next = table.columns[idx + 1];
        const ragCol = next && next.cls?.role === "rag" && next !== kpiRagCol && (!next.sub || next.col === c.col + 1) ? next : undefined;
        return {
          label: c.label,
          col: c.col,
          period: h.period,
          relativeMonths: h.relativeMonths,
          headingRole: h.role,
          targetCell: at(r, c),
          actualCell: null,
          ragCell: ragCol ? { row: r, col: ragCol.col } : null,
        };
      });

    const baselineTime = baselineTimeCol(usedTimeCols);
    const d: DraftKpi = {
      row: r,
      actualRow: null,
      ref,
      refCell: at(r, refCol),
      measure,
      measureCell: measureDerived ? null : continuation ? (last?.measureCell ?? null) : at(r, measureCol),
      group: group ?? (continuation && last ? last.group : null) ?? groupFromHeading ?? table.title,
      frequency,
      frequencyCell: at(r, freqCol),
      measureDerived,
      baselineCell: at(r, baselineCol) ?? (baselineTime ? at(r, baselineTime) : null),
      targetCell: at(r, targetCol),
      previousCell: at(r, previousCol),
      latestCell: at(r, latestCol),
      previousPeriodCell: periodCellFor(r, periodCols, table, "previous", previousCol, at),
      latestPeriodCell: periodCellFor(r, periodCols, table, "latest", latestCol, at),
      dotCell: at(r, dotCol),
      ragCell: at(r, kpiRagCol),
      notes,
      polarityCell: at(r, polarityCol),
      unitCell: at(r, unitCol),
      milestones,
      continuation,
      unitHint: unitHintFromText(measure) ?? (continuation && last ? last.unitHint : null),
      refNote,
      benchmarkCells: benchmarkCols.map((c) => ({ label: c.label || "Comparator", cell: { row: r, col: c.col } })),
      ownerCell: at(r, ownerCol) ?? (continuation && last ? last.ownerCell : null),
      ragYesNo: !!kpiRagCol?.cls?.yesNo,
    };
    if (!groupCol && continuation && descriptor === "" && last) d.group = last.group;
    if (typeCol !== null && ACTUAL_ROW.test(typeText)) {
      // The KPI's own row is labelled "Actual": its cells are actuals; a "Target" row may follow.
      d.actualRow = r;
      for (const m of d.milestones) {
        m.actualCell = m.targetCell;
        m.targetCell = null;
      }
    }
    drafts.push(d);
    if (!continuation) last = d;
  }
  return drafts;
}

const TARGET_LABEL = /^(targets?|plan|planned|trajectory|goal|standard|ambition)$/i;

/** A column, headed or not, whose cells label each row "Target" or "Actual": 004-style paired rows in one column. */
function rowTypeColumn(grid: SheetGrid, table: FoundTable): number | null {
  for (const c of table.columns) {
    if (c.cls && c.cls.role !== "section" && c.cls.role !== "notes") continue;
    let targets = 0;
    let actuals = 0;
    let other = 0;
    for (let r = table.firstDataRow; r <= table.lastRow; r++) {
      const t = grid.rawText(r, c.col);
      if (!t) continue;
      if (TARGET_LABEL.test(t)) targets++;
      else if (ACTUAL_ROW.test(t) && t.length <= 12) actuals++;
      else other++;
    }
    if (targets > 0 && actuals > 0 && other <= (targets + actuals) / 4) return c.col;
  }
  return null;
}

function baselineTimeCol(cols: ColumnInfo[]): ColumnInfo | undefined {
  return cols.find((c) => c.cls?.heading?.role === "baseline");
}

/** "KPI 1/2" matches "KPI 1/2" and "1/2"; "KPI 2/3" matches stem "KPI 2/3" of "KPI 2/3ACTUALS". */
function sameRef(ref: string, stem: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/^kpi\s*/, "").replace(/\s+/g, "");
  return n(ref) === n(stem);
}

function periodCellFor(
  r: number,
  periodCols: ColumnInfo[],
  table: FoundTable,
  which: "previous" | "latest",
  valueCol: ColumnInfo | undefined,
  at: (r: number, c: ColumnInfo | undefined) => CellRef | null,
): CellRef | null {
  const named = periodCols.find((c) => c.cls?.qualifies === which);
  if (named) return at(r, named);
  if (!valueCol) return null;
  const right = table.columns.find((c) => c.col === valueCol.col + 1);
  if (right && right.cls?.role === "period" && right.cls.qualifies === "left") return at(r, right);
  return null;
}

/** 004's headline row: a bare reference ("1") and one long text spanning the milestone columns, with sub-references below ("1.1"). */
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

