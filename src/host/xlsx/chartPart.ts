// One chart as a DrawingML chart part (xl/charts/chartN.xml). Element order follows the ECMA-376 schema
// sequences (CT_ChartSpace, CT_Chart, CT_PlotArea, CT_BarChart, CT_LineChart, CT_PieChart, CT_CatAx, CT_ValAx):
// Excel refuses a part whose children are out of order. Booleans are written explicitly because an absent
// val means "true" in this schema, and LibreOffice honours that (e.g. varyColors colours each bar differently).
import type { ChartKind, ChartModel, ChartSeriesModel } from "./chartModel";
import { escapeXml } from "./chartXmlText";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWING_MAIN_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The plot family a series is drawn in; Line and LineMarkers share one c:lineChart (markers are per series). */
type Family = "colClustered" | "colStacked" | "barClustered" | "barStacked" | "line" | "pie";

const CAT_AX_ID = 50010001;
const VAL_AX_ID = 50010002;

function familyOf(kind: ChartKind): Family {
  switch (kind) {
    case "ColumnClustered":
      return "colClustered";
    case "ColumnStacked":
      return "colStacked";
    case "BarClustered":
      return "barClustered";
    case "BarStacked":
      return "barStacked";
    case "Line":
    case "LineMarkers":
      return "line";
    case "Pie":
      return "pie";
  }
}

const isHorizontal = (f: Family): boolean => f === "barClustered" || f === "barStacked";
const isBar = (f: Family): boolean => f !== "line" && f !== "pie";

/** The kind a series is actually drawn as: a pie has only pie series, and bars keep the chart's direction. */
export function effectiveSeriesKind(chart: ChartModel, s: ChartSeriesModel): ChartKind {
  if (chart.kind === "Pie") return "Pie";
  const own = s.kind ?? chart.kind;
  if (own === "Pie") return chart.kind;
  const chartFamily = familyOf(chart.kind);
  const ownFamily = familyOf(own);
  // Columns and horizontal bars cannot share one pair of axes; follow the chart's direction, keep the grouping.
  if (isBar(chartFamily) && isBar(ownFamily) && isHorizontal(chartFamily) !== isHorizontal(ownFamily)) {
    const stacked = own === "ColumnStacked" || own === "BarStacked";
    if (isHorizontal(chartFamily)) return stacked ? "BarStacked" : "BarClustered";
    return stacked ? "ColumnStacked" : "ColumnClustered";
  }
  return own;
}

/** "1f77b4", "#1F77B4" -> "1F77B4"; anything else -> null (the viewer's theme colour is used). */
export function normaliseColor(color: string | null | undefined): string | null {
  if (!color) return null;
  const hex = color.trim().replace(/^#/, "");
  return /^[0-9A-Fa-f]{6}$/.test(hex) ? hex.toUpperCase() : null;
}

const val = (tag: string, v: string | number): string => `<c:${tag} val="${escapeXml(String(v))}"/>`;

function richText(text: string, sizeHundredths: number, bold: boolean, rotate = false): string {
  const b = bold ? ' b="1"' : ' b="0"';
  const bodyPr = rotate ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sizeHundredths}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${sizeHundredths}"${b}/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function titleXml(text: string, sizeHundredths: number, rotate = false): string {
  return `<c:title>${richText(text, sizeHundredths, true, rotate)}<c:overlay val="0"/></c:title>`;
}

function strPoints(items: readonly string[]): string {
  return val("ptCount", items.length) + items.map((s, i) => `<c:pt idx="${i}"><c:v>${escapeXml(s)}</c:v></c:pt>`).join("");
}

