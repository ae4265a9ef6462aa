// applyScorecard on the headless host: what a user sees on the sheet, what survives regeneration,
// and what is never touched.
import ExcelJS from "exceljs";
import { newWorkbook, openWorkbook } from "../../src/host";
import type { HeadlessWorkbook } from "../../src/host";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";
import { applyScorecard, checkKpiCountFits, MAX_SCORECARD_KPIS, readCommentary, ScorecardError } from "../../src/excel/applyScorecard";
import { OWNED_DATA_SHEET_NAME, OWNED_REGISTER_SHEET_NAME, OWNED_SHEET_NAME } from "../../src/excel/scorecardOwnership";
import { buildScorecardSpec } from "../../src/core/scorecard";
import type { ScorecardSpec } from "../../src/core/scorecard";
import type { Settings } from "../../src/core/settings";
import type { ScanResult } from "../../src/core/types";
import { fig, kpi, milestone, scan, settings, syntheticScan } from "../core/scorecardScans";

function specFor(s: ScanResult, sheetName = "Scorecard", over: Partial<Settings> = {}): ScorecardSpec {
  return buildScorecardSpec(s, { sheetName, generatedAt: "2026-11-22T00:30:00Z", commentary: [], settings: settings(over) });
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

async function sheets(wb: HeadlessWorkbook): Promise<{ name: string; visibility: string }[]> {
  return wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets;
    s.load("items/name,items/visibility");
    await ctx.sync();
    return s.items.map((x) => ({ name: x.name, visibility: x.visibility }));
  });
}
const sheetNames = async (wb: HeadlessWorkbook) => (await sheets(wb)).map((s) => s.name);

async function sheetIds(wb: HeadlessWorkbook): Promise<Record<string, string>> {
  return wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets;
    s.load("items/name,items/id");
    await ctx.sync();
    return Object.fromEntries(s.items.map((x) => [x.name, x.id]));
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

/** The register rows as the sheet shows them: column id -> value, one object per KPI. */
async function registerRows(wb: HeadlessWorkbook, spec: ScorecardSpec, sheet = spec.register.sheetName) {
  const values = await usedValues(wb, sheet);
  return spec.rows.map((r) => Object.fromEntries(spec.table.columns.map((c, i) => [c.id, values[r.row][i]])));
}

async function savedWorkbook(wb: HeadlessWorkbook): Promise<ExcelJS.Workbook> {
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
  return saved;
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
      kpi({ ref: null, measure: "-5 days", group: "Inclusion", sheet: "Board KPIs", sourceCell: "B4", rag: "amber", latest: fig(0.55, "55%", "C4"), currentTarget: fig(0.6, "60%", "D4"), dot: { direction: "flat", judgement: "no-change" } }),
    ],
  },
]);

