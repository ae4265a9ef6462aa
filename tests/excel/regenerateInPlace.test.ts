// Regenerating the scorecard updates its sheets in place: their ids, the references other sheets hold to
// them, notes and cells people added outside the written area, and commentary survive; a write that stops at
// any of its commands leaves a scorecard that says it is incomplete, which the next run repairs; two
// co-authors regenerating at once end with one scorecard; and a regeneration clears no undo.
import ExcelJS from "exceljs";
import { newWorkbook, openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { applyScorecard } from "../../src/excel/applyScorecard";
import { INCOMPLETE_MARKER, OWNED_SHEET_NAME } from "../../src/excel/scorecardOwnership";
import { buildScorecardSpec, type ScorecardSpec } from "../../src/core/scorecard";
import type { Settings } from "../../src/core/settings";
import type { ScanResult } from "../../src/core/types";
import { fig, kpi, milestone, scan, settings } from "../core/scorecardScans";

function specFor(s: ScanResult, over: Partial<Settings> = {}): ScorecardSpec {
  return buildScorecardSpec(s, { sheetName: "Scorecard", generatedAt: "2026-11-22T00:30:00Z", commentary: [], settings: settings({ asOf: "2024-02-29", ...over }) });
}

const board = scan([
  {
    sheet: "Board KPIs",
    kpis: [
      kpi({
        ref: "KPI 1", measure: "Timeliness of EHCP assessments", group: "Systems", sheet: "Board KPIs", sourceCell: "B2", rag: "red",
        latest: fig(0.13, "13%", "C2", "percent", "Jan 24"), currentTarget: fig(0.6, "60%", "D2"),
        milestones: [milestone("3 months", 0.3, 0.1, "D"), milestone("6 months", 0.6, 0.13, "E")],
      }),
      kpi({ ref: "KPI 2", measure: "Plans issued", group: "Systems", sheet: "Board KPIs", sourceCell: "B3", rag: "green" }),
    ],
  },
]);

async function sheetList(wb: HeadlessWorkbook): Promise<{ id: string; name: string; visibility: string }[]> {
  return wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets;
    s.load("items/id,items/name,items/visibility");
    await ctx.sync();
    return s.items.map((x) => ({ id: x.id, name: x.name, visibility: x.visibility }));
  });
}

async function cells(wb: HeadlessWorkbook, sheet: string, address: string, what: "values" | "formulas" = "values"): Promise<unknown[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.load(what);
    await ctx.sync();
    return r[what];
  });
}

async function used(wb: HeadlessWorkbook, sheet: string): Promise<unknown[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true);
    r.load("values");
    await ctx.sync();
    return r.values;
  });
}

/** A workbook with its scorecard, a summary sheet pointing into it, and a person's own cell beside it. */
async function withScorecard(spec: ScorecardSpec): Promise<{ wb: HeadlessWorkbook; ownCell: string; pointed: string }> {
  const wb = newWorkbook();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").name = "Board KPIs";
    ctx.workbook.worksheets.add("Summary");
    await ctx.sync();
  });
  await wb.run((ctx) => applyScorecard(ctx, spec));
  const pointed = `B${spec.table.headerRow + 2}`; // the first KPI's row of the register
  const ownCell = `A${spec.table.headerRow + spec.table.rowCount + 60}`; // well below what the add-in writes
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Summary").getRange("A1").formulas = [[`=Scorecard!${pointed}`]];
    ctx.workbook.worksheets.getItem("Scorecard").getRange(ownCell).values = [["A note of my own"]];
    await ctx.sync();
  });
  return { wb, ownCell, pointed };
}

