// What recognition hands to assessment: for each KPI, which cells are what. No judgement here.
import type { Period, Unit } from "../types";

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