function numPoints(values: readonly (number | null)[], formatCode: string): string {
  const pts = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`))
    .join("");
  return `<c:formatCode>${escapeXml(formatCode)}</c:formatCode>${val("ptCount", values.length)}${pts}`;
}

/** Where a series' labels sit: inside stacked bars, past the end of other bars, above line points (or as set). */
type LabelPosition = "ctr" | "outEnd" | "inEnd" | "inBase" | "t" | "b" | "l" | "r" | "bestFit";

/** c:dLblPos for an Excel.ChartDataLabelPosition the series was given (the host accepts only those its type allows). */
const DLBL_POS: Record<string, LabelPosition> = {
  Top: "t", Bottom: "b", Left: "l", Right: "r", Center: "ctr", OutsideEnd: "outEnd", InsideEnd: "inEnd", InsideBase: "inBase", BestFit: "bestFit",
};

function positionOf(s: ChartSeriesModel, fallback: LabelPosition): LabelPosition {
  return (s.labelPosition && DLBL_POS[s.labelPosition]) || fallback;
}

/** c:dLbls showing each point's value in the series' own number format (CT_DLbls element order). */
function dataLabels(s: ChartSeriesModel, position: LabelPosition): string {
  const color = normaliseColor(s.labelColor);
  const txPr = color
    ? `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="1">${solidFill(color)}</a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`
    : "";
  const look = (at: LabelPosition) =>
    `<c:numFmt formatCode="${escapeXml(s.formatCode || "General")}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr}` +
    `${val("dLblPos", at)}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    '<c:showPercent val="0"/><c:showBubbleSize val="0"/>';
  // A point's own label (CT_DLbl: idx, then the same elements as the series'), before the series' (CT_DLbls order).
  const points = Object.entries(s.pointLabelPositions ?? {})
    .map(([i, p]) => [Number(i), DLBL_POS[p]] as const)
    .filter(([, p]) => p !== undefined)
    .sort((a, b) => a[0] - b[0])
    .map(([i, p]) => `<c:dLbl>${val("idx", i)}${look(p)}</c:dLbl>`)
    .join("");
  return `<c:dLbls>${points}${look(position)}</c:dLbls>`;
}

function seriesName(s: ChartSeriesModel): string {
  return s.name === null || s.name === "" ? "" : `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
}

function categoriesXml(s: ChartSeriesModel): string {
  if (s.categoriesRef) {
    return `<c:cat><c:strRef><c:f>${escapeXml(s.categoriesRef)}</c:f><c:strCache>${strPoints(s.categories)}</c:strCache></c:strRef></c:cat>`;
  }
  if (s.categories.length > 0) return `<c:cat><c:strLit>${strPoints(s.categories)}</c:strLit></c:cat>`;
  return "";
}

function valuesXml(s: ChartSeriesModel): string {
  return `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f><c:numCache>${numPoints(s.values, s.formatCode || "General")}</c:numCache></c:numRef></c:val>`;
}

function solidFill(hex: string): string {
  return `<a:solidFill><a:srgbClr val="${hex}"/></a:solidFill>`;
}

/** c:dPt overrides for points with their own colour (CT_DPt: idx, invertIfNegative, bubble3D, spPr). */
function pointFills(s: ChartSeriesModel, bar: boolean, outline: string): string {
  return (s.pointColors ?? [])
    .map((c, i) => {
      const hex = normaliseColor(c);
      if (!hex) return "";
      const invert = bar ? '<c:invertIfNegative val="0"/>' : "";
      return `<c:dPt>${val("idx", i)}${invert}<c:bubble3D val="0"/><c:spPr>${solidFill(hex)}${outline}</c:spPr></c:dPt>`;
    })
    .join("");
}

function barSeries(s: ChartSeriesModel, index: number, labels: LabelPosition | null): string {
  const color = normaliseColor(s.color);
  const noLine = "<a:ln><a:noFill/></a:ln>";
  const spPr = color ? `<c:spPr>${solidFill(color)}${noLine}</c:spPr>` : "";
  return (
    `<c:ser>${val("idx", index)}${val("order", index)}${seriesName(s)}${spPr}<c:invertIfNegative val="0"/>` +
    `${pointFills(s, true, noLine)}${labels || s.labels ? dataLabels(s, positionOf(s, labels ?? "ctr")) : ""}${categoriesXml(s)}${valuesXml(s)}</c:ser>`
  );
}

