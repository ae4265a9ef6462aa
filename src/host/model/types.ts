// The in-memory workbook the host edits. It is the single source of truth between load and
// save: .xlsx files are read into it (xlsx/load.ts) and written from it (xlsx/save.ts).
// Styles use ExcelJS's plain style shape so a loaded cell's formatting survives a save untouched.
import type { Style } from "exceljs";
import type { CellRect } from "../../core/snapshot";

/** An error value in a cell, such as "#N/A" or "#DIV/0!". */
export interface CellError {
  error: string;
}

/** What a cell holds: null when empty. */
export type CellValue = number | string | boolean | CellError | null;

export interface HyperlinkModel {
  /** External address (URL, mailto:). */
  address?: string;
  /** Place in this workbook, as "'Sheet name'!A1". */
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellModel {
  /** For a formula cell: its cached result, or null when unknown (written by the host, not calculated). */
  value: CellValue;
  /** Formula text without the leading "=". */
  formula?: string;
  style?: Partial<Style>;
  /** The cell was written with a leading apostrophe: its text is shown literally. */
  quotePrefix?: boolean;
  hyperlink?: HyperlinkModel;
  /** A cell note (comment) from the file, kept as plain text. */
  note?: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface ConditionalFormatStyle {
  fillColor?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

export type ConditionalFormatRule =
  | { type: "ContainsText"; operator: "Contains" | "NotContains" | "BeginsWith" | "EndsWith"; text: string }
  | { type: "Custom"; formula: string }
  | { type: "CellValue"; operator: string; formula1: string; formula2?: string };

export interface ConditionalFormatModel {
  /** Where the rule applies, on its sheet. */
  ranges: CellRect[];
  rule: ConditionalFormatRule;
  style: ConditionalFormatStyle;
  stopIfTrue?: boolean;
  priority: number;
}

export interface TableModel {
  name: string;
  rect: CellRect;
  showHeaders: boolean;
  showTotals: boolean;
  styleName?: string;
  /** The header names in column order. */
  columns: string[];
}

export interface NameModel {
  name: string;
  /** The formula with its leading "=", e.g. "=Sheet1!$A$1" or "=\"text\"". */
  formula: string;
  comment?: string;
  visible: boolean;
}

export interface PageLayoutModel {
  orientation?: "Portrait" | "Landscape";
  /** OOXML paper size code: 1 Letter, 9 A4. */
  paperSize?: number;
  fitToWidth?: number;
  fitToHeight?: number;
  zoomScale?: number;
  /** Rows repeated at the top of each printed page, e.g. "$1:$3". */
  printTitleRows?: string;
  printArea?: string;
  centerHorizontally?: boolean;
  centerVertically?: boolean;
  margins?: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number };
  centerHeader?: string;
  centerFooter?: string;
  /** Manual page breaks: 0-based rows that start a new printed page. */
  rowBreaks?: number[];
}

export interface FreezeModel {
  rows: number;
  cols: number;
}

export interface ChartSeriesModel {
  name: string;
  /** Series type when it differs from the chart's (combo charts). */
  chartType?: string;
  /** Sheet-qualified references, e.g. "'KPI Scorecard'!$B$2:$B$7". */
  valuesRef?: string;
  categoriesRef?: string;
  /** Literal values when a series was given numbers rather than a range. */
  values?: (number | null)[];
  fillColor?: string;
  lineColor?: string;
  /** Excel.ChartLineStyle of the series line: "Continuous", "Dash", ... */
  lineStyle?: string;
  markerStyle?: string;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  /** The series' own data labels (ChartSeries.hasDataLabels / dataLabels). */
  dataLabels?: {
    showValue: boolean;
    fontColor?: string;
    /** Excel.ChartDataLabelPosition, when set. */ position?: string;
    /** Points' own positions, by index. */ pointPositions?: Record<number, string>;
  };
}

export interface ChartHostModel {
  id: string;
  name: string;
  type: string;
  title?: string;
  titleVisible: boolean;
  legendPosition?: string;
  legendVisible: boolean;
  valueAxisTitle?: string;
  categoryAxisTitle?: string;
  valueAxisNumberFormat?: string;
  /** The value axis bounds set through the API; absent lets the viewer choose. */
  valueAxisMinimum?: number;
  valueAxisMaximum?: number;
  /** Chart-wide data labels showing each point's value (Chart.dataLabels.showValue). */
  showDataLabels?: boolean;
  /** Excel plots only visible cells unless this is false: values in hidden rows or columns are left out. */
  plotVisibleOnly: boolean;
  seriesBy: "Auto" | "Columns" | "Rows";
  series: ChartSeriesModel[];
  /** Anchor: top-left and bottom-right cells, 0-based. */
  from: { row: number; col: number };
  to: { row: number; col: number };
  /** Position in points, kept as set when set through top/left/width/height. */
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** rows[r][c]; sparse. */
  rows: (CellModel | undefined)[][];
  merges: CellRect[];
  /** Column width in points, by 0-based column. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
  defaultColumnWidth: number;
  defaultRowHeight: number;
  conditionalFormats: ConditionalFormatModel[];
  tables: TableModel[];
  names: NameModel[];
  charts: ChartHostModel[];
  freeze?: FreezeModel;
  showGridlines: boolean;
  tabColor?: string;
  pageLayout: PageLayoutModel;
  /** Parts of the sheet the host does not model but keeps (data validations, autofilter), in ExcelJS form. */
  passthrough: Record<string, unknown>;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  names: NameModel[];
  /** Add-in settings (Office settings), key -> parsed JSON value. */
  settings: Map<string, unknown>;
  activeSheetId?: string;
  /** Package parts the host keeps byte for byte (web extensions it does not own). */
  extraParts: Map<string, Uint8Array>;
  /** The add-in web extension part that holds settings, when the file had one. */
  webExtension?: { path: string; xml: string };
  date1904: boolean;
  /** The workbook's structure is protected (Review > Protect Workbook): sheets cannot be added, deleted or moved. */
  structureProtected?: boolean;
  nextId: number;
}
