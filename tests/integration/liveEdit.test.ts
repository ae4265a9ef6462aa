// What a user sees: the scorecard is generated once; then a figure is typed into the source sheet, or the
// reporting date beside page 1 is changed, and the workbook recalculates. The register's latest, RAG and
// direction of travel and page 1's counts move with it, without the add-in running again.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { applyScorecard } from "../../src/excel/applyScorecard";
import { buildScorecardSpec, sourceCellsOf, LIVE_LABELS, type ScorecardSpec } from "../../src/core/scorecard";
import { excelSerial } from "../../src/core/scorecard/numberFormat";
import { placeKpis, ragText } from "../../src/core/scorecard/rows";

// The issue-18 done-when workbook: the sample as it was before issue 19 (seed 000's "Board summary", whose H18 is
// typed over, beside the Sefton tables; reporting date 29 Feb 2024), kept as tests/fixtures/board-summary-sample.xlsx
// (built by scripts/fixtures/build-board-summary-sample.ts) since the sample became Sefton's one report at 8 Dec 2020.
const SAMPLE = join(__dirname, "../fixtures/board-summary-sample.xlsx");
const AS_OF = "2024-02-29";

let wb: HeadlessWorkbook;
let spec: ScorecardSpec;
let sheet: string;
let registerSheet: string;
let row: number;

/** The scorecard sheet's values and formulas as a user's workbook holds them now (or the register's sheet's). */
async function scorecardNow(on: "scorecard" | "register" = "register"): Promise<{ values: unknown[][]; formulas: unknown[][] }> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(on === "register" ? registerSheet : sheet).getUsedRange();
    r.load("values,formulas,rowIndex,columnIndex");
    await ctx.sync();
    // Anchored at A1 so that rows and columns are the spec's.
    const pad = (g: unknown[][]) => [...Array(r.rowIndex).fill([]), ...g.map((x) => [...Array(r.columnIndex).fill(""), ...x])];
    return { values: pad(r.values), formulas: pad(r.formulas) };
  });
}

function column(id: string): number {
  return spec.table.columns.findIndex((c) => c.id === id);
}

/** Page 1's RAG tiles by code (4 Red, 3 Amber, 2 Green, 5 Blue) and the group × RAG counts, as shown. */
function counts(values: unknown[][]): { tiles: Record<string, unknown>; groups: unknown[] } {
  const summary = spec.blocks.find((b) => b.id === "summary")!;
  const tiles: Record<string, unknown> = {};
  const groups: unknown[] = [];
  for (const f of summary.formulas ?? []) {
    const v = values[summary.row + f.r][summary.col + f.c];
    const tile = /^COUNTIFS\('[^']+'!\$J\$\d+:\$J\$\d+,(\d)\)$/.exec(f.formula);
    if (tile) tiles[tile[1]] = v;
    else groups.push(v);
  }
  return { tiles, groups };
}

async function type(sheetName: string, a1: string, value: unknown): Promise<void> {
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheetName).getRange(a1).values = [[value]];
    await ctx.sync();
  });
}

beforeAll(async () => {
  wb = await openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  const { result, settings, snapshot } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "sample.xlsx", overrides: { asOf: AS_OF }, today: AS_OF }));
  spec = buildScorecardSpec(result, { sheetName: settings.scorecardSheetName, generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings, sourceCells: sourceCellsOf(snapshot) });
  const applied = await wb.run((ctx) => applyScorecard(ctx, spec));
  sheet = applied.sheetName;
  registerSheet = applied.registerSheetName;
  row = spec.rows.find((r) => r.sheet === "Board summary" && /up-to-date Annual Review/.test(r.measure))!.row;
}, 60_000);

afterEach(async () => {
  await type("Board summary", "H18", 0.39);
});

describe("a figure typed into the source after the scorecard was generated", () => {
  test("as generated: Annual reviews 39% against 40%, improving from 37%, Amber", async () => {
    const { values } = await scorecardNow();
    expect([values[row][column("latest")], values[row][column("previous")], values[row][column("target")]]).toEqual([0.39, 0.37, 0.4]);
    expect([values[row][column("dot")], values[row][column("rag")]]).toEqual(["▲ improving", "Amber"]);
  });

  test("H18 39% -> 42%: the register row says 42% and Green; page 1 counts one Amber fewer and one Green more", async () => {
    const [before, beforePage1] = [await scorecardNow(), await scorecardNow("scorecard")];
    await type("Board summary", "H18", 0.42);
    const [after, afterPage1] = [await scorecardNow(), await scorecardNow("scorecard")];
    expect([after.values[row][column("latest")], after.values[row][column("rag")], after.values[row][column("dot")]]).toEqual([0.42, "Green", "▲ improving"]);
    const [c0, c1] = [counts(beforePage1.values), counts(afterPage1.values)];
    expect(Object.keys(c0.tiles).sort()).toEqual(["2", "3", "4", "5"]);
    expect((c1.tiles["3"] as number) - (c0.tiles["3"] as number)).toBe(-1);
    expect((c1.tiles["2"] as number) - (c0.tiles["2"] as number)).toBe(1);
    expect(c1.tiles["4"]).toBe(c0.tiles["4"]);
    // The group table moves by the same KPI: one cell down by one, another up by one, nothing else.
    const moved = c1.groups.map((v, i) => (v as number) - (c0.groups[i] as number)).filter((d) => d !== 0).sort();
    expect(moved).toEqual([-1, 1]);
    // The scorecard still holds its formulas: nothing was rewritten, the workbook calculated.
    expect(after.formulas).toEqual(before.formulas);
  });

  test("H18 -> 30%: below the previous 37% and under the amber band: worsening and Red", async () => {
    const before = counts((await scorecardNow("scorecard")).values);
    await type("Board summary", "H18", 0.3);
    const [after, afterPage1] = [await scorecardNow(), await scorecardNow("scorecard")];
    expect([after.values[row][column("latest")], after.values[row][column("dot")], after.values[row][column("rag")]]).toEqual([0.3, "▼ worsening", "Red"]);
    const c1 = counts(afterPage1.values);
    expect([(c1.tiles["4"] as number) - (before.tiles["4"] as number), (c1.tiles["3"] as number) - (before.tiles["3"] as number)]).toEqual([1, -1]);
  });

  test("H18 cleared: no latest (the KPI's Latest column is empty), so Grey, and the trend the workbook states", async () => {
    await type("Board summary", "H18", "");
    const { values } = await scorecardNow();
    expect([values[row][column("latest")], values[row][column("rag")], values[row][column("dot")]]).toEqual(["", "Grey", "▲ up (as stated)"]);
  });
});