function lineSeries(s: ChartSeriesModel, index: number, kind: ChartKind, labels: boolean): string {
  const color = normaliseColor(s.color);
  const dash = s.lineDash === "dash" ? '<a:prstDash val="dash"/>' : '<a:prstDash val="solid"/>';
  const spPr = `<c:spPr><a:ln w="28575" cap="rnd">${color ? solidFill(color) : ""}${dash}<a:round/></a:ln></c:spPr>`;
  const withMarker = s.marker ?? kind === "LineMarkers";
  const markerFill = color ? `<c:spPr>${solidFill(color)}<a:ln w="9525">${solidFill(color)}</a:ln></c:spPr>` : "";
  const marker = withMarker
    ? `<c:marker>${val("symbol", "circle")}${val("size", 6)}${markerFill}</c:marker>`
    : `<c:marker>${val("symbol", "none")}</c:marker>`;
  return (
    `<c:ser>${val("idx", index)}${val("order", index)}${seriesName(s)}${spPr}${marker}` +
    `${labels || s.labels ? dataLabels(s, positionOf(s, "t")) : ""}${categoriesXml(s)}${valuesXml(s)}<c:smooth val="0"/></c:ser>`
  );
}

function pieSeries(s: ChartSeriesModel, index: number): string {
  // No series colour on a pie: varyColors gives each slice its own, and one fill would make the slices
  // indistinguishable. pointColors set slices explicitly (a RAG pie must show Red in red).
  const slices = pointFills(s, false, `<a:ln w="12700">${solidFill("FFFFFF")}</a:ln>`);
  const labels =
    "<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>" +
    '<c:showPercent val="0"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>';
  return `<c:ser>${val("idx", index)}${val("order", index)}${seriesName(s)}${slices}${labels}${categoriesXml(s)}${valuesXml(s)}</c:ser>`;
}

interface Group {
  family: Family;
  series: { s: ChartSeriesModel; index: number; kind: ChartKind }[];
}

/** Series grouped into one plot per family, bars before lines so lines are drawn on top. */
function groups(chart: ChartModel): Group[] {
  const byFamily = new Map<Family, Group>();
  chart.series.forEach((s, index) => {
    const kind = effectiveSeriesKind(chart, s);
    const family = familyOf(kind);
    let g = byFamily.get(family);
    if (!g) byFamily.set(family, (g = { family, series: [] }));
    g.series.push({ s, index, kind });
  });
  // Viewers paint plots in document order; a target line hidden behind columns would be useless.
  const rank = (g: Group): number => (isBar(g.family) ? 0 : 1);
  return [...byFamily.values()].sort((a, b) => rank(a) - rank(b));
}

const axIds = val("axId", CAT_AX_ID) + val("axId", VAL_AX_ID);

function plotXml(g: Group, labels: boolean): string {
  switch (g.family) {
    case "pie":
      return `<c:pieChart><c:varyColors val="1"/>${g.series.map((x) => pieSeries(x.s, x.index)).join("")}<c:firstSliceAng val="0"/></c:pieChart>`;
    case "line":
      return (
        `<c:lineChart>${val("grouping", "standard")}<c:varyColors val="0"/>` +
        `${g.series.map((x) => lineSeries(x.s, x.index, x.kind, labels)).join("")}<c:marker val="1"/>${axIds}</c:lineChart>`
      );
    default: {
      const stacked = g.family === "colStacked" || g.family === "barStacked";
      return (
        `<c:barChart>${val("barDir", isHorizontal(g.family) ? "bar" : "col")}${val("grouping", stacked ? "stacked" : "clustered")}` +
        `<c:varyColors val="0"/>${g.series.map((x) => barSeries(x.s, x.index, labels || x.s.labels ? (stacked ? "ctr" : "outEnd") : null)).join("")}` +
        `${val("gapWidth", stacked ? 80 : 150)}${stacked ? val("overlap", 100) : ""}${axIds}</c:barChart>`
      );
    }
  }
}

