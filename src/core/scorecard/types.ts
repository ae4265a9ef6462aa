// The scorecard as a declarative spec: everything the scorecard sheet and its hidden data sheet hold,
// in cell coordinates, so that src/excel applies it as a dumb copy. Addresses are A1 without a sheet
// name unless a field says otherwise. Rows and columns in CellBlock and RowHeightSpec are 0-based.
import type { Rag, ScanResult } from "../types";
import type { Settings } from "../settings";
import type { HexColour } from "./colour";
import type { SourceCells } from "./liveSource";

/** A value written to a cell: a number, or a string already made safe to write (see literal.ts). */
export type SpecValue = string | number;

/** A rectangle of values written in one request. numberFormats has the same shape as values. */
export interface CellBlock {
  /** What the block holds, for tests and for splitting requests: "heading", "register", "state"... */
  id: string;
  row: number;
  col: number;
  /** For a formula cell, the value the formula gives on the workbook as read (the cell is written as its formula). */
  values: SpecValue[][];
  numberFormats: string[][];
  /** Live cells (see liveKpi.ts): formulas of references, functions and numbers only, built by the core, never from workbook text. */
  formulas?: BlockFormula[];
}

/** A formula cell of a block: its place in the block (0-based) and its text without the leading "=". */
export interface BlockFormula {
  r: number;
  c: number;
  formula: string;
}

export interface BorderSpec {
  colour: HexColour;
  /** Inside lines as well as the edge. */
  inside: boolean;
}

/** A format applied to a range. Only the fields given are set. */
export interface RangeFormatSpec {
  address: string;
  fill?: HexColour;
  fontColour?: HexColour;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontalAlignment?: "Left" | "Center" | "Right";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  border?: BorderSpec;
}

/** Rows given a height in points: the height their wrapped text needs, worked out in the core (textFit.ts). */
export interface RowHeightSpec {
  row: number;
  count: number;
  height: number;
}

/** A merge: the whole range into one cell, or (across) each row of the range into its own cell. */
export interface MergeSpec {
  address: string;
  across: boolean;
}

/** A "cell contains text" rule: the RAG cells recolour when someone types another word. */
export interface TextRuleSpec {
  address: string;
  text: string;
  fill: HexColour;
  fontColour: HexColour;
}

export interface HyperlinkSpec {
  /** The cell holding the link, on the scorecard. */
  cell: string;
  /** Where it goes, with the sheet quoted as Excel requires: 'My sheet'!B7. */
  documentReference: string;
  textToDisplay: string;
  screenTip: string;
}

/** Excel.ChartDataLabelPosition values the scorecard uses: Top/Bottom for lines, OutsideEnd/InsideEnd for columns. */
export type ChartLabelPosition = "Top" | "Bottom" | "OutsideEnd" | "InsideEnd";

export interface ChartSeriesSpec {
  name: string;
  /** Values range on the data sheet. */
  values: string;
  colour: HexColour;
  /** Dashed line (staged targets), so the two lines differ by more than colour. */
  dashed?: boolean;
  /** Colour of the values written on the bars or points: white on dark fills, black on light ones. */
  labelColour: HexColour;
  /** False: this series' values are not written on its points (they would overlap another series' labels). */
  labels?: boolean;
  /** Drawn as a line with markers on a column chart (a target over actual columns, on the same period axis). */
  asLine?: boolean;
  /**
   * Where the series' values sit: a line's above its points (Excel's "Top") or below them ("Bottom"), a column's
   * past its end ("OutsideEnd") or inside it ("InsideEnd"), so that another series' marker does not sit on a label.
   * Absent: the chart's default.
   */
  labelPosition?: ChartLabelPosition;
  /** Points (0-based) whose value sits on the other side from the series' (a marker just above one point only). */
  pointLabelPositions?: { index: number; position: "Top" | "Bottom" }[];
}

export type ChartKind = "rag-by-group" | "trajectory" | "actual-vs-target";

export interface ChartSpec {
  /** Unique name of the chart on the sheet. */
  name: string;
  kind: ChartKind;
  type: "BarStacked" | "ColumnStacked" | "ColumnClustered" | "LineMarkers";
  title: string;
  /** The data range on the data sheet the chart is created from, header row and column included. */
  source: string;
  seriesBy: "Rows" | "Columns";
  /** Category labels range, on the data sheet. */
  categories: string;
  series: ChartSeriesSpec[];
  /** Cells the chart covers on the scorecard: top-left and bottom-right. */
  topLeft: string;
  bottomRight: string;
  /** Number format of the value axis (the source's, without unit words). */
  valueFormat: string;
  /** The value axis title, naming the unit; null when the figures state none. */
  valueAxisTitle: string | null;
  categoryAxisTitle: string | null;
  /** The value axis starts here (0 for counts and percentages); null lets Excel choose. */
  valueAxisMinimum: number | null;
  /** Values written on the bars and points. */
  dataLabels: boolean;
  /** The KPI the chart is about (its key), for charts of one KPI. */
  kpiKey?: string;
}

