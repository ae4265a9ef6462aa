// Excel.ChartCollection / Chart / ChartSeries: charts are kept as a model (type, title, anchor,
// series references) and written as DrawingML at save time (xlsx/chartsAdapter.ts).
import { quoteSheetName } from "../../core/address";
import type { CellRect } from "../../core/snapshot";
import { richApiError } from "../errors";
import { getCell, newId } from "../model/sheet";
import type { ChartHostModel, ChartSeriesModel, SheetModel } from "../model/types";
import { pointsOfColumn } from "../model/units";
import { absoluteA1, parseAddress } from "./addresses";
import { HostClientResult, HostCollection, HostContext, HostObject, type Getter, type Loadable } from "./base";
import { Range, assertWritable, type RangeTarget } from "./range";
import { parseColor } from "../model/styles";
import { drawingWithout, keptChartNames } from "./keptCharts";
import { ChartPointsCollection, editSeries, seriesLabelPosition, setSeriesLabelPosition, type SeriesTarget } from "./chartLabels";

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartHostModel;
  /** A chart the sheet had in its file, carried in its drawing (keptCharts.ts): listed and deletable only. */
  kept?: boolean;
}

/** What the host can say of a chart it carries from the file: its name. */
function keptTarget(sheet: SheetModel, name: string): ChartTarget {
  const chart: ChartHostModel = {
    id: `kept:${name}`, name, type: "Unknown", titleVisible: false, legendVisible: false, plotVisibleOnly: true, seriesBy: "Auto", series: [],
    from: { row: 0, col: 0 }, to: { row: 0, col: 0 }, top: 0, left: 0, width: 0, height: 0,
  };
  return { sheet, chart, kept: true };
}

function allCharts(sheet: SheetModel): ChartTarget[] {
  return [...sheet.charts.map((chart) => ({ sheet, chart })), ...keptChartNames(sheet).map((n) => keptTarget(sheet, n))];
}

/** Excel's default chart size: 5 x 3 inches. */
const DEFAULT_WIDTH = 360, DEFAULT_HEIGHT = 216;

function refOf(t: RangeTarget): string {
  return `${quoteSheetName(t.sheet.name)}!${absoluteA1(t.rect)}`;
}

function rangeArg(ctx: HostContext, r: Range | string, sheet: SheetModel): RangeTarget {
  if (typeof r !== "string") {
    const t = r.target();
    if (!t) throw richApiError("InvalidArgument");
    return t;
  }
  const p = parseAddress(r);
  if (!p) throw richApiError("InvalidArgument");
  const s = p.sheetName ? ctx.model.sheets.find((x) => x.name.toLowerCase() === p.sheetName!.toLowerCase()) : sheet;
  if (!s) throw richApiError("InvalidArgument");
  return { sheet: s, rect: p.rect };
}

function rowTop(sheet: SheetModel, row: number): number {
  let y = 0;
  for (let r = 0; r < row; r++) y += sheet.rowHeights.get(r) ?? sheet.defaultRowHeight;
  return y;
}
function colLeft(sheet: SheetModel, col: number): number {
  let x = 0;
  for (let c = 0; c < col; c++) x += pointsOfColumn(sheet, c);
  return x;
}
/** The cell under a point offset (for anchors set through top/left/width/height). */
function cellAt(sheet: SheetModel, top: number, left: number): { row: number; col: number } {
  let row = 0, y = 0;
  while (y + (sheet.rowHeights.get(row) ?? sheet.defaultRowHeight) <= top) y += sheet.rowHeights.get(row++) ?? sheet.defaultRowHeight;
  let col = 0, x = 0;
  while (x + pointsOfColumn(sheet, col) <= left) x += pointsOfColumn(sheet, col++);
  return { row, col };
}

function isLabel(sheet: SheetModel, r: number, c: number): boolean {
  const v = getCell(sheet, r, c)?.value;
  return v === undefined || v === null || typeof v === "string";
}

