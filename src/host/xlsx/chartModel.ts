// What the headless host knows about a chart when it saves: enough to write a DrawingML chart part
// (chartXml.ts) that Excel and LibreOffice render without recalculating anything.

/** The chart types the host writes; the names are Excel.ChartType string literals. */
export type ChartKind = "ColumnClustered" | "ColumnStacked" | "BarClustered" | "BarStacked" | "Line" | "LineMarkers" | "Pie";

export interface ChartSeriesModel {
  name: string | null;
  /** Absolute reference of the values, e.g. "'Score card'!$C$5:$C$9" */
  valuesRef: string;
  categoriesRef: string | null;
  /** Cached values and categories (written into the part so viewers show them without recalculation). */
  values: (number | null)[];
  categories: string[];
  /** Hex "RRGGBB" (no #), optional. */
  color?: string | null;
  /**
   * Per-point fills "RRGGBB" by category index (null keeps the series or theme colour): RAG slices of a pie,
   * or bars coloured by their own status. Used for bar, column and pie series; ignored for lines.
   */
  pointColors?: (string | null)[] | null;
  /** Per-series chart type for combo charts (e.g. a "Line" target series on a column chart); default the chart's kind. */
  kind?: ChartKind | null;
  lineDash?: "solid" | "dash" | null;
  marker?: boolean;
  /** The number format of the values (their cells'), for the cache and the data labels; default General. */
  formatCode?: string | null;
  /** This series' values written on its points (as well as when the chart's dataLabels are on), in this colour. */
  labels?: boolean;
  labelColor?: string | null;
  /** Where its labels sit (Excel.ChartDataLabelPosition); null: the chart's default. */
  labelPosition?: string | null;
  /** Points whose label sits elsewhere, by index (Excel.ChartDataLabelPosition). */
  pointLabelPositions?: Record<number, string> | null;
}

export interface ChartModel {
  sheetName: string;
  name: string;
  kind: ChartKind;
  title: string | null;
  /** Anchor by cells, 0-based: top-left cell and bottom-right cell (exclusive end like Excel's twoCellAnchor 'to'). */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number };
  series: ChartSeriesModel[];
  legendPosition: "Right" | "Bottom" | "Top" | "Left" | null;
  categoryAxisTitle?: string | null;
  valueAxisTitle?: string | null;
  /** Excel number format for the value axis labels, e.g. "0%". */
  valueAxisNumberFormat?: string | null;
  /** Value axis bounds; null lets the viewer choose. */
  valueAxisMinimum?: number | null;
  valueAxisMaximum?: number | null;
  /** Each point's value written on it. */
  dataLabels?: boolean;
  /** Hidden rows and columns left out (Excel's default); false plots them. */
  plotVisibleOnly?: boolean;
}

/** What readChartsFromXlsx gives back: the parts of a chart a test asserts on. */
export interface ChartSummary {
  sheetName: string;
  kind: ChartKind;
  title: string | null;
  series: {
    name: string | null;
    valuesRef: string;
    categoriesRef: string | null;
    kind: ChartKind;
    /** The values cached in the part (what a viewer shows without recalculating); null for an empty point. */
    values: (number | null)[];
    /** The series writes its values on its points. */
    dataLabels: boolean;
    /** Where they sit (c:dLblPos: "t" above a line's points, "b" below...); null when the part does not say. */
    labelPosition: string | null;
    /** Points' own positions (c:dLbl), by index. */
    pointLabelPositions: Record<number, string>;
    /** The colour the series' values are written in (RRGGBB), or null when the part does not say. */
    labelColour: string | null;
  }[];
  valueAxisTitle: string | null;
  valueAxisMinimum: number | null;
  /** Hidden rows and columns are left out of the plot. */
  plotVisibleOnly: boolean;
  /** The cells the chart covers on its sheet, 0-based; `to` is exclusive, as in a twoCellAnchor. */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number } | null;
}
