// buildScorecardSpec: the whole scorecard sheet as data. Layout, top to bottom:
//   title, reporting date, generation time, RAG key, direction key, KPI table (header frozen and
//   repeated on print), summary by group x RAG, orphaned commentary, charts, chart data.
import { cellAddress } from "../address";
import type { Rag, ScanResult } from "../types";
import { KPI_COLUMNS, columnOf } from "./columns";
import { matchCommentary } from "./commentary";
import { BlockBuilder, span } from "./grid";
import { buildLegend } from "./legend";
import { literal } from "./literal";
import { DATETIME_FORMAT, DATE_FORMAT, GENERAL, excelSerial, numberFormatFor } from "./numberFormat";
import { BORDER_COLOUR, HEADER_COLOURS, RAG_COLOURS, RAG_WORDS, SECTION_COLOURS } from "./palette";
import { type PlacedKpi, placeKpis, rowCells, sourceLabel, sourceReference } from "./rows";
import { MAX_TRAJECTORY_CHARTS, type TrajectoryPoint, trajectoryPoints } from "./trajectory";
import type {
  CellBlock,
  ChartSpec,
  HyperlinkSpec,
  RangeFormatSpec,
  ScorecardOptions,
  ScorecardRow,
  ScorecardSpec,
  ScorecardSummaryRow,
  TextRuleSpec,
} from "./types";

const HEADER_ROW = 5;
const DATE_COL = 2;
const LAST_COL = KPI_COLUMNS.length - 1;
const COMMENTARY_FILL = "FFF8E1"; // pale cream: "type here", black text 19:1
const CHART_ROWS = 18;
/** The RAG-by-group chart spans the table's width (group names are long); trajectories go two across: A-D and F-L. */
const RAG_CHART: readonly [number, number] = [0, 11];
const CHART_SLOTS: readonly [number, number][] = [
  [0, 3],
  [5, 11],
];