/** Series as Excel makes them from a source block: a text header row names them, a text first column gives categories. */
export function seriesFromSource(t: RangeTarget, seriesBy: string): ChartSeriesModel[] {
  const { sheet, rect } = t;
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rect.rowCount >= rect.colCount);
  const lines = byColumns ? rect.colCount : rect.rowCount;
  const depth = byColumns ? rect.rowCount : rect.colCount;
  const cell = (line: number, i: number) => (byColumns ? { r: rect.row + i, c: rect.col + line } : { r: rect.row + line, c: rect.col + i });
  // Header: the first cell of every line is text or empty (and the block has more than that).
  let header = depth > 1;
  let anyText = false;
  for (let l = 0; l < lines && header; l++) {
    const { r, c } = cell(l, 0);
    if (!isLabel(sheet, r, c)) header = false;
    if (typeof getCell(sheet, r, c)?.value === "string") anyText = true;
  }
  header = header && anyText;
  // Categories: the first line is text below the header.
  let categories = lines > 1;
  for (let i = header ? 1 : 0; i < depth && categories; i++) {
    const { r, c } = cell(0, i);
    if (!isLabel(sheet, r, c)) categories = false;
  }
  const start = header ? 1 : 0, count = depth - start;
  const lineRect = (line: number): CellRect =>
    byColumns ? { row: rect.row + start, col: rect.col + line, rowCount: count, colCount: 1 } : { row: rect.row + line, col: rect.col + start, rowCount: 1, colCount: count };
  const out: ChartSeriesModel[] = [];
  for (let l = categories ? 1 : 0; l < lines; l++) {
    const { r, c } = cell(l, 0);
    const nameValue = header ? getCell(sheet, r, c)?.value : undefined;
    out.push({
      name: nameValue !== undefined && nameValue !== null ? String(nameValue) : `Series${out.length + 1}`,
      valuesRef: refOf({ sheet, rect: lineRect(l) }),
      categoriesRef: categories ? refOf({ sheet, rect: lineRect(0) }) : undefined,
    });
  }
  return out;
}

abstract class ChartPart<T> extends HostObject<T> {
  protected edit(t: ChartTarget, f: (c: ChartHostModel) => Partial<ChartHostModel>): void {
    assertWritable(t.sheet);
    if (t.kept) throw richApiError("InvalidOperation", "The headless host can list and delete a chart loaded from the file, not change it.");
    const patch = f(t.chart);
    for (const [k, v] of Object.entries(patch)) this.ctx.journal.set(t.chart, k as keyof ChartHostModel, v as never);
  }
}

export class ChartTitle extends ChartPart<ChartTarget> {
  protected scalars(): Record<string, Getter<ChartTarget>> {
    return { text: (t) => t.chart.title ?? "", visible: (t) => t.chart.titleVisible };
  }
  get text(): string { return this.get("text"); }
  set text(v: string) { this.write("text", v, (t) => this.edit(t, () => ({ title: v, titleVisible: true }))); }
  get visible(): boolean { return this.get("visible"); }
  set visible(v: boolean) { this.write("visible", v, (t) => this.edit(t, () => ({ titleVisible: !!v }))); }
}

export class ChartLegend extends ChartPart<ChartTarget> {
  protected scalars(): Record<string, Getter<ChartTarget>> {
    return { position: (t) => t.chart.legendPosition ?? "Right", visible: (t) => t.chart.legendVisible };
  }
  get position(): string { return this.get("position"); }
  set position(v: string) {
    this.write("position", v, (t) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"].includes(v)) throw richApiError("InvalidArgument");
      this.edit(t, () => ({ legendPosition: v }));
    });
  }
  get visible(): boolean { return this.get("visible"); }
  set visible(v: boolean) { this.write("visible", v, (t) => this.edit(t, () => ({ legendVisible: !!v }))); }
}

type AxisKind = "value" | "category";

