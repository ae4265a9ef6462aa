// applyScorecard on the headless host: what a user sees on the sheet, what survives regeneration,
// and what is never touched.
import ExcelJS from "exceljs";
import { newWorkbook, openWorkbook } from "../../src/host";
import type { HeadlessWorkbook } from "../../src/host";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";
import { applyScorecard, estimatedWriteBytes, readCommentary, ScorecardError } from "../../src/excel/applyScorecard";
import { buildScorecardSpec, KPI_COLUMNS } from "../../src/core/scorecard";
import type { ScorecardSpec } from "../../src/core/scorecard";
import type { ScanResult } from "../../src/core/types";
import { fig, kpi, milestone, scan, settings, syntheticScan } from "../core/scorecardScans";

const col = (header: string) => KPI_COLUMNS.findIndex((c) => c.header === header);

function specFor(s: ScanResult, sheetName = "Scorecard"): ScorecardSpec {
  return buildScorecardSpec(s, { sheetName, generatedAt: "2026-11-22T00:30:00Z", commentary: [], settings: settings() });
}

/** A workbook with source sheets holding a few values, so we can check they are left alone. */
async function workbookWith(sheetNames: string[]): Promise<HeadlessWorkbook> {
  const wb = newWorkbook();
  await wb.run(async (ctx) => {
    const first = ctx.workbook.worksheets.getItem("Sheet1");
    first.name = sheetNames[0];
    for (const n of sheetNames.slice(1)) ctx.workbook.worksheets.add(n);
    for (const n of sheetNames) {
      const r = ctx.workbook.worksheets.getItem(n).getRange("A1:C3");
      r.values = [["Ref", "Measure", "Latest"], ["K1", "Users' measure", 0.5], ["K2", "Other", 12]];
    }
    await ctx.sync();
  });
  return wb;
}

async function sheetNames(wb: HeadlessWorkbook): Promise<string[]> {
  return wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets;
    s.load("items/name");
    await ctx.sync();
    return s.items.map((x) => x.name);
  });
}

async function usedValues(wb: HeadlessWorkbook, sheet: string): Promise<(string | number | boolean)[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange();
    r.load("values");
    await ctx.sync();
    return r.values;
  });
}

/** The KPI rows as the sheet shows them: column header -> value, one object per KPI. */
async function kpiRows(wb: HeadlessWorkbook, spec: ScorecardSpec, sheet = spec.sheetName) {
  const values = await usedValues(wb, sheet);
  return values.slice(spec.table.firstRow, spec.table.firstRow + spec.table.rowCount).map((row) =>
    Object.fromEntries(KPI_COLUMNS.map((c, i) => [c.header, row[i]])),
  );
}

const board = scan([
  {
    sheet: "Board KPIs",
    kpis: [
      kpi({
        ref: "KPI 1",
        measure: "Timeliness of EHCP assessments",
        group: "Systems",
        sheet: "Board KPIs",
        sourceCell: "B2",
        latest: fig(0.13, "13%", "C2", "percent", "Jan 24"),
        previous: fig(0.1, "10%", "C3", "percent", "Dec 23"),
        currentTarget: fig(0.6, "60%", "D2"),
        dot: { direction: "up", judgement: "improving" },
        rag: "red",
        baseline: fig(0.05, "5%", "B2", "percent", "Apr 23"),
        milestones: [milestone("3 months", 0.3, 0.1, "D"), milestone("6 months", 0.6, 0.13, "E")],
      }),
      kpi({ ref: "KPI 2", measure: '=HYPERLINK("http://example.invalid","x")', group: "Systems", sheet: "Board KPIs", sourceCell: "B3", rag: "green", dot: { direction: "down", judgement: "worsening" } }),
      kpi({ ref: null, measure: "-5 days", group: "Inclusion", sheet: "Board KPIs", sourceCell: "B4", rag: "amber", dot: { direction: "flat", judgement: "no-change" } }),
    ],
  },
]);