const GRID_LINE = `<c:spPr><a:ln w="6350">${solidFill("D9D9D9")}</a:ln></c:spPr>`;

function axesXml(chart: ChartModel, horizontal: boolean): string {
  const catTitle = chart.categoryAxisTitle ? titleXml(chart.categoryAxisTitle, 900, horizontal) : "";
  const valTitle = chart.valueAxisTitle ? titleXml(chart.valueAxisTitle, 900, !horizontal) : "";
  const numFmt = chart.valueAxisNumberFormat
    ? `<c:numFmt formatCode="${escapeXml(chart.valueAxisNumberFormat)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const scaling = `<c:scaling>${val("orientation", "minMax")}</c:scaling>`;
  const bound = (tag: "max" | "min", v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? val(tag, v) : "");
  // CT_Scaling: orientation, then max, then min.
  const valueScaling = `<c:scaling>${val("orientation", "minMax")}${bound("max", chart.valueAxisMaximum)}${bound("min", chart.valueAxisMinimum)}</c:scaling>`;
  const cat =
    `<c:catAx>${val("axId", CAT_AX_ID)}${scaling}<c:delete val="0"/>${val("axPos", horizontal ? "l" : "b")}${catTitle}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${val("majorTickMark", "out")}${val("minorTickMark", "none")}` +
    // Labels "low" keep category names at the edge of the plot when values go negative.
    `${val("tickLblPos", "low")}${val("crossAx", VAL_AX_ID)}${val("crosses", "autoZero")}<c:auto val="1"/>` +
    `${val("lblAlgn", "ctr")}${val("lblOffset", 100)}<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const value =
    `<c:valAx>${val("axId", VAL_AX_ID)}${valueScaling}<c:delete val="0"/>${val("axPos", horizontal ? "b" : "l")}` +
    `<c:majorGridlines>${GRID_LINE}</c:majorGridlines>${valTitle}${numFmt}${val("majorTickMark", "out")}` +
    `${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${val("crossAx", CAT_AX_ID)}${val("crosses", "autoZero")}` +
    `${val("crossBetween", "between")}</c:valAx>`;
  return cat + value;
}

const LEGEND_POS: Record<NonNullable<ChartModel["legendPosition"]>, string> = { Right: "r", Bottom: "b", Top: "t", Left: "l" };

/** The complete chart part for one chart. */
export function chartSpaceXml(chart: ChartModel): string {
  const gs = groups(chart);
  // effectiveSeriesKind makes every series of a pie a pie series, and no series of another chart one.
  const isPie = chart.kind === "Pie";
  const horizontal = isHorizontal(familyOf(chart.kind));
  const title = chart.title ? titleXml(chart.title, 1200) + '<c:autoTitleDeleted val="0"/>' : '<c:autoTitleDeleted val="1"/>';
  // An empty chart still needs one plot element to be schema-valid.
  const labels = !!chart.dataLabels;
  const plots = gs.length > 0 ? gs.map((g) => plotXml(g, labels)).join("") : plotXml({ family: familyOf(chart.kind), series: [] }, false);
  const axes = isPie ? "" : axesXml(chart, horizontal);
  const legend = chart.legendPosition
    ? `<c:legend>${val("legendPos", LEGEND_POS[chart.legendPosition])}<c:overlay val="0"/></c:legend>`
    : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:plotArea><c:layout/>${plots}${axes}</c:plotArea>${legend}` +
    `<c:plotVisOnly val="${chart.plotVisibleOnly === false ? 0 : 1}"/>${val("dispBlanksAs", "gap")}</c:chart>` +
    `<c:spPr>${solidFill("FFFFFF")}<a:ln w="9525">${solidFill("BFBFBF")}</a:ln></c:spPr>` +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>' +
    "</c:chartSpace>"
  );
}