describe("applyScorecard writes the board paper", () => {
  let wb: HeadlessWorkbook;
  let spec: ScorecardSpec;
  let result: Awaited<ReturnType<typeof applyScorecard>>;
  beforeAll(async () => {
    wb = await workbookWith(["Board KPIs"]);
    spec = specFor(board);
    result = await wb.run((ctx) => applyScorecard(ctx, spec));
  });

  test("page 1, then the register on a sheet of its own: one row per KPI with its RAG word and DoT arrow and word", async () => {
    expect(result).toMatchObject({ sheetName: "Scorecard", renamedBecauseTaken: false, kpiRows: 3, dataSheetName: "KPI Scorecard data", registerSheetName: "Scorecard register", changedSinceLast: null });
    const rows = await registerRows(wb, spec);
    expect(rows.map((r) => r.rag)).toEqual(["Red", "Green", "Amber"]);
    expect(rows.map((r) => r.dot)).toEqual(["▲ improving", "▼ worsening", "► no change"]);
    expect(rows[0].ref).toBe("KPI 1");
    expect(rows[0].latest).toBe(0.13);
    const values = await usedValues(wb, "Scorecard");
    expect(values[0][0]).toBe("KPI Scorecard");
    expect(values.flat()).toContain("Exceptions: every Red and Amber KPI, worst first (2)");
  });

  test("the scorecard is placed first among the sheets, its register right after it; its data sheet is hidden; all are tagged", async () => {
    expect(await sheets(wb)).toEqual([
      { name: "Scorecard", visibility: "Visible" },
      { name: "Scorecard register", visibility: "Visible" },
      { name: "Board KPIs", visibility: "Visible" },
      { name: "KPI Scorecard data", visibility: "Hidden" },
    ]);
    const tags = await wb.run(async (ctx) => {
      const named = [OWNED_SHEET_NAME, OWNED_DATA_SHEET_NAME, OWNED_REGISTER_SHEET_NAME].map((n) => ctx.workbook.names.getItem(n));
      named.forEach((n) => n.load("formula"));
      await ctx.sync();
      return named.map((n) => n.formula);
    });
    expect(tags).toEqual(["=Scorecard!$A$1", "='KPI Scorecard data'!$A$1", "='Scorecard register'!$A$1"]);
  });

  test("workbook text that looks like a formula is kept literally, never evaluated", async () => {
    const rows = await registerRows(wb, spec);
    expect(rows[1].measure).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(rows[2].measure).toBe("-5 days");
    const ws = (await savedWorkbook(wb)).getWorksheet("Scorecard register")!;
    for (const i of [1, 2]) {
      const c = ws.getCell(spec.rows[i].row + 1, spec.table.columns.findIndex((x) => x.id === "measure") + 1);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  test("the RAG cells of the register and of the exceptions have a contains-text rule for every RAG word", async () => {
    const rulesOn = (sheet: string, range: string) =>
      wb.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem(sheet).getRange(range).conditionalFormats;
        cfs.load("items/type");
        await ctx.sync();
        const texts = cfs.items.map((cf) => cf.textComparison);
        texts.forEach((t) => t.load("rule"));
        await ctx.sync();
        return cfs.items.map((cf, i) => ({ type: cf.type, text: texts[i].rule.text }));
      });
    for (const rules of [await rulesOn("Scorecard", spec.usedRange), await rulesOn("Scorecard register", spec.register.usedRange)]) {
      expect(rules.map((r) => r.type)).toEqual(Array(5).fill("ContainsText"));
      expect(rules.map((r) => r.text).sort()).toEqual(["Amber", "Blue", "Green", "Grey", "Red"]);
    }
  });

  test("charts plot the hidden data sheet's cells, never hidden columns, and are drawn with their values", async () => {
    const charts = (await readChartsFromXlsx(await wb.save())).filter((c) => c.sheetName === "Scorecard");
    // RAG by group (two groups), then the exceptions worst first: KPI 1's trajectory, the Amber KPI's columns with
    // its target a point of a line on the latest's period (one axis).
    expect(charts.map((c) => c.kind)).toEqual(["BarStacked", "LineMarkers", "ColumnClustered"]);
    expect(charts[2].series.map((s) => [s.name, s.kind])).toEqual([
      ["Actual", "ColumnClustered"],
      [expect.stringMatching(/^Target/), "LineMarkers"],
    ]);
    expect(charts[1].series.map((s) => s.name)).toEqual(["Target", "Actual"]);
    const hiddenCols = spec.columnWidths.filter((w) => w.hidden).map((w) => w.col);
    charts.forEach((c, i) => {
      expect(c.plotVisibleOnly).toBe(true);
      for (const s of c.series) {
        // A range, or one cell for a KPI with a latest figure only.
        expect(s.valuesRef).toMatch(/^'KPI Scorecard data'!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/);
        // Values written as the spec says: every series but a target whose labels would sit on the actual's.
        const said = spec.charts[i].series.find((x) => x.name === s.name)!;
        expect([s.name, s.dataLabels]).toEqual([s.name, said.labels !== false]);
        if (!/^Target/.test(s.name ?? "")) expect(s.dataLabels).toBe(true);
      }
      // Plotted: the cache holds the values (a series on hidden cells would cache none).
      expect(c.series.flatMap((s) => s.values).filter((v) => v !== null).length).toBeGreaterThan(0);
    });
    expect(hiddenCols.length).toBe(2);
    expect(charts[1].series[1].values).toEqual([0.05, 0.1, 0.13]);
    expect(charts[1]).toMatchObject({ valueAxisTitle: "Per cent", valueAxisMinimum: 0 });
    expect(charts[0]).toMatchObject({ valueAxisTitle: "Number of KPIs", valueAxisMinimum: 0 });
  });

  test("page setup in the saved file: A4 landscape one page wide, narrow margins, header, Page X of Y footer, print area and titles; panes frozen", async () => {
    const saved = await savedWorkbook(wb);
    for (const name of ["Scorecard", "Scorecard register"]) {
      const ws = saved.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      const m = ws.pageSetup.margins!;
      expect([m.left, m.right, m.top, m.bottom, m.header, m.footer].map((x) => Math.round(x * 100) / 100)).toEqual([0.25, 0.25, 0.5, 0.5, 0.2, 0.2]);
      expect(ws.headerFooter.oddHeader).toBe("&CKPI Scorecard");
      expect(ws.headerFooter.oddFooter).toBe("&CPage &P of &N · Reporting date 29 Feb 2024");
      // The scorecard's title row, and the register's heading row, stay in view.
      expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 1, showGridLines: false });
    }
    const page = await wb.run(async (ctx) => {
      const read = (name: string) => {
        const sheet = ctx.workbook.worksheets.getItem(name);
        const titles = sheet.pageLayout.getPrintTitleRowsOrNullObject();
        const area = sheet.pageLayout.getPrintAreaOrNullObject();
        titles.load("address");
        area.load("address");
        return { titles, area };
      };
      const [a, b] = [read("Scorecard"), read("Scorecard register")];
      await ctx.sync();
      return { titles: [a.titles.isNullObject ? null : a.titles.address, b.titles.address], area: [a.area.address, b.area.address] };
    });
    // The register's heading row is its first, repeated on every printed page of it.
    expect(spec.table.headerRow).toBe(0);
    expect(page.titles).toEqual([null, "'Scorecard register'!1:1"]);
    expect(page.area).toEqual([`Scorecard!${spec.page.printArea}`, `'Scorecard register'!${spec.register.page.printArea}`]);
    // The workbook opens on the scorecard.
    expect(saved.views[0].activeTab).toBe(saved.worksheets.findIndex((w) => w.name === "Scorecard"));
  });

  test("the key columns are hidden, and the Source link (the last printed column) goes to the KPI's cell and prints its address", async () => {
    const ws = (await savedWorkbook(wb)).getWorksheet("Scorecard register")!;
    for (const w of spec.register.columnWidths.filter((x) => x.hidden)) expect(ws.getColumn(w.col + 1).hidden).toBe(true);
    const sourceCol = spec.table.columns.findIndex((c) => c.id === "source");
    expect(sourceCol).toBe(spec.table.printedColumns - 1);
    const link = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Scorecard register").getCell(spec.rows[0].row, sourceCol);
      r.load("hyperlink,values");
      await ctx.sync();
      return { link: r.hyperlink, value: r.values[0][0] };
    });
    expect(link.link.documentReference).toBe("'Board KPIs'!B2");
    // The group is on one sheet (its heading names it): the cell's address is enough.
    expect(link.value).toBe("B2");
  });

  test("on screen, the register's heading row stays in view and has filter buttons; the scorecard has none", async () => {
    const saved = await savedWorkbook(wb);
    const register = saved.getWorksheet("Scorecard register")!;
    expect(register.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(register.getRow(1).getCell(1).value).toBe("Ref");
    const lastShown = spec.table.columns.filter((c) => !c.hidden).length;
    expect(register.autoFilter).toBe(`A1:${String.fromCharCode(64 + lastShown)}${spec.rows.at(-1)!.row + 1}`);
    expect(saved.getWorksheet("Scorecard")!.autoFilter).toBeFalsy();
  });

  test("the pane's links: the summary, the exceptions, the charts and each group", () => {
    expect(result.sections.map((s) => [s.id, s.label])).toEqual(
      expect.arrayContaining([
        ["summary", "Summary"],
        ["exceptions", "Exceptions (2)"],
        ["group", "Systems"],
        ["group", "Inclusion"],
      ]),
    );
    // The register and its groups are on the register's sheet, from its heading row.
    expect(result.sections.filter((x) => x.id === "register" || x.id === "group").map((x) => x.sheet)).toEqual(["Scorecard register", "Scorecard register", "Scorecard register"]);
    expect(result.sections.find((x) => x.id === "register")!.cell).toBe("A1");
  });

  test("source sheets are untouched", async () => {
    expect(await usedValues(wb, "Board KPIs")).toEqual([["Ref", "Measure", "Latest"], ["K1", "Users' measure", 0.5], ["K2", "Other", 12]]);
  });
});