describe("next month typed into a Latest column and its period", () => {
  test("H18 42% and I18 'Feb 24': the register shows both; an out-of-date figure's period typed over is taken as current", async () => {
    try {
      await type("Board summary", "H18", 0.42);
      // Typed as a user types it: Excel makes "Feb 24" a date, 1 Feb 2024, which the register shows as a month.
      await type("Board summary", "I18", "Feb 24");
      const now = (await scorecardNow()).values;
      expect([now[row][column("latest")], now[row][column("latestPeriod")], now[row][column("rag")]]).toEqual([0.42, excelSerial("2024-02-01"), "Green"]);
      const shown = await wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem(registerSheet).getCell(row, column("latestPeriod"));
        r.load("text");
        await ctx.sync();
        return r.text[0][0];
      });
      expect(shown).toBe("Feb 2024");
      // Overall % EHCPs graded good or outstanding: Summer '23, termly, is out of date at 29 Feb 2024.
      const graded = spec.rows.find((r) => r.sheet === "Board summary" && /graded good or outstanding/.test(r.measure))!.row;
      const staleTile = (v: unknown[][]) => {
        const summary = spec.blocks.find((b) => b.id === "summary")!;
        const f = (summary.formulas ?? []).find((x) => /^COUNTIFS\('[^']+'!\$L\$\d+:\$L\$\d+,1\)$/.test(x.formula))!;
        return v[summary.row + f.r][summary.col + f.c] as number;
      };
      expect(now[graded][column("rag")]).toBe("Grey\nout of date");
      const page1 = (await scorecardNow("scorecard")).values;
      await type("Board summary", "H17", 0.35);
      await type("Board summary", "I17", "Autumn 2023");
      const later = (await scorecardNow()).values;
      expect([later[graded][column("latest")], later[graded][column("latestPeriod")], later[graded][column("rag")]]).toEqual([0.35, "Autumn 2023", "Grey"]);
      expect(staleTile((await scorecardNow("scorecard")).values)).toBe(staleTile(page1) - 1);
    } finally {
      // A leading apostrophe keeps text as text, as in Excel.
      await type("Board summary", "I18", "'Jan 24");
      await type("Board summary", "H17", 0.32);
      await type("Board summary", "I17", "'Summer '23");
    }
  });
});

describe("the reporting date changed beside page 1", () => {
  test("set back to 31 Jul 2020: each live latest, its period and the RAG are what the add-in says when it scans at that date", async () => {
    const { values } = await scorecardNow();
    const page1 = (await scorecardNow("scorecard")).values;
    let at: [number, number] | null = null;
    page1.forEach((r, i) => r.forEach((v, j) => (v === LIVE_LABELS.asOf && !at ? (at = [i, j + 1]) : null)));
    expect(at).not.toBeNull();
    const [r, c] = at!;
    expect(page1[r][c]).toBe(excelSerial(AS_OF));
    const setDate = (iso: string) =>
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).getCell(r, c).values = [[excelSerial(iso)]];
        await ctx.sync();
      });
    const earlier = "2020-07-31";
    await setDate(earlier);
    try {
      const now = (await scorecardNow()).values;
      const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "sample.xlsx", overrides: { asOf: earlier }, today: AS_OF }));
      const then = new Map(placeKpis(result).map((p) => [p.key, p]));
      const reg = spec.register.blocks.find((b) => b.id === "register")!;
      let moved = 0;
      for (const f of reg.formulas ?? []) {
        const id = spec.table.columns[reg.col + f.c].id;
        if (id !== "latest" && id !== "rag" && id !== "latestPeriod") continue;
        const k = spec.rows.find((x) => x.row === reg.row + f.r)!;
        const p = then.get(k.key)!;
        const want =
          id === "latest" ? (p.kpi.latest?.value ?? "") : id === "latestPeriod" ? (p.kpi.latest?.period ?? "") : ragText({ rag: p.kpi.rag ?? "grey", stale: p.stale });
        const shown = now[reg.row + f.r][reg.col + f.c];
        expect([k.key, id, shown]).toEqual([k.key, id, want]);
        if (shown !== values[reg.row + f.r][reg.col + f.c]) moved++;
      }
      // Not a vacuous check: the earlier date moves some of the sample's latest figures.
      expect(moved).toBeGreaterThan(3);
    } finally {
      await setDate(AS_OF);
    }
    expect((await scorecardNow()).values).toEqual(values);
  });
});