export interface PageMargins {
  /** Points, as the Excel API takes them. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PageSetupSpec {
  orientation: "Landscape";
  paperSize: "A4";
  /** Print scale in per cent: the register's printed text is never under 8 pt. */
  scale: number;
  margins: PageMargins;
  /** The register's heading row, repeated on every register page: "$40:$40". */
  printTitleRows: string | null;
  /** What prints: the page-1 summary, the charts, the findings and the register, not the hidden key columns. */
  printArea: string;
  /** Rows (0-based) that start a new printed page: the charts, each charts page, the register. */
  pageBreaksBefore: number[];
  /** Header and footer in Excel's codes ("&P" page, "&N" pages; a literal & written "&&"). */
  centerHeader: string;
  centerFooter: string;
}

export interface FreezeSpec {
  /** Rows frozen at the top (the title). */
  rows: number;
  /** Columns frozen at the left. */
  columns: number;
}

/** Where the register sits, and what readCommentary needs to find commentary again. */
export interface KpiTableLayout {
  /** The register's heading row (0-based), on the register's sheet. */
  headerRow: number;
  /** Number of KPI rows (may be 0). */
  rowCount: number;
  /** The register's columns, in sheet order from column A: printed ones, then the Source link, then hidden ones. */
  columns: readonly ColumnSpec[];
  /** 0-based columns of the Commentary text, the hidden key and source sheet, the RAG and the trend. */
  commentaryCol: number;
  keyCol: number;
  sheetCol: number;
  ragCol: number;
  /** -1 when no KPI has a direction of travel (the column is left out). */
  dotCol: number;
  /** Columns printed: 0 to printedColumns - 1. */
  printedColumns: number;
}

export interface ColumnSpec {
  id: ColumnId;
  header: string;
  /** Column width in points. */
  width: number;
  hidden?: boolean;
  /** Shown on the sheet right of the printed columns but not printed (the link back to the source). */
  offPage?: boolean;
}

export type ColumnId =
  | "ref"
  | "measure"
  | "owner"
  | "frequency"
  | "baseline"
  | "target"
  | "targetFor"
  | "latest"
  | "latestPeriod"
  | "previous"
  | "previousPeriod"
  | "benchmarks"
  | "dot"
  | "rag"
  | "findings"
  | "commentary"
  | "source"
  | "key"
  | "sourceSheet";

/** Commentary typed into the scorecard, keyed so that it finds its KPI again after regeneration. */
export interface CommentaryEntry {
  key: string;
  sheet: string | null;
  ref: string | null;
  measure: string | null;
  text: string;
}

/** What the last scorecard in the workbook said, read back when it is regenerated. */
export interface PreviousScorecard {
  /** ISO date-time (UTC) the previous scorecard was generated, when known. */
  generatedAt: string | null;
  /** Its reporting date (ISO), when known. */
  asOf?: string | null;
  /**
   * The scorecard it compared with (kept in the data sheet): a scorecard regenerated for the same reporting date
   * keeps comparing with that one, so regenerating or packing again never erases a change.
   */
  comparedWith?: PreviousScorecard | null;
  /** Its RAG by KPI key (as the sheet showed it, hand edits included). */
  rags: Record<string, Rag>;
  /** How it named each KPI, to list those no longer reported. */
  names: Record<string, { ref: string | null; measure: string | null }>;
}

export interface LegendEntry {
  /** What the legend explains: a RAG status or a DoT arrow. */
  kind: "rag" | "dot";
  rag?: Rag;
  /** The word or arrow as it appears in the sheet. */
  symbol: string;
  meaning: string;
  fill?: HexColour;
  fontColour?: HexColour;
}

/** One KPI row of the register, as data, for tests and for the pane (the same content is on the sheet). */
export interface ScorecardRow {
  key: string;
  sheet: string | null;
  ref: string | null;
  measure: string;
  group: string;
  rag: Rag;
  ragWord: string;
  dot: string;
  stale: boolean;
  commentary: string;
  /** The register row on the register's sheet (0-based). */
  row: number;
}

export interface ScorecardSummaryRow {
  group: string;
  counts: Record<Rag, number>;
  stale: number;
  total: number;
}

/** A count tile on page 1: a RAG, the stale figures, or the total. */
export interface TileSpec {
  id: Rag | "stale" | "total";
  word: string;
  count: number;
}