export class ChartAxisTitle extends ChartPart<ChartTarget> {
  constructor(ctx: HostContext, resolver: () => ChartTarget | null, nullable: boolean, private readonly kind: AxisKind) {
    super(ctx, resolver, nullable);
  }
  private key(): "valueAxisTitle" | "categoryAxisTitle" {
    return this.kind === "value" ? "valueAxisTitle" : "categoryAxisTitle";
  }
  protected scalars(): Record<string, Getter<ChartTarget>> {
    return { text: (t) => t.chart[this.key()] ?? "", visible: (t) => !!t.chart[this.key()] };
  }
  get text(): string { return this.get("text"); }
  set text(v: string) { this.write("text", v, (t) => this.edit(t, () => ({ [this.key()]: v }))); }
  get visible(): boolean { return this.get("visible"); }
  set visible(v: boolean) { this.write("visible", v, (t) => this.edit(t, (c) => ({ [this.key()]: v ? c[this.key()] ?? "" : undefined }))); }
}

export class ChartAxis extends ChartPart<ChartTarget> {
  private titleObj?: ChartAxisTitle;
  constructor(ctx: HostContext, resolver: () => ChartTarget | null, nullable: boolean, private readonly kind: AxisKind) {
    super(ctx, resolver, nullable);
  }
  protected scalars(): Record<string, Getter<ChartTarget>> {
    return {
      numberFormat: (t) => (this.kind === "value" ? t.chart.valueAxisNumberFormat ?? "General" : "General"),
      minimum: (t) => (this.kind === "value" ? t.chart.valueAxisMinimum ?? null : null),
      maximum: (t) => (this.kind === "value" ? t.chart.valueAxisMaximum ?? null : null),
    };
  }
  protected override navigations() {
    return { title: () => this.title } as Record<string, () => Loadable>;
  }
  get title(): ChartAxisTitle {
    if (!this.titleObj) this.titleObj = new ChartAxisTitle(this.ctx, () => this.target(), this.nullable, this.kind);
    return this.titleObj;
  }
  get numberFormat(): string { return this.get("numberFormat"); }
  set numberFormat(v: string) {
    this.write("numberFormat", v, (t) => {
      if (this.kind === "value") this.edit(t, () => ({ valueAxisNumberFormat: v }));
    });
  }
  /** Bounds of a value axis; Excel refuses them on a category axis of text labels. */
  private bound(prop: "minimum" | "maximum", v: number): void {
    this.write(prop, v, (t) => {
      if (this.kind !== "value" || typeof v !== "number" || !Number.isFinite(v)) throw richApiError("InvalidArgument");
      this.edit(t, () => (prop === "minimum" ? { valueAxisMinimum: v } : { valueAxisMaximum: v }));
    });
  }
  get minimum(): number { return this.get("minimum"); }
  set minimum(v: number) { this.bound("minimum", v); }
  get maximum(): number { return this.get("maximum"); }
  set maximum(v: number) { this.bound("maximum", v); }
}

/** Chart.dataLabels: labels on every point (the host models showValue, the one the add-in uses). */
export class ChartDataLabels extends ChartPart<ChartTarget> {
  protected scalars(): Record<string, Getter<ChartTarget>> {
    return { showValue: (t) => !!t.chart.showDataLabels };
  }
  get showValue(): boolean { return this.get("showValue"); }
  set showValue(v: boolean) { this.write("showValue", v, (t) => this.edit(t, () => ({ showDataLabels: !!v }))); }
}

export class ChartAxes extends HostObject<ChartTarget> {
  private axes = new Map<AxisKind, ChartAxis>();
  protected scalars(): Record<string, Getter<ChartTarget>> {
    return {};
  }
  protected override navigations() {
    return { valueAxis: () => this.valueAxis, categoryAxis: () => this.categoryAxis } as Record<string, () => Loadable>;
  }
  private axis(kind: AxisKind): ChartAxis {
    let a = this.axes.get(kind);
    if (!a) {
      a = new ChartAxis(this.ctx, () => this.target(), this.nullable, kind);
      this.axes.set(kind, a);
    }
    return a;
  }
  get valueAxis(): ChartAxis { return this.axis("value"); }
  get categoryAxis(): ChartAxis { return this.axis("category"); }
}

function colorOrThrow(v: string): string {
  const c = parseColor(v);
  if (!c) throw richApiError("InvalidArgument");
  return `#${c}`;
}

