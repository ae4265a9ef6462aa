// The domain's vocabulary. The shapes of Figure, Milestone, Kpi and ScanResult follow
// schema/scan-result.schema.json (the scan contract): fields may be added, never renamed or dropped.

/** What a number measures. Percentages are fractions (71.3% is 0.713), as Excel stores them. */
export type Unit = "percent" | "count" | "weeks" | "days" | "hours" | "months" | "currency" | "ratio" | "rate" | "score" | "text";

/** Why a figure has no value. */
export type MissingReason = "blank" | "not-applicable" | "to-be-confirmed" | "not-yet-due" | "text";

export type Polarity = "higher-is-better" | "lower-is-better";
/**
 * Where a KPI's polarity came from, strongest first: a user's correction or the add-in's settings; a polarity
 * the workbook states (a column, the measure's words); the polarity that makes the workbook's own RAG agree
 * with its figures; the target's words ("Max.", "18 days or less"); the direction from baseline to target;
 * the measure's wording.
 */
export type PolaritySource = "user" | "setting" | "stated" | "stated-rag" | "target-wording" | "target-vs-baseline" | "wording";

export type Rag = "blue" | "green" | "amber" | "red" | "grey";
export type Direction = "up" | "down" | "flat";
export type Judgement = "improving" | "worsening" | "no-change";

export type Severity = "error" | "warning" | "info";

/** A date as YYYY-MM-DD. */
export type IsoDate = string;

/** A period a figure refers to, or a milestone falls due in, as a date range. */
export interface Period {
  /** As written: "Jan 24", "Q2 2023/24", "HT1-2 23/24", "By 6 months". */
  label: string;
  kind:
    | "month"
    | "quarter"
    | "half-term"
    | "term"
    | "academic-year"
    | "financial-year"
    | "year"
    | "date"
    | "relative-months"
    | "unknown";
  /** Null where the label alone does not fix the dates (e.g. "Q1" with no year, "By 6 months" with no plan start). */
  start: IsoDate | null;
  end: IsoDate | null;
  /** For "By 6 months", "Target for 12 months ...": months counted from the plan start. */
  relativeMonths?: number;
}

/**
 * A target written relative to something else: "Baseline plus 10%",
 * "50% or national average whichever is the higher", "National average".
 */
export interface RelativeTarget {
  kind: "baseline-plus" | "at-least-comparator" | "comparator";
  /** For baseline-plus: the amount added (0.1 for 10%). For at-least-comparator: the floor (0.5 for 50%). */
  amount: number | null;
  /** baseline-plus on a percentage: "points" adds percentage points; "relative" multiplies. */
  mode?: "points" | "relative";
  /** For comparator kinds: the comparator named, e.g. "national average". */
  comparator?: string;
  /** What it resolved to, once the baseline or comparator is known; null while unknown. */
  resolved: number | null;
  /** Plain-English account of how it was resolved, or why not. */
  explanation?: string;
}

/** One figure read from a cell. value is null where the cell holds no usable number. */
export interface Figure {
  value: number | null;
  /** The cell's displayed text, verbatim. */
  text: string;
  /** A1 address of the source cell on its sheet. */
  cell: string;
  /** The cell's sheet, where it is not the KPI's own (a KPI assembled from several sheets). */
  sheet?: string;
  unit: Unit | null;
  period: string | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  missing: MissingReason | null;
  relative: RelativeTarget | null;
  /** Words beside the number that qualify it ("interim target", "complete"). */
  qualifier?: string | null;
  /** Set when one cell holds several values (e.g. "YR 6 93% YR11 – 71%"): value is then null. */
  several?: { label: string | null; value: number; unit: Unit | null }[];
  /** Set when the cell holds an Excel error such as #N/A or #DIV/0!. */
  error?: string;
}

export interface Milestone {
  /** The milestone heading as written. */
  label: string;
  due: IsoDate | null;
  target: Figure | null;
  actual: Figure | null;
  rag: Rag | null;
  statedRag: Rag | null;
}

export interface Finding {
  /** Stable kebab-case code (see src/core/validate/codes.ts). */
  code: string;
  severity: Severity;
  message: string;
  sheet?: string;
  cell?: string;
}

export interface Dot {
  direction: Direction | null;
  judgement: Judgement | null;
  /** The arrow or word the workbook itself states, as a direction. */
  stated?: Direction | null;
  /** A judgement the workbook states (an arrow a legend says means better/worse, "Improving", a smiley). */
  statedJudgement?: Judgement | null;
}

/** A comparator figure the workbook gives beside a KPI (England, region, statistical neighbours, a peer). */
export interface Benchmark {
  label: string;
  value: Figure;
}

