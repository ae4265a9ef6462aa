// Reading charts back out of an .xlsx package: sheet -> drawing -> chart parts. Used by tests to assert
// what a saved scorecard holds (chart types, titles, series ranges), whoever wrote the charts.
import type { ChartKind, ChartSummary } from "./chartModel";
import { REL_TYPE, parseRelationships, relsPathFor, resolveTarget } from "./chartPackage";
import { attr, child, children, descendants, parseXml, path, type XmlElement } from "./chartXmlText";
import { drawingRelId } from "./chartSheetXml";
import { findWorkbookPart, readWorkbookParts } from "./workbookParts";
import { ZipPackage } from "./zipPackage";

function barKind(plot: XmlElement): ChartKind {
  const horizontal = attr(child(plot, "barDir"), "val") === "bar";
  const grouping = attr(child(plot, "grouping"), "val") ?? "clustered";
  const stacked = grouping === "stacked" || grouping === "percentStacked";
  if (horizontal) return stacked ? "BarStacked" : "BarClustered";
  return stacked ? "ColumnStacked" : "ColumnClustered";
}

/** A line series shows markers unless its marker symbol is "none" (Excel's default is to show them). */
function lineKind(ser: XmlElement): ChartKind {
  return attr(path(ser, "marker", "symbol"), "val") === "none" ? "Line" : "LineMarkers";
}

function refText(source: XmlElement | null): string | null {
  const ref = source?.children.find((c) => c.local === "numRef" || c.local === "strRef" || c.local === "multiLvlStrRef");
  const f = child(ref, "f");
  return f ? f.text : null;
}

function seriesName(ser: XmlElement): string | null {
  const tx = child(ser, "tx");
  if (!tx) return null;
  const literal = child(tx, "v");
  if (literal) return literal.text;
  const cached = path(tx, "strRef", "strCache", "pt", "v");
  return cached ? cached.text : (path(tx, "strRef", "f")?.text ?? null);
}

function titleText(chart: XmlElement): string | null {
  const title = child(chart, "title");
  if (!title) return null;
  const rich = path(title, "tx", "rich");
  if (rich) return children(rich, "p").map((p) => descendants(p, "t").map((t) => t.text).join("")).join("\n");
  const cached = path(title, "tx", "strRef", "strCache", "pt", "v");
  return cached ? cached.text : null;
}

const PLOT_TYPES = new Set(["barChart", "lineChart", "pieChart"]);

function plotKind(plot: XmlElement, ser: XmlElement | null): ChartKind {
  if (plot.local === "barChart") return barKind(plot);
  if (plot.local === "pieChart") return "Pie";
  return ser ? lineKind(ser) : "Line";
}

/** The cached values of a series: null for points the cache leaves out. */
function cachedValues(ser: XmlElement): (number | null)[] {
  const cache = path(ser, "val", "numRef", "numCache") ?? path(ser, "val", "numLit");
  if (!cache) return [];
  const count = Number(attr(child(cache, "ptCount"), "val") ?? 0);
  const out: (number | null)[] = new Array<number | null>(count).fill(null);
  for (const pt of children(cache, "pt")) {
    const i = Number(pt.attrs.idx);
    const v = Number(child(pt, "v")?.text);
    if (i >= 0 && i < count && Number.isFinite(v)) out[i] = v;
  }
  return out;
}

/** The colour a series' values are written in: the first solid colour of its labels' text properties. */
function labelColourOf(txPr: XmlElement | null): string | null {
  return txPr ? attr(descendants(txPr, "srgbClr")[0], "val") : null;
}

function valueAxis(plotArea: XmlElement | null): { title: string | null; minimum: number | null } {
  const ax = child(plotArea, "valAx");
  const title = child(ax, "title");
  const rich = path(title, "tx", "rich");
  const min = attr(path(ax, "scaling", "min"), "val");
  return {
    title: rich ? descendants(rich, "t").map((t) => t.text).join("") : null,
    minimum: min === undefined || min === null ? null : Number(min),
  };
}