export class ChartFill extends HostObject<SeriesTarget> {
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return {};
  }
  setSolidColor(color: string): void {
    this.call("setSolidColor", [color], (t) => {
      const c = parseColor(color);
      if (!c) throw richApiError("InvalidArgument");
      editSeries(this.ctx, t, { fillColor: `#${c}` });
    });
  }
  clear(): void {
    this.call("clear", [], (t) => editSeries(this.ctx, t, { fillColor: undefined }));
  }
}

export class ChartLineFormat extends HostObject<SeriesTarget> {
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return { color: (t) => t.series.lineColor ?? "", lineStyle: (t) => t.series.lineStyle ?? "Continuous" };
  }
  get lineStyle(): string { return this.get("lineStyle"); }
  set lineStyle(v: string) {
    this.write("lineStyle", v, (t) => {
      if (!["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"].includes(v)) throw richApiError("InvalidArgument");
      editSeries(this.ctx, t, { lineStyle: v });
    });
  }
  get color(): string { return this.get("color"); }
  set color(v: string) {
    this.write("color", v, (t) => {
      const c = parseColor(v);
      if (!c) throw richApiError("InvalidArgument");
      editSeries(this.ctx, t, { lineColor: `#${c}` });
    });
  }
}

export class ChartSeriesFormat extends HostObject<SeriesTarget> {
  private fillObj?: ChartFill;
  private lineObj?: ChartLineFormat;
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return {};
  }
  protected override navigations() {
    return { fill: () => this.fill, line: () => this.line } as Record<string, () => Loadable>;
  }
  get fill(): ChartFill {
    if (!this.fillObj) this.fillObj = new ChartFill(this.ctx, () => this.target(), this.nullable);
    return this.fillObj;
  }
  get line(): ChartLineFormat {
    if (!this.lineObj) this.lineObj = new ChartLineFormat(this.ctx, () => this.target(), this.nullable);
    return this.lineObj;
  }
}

/** ChartSeries.dataLabels.format.font: the labels' colour. */
export class ChartSeriesLabelFont extends HostObject<SeriesTarget> {
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return { color: (t) => t.series.dataLabels?.fontColor ?? "" };
  }
  get color(): string { return this.get("color"); }
  set color(v: string) {
    this.write("color", v, (t) => editSeries(this.ctx, t, { dataLabels: { showValue: false, ...(t.series.dataLabels ?? {}), fontColor: colorOrThrow(v) } }));
  }
}

export class ChartSeriesLabelFormat extends HostObject<SeriesTarget> {
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return {};
  }
  protected override navigations() {
    return { font: () => this.font } as Record<string, () => Loadable>;
  }
  get font(): ChartSeriesLabelFont { return this.child("font", () => new ChartSeriesLabelFont(this.ctx, () => this.target(), this.nullable)); }
}

/** ChartSeries.dataLabels (ExcelApi 1.8): the series' own labels. */
export class ChartSeriesDataLabels extends HostObject<SeriesTarget> {
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return {
      showValue: (t) => !!t.series.dataLabels?.showValue,
      position: (t) => seriesLabelPosition(t),
    };
  }
  get position(): string { return this.get("position"); }
  set position(v: string) {
    this.write("position", v, (t) => setSeriesLabelPosition(this.ctx, t, v));
  }
  protected override navigations() {
    return { format: () => this.format } as Record<string, () => Loadable>;
  }
  get format(): ChartSeriesLabelFormat { return this.child("format", () => new ChartSeriesLabelFormat(this.ctx, () => this.target(), this.nullable)); }
  get showValue(): boolean { return this.get("showValue"); }
  set showValue(v: boolean) { this.write("showValue", v, (t) => editSeries(this.ctx, t, { dataLabels: { ...(t.series.dataLabels ?? {}), showValue: !!v } })); }
}