describe("what real Excel needs", () => {
  test("panes are frozen on the scorecard even when another sheet was active (activated first, as Excel needs)", async () => {
    const wb = await workbookWith(["Board KPIs", "Notes"]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").activate();
      await ctx.sync();
    });
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    const frozen = await wb.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("Scorecard").freezePanes.getLocationOrNullObject();
      f.load("address");
      await ctx.sync();
      return f.isNullObject ? null : f.address;
    });
    expect(frozen).toMatch(/!(\$?1:\$?1|A1:XFD1)$/);
  });

  test("made again with another sheet active, both the register's heading and the scorecard's title stay frozen: each sheet's panes are set only while it is the active one", async () => {
    const wb = await workbookWith(["Board KPIs", "Notes"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    for (const active of ["Notes", "Scorecard register"]) {
      await wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(active).activate();
        await ctx.sync();
      });
      await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
      const saved = await savedWorkbook(wb);
      expect([active, saved.getWorksheet("Scorecard register")!.views[0]]).toEqual([active, expect.objectContaining({ state: "frozen", ySplit: 1 })]);
      expect([active, saved.getWorksheet("Scorecard")!.views[0]]).toEqual([active, expect.objectContaining({ state: "frozen", ySplit: 1 })]);
    }
  });

  test("what Excel would refuse part-way (a colour that is not one) is refused before the first write, and nothing changes", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    const before = await sheetNames(wb);
    const bad = specFor(board);
    bad.formats.push({ address: "A1", fill: "not a colour" });
    const attempt = wb.run((ctx) => applyScorecard(ctx, bad));
    await expect(attempt).rejects.toMatchObject({ reason: "unwritable", message: expect.stringMatching(/"not a colour" at A1 is not a colour.*nothing was changed|nothing was changed.*"not a colour" at A1 is not a colour/) });
    expect(await sheetNames(wb)).toEqual(before);
    // The reads before the write, and no write.
    expect(wb.stats.log.every((l) => l.failedAt === undefined)).toBe(true);
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
    const rows = await registerRows(wb, spec);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.ref))).toEqual(new Set(Array.from({ length: n }, (_, i) => `K${i + 1}`)));
  });
});