/** The chart's kind (that of its first series) and series from one chart part; null for chart types the host does not write. */
export function summariseChartPart(xml: string, sheetName: string, anchor: ChartSummary["anchor"] = null): ChartSummary | null {
  const chart = child(parseXml(xml), "chart");
  const plots = child(chart, "plotArea")?.children.filter((p) => PLOT_TYPES.has(p.local)) ?? [];
  if (!chart || plots.length === 0) return null;
  const series = plots.flatMap((plot) =>
    children(plot, "ser").map((ser, i) => ({
      name: seriesName(ser),
      valuesRef: refText(child(ser, "val")) ?? "",
      categoriesRef: refText(child(ser, "cat")),
      kind: plotKind(plot, ser),
      order: Number(attr(child(ser, "order"), "val") ?? i),
      values: cachedValues(ser),
      dataLabels: attr(path(ser, "dLbls", "showVal"), "val") === "1",
      labelPosition: attr(path(ser, "dLbls", "dLblPos"), "val") ?? null,
      pointLabelPositions: Object.fromEntries(children(child(ser, "dLbls"), "dLbl").map((d) => [Number(attr(child(d, "idx"), "val")), attr(child(d, "dLblPos"), "val") ?? ""])),
      labelColour: labelColourOf(path(ser, "dLbls", "txPr")),
    })),
  );
  series.sort((a, b) => a.order - b.order);
  return {
    sheetName,
    // Plots are in drawing order (bars first), so the chart's own kind is that of its first series.
    kind: series[0]?.kind ?? plotKind(plots[0], null),
    title: titleText(chart),
    series: series.map(({ order: _order, ...s }) => s),
    ...((axis) => ({ valueAxisTitle: axis.title, valueAxisMinimum: axis.minimum }))(valueAxis(child(chart, "plotArea"))),
    plotVisibleOnly: attr(child(chart, "plotVisOnly"), "val") !== "0",
    anchor,
  };
}

/** The anchor (from and to cells) of the drawing element holding a graphic frame. */
function anchorOf(drawing: XmlElement, frame: XmlElement): ChartSummary["anchor"] {
  for (const a of drawing.children) {
    if (!descendants(a, "graphicData").includes(frame)) continue;
    const cell = (tag: string, what: string) => Number(path(a, tag, what)?.text ?? NaN);
    const box = { fromRow: cell("from", "row"), fromCol: cell("from", "col"), toRow: cell("to", "row"), toCol: cell("to", "col") };
    return Object.values(box).every(Number.isFinite) ? box : null;
  }
  return null;
}

/** Every chart in the package, sheet by sheet in workbook order and in drawing order within a sheet (read by the one package reader). */
export async function readChartsFromXlsx(xlsx: Uint8Array): Promise<ChartSummary[]> {
  const pkg = new ZipPackage(xlsx);
  const wbPart = findWorkbookPart(pkg);
  if (!wbPart) throw new Error("The package has no workbook part.");
  const out: ChartSummary[] = [];
  for (const sheet of readWorkbookParts(pkg, wbPart).sheets) {
    if (sheet.kind !== "worksheet") continue;
    const sheetXml = pkg.textOrNull(sheet.part);
    const drawingId = sheetXml ? drawingRelId(sheetXml) : null;
    if (!drawingId) continue;
    const drawingRel = parseRelationships(pkg.textOrNull(relsPathFor(sheet.part))).find((r) => r.id === drawingId);
    if (!drawingRel || drawingRel.type !== REL_TYPE.drawing) continue;
    const drawingPart = resolveTarget(sheet.part, drawingRel.target);
    const drawingXml = pkg.textOrNull(drawingPart);
    if (!drawingXml) continue;
    const drawingRels = parseRelationships(pkg.textOrNull(relsPathFor(drawingPart)));
    const drawing = parseXml(drawingXml);
    for (const frame of descendants(drawing, "graphicData")) {
      const chartId = attr(child(frame, "chart"), "id", true);
      const rel = chartId ? drawingRels.find((r) => r.id === chartId && r.type === REL_TYPE.chart) : undefined;
      if (!rel) continue;
      const chartXml = pkg.textOrNull(resolveTarget(drawingPart, rel.target));
      const summary = chartXml ? summariseChartPart(chartXml, sheet.name, anchorOf(drawing, frame)) : null;
      if (summary) out.push(summary);
    }
  }
  return out;
}