export class ChartSeries extends HostObject<SeriesTarget> {
  private formatObj?: ChartSeriesFormat;
  constructor(ctx: HostContext, resolver: () => SeriesTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }
  protected scalars(): Record<string, Getter<SeriesTarget>> {
    return {
      name: (t) => t.series.name,
      chartType: (t) => t.series.chartType ?? t.chart.type,
      markerStyle: (t) => t.series.markerStyle ?? "Automatic",
      markerBackgroundColor: (t) => t.series.markerBackgroundColor ?? "",
      markerForegroundColor: (t) => t.series.markerForegroundColor ?? "",
      hasDataLabels: (t) => !!t.series.dataLabels?.showValue,
    };
  }
  protected override navigations() {
    return { format: () => this.format, dataLabels: () => this.dataLabels } as Record<string, () => Loadable>;
  }
  get dataLabels(): ChartSeriesDataLabels { return this.child("dataLabels", () => new ChartSeriesDataLabels(this.ctx, () => this.target(), this.nullable)); }
  get points(): ChartPointsCollection { return this.child("points", () => new ChartPointsCollection(this.ctx, () => this.target(), this.nullable)); }
  get hasDataLabels(): boolean { return this.get("hasDataLabels"); }
  set hasDataLabels(v: boolean) { this.write("hasDataLabels", v, (t) => editSeries(this.ctx, t, { dataLabels: { ...(t.series.dataLabels ?? {}), showValue: !!v } })); }
  get format(): ChartSeriesFormat {
    if (!this.formatObj) this.formatObj = new ChartSeriesFormat(this.ctx, () => this.target(), this.nullable);
    return this.formatObj;
  }
  get name(): string { return this.get("name"); }
  set name(v: string) { this.write("name", v, (t) => editSeries(this.ctx, t, { name: v })); }
  get chartType(): string { return this.get("chartType"); }
  set chartType(v: string) { this.write("chartType", v, (t) => editSeries(this.ctx, t, { chartType: v })); }
  get markerStyle(): string { return this.get("markerStyle"); }
  set markerStyle(v: string) { this.write("markerStyle", v, (t) => editSeries(this.ctx, t, { markerStyle: v })); }

  get markerBackgroundColor(): string { return this.get("markerBackgroundColor"); }
  set markerBackgroundColor(v: string) { this.write("markerBackgroundColor", v, (t) => editSeries(this.ctx, t, { markerBackgroundColor: colorOrThrow(v) })); }
  get markerForegroundColor(): string { return this.get("markerForegroundColor"); }
  set markerForegroundColor(v: string) { this.write("markerForegroundColor", v, (t) => editSeries(this.ctx, t, { markerForegroundColor: colorOrThrow(v) })); }

  setValues(source: Range | string): void {
    this.call("setValues", [typeof source === "string" ? source : "[Range]"], (t) => editSeries(this.ctx, t, { valuesRef: refOf(rangeArg(this.ctx, source, t.sheet)), values: undefined }));
  }
  setXAxisValues(source: Range | string): void {
    this.call("setXAxisValues", [typeof source === "string" ? source : "[Range]"], (t) => editSeries(this.ctx, t, { categoriesRef: refOf(rangeArg(this.ctx, source, t.sheet)) }));
  }
  delete(): void {
    this.call("delete", [], (t) => {
      assertWritable(t.sheet);
      const i = t.chart.series.indexOf(t.series);
      if (i >= 0) this.ctx.journal.remove(t.chart.series, i);
    });
  }
}

export class ChartSeriesCollection extends HostCollection<ChartTarget, ChartSeries> {
  protected itemProxies(t: ChartTarget): ChartSeries[] {
    return t.chart.series.map((series) => new ChartSeries(this.ctx, () => ({ ...t, series })));
  }
  protected override scalars(): Record<string, Getter<ChartTarget>> {
    return { count: (t) => t.chart.series.length };
  }
  get count(): number { return this.get("count"); }
  getCount(): HostClientResult<number> {
    return new HostClientResult(this.ctx, () => this.target()?.chart.series.length ?? 0);
  }
  getItemAt(index: number): ChartSeries {
    const s = new ChartSeries(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      const series = t.chart.series[index];
      if (!series) throw richApiError("ItemNotFound");
      return { ...t, series };
    });
    return s.registerCreation({ call: "getItemAt", args: [index] });
  }
  add(name?: string, index?: number): ChartSeries {
    const s = new ChartSeries(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      assertWritable(t.sheet);
      const series: ChartSeriesModel = { name: name ?? `Series${t.chart.series.length + 1}` };
      this.ctx.journal.insert(t.chart.series, index ?? t.chart.series.length, series);
      return { ...t, series };
    });
    return s.registerCreation({ call: "add", args: [name, index] });
  }
}