describe("applyScorecard writes the sheet", () => {
  let wb: HeadlessWorkbook;
  let spec: ScorecardSpec;
  let result: Awaited<ReturnType<typeof applyScorecard>>;
  beforeAll(async () => {
    wb = await workbookWith(["Board KPIs"]);
    spec = specFor(board);
    result = await wb.run((ctx) => applyScorecard(ctx, spec));
  });

  test("one row per KPI with the RAG word and the DoT arrow and word", async () => {
    expect(result).toMatchObject({ sheetName: "Scorecard", renamedBecauseTaken: false, kpiRows: 3, charts: 2 });
    const rows = await kpiRows(wb, spec);
    expect(rows.map((r) => r.RAG)).toEqual(["Red", "Green", "Amber"]);
    expect(rows.map((r) => r["Direction of travel"])).toEqual(["▲ improving", "▼ worsening", "► no change"]);
    expect(rows[0].Ref).toBe("KPI 1");
    expect(rows[0].Latest).toBe(0.13);
    expect(rows[0]["Latest period"]).toBe("Jan 24");
    const values = await usedValues(wb, "Scorecard");
    expect(values[0][0]).toBe("KPI Scorecard – board.xlsx");
  });

  test("workbook text that looks like a formula is kept literally, never evaluated", async () => {
    const rows = await kpiRows(wb, spec);
    expect(rows[1].Measure).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(rows[2].Measure).toBe("-5 days");
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    const ws = saved.getWorksheet("Scorecard")!;
    for (const i of [1, 2]) {
      const c = ws.getCell(spec.table.firstRow + 1 + i, col("Measure") + 1);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  test("the RAG column has a contains-text rule for every RAG word", async () => {
    const rules = await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Scorecard").getRange(spec.textRules[0].address).conditionalFormats;
      cfs.load("items/type");
      await ctx.sync();
      const texts = cfs.items.map((cf) => cf.textComparison);
      texts.forEach((t) => t.load("rule"));
      await ctx.sync();
      return cfs.items.map((cf, i) => ({ type: cf.type, text: texts[i].rule.text }));
    });
    expect(rules.map((r) => r.type)).toEqual(Array(5).fill("ContainsText"));
    expect(rules.map((r) => r.text).sort()).toEqual(["Amber", "Blue", "Green", "Grey", "Red"]);
  });

  test("charts are saved with series ranges on the scorecard sheet", async () => {
    const charts = (await readChartsFromXlsx(await wb.save())).filter((c) => c.sheetName === "Scorecard");
    expect(charts.map((c) => c.kind)).toEqual(["ColumnStacked", "LineMarkers"]);
    expect(charts[0].series.map((s) => s.name)).toEqual(["Green", "Amber", "Red", "Grey"]);
    for (const c of charts) for (const s of c.series) expect(s.valuesRef).toMatch(/^Scorecard!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    const specSeries = spec.charts[0].series[0].values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    expect(charts[0].series[0].valuesRef).toBe(`Scorecard!${specSeries}`);
    expect(charts[1].series.map((s) => s.name)).toEqual(["Target", "Actual"]);
  });

  test("page setup: A4 landscape, one page wide, header row repeated; panes frozen", async () => {
    const page = await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Scorecard");
      sheet.pageLayout.load("orientation,paperSize,zoom");
      const titles = sheet.pageLayout.getPrintTitleRowsOrNullObject();
      titles.load("address");
      const frozen = sheet.freezePanes.getLocationOrNullObject();
      frozen.load("address");
      await ctx.sync();
      return { orientation: sheet.pageLayout.orientation, paper: sheet.pageLayout.paperSize, zoom: sheet.pageLayout.zoom, titles: titles.address, frozen: frozen.address };
    });
    expect(page.orientation).toBe("Landscape");
    expect(page.paper).toBe("A4");
    expect(page.zoom.horizontalFitToPages).toBe(1);
    expect(page.titles).toMatch(/\$?6:\$?6$/);
    expect(page.frozen).toMatch(/A1:B6$/);
    // And in the saved file a user opens.
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    const ws = saved.getWorksheet("Scorecard")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 6, showGridLines: false });
    // The workbook opens on the scorecard.
    expect(saved.views[0].activeTab).toBe(saved.worksheets.findIndex((w) => w.name === "Scorecard"));
  });

  test("Source cells link to the KPI's cell", async () => {
    const link = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Scorecard").getCell(spec.table.firstRow, col("Source"));
      r.load("hyperlink,values");
      await ctx.sync();
      return { link: r.hyperlink, value: r.values[0][0] };
    });
    expect(link.link.documentReference).toBe("'Board KPIs'!B2");
    expect(link.value).toBe("Board KPIs!B2");
  });

  test("source sheets are untouched", async () => {
    expect(await usedValues(wb, "Board KPIs")).toEqual([["Ref", "Measure", "Latest"], ["K1", "Users' measure", 0.5], ["K2", "Other", 12]]);
  });
});