export interface Kpi {
  ref: string | null;
  measure: string;
  group: string | null;
  frequency: string | null;
  unit: Unit | null;
  polarity: Polarity | null;
  polaritySource: PolaritySource | null;
  baseline: Figure | null;
  /** The final (end-of-plan) target. */
  target: Figure | null;
  /** The staged target in force at the reporting date. */
  currentTarget: Figure | null;
  previous: Figure | null;
  latest: Figure | null;
  milestones: Milestone[];
  dot: Dot;
  rag: Rag | null;
  statedRag: Rag | null;
  findings: Finding[];
  /** Where the KPI's row (or first row) is: sheet and A1 of its measure cell. */
  sheet?: string;
  sourceCell?: string;
  /** The label of the milestone in force at the reporting date, if any. */
  currentMilestone?: string | null;
  /** Free-text notes stated beside the KPI. */
  notes?: string | null;
  /** A stable key for this KPI (sheet + reference, or sheet + measure), used for commentary and settings. */
  key?: string;
  /** Why the RAG is what it is, in plain English, for "Why this rating?". */
  ragExplanation?: string;
  /** Comparator figures stated beside the KPI. */
  benchmarks?: Benchmark[];
  /** The owner or lead the workbook names for the KPI ("Lead officer", "Owner", "Responsible"). */
  owner?: string | null;
  /** The latest figure is older than the KPI's frequency allows at the reporting date. */
  stale?: boolean;
  /**
   * Set when no direction is better: nothing states one and the measure counts demand or volume ("(Demand)",
   * "Number of referrals"), or the workbook states "No polarity". polarity is then null, the movement is shown
   * without improving/worsening, and the KPI is rated only against a target on the side its targets imply.
   */
  noBetterDirection?: { ratedAs: Polarity | null; reason: string };
  /** The cells the latest, previous and target are chosen from, blank ones included (for the live scorecard's formulas). */
  figureCells?: FigureCells;
  /**
   * Every row the KPI was assembled from (period sheets, rows of a long export, tables split by year): sheet and
   * A1 address of that row's measure cell, and the period it holds. The first is the KPI's own sheet/sourceCell.
   */
  sources?: KpiSource[];
  /** For a rate (unit "rate"): the base it is per (100 for "per 100 pupils"), or null where none is stated. */
  ratePer?: number | null;
}

export interface KpiSource {
  sheet: string;
  cell: string;
  period?: string | null;
}

/** A cell a KPI's figure may be read from: A1 on the KPI's own sheet unless `sheet` names another. */
export interface CellAt {
  cell: string;
  sheet?: string;
}

/**
 * Where the add-in looks for a KPI's figures, blank cells included, and in what order: what a formula needs to
 * follow them as the add-in reads them (src/core/scorecard/live*.ts).
 */
export interface FigureCells {
  /** The Latest column's cell: the latest figure, whatever it holds. */
  latest: CellAt | null;
  /** The Previous column's cell. */
  previous: CellAt | null;
  /** The cells beside them naming their periods ("Latest period"), when the table has them. */
  latestPeriod?: CellAt | null;
  previousPeriod?: CellAt | null;
  /** The Target column's cell: the target in force, whatever the milestones say. */
  target: CellAt | null;
  baseline: CellAt | null;
  /** The actual written under the baseline column (ACTUAL rows): the first point of the series. */
  baselineActual: CellAt | null;
  /** With no ACTUAL rows, a numeric baseline is the point before a series of one actual. */
  baselineLeads: boolean;
  /** Each period in series order (by due date, then column): its cells, and from when its actual counts and its target is in force. */
  periods: PeriodCells[];
}

export interface PeriodCells {
  label: string;
  /** The period the heading names ("Oct 2020") and when it ends: an actual's own period, unless its cell names another. */
  periodLabel?: string | null;
  periodEnd?: IsoDate | null;
  actual: CellAt | null;
  target: CellAt | null;
  due: IsoDate | null;
  /** The actual counts once the reporting date reaches this (the period's start, else its due date); null: always. */
  actualFrom: IsoDate | null;
  /** The target is in force from this date; null when the period is undated. */
  targetFrom: IsoDate | null;
}

export type TableLayout =
  | "previous-latest"
  | "milestone-columns"
  | "target-actual-rows"
  | "period-columns"
  | "survey"
  | "qualitative-milestones"
  | "excel-table"
  | "period-rows";

export interface KpiTable {
  sheet: string;
  /** A1 range, header rows included. */
  range: string;
  layout: TableLayout | string;
  headerRows: number;
  confidence: number;
  kpis: Kpi[];
  /** The Excel table (ListObject) name, when the KPI table is one. */
  excelTable?: string;
  /** A stable id for including or excluding the table in settings: "sheet!range". */
  id?: string;
  /** Each column of the table as read: its role, the evidence for it, how sure the reading is. */
  columns?: TableColumn[];
  /** True when the user declared this range a KPI table. */
  userDefined?: boolean;
}

/** The roles a table column can play (the scan contract's names). */
export type ColumnRoleName =
  | "measure"
  | "ref"
  | "group"
  | "latest"
  | "previous"
  | "target"
  | "baseline"
  | "milestone"
  | "status"
  | "trend"
  | "polarity"
  | "benchmark"
  | "unit"
  | "frequency"
  | "owner"
  | "notes"
  | "ignore";

export interface TableColumn {
  /** Column letter on the sheet, e.g. "D". */
  column: string;
  heading: string | null;
  role: ColumnRoleName;
  /** The period the column holds, when it names one. */
  period?: string | null;
  /** The strongest evidence for the role; "user" = a correction stored in the workbook. */
  source?: "heading" | "content" | "position" | "user";
  confidence?: number;
  /** The evidence in words, for the pane ("heading says 'Outturn'", "94% of cells are RAG words"). */
  evidence?: string;
}

export interface ScanResult {
  workbook: string;
  asOf: IsoDate;
  /** Where asOf came from (see core/reportingDate.ts); set by src/excel/scanWorkbook. */
  asOfSource?: "given" | "setting" | "latest-period" | "today";
  settings: Record<string, unknown>;
  tables: KpiTable[];
  findings: Finding[];
}