export class Chart extends ChartPart<ChartTarget> {
  constructor(ctx: HostContext, resolver: () => ChartTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }
  protected scalars(): Record<string, Getter<ChartTarget>> {
    return {
      name: (t) => t.chart.name,
      id: (t) => t.chart.id,
      chartType: (t) => t.chart.type,
      top: (t) => t.chart.top,
      left: (t) => t.chart.left,
      width: (t) => t.chart.width,
      height: (t) => t.chart.height,
      plotVisibleOnly: (t) => t.chart.plotVisibleOnly,
    };
  }
  protected override navigations() {
    return { title: () => this.title, legend: () => this.legend, axes: () => this.axes, series: () => this.series, dataLabels: () => this.dataLabels } as Record<string, () => Loadable>;
  }
  get dataLabels(): ChartDataLabels { return this.child("dataLabels", () => new ChartDataLabels(this.ctx, () => this.target(), this.nullable)); }
  /** Excel leaves hidden rows and columns out of a chart unless this is false (ExcelApi 1.8). */
  get plotVisibleOnly(): boolean { return this.get("plotVisibleOnly"); }
  set plotVisibleOnly(v: boolean) { this.write("plotVisibleOnly", v, (t) => this.edit(t, () => ({ plotVisibleOnly: !!v }))); }
  get title(): ChartTitle { return this.child("title", () => new ChartTitle(this.ctx, () => this.target(), this.nullable)); }
  get legend(): ChartLegend { return this.child("legend", () => new ChartLegend(this.ctx, () => this.target(), this.nullable)); }
  get axes(): ChartAxes { return this.child("axes", () => new ChartAxes(this.ctx, () => this.target(), this.nullable)); }
  get series(): ChartSeriesCollection { return this.child("series", () => new ChartSeriesCollection(this.ctx, () => this.target(), this.nullable)); }

  get name(): string { return this.get("name"); }
  set name(v: string) { this.write("name", v, (t) => this.edit(t, () => ({ name: v }))); }
  get id(): string { return this.get("id"); }
  get chartType(): string { return this.get("chartType"); }
  set chartType(v: string) { this.write("chartType", v, (t) => this.edit(t, () => ({ type: v }))); }

  private placeBy(t: ChartTarget, patch: Partial<Pick<ChartHostModel, "top" | "left" | "width" | "height">>): void {
    const box = { top: t.chart.top, left: t.chart.left, width: t.chart.width, height: t.chart.height, ...patch };
    if (Object.values(box).some((v) => !(v >= 0))) throw richApiError("InvalidArgument");
    const from = cellAt(t.sheet, box.top, box.left);
    const to = cellAt(t.sheet, box.top + box.height, box.left + box.width);
    this.edit(t, () => ({ ...box, from, to }));
  }
  get top(): number { return this.get("top"); }
  set top(v: number) { this.write("top", v, (t) => this.placeBy(t, { top: v })); }
  get left(): number { return this.get("left"); }
  set left(v: number) { this.write("left", v, (t) => this.placeBy(t, { left: v })); }
  get width(): number { return this.get("width"); }
  set width(v: number) { this.write("width", v, (t) => this.placeBy(t, { width: v })); }
  get height(): number { return this.get("height"); }
  set height(v: number) { this.write("height", v, (t) => this.placeBy(t, { height: v })); }