describe("regenerating in place", () => {
  test("twice keeps the scorecard sheet's id, a formula on another sheet pointing at it, and a person's own cell; it clears no undo", async () => {
    const spec = specFor(board);
    const { wb, ownCell, pointed } = await withScorecard(spec);
    const before = await sheetList(wb);
    wb.resetStats();
    for (let i = 0; i < 2; i++) {
      const r = await wb.run((ctx) => applyScorecard(ctx, spec));
      expect(r).toMatchObject({ inPlace: true, sheetName: "Scorecard", syncs: 3 });
    }
    expect(await sheetList(wb)).toEqual(before);
    expect(await cells(wb, "Summary", "A1", "formulas")).toEqual([[`=Scorecard!${pointed}`]]);
    expect(await cells(wb, "Scorecard", ownCell)).toEqual([["A note of my own"]]);
    expect(wb.stats.undoClears).toEqual([]);
  });

  test("what clears the undo list: only the first write (the tags' comments on the web; moving and hiding sheets on Windows and Mac), and before ExcelApi 1.20 every write", async () => {
    const spec = specFor(board);
    const wb = newWorkbook();
    await wb.run((ctx) => applyScorecard(ctx, spec));
    // Three tags (scorecard, data, register); the scorecard moved first and its register beside it; the data hidden.
    expect(wb.stats.undoClears.map((u) => [u.api, u.platforms])).toEqual([
      ["NamedItem.comment", "web"],
      ["NamedItem.comment", "web"],
      ["NamedItem.comment", "web"],
      ["Worksheet.position", "desktop"],
      ["Worksheet.position", "desktop"],
      ["Worksheet.visibility", "desktop"],
    ]);
    const old = newWorkbook({ unsupportedRequirementSets: ["ExcelApi 1.20"] });
    await old.run((ctx) => applyScorecard(ctx, spec));
    old.resetStats();
    await old.run((ctx) => applyScorecard(ctx, spec));
    // In place: 3 syncs, one of which writes (the others read).
    expect(old.stats.syncs).toBe(3);
    expect(old.stats.undoClears.map((u) => u.api)).toEqual(["any change to the workbook (before ExcelApi 1.20)"]);
  });

  test("keeps a note a board member left on a scorecard cell, through save and open", async () => {
    const spec = specFor(board);
    const { wb } = await withScorecard(spec);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    const cell = `C${spec.table.headerRow + 2}`;
    book.getWorksheet("Scorecard")!.getCell(cell).note = "Checked with the data team";
    const reopened = await openWorkbook(new Uint8Array(await book.xlsx.writeBuffer()));
    await reopened.run((ctx) => applyScorecard(ctx, spec));
    const after = new ExcelJS.Workbook();
    await after.xlsx.load((await reopened.save()) as unknown as ArrayBuffer);
    const note = after.getWorksheet("Scorecard")!.getCell(cell).note;
    expect(typeof note === "string" ? note : JSON.stringify(note)).toContain("Checked with the data team");
  });

  test("clears what the last scorecard wrote where this one writes nothing: no stale rows when KPIs go", async () => {
    const spec = specFor(board);
    const { wb, ownCell } = await withScorecard(spec);
    const fewer: ScanResult = { ...board, tables: [{ ...board.tables[0], kpis: board.tables[0].kpis.slice(0, 1) }] };
    const smaller = specFor(fewer);
    await wb.run((ctx) => applyScorecard(ctx, smaller));
    const flat = (await used(wb, "Scorecard")).flat();
    expect(flat).not.toContain("Plans issued");
    expect(flat).toContain("A note of my own");
    expect(await cells(wb, "Scorecard", ownCell)).toEqual([["A note of my own"]]);
  });
});

