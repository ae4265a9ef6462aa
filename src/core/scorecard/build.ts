// buildScorecardSpec: the scorecard as data, a board paper read top to bottom and printed as it stands:
//   page 1  the summary (who, what, when; RAG tiles; counts by group; changes; the exceptions)
//   then    the charts, two by two per page (exceptions first)
//   then    the findings in full, and commentary whose KPI is gone
//   then    the register, grouped, on a sheet of its own (its heading row frozen, filterable, repeated on every page).
// The hidden data sheet holds what this scorecard said (for the next one) and the charts' data.
import type { Rag, ScanResult } from "../types";
import { comparisonBase, compareWithPrevious } from "./changes";
import { layoutCharts } from "./charts";
import { registerColumns } from "./columns";
import { kpiCommentary, matchCommentary } from "./commentary";
import { comparedBlock, DATA_SHEET_DEFAULT_NAME, stateBlock } from "./dataSheet";
import { span } from "./grid";
import { SheetLayout } from "./layout";
import { buildLegend } from "./legend";
import { layoutFindings, layoutOrphans, numberFindings } from "./notes";
import { headerText, MARGINS, REGISTER_FONT_SIZE } from "./page";
import { EXCEL_FIT, LIBREOFFICE_FIT, SCORECARD_FONT } from "./textFit";
import { groupKpis, layoutRegister, registerSheetName } from "./register";
import { placeKpis, registerCells, sourceTexts, worstFirst, type PlacedKpi } from "./rows";
import { layoutSummary, readableDate } from "./summary";
import { LiveScorecard } from "./live";
import type { ScorecardOptions, ScorecardSpec } from "./types";