  /** Anchor the chart over cells: from the top-left of startCell to the bottom-right of endCell. */
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const args = [startCell, endCell].map((x) => (x === undefined || typeof x === "string" ? x : "[Range]"));
    this.call("setPosition", args, (t) => {
      const a = rangeArg(this.ctx, startCell, t.sheet).rect;
      const top = rowTop(t.sheet, a.row), left = colLeft(t.sheet, a.col);
      if (endCell === undefined) {
        this.placeBy(t, { top, left });
        return;
      }
      const b = rangeArg(this.ctx, endCell, t.sheet).rect;
      const lastRow = b.row + b.rowCount - 1, lastCol = b.col + b.colCount - 1;
      const bottom = rowTop(t.sheet, lastRow + 1), right = colLeft(t.sheet, lastCol + 1);
      this.edit(t, () => ({
        top, left, width: right - left, height: bottom - top,
        from: { row: a.row, col: a.col }, to: { row: lastRow + 1, col: lastCol + 1 },
      }));
    });
  }

  delete(): void {
    this.call("delete", [], (t) => {
      assertWritable(t.sheet);
      if (t.kept) {
        const drawing = drawingWithout(t.sheet, t.chart.name);
        if (drawing === null) this.ctx.journal.set(t.sheet, "passthrough", Object.fromEntries(Object.entries(t.sheet.passthrough).filter(([k]) => k !== "drawing")));
        else if (drawing !== undefined) this.ctx.journal.set(t.sheet, "passthrough", { ...t.sheet.passthrough, drawing });
        return;
      }
      const i = t.sheet.charts.indexOf(t.chart);
      if (i >= 0) this.ctx.journal.remove(t.sheet.charts, i);
    });
  }
}

export class ChartCollection extends HostCollection<SheetModel, Chart> {
  protected itemProxies(sheet: SheetModel): Chart[] {
    return allCharts(sheet).map((t) => new Chart(this.ctx, () => t));
  }
  protected override scalars(): Record<string, Getter<SheetModel>> {
    return { count: (s) => allCharts(s).length };
  }
  get count(): number { return this.get("count"); }
  getCount(): HostClientResult<number> {
    return new HostClientResult(this.ctx, () => {
      const s = this.target();
      return s ? allCharts(s).length : 0;
    });
  }
  getItemAt(index: number): Chart {
    const c = new Chart(this.ctx, () => {
      const sheet = this.target();
      if (sheet === null) return null;
      const chart = sheet.charts[index];
      if (!chart) throw richApiError("ItemNotFound");
      return { sheet, chart };
    });
    return c.registerCreation({ call: "getItemAt", args: [index] });
  }
  private find(name: string): ChartTarget | null {
    const sheet = this.target();
    return sheet ? (allCharts(sheet).find((c) => c.chart.name === name) ?? null) : null;
  }
  getItem(name: string): Chart {
    const c = new Chart(this.ctx, () => {
      const x = this.find(name);
      if (!x) throw richApiError("ItemNotFound");
      return x;
    });
    return c.registerCreation({ call: "getItem", args: [name] });
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.ctx, () => this.find(name), true).registerCreation({ call: "getItemOrNullObject", args: [name] });
  }

  add(type: string, sourceData: Range | string, seriesBy: string = "Auto"): Chart {
    const c = new Chart(this.ctx, () => {
      const sheet = this.target();
      if (sheet === null) return null;
      assertWritable(sheet);
      if (typeof type !== "string" || !type) throw richApiError("InvalidArgument");
      const src = rangeArg(this.ctx, sourceData, sheet);
      const n = this.ctx.model.sheets.reduce((k, s) => k + s.charts.length, 0) + 1;
      // Excel drops a new chart near the top-left of the visible area; the caller positions it.
      const from = { row: 1, col: 3 };
      const top = rowTop(sheet, from.row), left = colLeft(sheet, from.col);
      const chart: ChartHostModel = {
        id: newId(this.ctx.model), name: `Chart ${n}`, type, titleVisible: false, legendVisible: true, legendPosition: "Right", plotVisibleOnly: true,
        seriesBy: seriesBy === "Rows" || seriesBy === "Columns" ? seriesBy : "Auto",
        series: seriesFromSource(src, seriesBy),
        from, to: cellAt(sheet, top + DEFAULT_HEIGHT, left + DEFAULT_WIDTH),
        top, left, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT,
      };
      this.ctx.journal.push(sheet.charts, chart);
      return { sheet, chart };
    });
    return c.registerCreation({ call: "add", args: [type, typeof sourceData === "string" ? sourceData : "[Range]", seriesBy] });
  }
}