describe("a write that stops part-way", () => {
  test("at each of its commands in turn leaves a readable scorecard that says it is incomplete, and the next run repairs it", async () => {
    const spec = specFor(board);
    const { wb, pointed } = await withScorecard(spec);
    const ids = await sheetList(wb);
    await wb.run((ctx) => applyScorecard(ctx, spec));
    const commands = wb.stats.log[wb.stats.log.length - 1].commands;
    const clean = await used(wb, "Scorecard");
    expect(commands).toBeGreaterThan(100);
    for (let k = 0; k < commands; k++) {
      wb.injectFault(wb.stats.syncs + 3, k);
      await expect(wb.run((ctx) => applyScorecard(ctx, spec))).rejects.toMatchObject({ code: "GeneralException" });
      const left = await used(wb, "Scorecard");
      // Readable: the sheet, its id and tag, the reference to it; A1 says the write is incomplete once it has begun on the sheet.
      expect(await sheetList(wb)).toEqual(ids);
      expect(left.length).toBeGreaterThan(spec.table.headerRow);
      expect([INCOMPLETE_MARKER, "KPI Scorecard"]).toContain(left[0][0]);
      expect(await cells(wb, "Summary", "A1", "formulas")).toEqual([[`=Scorecard!${pointed}`]]);
      await wb.run((ctx) => applyScorecard(ctx, spec));
      expect(await used(wb, "Scorecard")).toEqual(clean);
    }
  }, 600_000);

  test("the first write, stopped at each of its first commands (sheets, tags, data sheet), is finished by the next run with one scorecard", async () => {
    const spec = specFor(board);
    const probe = newWorkbook();
    await probe.run((ctx) => applyScorecard(ctx, spec));
    const commands = probe.stats.log[probe.stats.log.length - 1].commands;
    // The first scorecard, or (when the stopped write got as far as the data sheet's state) a second one.
    const first = await used(probe, "Scorecard");
    await probe.run((ctx) => applyScorecard(ctx, spec));
    const second = await used(probe, "Scorecard");
    // Past its first commands a first write is a write in place, which the test above stops at every command.
    for (let k = 0; k < Math.min(commands, 80); k++) {
      const wb = newWorkbook();
      wb.injectFault(2, k);
      await expect(wb.run((ctx) => applyScorecard(ctx, spec))).rejects.toMatchObject({ code: "GeneralException" });
      await wb.run((ctx) => applyScorecard(ctx, spec));
      expect((await sheetList(wb)).map((s) => s.name)).toEqual(["Scorecard", "Scorecard register", "Sheet1", "KPI Scorecard data"]);
      expect([first, second]).toContainEqual(await used(wb, "Scorecard"));
    }
  }, 600_000);
});

describe("two co-authors", () => {
  test.each([["the first scorecard", false], ["an existing one", true]])("regenerating %s at the same moment end with one scorecard", async (_what, existing) => {
    const spec = specFor(board);
    const alice = newWorkbook();
    const bob = alice.coauthor();
    if (existing) await alice.run((ctx) => applyScorecard(ctx, spec));
    const [a, b] = await Promise.all([alice.run((ctx) => applyScorecard(ctx, spec)), bob.run((ctx) => applyScorecard(ctx, spec))]);
    expect([a.sheetName, b.sheetName]).toEqual(["Scorecard", "Scorecard"]);
    expect((await sheetList(alice)).map((s) => s.name)).toEqual(["Scorecard", "Scorecard register", "Sheet1", "KPI Scorecard data"]);
    const tag = await bob.run(async (ctx) => {
      const t = ctx.workbook.names.getItem(OWNED_SHEET_NAME);
      t.load("formula");
      await ctx.sync();
      return t.formula;
    });
    expect(tag).toBe("=Scorecard!$A$1");
  });
});

describe("before the first write", () => {
  test("a workbook whose structure is protected gets a clear message and no change", async () => {
    const wb = newWorkbook({ structureProtected: true });
    await expect(wb.run((ctx) => applyScorecard(ctx, specFor(board)))).rejects.toMatchObject({ reason: "structure-protected" });
    expect((await sheetList(wb)).map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("a 1904 workbook", () => {
  test("gets its dates written in its own serials", async () => {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    book.addWorksheet("Board KPIs").getCell("A1").value = "KPIs";
    const wb = await openWorkbook(new Uint8Array(await book.xlsx.writeBuffer()));
    await wb.run((ctx) => applyScorecard(ctx, specFor(board)));
    const date = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("KPI Scorecard data").getRange("B3");
      r.load("values,text");
      await ctx.sync();
      return { value: r.values[0][0], text: r.text[0][0] };
    });
    // 29 Feb 2024 is 45351 in the 1900 system, 43889 in the 1904 system; Excel shows the same date either way.
    expect(date.value).toBe(45351 - 1462);
    expect(date.text).toMatch(/29.*(Feb|02).*2024|2024-02-29/);
  });
});
