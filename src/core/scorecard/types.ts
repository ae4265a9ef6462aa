// The scorecard sheet as a declarative spec: everything the sheet holds, in cell coordinates on
// the sheet, so that src/excel applies it as a dumb copy. Addresses are A1 without a sheet name
// unless a field says otherwise. Rows and columns in CellBlock are 0-based.
import type { Rag } from "../types";
import type { Settings } from "../settings";
import type { HexColour } from "./colour";

/** A value written to a cell: a number, or a string already made safe to write (see literal.ts). */
export type SpecValue = string | number;

/** A rectangle of values written in one request. numberFormats has the same shape as values. */
export interface CellBlock {
  /** What the block holds, for tests and for splitting requests: "title", "kpis", "summary"... */
  id: string;
  row: number;
  col: number;
  values: SpecValue[][];
  numberFormats: string[][];
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
  fontSize?: number;
  wrap?: boolean;
  horizontalAlignment?: "Left" | "Center" | "Right";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  border?: BorderSpec;
  /** Row height in points, for rows whose wrapped text needs room. */
  rowHeight?: number;
}

/** A "cell contains text" rule: the RAG column recolours when someone types another word. */
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

export interface ChartSeriesSpec {
  name: string;
  /** Values range on the scorecard sheet. */
  values: string;
  colour: HexColour;
  /** Dashed line (staged targets), so the two lines differ by more than colour. */
  dashed?: boolean;
}

export interface ChartSpec {
  /** Unique name of the chart on the sheet. */
  name: string;
  kind: "rag-by-group" | "trajectory";
  type: "ColumnStacked" | "LineMarkers";
  title: string;
  /** The data range the chart is created from, header row and column included. */
  source: string;
  seriesBy: "Rows" | "Columns";
  /** Category labels range. */
  categories: string;
  series: ChartSeriesSpec[];
  /** Cells the chart covers: top-left and bottom-right. */
  topLeft: string;
  bottomRight: string;
  /** Number format of the value axis, from the KPI unit. */
  valueFormat: string;
}

export interface PageSetupSpec {
  orientation: "Landscape";
  paperSize: "A4";
  fitToPagesWide: 1;
  /** Rows repeated on every printed page: "$6:$6". */
  printTitleRows: string;
  /** What prints: everything but the hidden key columns. */
  printArea: string;
  /**
   * Rows (0-based) to start a new printed page: the charts section, and every second row of trajectory
   * charts, so that no chart is cut across two pages.
   */
  pageBreaksBefore: number[];
}

export interface FreezeSpec {
  /** Rows frozen at the top (through the header row). */
  rows: number;
  /** Columns frozen at the left (through the measure column). */
  columns: number;
}

/** Where the KPI table sits, and what readCommentary needs to find commentary again. */
export interface KpiTableLayout {
  headerRow: number;
  firstRow: number;
  /** Number of KPI rows (may be 0). */
  rowCount: number;
  columns: readonly ColumnSpec[];
  /** 0-based columns of the Commentary text and the hidden key. */
  commentaryCol: number;
  keyCol: number;
  sheetCol: number;
  ragCol: number;
  dotCol: number;
}

export interface ColumnSpec {
  id: ColumnId;
  header: string;
  /** Column width in points. */
  width: number;
  hidden?: boolean;
}

export type ColumnId =
  | "ref"
  | "measure"
  | "group"
  | "frequency"
  | "baseline"
  | "milestone"
  | "milestoneTarget"
  | "latest"
  | "latestPeriod"
  | "previous"
  | "previousPeriod"
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

/** One KPI row, as data, for tests and for the pane (the same content is in the "kpis" block). */
export interface ScorecardRow {
  key: string;
  sheet: string | null;
  ref: string | null;
  measure: string;
  rag: Rag;
  ragWord: string;
  dot: string;
  commentary: string;
}

export interface ScorecardSummaryRow {
  group: string;
  counts: Record<Rag, number>;
  total: number;
}

export interface ScorecardSpec {
  sheetName: string;
  /** Title written in A1. */
  title: string;
  blocks: CellBlock[];
  formats: RangeFormatSpec[];
  merges: string[];
  columnWidths: { col: number; width: number; hidden: boolean }[];
  /** Row ranges whose height follows their wrapped text (autofit after formats are set). */
  autofitRows: string[];
  textRules: TextRuleSpec[];
  hyperlinks: HyperlinkSpec[];
  charts: ChartSpec[];
  freeze: FreezeSpec;
  page: PageSetupSpec;
  /** Gridlines off: the table draws its own borders, and the page reads like a report. */
  showGridlines: boolean;
  /** The range the sheet's content occupies, for tests and for sizing. */
  usedRange: string;
  table: KpiTableLayout;
  rows: ScorecardRow[];
  legend: LegendEntry[];
  summary: ScorecardSummaryRow[];
  /** Commentary whose KPI was not found, kept in its own block. */
  orphanedCommentary: CommentaryEntry[];
  /** Trajectory charts left out to keep the sheet usable (only the first few are drawn). */
  trajectoriesOmitted: number;
  /** What the spec was built from, so commentary read at apply time can be merged by the core. */
  source: ScorecardSource;
}

export interface ScorecardOptions {
  sheetName: string;
  /** ISO datetime of generation, e.g. "2026-11-22T00:30:00Z". */
  generatedAt: string;
  commentary: CommentaryEntry[];
  settings: Settings;
}

export interface ScorecardSource {
  scan: import("../types").ScanResult;
  options: ScorecardOptions;
}