describe("regeneration", () => {
  test("keeps commentary typed in the register or on page 1, and says what changed since the last scorecard", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    const spec = specFor(board);
    await wb.run((ctx) => applyScorecard(ctx, spec));
    // Someone types into the register's Commentary cell of the second KPI, and into the exception row of the first.
    const values = await usedValues(wb, "Scorecard");
    const exceptionRow = values.findIndex((r) => r[spec.table.keyCol] === "Board KPIs!KPI 1");
    const exceptionCommentCol = values.find((r) => r.includes("Latest against target"))!.indexOf("Commentary");
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard register").getCell(spec.rows[1].row, spec.table.commentaryCol).values = [["Agreed at the March board"]];
      ctx.workbook.worksheets.getItem("Scorecard").getCell(exceptionRow, exceptionCommentCol).values = [["Recovery plan in place"]];
      await ctx.sync();
    });
    expect((await wb.run((ctx) => readCommentary(ctx))).filter((c) => c.text)).toHaveLength(2);

    // Next month KPI 1 improves to Amber.
    const next: ScanResult = { ...board, tables: [{ ...board.tables[0], kpis: [{ ...board.tables[0].kpis[0], rag: "amber" }, ...board.tables[0].kpis.slice(1)] }] };
    const second = await wb.run((ctx) => applyScorecard(ctx, specFor(next)));
    expect(second).toMatchObject({ keptCommentary: 2, changedSinceLast: 1 });
    // Regenerated in place: no second scorecard, register or data sheet.
    expect((await sheetNames(wb)).filter((n) => n.startsWith("Scorecard") || n.startsWith("KPI Scorecard data"))).toEqual(["Scorecard", "Scorecard register", "KPI Scorecard data"]);
    const after = await usedValues(wb, "Scorecard");
    expect(after.flat()).toContain("Better: KPI 1 – Timeliness of EHCP assessments — Red → Amber");
    expect(after.flat()).toContain("Recovery plan in place");
    expect((await usedValues(wb, "Scorecard register")).flat()).toContain("Agreed at the March board");
    // And again for the same reporting date: still compared with the first scorecard for it, so the change stays;
    // the commentary is still there.
    const third = await wb.run((ctx) => applyScorecard(ctx, specFor(next)));
    expect(third.changedSinceLast).toBe(1);
    expect((await usedValues(wb, "Scorecard")).flat()).toContain("Better: KPI 1 – Timeliness of EHCP assessments — Red → Amber");
    // A month on, unchanged: nothing changed since the last scorecard.
    const fourth = await wb.run((ctx) => applyScorecard(ctx, specFor({ ...next, asOf: "2024-03-31" })));
    expect(fourth.changedSinceLast).toBe(0);
    expect((await usedValues(wb, "Scorecard")).flat().some((v) => typeof v === "string" && v.endsWith(": no KPI has changed its RAG rating."))).toBe(true);
    expect((await wb.run((ctx) => readCommentary(ctx))).map((c) => c.text)).toEqual(expect.arrayContaining(["Recovery plan in place", "Agreed at the March board"]));
  });

  test("commentary whose KPI is gone is kept in its own block", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    const spec = specFor(board);
    await wb.run((ctx) => applyScorecard(ctx, spec));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard register").getCell(spec.rows[0].row, spec.table.commentaryCol).values = [["'=Owner: data team"]]; // typed with Excel's quote prefix
      await ctx.sync();
    });
    const fewer: ScanResult = { ...board, tables: [{ ...board.tables[0], kpis: board.tables[0].kpis.slice(1) }] };
    const result = await wb.run((ctx) => applyScorecard(ctx, specFor(fewer)));
    expect(result).toMatchObject({ kpiRows: 2, orphanedCommentary: 1 });
    const values = await usedValues(wb, "Scorecard");
    expect(values.flat()).toContain("Commentary for KPIs no longer found");
    expect(values.flat()).toContain("=Owner: data team");
    await wb.run((ctx) => applyScorecard(ctx, specFor(fewer)));
    expect((await wb.run((ctx) => readCommentary(ctx))).map((c) => c.text)).toContain("=Owner: data team");
  });

  test("a scorecard a person renamed and moved keeps its name, id and place; with placement 'last' it stays where it was", async () => {
    const wb = await workbookWith(["Board KPIs", "Notes"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board, "Scorecard", { scorecardPlacement: "last" })));
    const id = (await sheetIds(wb))["Scorecard"];
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Scorecard");
      ws.name = "Feb board";
      ws.position = 1;
      await ctx.sync();
    });
    const again = await wb.run((ctx) => applyScorecard(ctx, specFor(board, "Scorecard", { scorecardPlacement: "last" })));
    expect(again).toMatchObject({ sheetName: "Feb board", inPlace: true });
    // The register follows it, right after it.
    expect(await sheetNames(wb)).toEqual(["Board KPIs", "Feb board", "Scorecard register", "Notes", "KPI Scorecard data"]);
    expect((await sheetIds(wb))["Feb board"]).toBe(id);
  });

  test("a new scorecard sheet name in the settings renames the scorecard, in place", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    const id = (await sheetIds(wb))["Scorecard"];
    const registerId = (await sheetIds(wb))["Scorecard register"];
    const again = await wb.run((ctx) => applyScorecard(ctx, specFor(board, "March board")));
    expect(again).toMatchObject({ sheetName: "March board", registerSheetName: "March board register", inPlace: true });
    expect((await sheetIds(wb))["March board"]).toBe(id);
    // The register is renamed with it, in place: no orphan sheet left behind.
    expect((await sheetIds(wb))["March board register"]).toBe(registerId);
    expect(await sheetNames(wb)).toEqual(["March board", "March board register", "Board KPIs", "KPI Scorecard data"]);
  });
});

