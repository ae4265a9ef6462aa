// A series' labels and its points' own labels (ChartSeries.dataLabels.position, ChartSeries.points,
// ChartPoint.dataLabel.position): where each value is written by its point. Excel offers a label position only
// where the series' chart type has it, and refuses any other.
import { parseRangeAddress } from "../../core/address";
import { richApiError } from "../errors";
import type { ChartHostModel, ChartSeriesModel, SheetModel } from "../model/types";
import { HostObject, type Getter } from "./base";
import type { HostContext } from "./base";
import { assertWritable } from "./range";

export interface SeriesTarget {
  sheet: SheetModel;
  chart: ChartHostModel;
  kept?: boolean;
  series: ChartSeriesModel;
}

interface PointTarget extends SeriesTarget {
  index: number;
}

/**
 * Where Excel lets a series' labels sit, by the series' chart type (its Format Data Labels "Label Position"
 * choices), the first being its default: a line's labels go beside or over its points, a column's inside or past its
 * end, a stacked column's only inside. Any other position is refused, as Excel refuses it.
 */
const LABEL_POSITIONS: Record<string, readonly string[]> = {
  Line: ["Right", "Center", "Left", "Top", "Bottom"],
  LineMarkers: ["Right", "Center", "Left", "Top", "Bottom"],
  ColumnClustered: ["OutsideEnd", "Center", "InsideEnd", "InsideBase"],
  BarClustered: ["OutsideEnd", "Center", "InsideEnd", "InsideBase"],
  ColumnStacked: ["Center", "InsideEnd", "InsideBase"],
  BarStacked: ["Center", "InsideEnd", "InsideBase"],
  Pie: ["BestFit", "Center", "InsideEnd", "OutsideEnd"],
};

export function labelPositions(t: SeriesTarget): readonly string[] {
  return LABEL_POSITIONS[t.series.chartType ?? t.chart.type] ?? [];
}

function positionOrThrow(t: SeriesTarget, v: string): string {
  if (!labelPositions(t).includes(v)) throw richApiError("InvalidArgument");
  return v;
}

export function editSeries(ctx: HostContext, t: SeriesTarget, patch: Partial<ChartSeriesModel>): void {
  assertWritable(t.sheet);
  for (const [k, v] of Object.entries(patch)) ctx.journal.set(t.series, k as keyof ChartSeriesModel, v as never);
}

/** The series' own label position: set, or the default of its chart type. */
export function seriesLabelPosition(t: SeriesTarget): string {
  return t.series.dataLabels?.position ?? labelPositions(t)[0] ?? "Invalid";
}

export function setSeriesLabelPosition(ctx: HostContext, t: SeriesTarget, v: string): void {
  editSeries(ctx, t, { dataLabels: { showValue: false, ...(t.series.dataLabels ?? {}), position: positionOrThrow(t, v) } });
}

/** How many points a series has: the cells of its values. */
function pointCount(t: SeriesTarget): number {
  const ref = t.series.valuesRef;
  if (!ref) return t.series.values?.length ?? 0;
  const r = parseRangeAddress(ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, ""));
  return r ? r.rowCount * r.colCount : 0;
}

/** ChartPoint.dataLabel (ExcelApi 1.7): one point's label. */
export class ChartPointDataLabel extends HostObject<PointTarget> {
  protected scalars(): Record<string, Getter<PointTarget>> {
    return { position: (t) => t.series.dataLabels?.pointPositions?.[t.index] ?? seriesLabelPosition(t) };
  }
  get position(): string { return this.get("position"); }
  set position(v: string) {
    this.write("position", v, (t) => {
      const labels = t.series.dataLabels ?? { showValue: false };
      editSeries(this.ctx, t, { dataLabels: { ...labels, pointPositions: { ...(labels.pointPositions ?? {}), [t.index]: positionOrThrow(t, v) } } });
    });
  }
}

export class ChartPoint extends HostObject<PointTarget> {
  protected scalars(): Record<string, Getter<PointTarget>> {
    return {};
  }
  get dataLabel(): ChartPointDataLabel { return this.child("dataLabel", () => new ChartPointDataLabel(this.ctx, () => this.target(), this.nullable)); }
}

/** ChartSeries.points: the count, and a point by its index (past the last: ItemNotFound). */
export class ChartPointsCollection extends HostObject<SeriesTarget> {
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return { count: (t) => pointCount(t) };
  }
  get count(): number { return this.get("count"); }
  getItemAt(index: number): ChartPoint {
    const p = new ChartPoint(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      if (!Number.isInteger(index) || index < 0 || index >= pointCount(t)) throw richApiError("ItemNotFound");
      return { ...t, index };
    });
    return p.registerCreation({ call: "getItemAt", args: [index] });
  }
}