export interface ExceptionRow {
  key: string;
  rag: Rag;
  ref: string | null;
  measure: string;
  latestVsTarget: string;
  trend: string;
  owner: string;
  commentary: string;
  stale: boolean;
}

/** A KPI whose RAG moved since the last scorecard. */
export interface RagChange {
  key: string;
  label: string;
  from: Rag;
  to: Rag;
  direction: "better" | "worse" | "other";
}

export interface ScorecardChanges {
  /** False on the first scorecard in a workbook. */
  hasPrevious: boolean;
  previousGeneratedAt: string | null;
  /** The reporting date of the scorecard compared with, when known. */
  previousAsOf: string | null;
  changed: RagChange[];
  /** KPIs on this scorecard the last one did not have, and the last one's KPIs no longer reported. */
  added: string[];
  removed: string[];
}

/** A place on the sheet the pane links to: the summary, the exceptions, each group of the register... */
export interface SheetSection {
  id: "summary" | "exceptions" | "changes" | "charts" | "findings" | "register" | "group" | "orphans";
  label: string;
  /** A1 of the section's heading, on the scorecard or on `sheet`. */
  cell: string;
  /** The sheet it is on when not the scorecard: the register's own sheet. */
  sheet?: string;
}

/**
 * A sheet laid out by the add-in: the scorecard (page 1, charts, findings) or the register's own sheet, whose
 * heading row is its first, frozen and filterable (Excel freezes panes only from the top of a sheet).
 */
export interface SheetPartSpec {
  sheetName: string;
  blocks: CellBlock[];
  formats: RangeFormatSpec[];
  merges: MergeSpec[];
  columnWidths: { col: number; width: number; hidden: boolean }[];
  rowHeights: RowHeightSpec[];
  textRules: TextRuleSpec[];
  hyperlinks: HyperlinkSpec[];
  freeze: FreezeSpec;
  /** Filter buttons on the register's heading row; null when the sheet has none. */
  autoFilter: string | null;
  page: PageSetupSpec;
  /** Gridlines off: the tables draw their own borders, and the page reads like a report. */
  showGridlines: boolean;
  /** The range the sheet's content occupies, for tests and for sizing. */
  usedRange: string;
}

/** The hidden sheet the add-in also owns: what the last scorecard said (for the next one), and the charts' data. */
export interface DataSheetSpec {
  sheetName: string;
  blocks: CellBlock[];
}

/** The scorecard sheet: a sheet part (its cells, formats and page) with its charts, and what it was built from. */
export interface ScorecardSpec extends SheetPartSpec {
  /** The report title, as shown on page 1. */
  title: string;
  charts: ChartSpec[];
  dataSheet: DataSheetSpec;
  /** The register, one row per KPI, on a sheet of its own that the add-in also owns, printed after the scorecard. */
  register: SheetPartSpec;
  sections: SheetSection[];
  table: KpiTableLayout;
  rows: ScorecardRow[];
  legend: LegendEntry[];
  tiles: TileSpec[];
  summary: ScorecardSummaryRow[];
  exceptions: ExceptionRow[];
  changes: ScorecardChanges;
  /** Commentary whose KPI was not found, kept in its own block. */
  orphanedCommentary: CommentaryEntry[];
  /** Charts left out to keep the sheet usable (only the first few are drawn). */
  chartsOmitted: number;
  /** What the spec was built from, so what is read at apply time can be merged by the core. */
  source: ScorecardSource;
}

export interface ScorecardOptions {
  sheetName: string;
  /** ISO datetime of generation, e.g. "2026-11-22T00:30:00Z". */
  generatedAt: string;
  commentary: CommentaryEntry[];
  settings: Settings;
  /** What the last scorecard said; null or absent on the first. */
  previous?: PreviousScorecard | null;
  /** Name of the hidden data sheet; default DATA_SHEET_DEFAULT_NAME. */
  dataSheetName?: string;
  /** Name of the register's sheet; default registerSheetName(sheetName): "Scorecard register". */
  registerSheetName?: string;
  /**
   * The source workbook's cells as read: with them, the register is live where a formula can follow its figures
   * (live.ts); without them, every cell holds the add-in's value.
   */
  sourceCells?: SourceCells;
  /**
   * The program that shows the sheet, for sizing rows to its lines: "excel" (default, what Insert writes) or
   * "libreoffice" (a copy only printed by LibreOffice with Carlito, as `pack` makes).
   */
  printer?: "excel" | "libreoffice";
}

export interface ScorecardSource {
  scan: ScanResult;
  options: ScorecardOptions;
}