export function buildScorecardSpec(scan: ScanResult, options: ScorecardOptions): ScorecardSpec {
  const { settings } = options;
  const placed = placeKpis(scan);
  const { byKey, orphaned } = matchCommentary(
    placed.map((p) => ({ key: p.key, sheet: p.sheet, ref: p.kpi.ref, measure: p.kpi.measure })),
    options.commentary,
  );
  const showBlue = settings.blueWhenFinalTargetMet || placed.some((p) => p.rag === "blue");
  const rags: Rag[] = showBlue ? ["blue", "green", "amber", "red", "grey"] : ["green", "amber", "red", "grey"];
  const legend = buildLegend(settings, showBlue);

  const blocks: CellBlock[] = [];
  const formats: RangeFormatSpec[] = [];
  const merges: string[] = [];
  const textRules: TextRuleSpec[] = [];
  const hyperlinks: HyperlinkSpec[] = [];
  const charts: ChartSpec[] = [];
  const autofitRows: string[] = [];
  const push = (b: CellBlock | null) => b && blocks.push(b);

  // --- Title, dates, legend (rows 1-5) ---
  const title = `KPI Scorecard – ${scan.workbook}`;
  const top = new BlockBuilder("title", 0, 0, LAST_COL + 1);
  top.set(0, 0, literal(title));
  // Labels in A run on over the empty B; the dates themselves sit in C as real dates.
  top.set(1, 0, "Reporting date");
  const asOf = excelSerial(scan.asOf);
  top.set(1, DATE_COL, asOf ?? literal(scan.asOf), asOf === null ? GENERAL : DATE_FORMAT);
  top.set(2, 0, "Generated (UTC)");
  const gen = excelSerial(options.generatedAt);
  top.set(2, DATE_COL, gen ?? literal(options.generatedAt), gen === null ? GENERAL : DATETIME_FORMAT);
  top.set(3, 0, "RAG key");
  top.set(4, 0, "Direction key");
  // Legend entries sit in merged pairs of columns from C, so each has room for its meaning; the
  // last direction entry (the judgement words) is longer and gets four columns.
  const legendCells = (kind: "rag" | "dot", row: number) => {
    const entries = legend.filter((e) => e.kind === kind);
    let col = 2;
    entries.forEach((e, i) => {
      const width = kind === "dot" && i === entries.length - 1 ? 4 : 2;
      top.set(row, col, literal(`${e.symbol}: ${e.meaning}`));
      merges.push(span(row, col, row, col + width - 1));
      formats.push({
        address: span(row, col, row, col + width - 1),
        wrap: true,
        verticalAlignment: "Center",
        ...(e.fill ? { fill: e.fill, fontColour: e.fontColour, bold: true } : {}),
      });
      col += width;
    });
  };
  legendCells("rag", 3);
  legendCells("dot", 4);
  push(top.build());
  formats.push({ address: "A1", bold: true, fontSize: 16, fontColour: HEADER_COLOURS.fill });
  formats.push({ address: "A2:A5", bold: true, verticalAlignment: "Center" });
  formats.push({ address: span(1, DATE_COL, 2, DATE_COL), horizontalAlignment: "Left" });
  formats.push({ address: "A4:A5", rowHeight: 44 });

  // --- KPI table ---
  const firstRow = HEADER_ROW + 1;
  const table = new BlockBuilder("kpis", HEADER_ROW, 0, LAST_COL + 1);
  KPI_COLUMNS.forEach((c, i) => table.set(HEADER_ROW, i, c.header));
  const rows: ScorecardRow[] = [];
  const ragCol = columnOf("rag");
  const sourceCol = columnOf("source");
  placed.forEach((p, i) => {
    const r = firstRow + i;
    const commentary = byKey.get(p.key) ?? "";
    const cells = rowCells(p, commentary);
    KPI_COLUMNS.forEach((c, col) => table.set(r, col, cells[c.id].value, cells[c.id].format));
    hyperlinks.push({
      cell: cellAddress(r, sourceCol),
      documentReference: sourceReference(p.sheet, p.sourceCell),
      textToDisplay: sourceLabel(p.sheet, p.sourceCell),
      screenTip: `Go to the source of this KPI on ${p.sheet}`,
    });
    rows.push({
      key: p.key,
      sheet: p.sheet,
      ref: p.kpi.ref,
      measure: p.kpi.measure,
      rag: p.rag,
      ragWord: RAG_WORDS[p.rag],
      dot: String(cells.dot.value).replace(/^'/, ""),
      commentary,
    });
  });
  if (placed.length === 0) table.set(firstRow, 0, "No KPI tables were recognised in this workbook.");
  push(table.build());
  const lastKpiRow = firstRow + Math.max(placed.length, 1) - 1;
  formats.push({
    address: span(HEADER_ROW, 0, HEADER_ROW, LAST_COL),
    fill: HEADER_COLOURS.fill,
    fontColour: HEADER_COLOURS.text,
    bold: true,
    wrap: true,
    verticalAlignment: "Center",
    rowHeight: 30,
  });
  if (placed.length > 0) {
    formats.push({
      address: span(firstRow, 0, lastKpiRow, columnOf("source")),
      verticalAlignment: "Top",
      border: { colour: BORDER_COLOUR, inside: true },
    });
    for (const id of ["measure", "findings", "commentary", "group"] as const) {
      formats.push({ address: span(firstRow, columnOf(id), lastKpiRow, columnOf(id)), wrap: true });
    }
    formats.push({ address: span(firstRow, columnOf("commentary"), lastKpiRow, columnOf("commentary")), fill: COMMENTARY_FILL });
    autofitRows.push(span(firstRow, 0, lastKpiRow, LAST_COL));
    formats.push({ address: span(firstRow, ragCol, lastKpiRow, ragCol), bold: true, horizontalAlignment: "Center" });
    const ragRange = span(firstRow, ragCol, lastKpiRow, ragCol);
    // One rule per status word, including Blue, so a hand edit to any word recolours.
    for (const rag of ["blue", "green", "amber", "red", "grey"] as const) {
      textRules.push({ address: ragRange, text: RAG_WORDS[rag], fill: RAG_COLOURS[rag].fill, fontColour: RAG_COLOURS[rag].text });
    }
  }

  // --- Summary by group x RAG ---
  let next = lastKpiRow + 2;
  const summary = summarise(placed, rags);
  const sumTop = next;
  const sb = new BlockBuilder("summary", sumTop, 1, rags.length + 2);
  sb.set(sumTop, 1, "Summary by group and RAG");
  const sumHeader = sumTop + 1;
  sb.set(sumHeader, 1, "Group");
  rags.forEach((r, i) => sb.set(sumHeader, 2 + i, RAG_WORDS[r]));
  sb.set(sumHeader, 2 + rags.length, "Total");
  summary.forEach((s, i) => {
    const r = sumHeader + 1 + i;
    sb.set(r, 1, literal(s.group));
    rags.forEach((rag, j) => sb.set(r, 2 + j, s.counts[rag], "#,##0"));
    sb.set(r, 2 + rags.length, s.total, "#,##0");
  });
  const totalRow = sumHeader + 1 + summary.length;
  sb.set(totalRow, 1, "Total");
  rags.forEach((rag, j) => sb.set(totalRow, 2 + j, summary.reduce((n, s) => n + s.counts[rag], 0), "#,##0"));
  sb.set(totalRow, 2 + rags.length, placed.length, "#,##0");
  push(sb.build());
  const sumLastCol = 2 + rags.length;
  formats.push({ address: span(sumTop, 1, sumTop, sumLastCol), fill: SECTION_COLOURS.fill, fontColour: SECTION_COLOURS.text, bold: true });
  formats.push({ address: span(sumHeader, 1, sumHeader, 1), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true });
  formats.push({ address: span(sumHeader, sumLastCol, sumHeader, sumLastCol), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true });
  rags.forEach((rag, j) =>
    formats.push({ address: cellAddress(sumHeader, 2 + j), fill: RAG_COLOURS[rag].fill, fontColour: RAG_COLOURS[rag].text, bold: true, horizontalAlignment: "Center" }),
  );
  formats.push({ address: span(sumHeader, 1, totalRow, sumLastCol), border: { colour: BORDER_COLOUR, inside: true } });
  formats.push({ address: span(totalRow, 1, totalRow, sumLastCol), bold: true });
  next = totalRow + 2;

  // --- Commentary whose KPI is gone: kept, never dropped ---
  if (orphaned.length > 0) {
    const ob = new BlockBuilder("orphans", next, 0, LAST_COL + 1);
    ob.set(next, 0, "Commentary for KPIs no longer found");
    const oh = next + 1;
    ob.set(oh, 0, "Ref");
    ob.set(oh, 1, "Measure");
    ob.set(oh, 2, "Sheet");
    ob.set(oh, columnOf("commentary"), "Commentary");
    ob.set(oh, columnOf("key"), KPI_COLUMNS[columnOf("key")].header);
    ob.set(oh, columnOf("sourceSheet"), KPI_COLUMNS[columnOf("sourceSheet")].header);
    orphaned.forEach((e, i) => {
      const r = oh + 1 + i;
      ob.set(r, 0, literal(e.ref ?? ""));
      ob.set(r, 1, literal(e.measure ?? ""));
      ob.set(r, 2, literal(e.sheet ?? ""));
      ob.set(r, columnOf("commentary"), literal(e.text));
      ob.set(r, columnOf("key"), literal(e.key));
      ob.set(r, columnOf("sourceSheet"), literal(e.sheet ?? ""));
    });
    push(ob.build());
    formats.push({ address: span(next, 0, next, columnOf("source")), fill: SECTION_COLOURS.fill, fontColour: SECTION_COLOURS.text, bold: true });
    formats.push({ address: span(oh, 0, oh, columnOf("source")), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true });
    const lastOrphan = oh + orphaned.length;
    formats.push({ address: span(oh + 1, columnOf("commentary"), lastOrphan, columnOf("commentary")), wrap: true, fill: COMMENTARY_FILL });
    formats.push({ address: span(oh + 1, 1, lastOrphan, 1), wrap: true });
    autofitRows.push(span(oh + 1, 0, lastOrphan, LAST_COL));
    next = lastOrphan + 2;
  }

  // --- Charts: RAG by group, then trajectories; their data sits in "Chart data" below ---
  const trajectories = placed
    .map((p) => ({ p, points: trajectoryPoints(p.kpi) }))
    .filter((t): t is { p: PlacedKpi; points: TrajectoryPoint[] } => t.points !== null);
  const drawn = trajectories.slice(0, MAX_TRAJECTORY_CHARTS);
  const chartCount = (placed.length > 0 ? 1 : 0) + drawn.length;
  const chartsTop = next;
  const ragChartRows = placed.length > 0 ? CHART_ROWS + 1 : 0;
  const ragSlot = () => ({ topLeft: cellAddress(chartsTop + 1, RAG_CHART[0]), bottomRight: cellAddress(chartsTop + CHART_ROWS, RAG_CHART[1]) });
  const slot = (i: number) => {
    const [c1, c2] = CHART_SLOTS[i % 2];
    const r = chartsTop + 1 + ragChartRows + Math.floor(i / 2) * (CHART_ROWS + 1);
    return { topLeft: cellAddress(r, c1), bottomRight: cellAddress(r + CHART_ROWS - 1, c2) };
  };
  let dataTop = next;
  const pageBreaksBefore: number[] = [];
  if (chartCount > 0) {
    // The charts start a page; then a page every two rows of trajectory charts (38 rows, which fit an A4
    // landscape page at the scale one-page-wide gives this sheet).
    // The first page holds the heading, the RAG chart (when there is one) and one row of trajectory charts.
    pageBreaksBefore.push(chartsTop);
    const trajectoryRows = Math.ceil(drawn.length / 2);
    for (let i = ragChartRows ? 1 : 2; i < trajectoryRows; i += 2) pageBreaksBefore.push(chartsTop + 1 + ragChartRows + i * (CHART_ROWS + 1));
    const hb = new BlockBuilder("charts", chartsTop, 0, 1);
    hb.set(chartsTop, 0, "Charts");
    push(hb.build());
    formats.push({ address: span(chartsTop, 0, chartsTop, columnOf("source")), fill: SECTION_COLOURS.fill, fontColour: SECTION_COLOURS.text, bold: true });
    dataTop = chartsTop + 1 + ragChartRows + Math.ceil(drawn.length / 2) * (CHART_ROWS + 1) + 1;
  }
  if (placed.length > 0) {
    const firstGroup = sumHeader + 1;
    const lastGroup = sumHeader + summary.length;
    charts.push({
      name: "KPIScorecard_RagByGroup",
      kind: "rag-by-group",
      type: "ColumnStacked",
      title: "KPIs by group and RAG",
      source: span(sumHeader, 1, lastGroup, 1 + rags.length),
      seriesBy: "Columns",
      categories: span(firstGroup, 1, lastGroup, 1),
      series: rags.map((rag, j) => ({
        name: RAG_WORDS[rag],
        values: span(firstGroup, 2 + j, lastGroup, 2 + j),
        colour: RAG_COLOURS[rag].fill,
      })),
      ...ragSlot(),
      valueFormat: "0",
    });
  }
  if (drawn.length > 0) {
    const cb = new BlockBuilder("chartData", dataTop, 0, 2 + Math.max(...drawn.map((t) => t.points.length)));
    cb.set(dataTop, 0, "Chart data (used by the charts above)");
    let r = dataTop + 1;
    drawn.forEach(({ p, points }, i) => {
      const fmt = numberFormatFor(p.kpi.unit);
      cb.set(r, 0, literal(p.kpi.ref ?? ""));
      cb.set(r, 1, literal(p.kpi.measure));
      const cat = r + 1;
      points.forEach((pt, j) => {
        cb.set(cat, 2 + j, literal(pt.label));
        if (pt.target !== null) cb.set(cat + 1, 2 + j, pt.target, fmt);
        if (pt.actual !== null) cb.set(cat + 2, 2 + j, pt.actual, fmt);
      });
      cb.set(cat + 1, 1, "Target");
      cb.set(cat + 2, 1, "Actual");
      const lastCol = 1 + points.length;
      charts.push({
        name: `KPIScorecard_Trajectory_${i + 1}`,
        kind: "trajectory",
        type: "LineMarkers",
        title: chartTitle(p),
        source: span(cat, 1, cat + 2, lastCol),
        seriesBy: "Rows",
        categories: span(cat, 2, cat, lastCol),
        series: [
          { name: "Target", values: span(cat + 1, 2, cat + 1, lastCol), colour: "7F7F7F", dashed: true },
          { name: "Actual", values: span(cat + 2, 2, cat + 2, lastCol), colour: HEADER_COLOURS.fill },
        ],
        ...slot(i),
        valueFormat: fmt,
      });
      r = cat + 4;
    });
    const omitted = trajectories.length - drawn.length;
    if (omitted > 0) cb.set(r, 0, `${omitted} more KPIs have a milestone series; trajectory charts are drawn for the first ${MAX_TRAJECTORY_CHARTS}.`);
    push(cb.build());
    formats.push({ address: span(dataTop, 0, dataTop, columnOf("source")), fill: SECTION_COLOURS.fill, fontColour: SECTION_COLOURS.text, bold: true });
  }

  const lastRow = Math.max(...blocks.map((b) => b.row + b.values.length - 1));
  return {
    sheetName: options.sheetName,
    title,
    blocks,
    formats,
    merges,
    columnWidths: KPI_COLUMNS.map((c, col) => ({ col, width: c.width, hidden: c.hidden === true })),
    autofitRows,
    textRules,
    hyperlinks,
    charts,
    freeze: { rows: HEADER_ROW + 1, columns: columnOf("measure") + 1 },
    showGridlines: false,
    page: {
      orientation: "Landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      printTitleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`,
      printArea: span(0, 0, lastRow, columnOf("source")),
      pageBreaksBefore,
    },
    usedRange: span(0, 0, lastRow, LAST_COL),
    table: {
      headerRow: HEADER_ROW,
      firstRow,
      rowCount: placed.length,
      columns: KPI_COLUMNS,
      commentaryCol: columnOf("commentary"),
      keyCol: columnOf("key"),
      sheetCol: columnOf("sourceSheet"),
      ragCol,
      dotCol: columnOf("dot"),
    },
    rows,
    legend,
    summary,
    orphanedCommentary: orphaned,
    trajectoriesOmitted: trajectories.length - drawn.length,
    source: { scan, options },
  };
}

function summarise(placed: readonly PlacedKpi[], rags: readonly Rag[]): ScorecardSummaryRow[] {
  const groups = new Map<string, ScorecardSummaryRow>();
  for (const p of placed) {
    let g = groups.get(p.group);
    if (!g) {
      g = { group: p.group, counts: { blue: 0, green: 0, amber: 0, red: 0, grey: 0 }, total: 0 };
      groups.set(p.group, g);
    }
    // Blue only has its own column under BRAG; otherwise it cannot occur.
    const rag = rags.includes(p.rag) ? p.rag : "green";
    g.counts[rag] += 1;
    g.total += 1;
  }
  return [...groups.values()];
}

/** Chart titles are plain text, but keep them from starting like a formula all the same. */
function chartTitle(p: PlacedKpi): string {
  const t = p.kpi.ref ? `${p.kpi.ref} – ${p.kpi.measure}` : p.kpi.measure;
  const short = t.length > 90 ? `${t.slice(0, 87)}…` : t;
  return /^[=+\-@]/.test(short) ? `“${short}”` : short;
}