describe("sync budget", () => {
  test.each([10, 100, 1000])("%i KPIs: at most 3 syncs, every request under 5 MB", async (n) => {
    const wb = await workbookWith(["KPIs"]);
    const spec = specFor(syntheticScan(n));
    // First run creates the sheet; the second replaces it (the 3-sync path).
    await wb.run((ctx) => applyScorecard(ctx, spec));
    wb.resetStats();
    const result = await wb.run((ctx) => applyScorecard(ctx, spec));
    const stats = { ...wb.stats };
    expect(result.syncs).toBe(stats.syncs);
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(result.kpiRows).toBe(n);
    const rows = await kpiRows(wb, spec);
    expect(rows).toHaveLength(n);
    expect(rows[n - 1].Ref).toBe(`K${n}`);
    console.log(`scorecard ${n} KPIs: syncs ${stats.syncs}, largest request ${stats.largestRequestBytes} B, largest response ${stats.largestResponseBytes} B`);
  });
});

describe("regeneration", () => {
  test("twice leaves one scorecard sheet, with commentary typed between runs intact", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    const spec = specFor(board);
    await wb.run((ctx) => applyScorecard(ctx, spec));
    // Someone types into the Commentary cell of the second KPI.
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").getCell(spec.table.firstRow + 1, spec.table.commentaryCol).values = [["Agreed at the March board"]];
      await ctx.sync();
    });
    expect((await wb.run((ctx) => readCommentary(ctx))).filter((c) => c.text)).toHaveLength(1);
    const second = await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(second.keptCommentary).toBe(1);
    expect((await sheetNames(wb)).filter((n) => n.startsWith("Scorecard"))).toEqual(["Scorecard"]);
    const rows = await kpiRows(wb, spec);
    expect(rows.map((r) => r.Commentary)).toEqual(["", "Agreed at the March board", ""]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect((await kpiRows(wb, spec))[1].Commentary).toBe("Agreed at the March board");
  });

  test("commentary whose KPI is gone is kept in its own block", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    const spec = specFor(board);
    await wb.run((ctx) => applyScorecard(ctx, spec));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").getCell(spec.table.firstRow, spec.table.commentaryCol).values = [["'=Owner: data team"]]; // typed with Excel's quote prefix
      await ctx.sync();
    });
    const fewer: ScanResult = { ...board, tables: [{ ...board.tables[0], kpis: board.tables[0].kpis.slice(1) }] };
    const result = await wb.run((ctx) => applyScorecard(ctx, specFor(fewer)));
    expect(result).toMatchObject({ kpiRows: 2, orphanedCommentary: 1 });
    const values = await usedValues(wb, "Scorecard");
    const heading = values.findIndex((r) => r[0] === "Commentary for KPIs no longer found");
    expect(heading).toBeGreaterThan(0);
    expect(values[heading + 2][0]).toBe("KPI 1");
    expect(values[heading + 2][spec.table.commentaryCol]).toBe("=Owner: data team");
    // And it survives yet another run.
    await wb.run((ctx) => applyScorecard(ctx, specFor(fewer)));
    expect((await wb.run((ctx) => readCommentary(ctx))).map((c) => c.text)).toContain("=Owner: data team");
  });

  test("a renamed scorecard is still found and replaced, not duplicated", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").name = "Feb board";
      await ctx.sync();
    });
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(await sheetNames(wb)).toEqual(["Board KPIs", "Scorecard"]);
  });
});

describe("sheets the add-in does not own", () => {
  test("a name taken by a user's sheet: the scorecard takes a free name and the user's sheet is untouched", async () => {
    const wb = await workbookWith(["Board KPIs", "Scorecard"]);
    const before = await usedValues(wb, "Scorecard");
    const result = await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(result).toMatchObject({ sheetName: "Scorecard (2)", renamedBecauseTaken: true });
    expect(await usedValues(wb, "Scorecard")).toEqual(before);
    // Regenerating replaces its own sheet, still leaving the user's alone.
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(await sheetNames(wb)).toEqual(["Board KPIs", "Scorecard", "Scorecard (2)"]);
    expect(await usedValues(wb, "Scorecard")).toEqual(before);
  });

  test("a protected scorecard sheet gives a clear message and nothing changes", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    const spec = specFor(board);
    await wb.run((ctx) => applyScorecard(ctx, spec));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").protection.protect();
      await ctx.sync();
    });
    const before = await usedValues(wb, "Scorecard");
    const fewer: ScanResult = { ...board, tables: [{ ...board.tables[0], kpis: board.tables[0].kpis.slice(1) }] };
    const attempt = wb.run((ctx) => applyScorecard(ctx, specFor(fewer)));
    await expect(attempt).rejects.toThrow(ScorecardError);
    await expect(wb.run((ctx) => applyScorecard(ctx, specFor(fewer)))).rejects.toThrow(
      "The scorecard sheet 'Scorecard' is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
    );
    expect(await usedValues(wb, "Scorecard")).toEqual(before);
    expect(await sheetNames(wb)).toEqual(["Board KPIs", "Scorecard"]);
  });
});