describe("sheets the add-in does not own", () => {
  test("names taken by a user's sheets: the scorecard and its data sheet take free names and the user's sheets are untouched", async () => {
    const wb = await workbookWith(["Board KPIs", "Scorecard", "KPI Scorecard data"]);
    const before = await usedValues(wb, "Scorecard");
    const result = await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(result).toMatchObject({ sheetName: "Scorecard (2)", renamedBecauseTaken: true, dataSheetName: "KPI Scorecard data (2)" });
    expect(await usedValues(wb, "Scorecard")).toEqual(before);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect((await sheetNames(wb)).sort()).toEqual(["Board KPIs", "KPI Scorecard data", "KPI Scorecard data (2)", "Scorecard", "Scorecard (2)", "Scorecard (2) register"]);
    expect(await usedValues(wb, "Scorecard")).toEqual(before);
  });

  test("a protected scorecard sheet gives a clear message and nothing changes", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").protection.protect();
      await ctx.sync();
    });
    const before = await usedValues(wb, "Scorecard");
    const names = await sheetNames(wb);
    const attempt = wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    await expect(attempt).rejects.toThrow(ScorecardError);
    await expect(wb.run((ctx) => applyScorecard(ctx, specFor(board)))).rejects.toThrow(
      "The scorecard sheet 'Scorecard' is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
    );
    expect(await usedValues(wb, "Scorecard")).toEqual(before);
    expect(await sheetNames(wb)).toEqual(names);
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
          kpi({ ref: "1", measure: "Мера", group: "Группа", sheet: source, sourceCell: "B2", rag: "green", milestones: [milestone("Q1", 0.2, 0.25, "C"), milestone("Q2", 0.3, 0.31, "D")] }),
        ],
      },
    ]);
    const wb = await workbookWith([source]);
    const spec = specFor(s, target);
    const result = await wb.run((ctx) => applyScorecard(ctx, spec));
    expect(result.sheetName).toBe(target);
    const link = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(`${target} register`).getCell(spec.rows[0].row, spec.table.columns.findIndex((c) => c.id === "source"));
      r.load("hyperlink");
      await ctx.sync();
      return r.hyperlink;
    });
    expect(link.documentReference).toBe("'Données ''SEND'' – Лист'!B2");
    const charts = await readChartsFromXlsx(await wb.save());
    expect(charts).toHaveLength(1);
    expect(charts[0].sheetName).toBe(target);
    await wb.run((ctx) => applyScorecard(ctx, spec));
    expect(await sheetNames(wb)).toEqual([target, `${target} register`, source, "KPI Scorecard data"]);
  });
});

