// What recognition hands to assessment: for each KPI, which cells are what. No judgement here.
import type { Period, Unit } from "../types";
import { unitFromMeasure } from "../figures/scale";
import type { SheetGrid } from "./grid";

export interface CellRef {
  row: number;
  col: number;
  /** The sheet the cell is on, where it is not the KPI's own (a KPI assembled from several sheets). */
  grid?: SheetGrid;
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
  /** The cell's row holds targets (its table keeps actuals on rows of their own): set where the KPI's table is not the one the column came from. */
  targetsOnly?: boolean;
  /** Its place in an assembled history, where that is not its column's. */
  seq?: number;
  /** The target of one period kept on its own (a sheet's or an export row's), not a stage of a plan. */
  periodTarget?: boolean;
  /** Its actual is estimated or projected before the period's books close ("FY 2019 Estimate"), not measured. */
  estimate?: boolean;
}

/** A row a KPI was assembled from. */
export interface DraftSource {
  grid: SheetGrid;
  cell: CellRef;
  period: string | null;
}

/** Two sources giving different figures for one period of a KPI: the newer one's stands. */
export interface DraftConflict {
  label: string;
  kept: CellRef;
  other: CellRef;
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
  /** The heading of the trend column: a trend over a span ("2013 - 2019") is not the last step's. */
  dotHeading?: string;
  /** Comparator figures beside the KPI (England, region, a peer), with their column headings. */
  benchmarkCells: { label: string; cell: CellRef }[];
  /** The owner or lead named for the KPI. */
  ownerCell: CellRef | null;
  /** The status column asks a question ("Target met?"): Yes/No answer it. */
  ragYesNo: boolean;
  /**
   * The period the row's figures are for where no heading names one: a period column beside the measure (a long
   * export), the table's title or its sheet's name ("Performance report – November 2024", "Q2").
   */
  period?: Period | null;
  /** The table's headings, as one key: a KPI named in a word or two ("Total") is the same KPI only in a table headed the same. */
  tableShape?: string;
  /** The multiple its table's figures are written in, where a line states one ("Billions", "£m", "(£000s)"). */
  figureMultiple?: number;
  /** Headings of the KPI's figure columns (a "Rate per 1,000" heading names its scale). */
  figureHeadings?: string[];
  /** The rows the KPI was assembled from, its own first (set by src/core/assemble). */
  sources?: DraftSource[];
  /** Periods its sources disagree about. */
  conflicts?: DraftConflict[];
}

/** What a layout states about one KPI named by one cell; every field it leaves out is not stated. */
export type NamedKpiFields = Pick<DraftKpi, "row" | "measure" | "measureCell"> & Partial<DraftKpi>;

/**
 * The draft of one KPI named by one cell (a layout other than a row per KPI: periods down the rows, one row of
 * several KPIs): the cells the layout states, and nothing else stated.
 */
export function namedKpiDraft(named: NamedKpiFields): DraftKpi {
  return {
    actualRow: null,
    ref: null,
    refCell: null,
    group: null,
    frequency: null,
    frequencyCell: null,
    measureDerived: false,
    baselineCell: null,
    targetCell: null,
    previousCell: null,
    latestCell: null,
    previousPeriodCell: null,
    latestPeriodCell: null,
    dotCell: null,
    ragCell: null,
    notes: null,
    polarityCell: null,
    unitCell: null,
    milestones: [],
    continuation: false,
    unitHint: null,
    refNote: null,
    benchmarkCells: [],
    ownerCell: null,
    ragYesNo: false,
    ...named,
  };
}

/** The unit a KPI's name gives ("% of …", "in weeks"), else the first its figures' headings give. */
export function unitNamedBy(measure: string, headings: string[]): Unit | null {
  return unitFromMeasure(measure) ?? headings.map(unitFromMeasure).find((u) => u !== null) ?? null;
}