describe("awkward sheet names", () => {
  test("spaces, apostrophes and non-Latin letters work in links and chart references", async () => {
    const source = "Données 'SEND' – Лист";
    const target = "Tableau de bord – Ёж's";
    const s = scan([
      {
        sheet: source,
        kpis: [
          kpi({
            ref: "1",
            measure: "Мера",
            group: "Группа",
            sheet: source,
            sourceCell: "B2",
            rag: "green",
            milestones: [milestone("Q1", 0.2, 0.25, "C"), milestone("Q2", 0.3, 0.31, "D")],
          }),
        ],
      },
    ]);
    const wb = await workbookWith([source]);
    const spec = specFor(s, target);
    const result = await wb.run((ctx) => applyScorecard(ctx, spec));
    expect(result.sheetName).toBe(target);
    const link = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(target).getCell(spec.table.firstRow, col("Source"));
      r.load("hyperlink");
      await ctx.sync();
      return r.hyperlink;
    });
    expect(link.documentReference).toBe("'Données ''SEND'' – Лист'!B2");
    const charts = await readChartsFromXlsx(await wb.save());
    const quoted = "'Tableau de bord – Ёж''s'";
    expect(charts).toHaveLength(2);
    for (const c of charts) {
      expect(c.sheetName).toBe(target);
      for (const ser of c.series) expect(ser.valuesRef.startsWith(`${quoted}!`)).toBe(true);
    }
    // Regeneration finds the awkwardly named sheet again through its tag.
    await wb.run((ctx) => applyScorecard(ctx, spec));
    expect(await sheetNames(wb)).toEqual([source, target]);
  });
});

describe("limits", () => {
  test("the write estimate tracks the measured request, and a scorecard too large for one request is refused before any change", async () => {
    const wb = await workbookWith(["KPIs"]);
    const spec = specFor(syntheticScan(1000));
    wb.resetStats();
    await wb.run((ctx) => applyScorecard(ctx, spec));
    const est = estimatedWriteBytes(spec);
    expect(est).toBeLessThan(wb.stats.largestRequestBytes * 1.3);
    expect(est).toBeGreaterThan(wb.stats.largestRequestBytes * 0.7);

    const huge = specFor(syntheticScan(8000));
    const before = await sheetNames(wb);
    const valuesBefore = await usedValues(wb, "Scorecard");
    await expect(wb.run((ctx) => applyScorecard(ctx, huge))).rejects.toThrow(/too large to write in one go.*Leave some tables out/);
    expect(await sheetNames(wb)).toEqual(before);
    expect(await usedValues(wb, "Scorecard")).toEqual(valuesBefore);
  });

  test("a scorecard sheet the user deleted is simply created again", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").delete();
      await ctx.sync();
    });
    const again = await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(again.sheetName).toBe("Scorecard");
    expect(await sheetNames(wb)).toEqual(["Board KPIs", "Scorecard"]);
  });
});

describe("older Excel", () => {
  test("without ExcelApi 1.9 the sheet is still written, page setup is left out and the result says so", async () => {
    const wb = newWorkbook({ unsupportedRequirementSets: ["ExcelApi 1.9"] });
    const result = await wb.run((ctx) => applyScorecard(ctx, specFor(board), { isSetSupported: (n, v) => wb.isSetSupported(n, v) }));
    expect(result.kpiRows).toBe(3);
    expect(result.degraded).toContainEqual(expect.stringContaining("Page setup"));
    expect(result.degraded.some((d) => d.includes("conditional"))).toBe(false);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    expect(saved.getWorksheet("Scorecard")!.pageSetup.orientation).not.toBe("landscape");
  });
});

describe("a saved workbook re-opened", () => {
  test("the tag survives save and load, so the CLI regenerates rather than duplicates", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    const reopened = await openWorkbook(await wb.save());
    await reopened.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(await sheetNames(reopened)).toEqual(["Board KPIs", "Scorecard"]);
  });
});
