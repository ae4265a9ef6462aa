// The host's chart model -> the chart writer's ChartModel (chartModel.ts, owned by the chart writer),
// with the series' cached values read from the cells at save time.
import type { ChartKind, ChartModel } from "./chartModel";
import { addChartsToXlsx } from "./chartXml";
import { parseAddress } from "../api/addresses";
import { findSheet, getCell } from "../model/sheet";
import type { ChartHostModel, SheetModel, WorkbookModel } from "../model/types";
import { numberFormatOf, rawValueOf, textOf } from "../model/values";

const KINDS: Record<string, ChartKind> = {
  ColumnClustered: "ColumnClustered", ColumnStacked: "ColumnStacked", BarClustered: "BarClustered", BarStacked: "BarStacked",
  Line: "Line", LineMarkers: "LineMarkers", Pie: "Pie",
  // Nearest kind the writer supports for the rest.
  ColumnStacked100: "ColumnStacked", BarStacked100: "BarStacked", LineStacked: "Line", LineMarkersStacked: "LineMarkers", Doughnut: "Pie",
  "3DColumnClustered": "ColumnClustered", "3DPie": "Pie",
};

function kindOf(type: string | undefined): ChartKind {
  return (type && KINDS[type]) || "ColumnClustered";
}

function cellsOf(model: WorkbookModel, ref: string | undefined): { sheet: SheetModel; cells: { r: number; c: number }[] } | null {
  if (!ref) return null;
  const p = parseAddress(ref);
  if (!p || !p.sheetName) return null;
  const sheet = findSheet(model, p.sheetName);
  if (!sheet) return null;
  const cells: { r: number; c: number }[] = [];
  for (let r = p.rect.row; r < p.rect.row + p.rect.rowCount; r++) {
    for (let c = p.rect.col; c < p.rect.col + p.rect.colCount; c++) cells.push({ r, c });
  }
  return { sheet, cells };
}

function toChartModel(model: WorkbookModel, sheet: SheetModel, chart: ChartHostModel): ChartModel {
  const legend = chart.legendPosition;
  return {
    sheetName: sheet.name,
    name: chart.name,
    kind: kindOf(chart.type),
    title: chart.titleVisible && chart.title ? chart.title : null,
    anchor: { fromRow: chart.from.row, fromCol: chart.from.col, toRow: chart.to.row, toCol: chart.to.col },
    legendPosition: !chart.legendVisible ? null : legend === "Right" || legend === "Bottom" || legend === "Top" || legend === "Left" ? legend : "Right",
    categoryAxisTitle: chart.categoryAxisTitle ?? null,
    valueAxisTitle: chart.valueAxisTitle ?? null,
    valueAxisNumberFormat: chart.valueAxisNumberFormat ?? null,
    valueAxisMinimum: chart.valueAxisMinimum ?? null,
    valueAxisMaximum: chart.valueAxisMaximum ?? null,
    dataLabels: !!chart.showDataLabels,
    plotVisibleOnly: chart.plotVisibleOnly !== false,
    series: chart.series
      .filter((s) => s.valuesRef)
      .map((s) => {
        const vals = cellsOf(model, s.valuesRef);
        const cats = cellsOf(model, s.categoriesRef);
        // As Excel does by default, a cell in a hidden row or column is not plotted.
        const hidden = (sheet: SheetModel, r: number, c: number) => chart.plotVisibleOnly !== false && (sheet.hiddenRows.has(r) || sheet.hiddenColumns.has(c));
        const values = vals ? vals.cells.map(({ r, c }) => {
          const v = rawValueOf(getCell(vals.sheet, r, c));
          return typeof v === "number" && !hidden(vals.sheet, r, c) ? v : null;
        }) : [];
        const firstNumber = vals?.cells.find(({ r, c }) => typeof rawValueOf(getCell(vals.sheet, r, c)) === "number");
        const categories = cats ? cats.cells.map(({ r, c }) => textOf(getCell(cats.sheet, r, c))) : [];
        const kind = s.chartType ? kindOf(s.chartType) : null;
        return {
          name: s.name ?? null,
          valuesRef: s.valuesRef!,
          categoriesRef: s.categoriesRef ?? null,
          values,
          categories,
          color: (s.fillColor ?? s.lineColor)?.replace(/^#/, "") ?? null,
          kind,
          marker: s.markerStyle ? s.markerStyle !== "None" : undefined,
          lineDash: s.lineStyle === undefined ? null : s.lineStyle === "Continuous" || s.lineStyle === "Automatic" ? ("solid" as const) : ("dash" as const),
          formatCode: vals && firstNumber ? numberFormatOf(getCell(vals.sheet, firstNumber.r, firstNumber.c)) : null,
          labels: !!s.dataLabels?.showValue,
          labelColor: s.dataLabels?.fontColor?.replace(/^#/, "") ?? null,
          labelPosition: s.dataLabels?.position ?? null,
          pointLabelPositions: s.dataLabels?.pointPositions ?? null,
        };
      }),
  };
}

export function chartModels(model: WorkbookModel): ChartModel[] {
  return model.sheets.flatMap((sheet) => sheet.charts.map((c) => toChartModel(model, sheet, c)));
}

export async function addCharts(xlsx: Uint8Array, model: WorkbookModel): Promise<Uint8Array> {
  const charts = chartModels(model);
  return charts.length ? addChartsToXlsx(xlsx, charts) : xlsx;
}