describe("limits", () => {
  test("more KPIs than a scorecard holds are refused before the scorecard is built; up to that, it is written", () => {
    expect(() => checkKpiCountFits(MAX_SCORECARD_KPIS)).not.toThrow();
    expect(() => checkKpiCountFits(MAX_SCORECARD_KPIS + 1)).toThrow(/^The scorecard for 20,001 KPIs is too large to write .*Leave some tables out/);
  });

  test("scorecard, register and data sheets the user deleted are simply created again", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").delete();
      ctx.workbook.worksheets.getItem("KPI Scorecard data").delete();
      await ctx.sync();
    });
    const again = await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(again.sheetName).toBe("Scorecard");
    expect(await sheetNames(wb)).toEqual(["Scorecard", "Scorecard register", "Board KPIs", "KPI Scorecard data"]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard register").delete();
      await ctx.sync();
    });
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(await sheetNames(wb)).toEqual(["Scorecard", "Scorecard register", "Board KPIs", "KPI Scorecard data"]);
  });
});

describe("older Excel", () => {
  test("without ExcelApi 1.9 the sheet is still written, page setup is left out and the result says so", async () => {
    const wb = newWorkbook({ unsupportedRequirementSets: ["ExcelApi 1.9"] });
    const result = await wb.run((ctx) => applyScorecard(ctx, specFor(board), { isSetSupported: (n, v) => wb.isSetSupported(n, v) }));
    expect(result.kpiRows).toBe(3);
    expect(result.degraded).toContainEqual(expect.stringContaining("Page setup"));
    expect(result.degraded.some((d) => d.includes("conditional"))).toBe(false);
    expect((await savedWorkbook(wb)).getWorksheet("Scorecard")!.pageSetup.orientation).not.toBe("landscape");
  });
});

describe("Excel without ExcelApi 1.8", () => {
  test("the charts are still drawn with their values, without the axis formats and label colours, and the result says so", async () => {
    const wb = newWorkbook({ unsupportedRequirementSets: ["ExcelApi 1.8"] });
    const result = await wb.run((ctx) => applyScorecard(ctx, specFor(board), { isSetSupported: (n, v) => wb.isSetSupported(n, v) }));
    expect(result.degraded).toContainEqual(expect.stringContaining("Chart axis formats"));
    const charts = await readChartsFromXlsx(await wb.save());
    expect(charts.length).toBe(result.charts);
    // Every actual's values written (a target's are left off where they would sit on the actual's).
    expect(charts.every((c) => c.series.every((s) => s.dataLabels || /^Target/.test(s.name ?? "")))).toBe(true);
    expect(charts.every((c) => c.series.some((s) => s.dataLabels))).toBe(true);
  });
});

describe("a saved workbook re-opened", () => {
  test("the tags survive save and load, so the CLI regenerates rather than duplicates, and knows what the last scorecard said", async () => {
    const wb = await workbookWith(["Board KPIs"]);
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    const reopened = await openWorkbook(await wb.save());
    const again = await reopened.run((ctx) => applyScorecard(ctx, specFor(board)));
    expect(again.changedSinceLast).toBe(0);
    expect(await sheets(reopened)).toEqual([
      { name: "Scorecard", visibility: "Visible" },
      { name: "Scorecard register", visibility: "Visible" },
      { name: "Board KPIs", visibility: "Visible" },
      { name: "KPI Scorecard data", visibility: "Hidden" },
    ]);
  });
});