export function buildScorecardSpec(scan: ScanResult, options: ScorecardOptions): ScorecardSpec {
  const { settings } = options;
  const placed = placeKpis(scan);
  const byKey = new Map(placed.map((p) => [p.key, p]));
  const { byKey: typed, orphaned } = matchCommentary(
    placed.map((p) => ({ key: p.key, sheet: p.sheet, ref: p.kpi.ref, measure: p.kpi.measure })),
    options.commentary,
  );
  const { byKey: commentary, fromWorkbook } = kpiCommentary(placed, typed);
  const showBlue = settings.blueWhenFinalTargetMet || placed.some((p) => p.rag === "blue");
  const rags: Rag[] = showBlue ? ["blue", "green", "amber", "red", "grey"] : ["green", "amber", "red", "grey"];
  const legend = buildLegend(settings, showBlue);
  const base = comparisonBase(options.previous, scan.asOf);
  const changes = compareWithPrevious(placed, base);

  // The register's order decides the findings' numbers; the register's cells decide the columns.
  const groups = groupKpis(placed, settings.registerOrder, worstFirst);
  const numbered = numberFindings(
    groups.flatMap((g) => g.kpis),
    scan.findings,
  );
  const sources = sourceTexts(groups);
  const cells = new Map(placed.map((p) => [p.key, registerCells(p, commentary.get(p.key) ?? "", numbered.byKey.get(p.key) ?? "", sources.get(p.key) ?? "")]));
  const { columns, scale } = registerColumns([...cells.values()]);
  const printed = columns.filter((c) => !c.hidden && !c.offPage);
  const colOf = (id: string) => columns.findIndex((c) => c.id === id);
  const keyCol = colOf("key");
  const sheetCol = colOf("sourceSheet");
  const layout = new SheetLayout(
    printed.map((c) => c.width),
    options.printer === "libreoffice" ? LIBREOFFICE_FIT : EXCEL_FIT,
  );

  // --- What this scorecard says (for the next one), then the live cells, on the hidden data sheet ---
  const dataSheetName = options.dataSheetName ?? DATA_SHEET_DEFAULT_NAME;
  const state = stateBlock(placed, commentary, fromWorkbook, options.generatedAt, scan.asOf);
  const compared = comparedBlock(base, state.endRow);
  const live = options.sourceCells
    ? new LiveScorecard({
        scanOrder: placed,
        registerOrder: groups.flatMap((g) => g.kpis),
        cells: options.sourceCells,
        settings,
        scan,
        sheetName: options.sheetName,
        dataSheetName,
        dataRow: compared.endRow,
        register: cells,
        settingsCol: columns.length,
        generatedAt: options.generatedAt,
      })
    : null;
  const liveCells = live?.finish() ?? null;
  const liveSettings = live?.settingsBlock() ?? null;

  // --- Page 1 ---
  const summary = layoutSummary({
    layout,
    placed,
    settings,
    scan,
    generatedAt: options.generatedAt,
    commentary,
    legend,
    rags,
    changes,
    scale,
    colCount: columns.length,
    keyCol,
    sheetCol,
    live: live && { tileFormula: (id) => live.tileFormula(id), groupFormula: (g, w) => live.groupFormula(g, w), keyNote: live.keyNote(liveCells) },
  });
  if (liveSettings) {
    layout.add(liveSettings.block);
    for (const f of liveSettings.formats) layout.format(f);
  }

  // --- Charts, their data on the hidden sheet after the live cells ---
  const charts = layoutCharts({
    layout,
    placed,
    exceptions: summary.exceptions.map((e) => byKey.get(e.key)).filter((p): p is PlacedKpi => !!p),
    summary: summary.summary,
    rags,
    scale,
    startRow: summary.endRow + 1,
    dataRow: live ? live.endRow : compared.endRow,
    dataSheetName,
    asOf: scan.asOf,
  });
  if (live && charts.dataBlock) live.followCharts(charts.charts, charts.dataBlock, byKey, summary.summary);
  let row = charts.endRow + 1;

  // --- Findings in full and orphaned commentary, each from a new page ---
  if (numbered.list.length > 0) layout.pageBreaksBefore.push(row);
  row = layoutFindings(layout, row, columns.length, numbered);
  row = layoutOrphans(layout, row, columns.length, keyCol, sheetCol, orphaned);

  // --- The register, on a sheet of its own: its heading row first, frozen and filterable ---
  const registerSheet = options.registerSheetName ?? registerSheetName(options.sheetName);
  const registerLayout = new SheetLayout(layout.widths, layout.fit);
  const register = layoutRegister({ layout: registerLayout, startRow: 0, groups, cells, columns, rags, scale, live: liveCells });
  const lastPrinted = printed.length - 1;
  const title = settings.reportTitle;
  const when = settings.reportingPeriod || `Reporting date ${readableDate(scan.asOf)}`;
  const page = (last: number, breaks: readonly number[], titleRows: string | null): ScorecardSpec["page"] => ({
    orientation: "Landscape",
    paperSize: "A4",
    scale,
    margins: { ...MARGINS },
    printTitleRows: titleRows,
    printArea: span(0, 0, last, lastPrinted),
    pageBreaksBefore: [...new Set(breaks)].filter((r) => r > 0 && r <= last).sort((a, b) => a - b),
    centerHeader: headerText([settings.organisation, title].filter(Boolean).join(" — ")),
    centerFooter: `Page &P of &N · ${headerText(when)}`,
  });
  // One font throughout, named (a cell whose font has no name prints in a viewer's default, often a serif);
  // the sizes worked out in textFit.ts are for it, and the formats above then set sizes and weights.
  const lastRow = Math.max(0, row - 1);
  const usedRange = span(0, 0, lastRow, columns.length - 1);
  layout.formats.unshift({ address: usedRange, fontName: SCORECARD_FONT, fontSize: REGISTER_FONT_SIZE });
  const registerLast = register.endRow - 1;
  const registerRange = span(0, 0, registerLast, columns.length - 1);
  registerLayout.formats.unshift({ address: registerRange, fontName: SCORECARD_FONT, fontSize: REGISTER_FONT_SIZE });
  const columnWidths = columns.map((c, col) => ({ col, width: c.width, hidden: c.hidden === true }));
  const dataBlocks = [state.block.build(), compared.block.build(), liveCells?.block.build() ?? null, charts.dataBlock?.build() ?? null].filter((b): b is NonNullable<typeof b> => b !== null);
  return {
    sheetName: options.sheetName,
    title,
    blocks: layout.blocks,
    formats: layout.formats,
    merges: layout.merges,
    columnWidths: [...columnWidths, ...(liveSettings?.widths.map((w) => ({ ...w, hidden: false })) ?? [])],
    rowHeights: layout.rowHeights(),
    textRules: layout.textRules,
    hyperlinks: layout.hyperlinks,
    charts: charts.charts,
    // The title stays in view.
    freeze: { rows: settings.organisation ? 2 : 1, columns: 0 },
    autoFilter: null,
    showGridlines: false,
    page: page(lastRow, layout.pageBreaksBefore, null),
    usedRange,
    dataSheet: { sheetName: dataSheetName, blocks: dataBlocks },
    register: {
      sheetName: registerSheet,
      blocks: registerLayout.blocks,
      formats: registerLayout.formats,
      merges: registerLayout.merges,
      columnWidths,
      rowHeights: registerLayout.rowHeights(),
      textRules: registerLayout.textRules,
      hyperlinks: registerLayout.hyperlinks,
      // The heading row stays in view as the KPIs scroll under it, and repeats on every printed page.
      freeze: { rows: 1, columns: 0 },
      // Filter buttons on the heading row, over every column shown (printed and beside the page).
      autoFilter: register.rows.length ? span(0, 0, registerLast, columns.filter((c) => !c.hidden).length - 1) : null,
      showGridlines: false,
      page: page(registerLast, registerLayout.pageBreaksBefore, "$1:$1"),
      usedRange: registerRange,
    },
    sections: [...layout.sections, ...registerLayout.sections.map((x) => ({ ...x, sheet: registerSheet }))],
    table: {
      headerRow: register.headerRow,
      rowCount: register.rows.length,
      columns,
      commentaryCol: colOf("commentary"),
      keyCol,
      sheetCol,
      ragCol: colOf("rag"),
      dotCol: colOf("dot"),
      printedColumns: printed.length,
    },
    rows: register.rows,
    legend,
    tiles: summary.tiles,
    summary: summary.summary,
    exceptions: summary.exceptions,
    changes,
    orphanedCommentary: orphaned,
    chartsOmitted: charts.omitted,
    source: { scan, options },
  };
}
