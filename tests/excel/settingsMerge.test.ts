// Settings that merge: a change writes only its own keys, read and written in the same Excel.run, so two
// co-authors' corrections made at the same moment are both kept; the same setting changed by both ends as
// the last one wrote it (as Excel keeps one value per key).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { correctWorkbook } from "../../src/excel/correctWorkbook";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { readStoredItems, saveSettings, storedSettings as decoded } from "../../src/excel/settingsStore";
import { newWorkbook } from "../../src/host";
import { SETTINGS_KEY } from "../../src/core/settings";
import { setKpiPolarity, setKpiTarget, setNotKpi } from "../../src/taskpane/correctionEdits";
import { storedSettings } from "../helpers/storedSettings";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");
const OPTIONS = { workbookName: "sample.xlsx", today: "2024-02-29" };

async function twoCoauthors(): Promise<{ alice: HeadlessWorkbook; bob: HeadlessWorkbook; keys: string[] }> {
  const alice = await openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  const bob = alice.coauthor();
  const { result } = await alice.run((ctx) => scanWorkbook(ctx, OPTIONS));
  const keys = result.tables.flatMap((t) => t.kpis.map((k) => k.key ?? ""));
  return { alice, bob, keys };
}

describe("two co-authors' corrections made at the same time", () => {
  test("are both kept: each wrote only its own KPI's keys", async () => {
    const { alice, bob, keys } = await twoCoauthors();
    await Promise.all([
      alice.run((ctx) => correctWorkbook(ctx, { ...OPTIONS, change: (s) => setKpiTarget(s, keys[0], 0.75) })),
      bob.run((ctx) => correctWorkbook(ctx, { ...OPTIONS, change: (s) => setNotKpi(s, keys[1], true) })),
    ]);
    // They interleaved: each read before the other wrote.
    const stored = await storedSettings(alice);
    expect(stored?.kpiCorrections).toEqual({ [keys[0]]: { target: 0.75 }, [keys[1]]: { notKpi: true } });
    const rescanned = await bob.run((ctx) => scanWorkbook(ctx, OPTIONS));
    expect(rescanned.settings.kpiCorrections).toEqual(stored?.kpiCorrections);
  });

  test("from two panes' older copies: each pane's own field is kept, the other's stays", async () => {
    const { alice, bob } = await twoCoauthors();
    const seenByAlice = (await alice.run((ctx) => scanWorkbook(ctx, OPTIONS))).settings;
    const seenByBob = (await bob.run((ctx) => scanWorkbook(ctx, OPTIONS))).settings;
    await alice.run((ctx) => saveSettings(ctx, { ...seenByAlice, organisation: "Sefton Council" }, seenByAlice));
    await bob.run((ctx) => saveSettings(ctx, { ...seenByBob, amberBand: 0.05, polarityOverrides: { K: "lower-is-better" } }, seenByBob));
    expect(await storedSettings(alice)).toMatchObject({ organisation: "Sefton Council", amberBand: 0.05, polarityOverrides: { K: "lower-is-better" } });
  });

  test("of the same setting end as the last one wrote it", async () => {
    const { alice, bob, keys } = await twoCoauthors();
    await Promise.all([
      alice.run((ctx) => correctWorkbook(ctx, { ...OPTIONS, change: (s) => setKpiPolarity(s, keys[0], "lower-is-better") })),
      bob.run((ctx) => correctWorkbook(ctx, { ...OPTIONS, change: (s) => setKpiPolarity(s, keys[0], "higher-is-better") })),
    ]);
    expect((await storedSettings(alice))?.polarityOverrides).toEqual({ [keys[0]]: "higher-is-better" });
  });
});

describe("a change taken back", () => {
  test("deletes its key, and stores null only where the older single value holds what it took back", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, { polarityOverrides: { K1: "lower-is-better" } });
      await ctx.sync();
    });
    const first = decoded(await wb.run(readStoredItems));
    await wb.run((ctx) => saveSettings(ctx, { ...first, polarityOverrides: { K1: "lower-is-better", K2: "lower-is-better" } }));
    const second = decoded(await wb.run(readStoredItems));
    expect(second.polarityOverrides).toEqual({ K1: "lower-is-better", K2: "lower-is-better" });
    const returned = await wb.run((ctx) => saveSettings(ctx, { ...second, polarityOverrides: {} }, second));
    const items = await wb.run(readStoredItems);
    expect("kpiScorecard.polarity.K2" in items).toBe(false);
    expect(items["kpiScorecard.polarity.K1"]).toBeNull();
    expect(returned).toEqual(items);
    expect(decoded(items).polarityOverrides).toEqual({});
  });
});
