// The pane's Excel helpers on the headless host: settings stored in the workbook, selecting a
// cell, watching for changes where Excel can report them; and the theme that follows Office.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { newWorkbook, openWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { withChangeEvents, sheetIds } from "./changeEvents";
import { readStoredItems, saveSettings } from "../../src/excel/settingsStore";
import { storedSettings } from "../helpers/storedSettings";
import { selectCell, NavigateError } from "../../src/excel/navigate";
import { ownedSheetId, watchChanges } from "../../src/excel/watch";
import { setRequirementChecker } from "../../src/excel/requirements";
import { settingsFromSnapshot } from "../../src/excel/scanWorkbook";
import { DEFAULT_SETTINGS, SETTINGS_KEY } from "../../src/core/settings";
import { luminance, pickTheme } from "../../src/taskpane/theme";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");
const g = globalThis as unknown as { Office?: unknown; window?: unknown };
afterEach(() => {
  delete g.Office;
});

describe("saveSettings", () => {
  it("stores only the settings that change, each under its own key, where the next scan reads them", async () => {
    const wb = newWorkbook();
    await wb.run((ctx) => saveSettings(ctx, { ...DEFAULT_SETTINGS, asOf: "2024-03-31", excludedTables: ["Sheet1!A1:C4"] }));
    const items = await wb.run((ctx) => readStoredItems(ctx));
    expect(items).toEqual({ "kpiScorecard.setting.asOf": "2024-03-31", "kpiScorecard.excluded.Sheet1!A1:C4": true });
    const settings = settingsFromSnapshot({ sheets: [], settings: items });
    expect(settings.asOf).toBe("2024-03-31");
    expect(settings.excludedTables).toEqual(["Sheet1!A1:C4"]);
  });

  it("reads settings an older version stored as one object, and changes them key by key", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, { ...DEFAULT_SETTINGS, amberBand: 0.05, polarityOverrides: { "S!K1": "lower-is-better" } });
      await ctx.sync();
    });
    const before = await storedSettings(wb);
    await wb.run((ctx) => saveSettings(ctx, { ...before!, polarityOverrides: {} }));
    expect(await storedSettings(wb)).toMatchObject({ amberBand: 0.05, polarityOverrides: {} });
  });

  it("never calls the Common API's settings.saveAsync, which clears the undo stack (office-js issue 3141)", async () => {
    const saveAsync = jest.fn();
    g.Office = { context: { document: { settings: { set: jest.fn(), saveAsync } } } };
    const wb = newWorkbook();
    await wb.run((ctx) => saveSettings(ctx, { ...DEFAULT_SETTINGS, asOf: "2024-03-31" }));
    expect(saveAsync).not.toHaveBeenCalled();
  });
});

describe("selectCell", () => {
  it("activates the sheet of the cell", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add("KPIs");
      await ctx.sync();
    });
    await wb.run((ctx) => selectCell(ctx, "KPIs", "C7"));
    const active = await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.load("name");
      await ctx.sync();
      return s.name;
    });
    expect(active).toBe("KPIs");
  });

  it("says plainly when the sheet has gone", async () => {
    const wb = newWorkbook();
    const err = await wb.run((ctx) => selectCell(ctx, "Deleted sheet", "A1")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NavigateError);
    expect((err as Error).message).toContain("'Deleted sheet' is not in the workbook any more");
  });
});

describe("watchChanges", () => {
  it("returns null where Excel cannot report changes (before ExcelApi 1.9), so the pane keeps its Scan button only", async () => {
    const wb = newWorkbook({ unsupportedRequirementSets: ["ExcelApi 1.9"] });
    setRequirementChecker((n, v) => wb.isSetSupported(n, v));
    try {
      await expect(wb.run((ctx) => watchChanges(ctx, () => undefined))).resolves.toBeNull();
    } finally {
      setRequirementChecker(null);
    }
  });

  it("reports each change with its worksheet id, where Excel raises them", async () => {
    const wb = newWorkbook();
    const { runner, change } = withChangeEvents(wb);
    const seen: string[] = [];
    const unsubscribe = await runner((ctx) => watchChanges(ctx, (id) => seen.push(id)));
    expect(unsubscribe).not.toBeNull();
    await change("{DATA}");
    expect(seen).toEqual(["{DATA}"]);
  });
});

describe("ownedSheetId", () => {
  async function withScorecard() {
    const wb = await openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
    await wb.run((ctx) => insertScorecard(ctx, { workbookName: "sample.xlsx", today: "2024-02-29" }));
    return wb;
  }

  it("finds the scorecard by the add-in's tag, under whatever name it has now", async () => {
    const wb = await withScorecard();
    expect(await wb.run((ctx) => ownedSheetId(ctx))).toBe((await sheetIds(wb))["Scorecard"]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").name = "Board's pack";
      await ctx.sync();
    });
    expect(await wb.run((ctx) => ownedSheetId(ctx))).toBe((await sheetIds(wb))["Board's pack"]);
  });

  it("is null without a scorecard, for a user's own sheet called Scorecard, and once the scorecard is deleted", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add("Scorecard");
      await ctx.sync();
    });
    expect(await wb.run((ctx) => ownedSheetId(ctx))).toBeNull();
    const tagged = await withScorecard();
    await tagged.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Scorecard").delete();
      await ctx.sync();
    });
    expect(await tagged.run((ctx) => ownedSheetId(ctx))).toBeNull();
  });
});

describe("theme", () => {
  it("is dark when Office's body background is dark, light otherwise", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    expect(pickTheme()).toBe(webDarkTheme);
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
    expect(pickTheme()).toBe(webLightTheme);
    delete g.Office;
    expect(pickTheme()).toBe(webLightTheme);
  });

  it("outside Office follows the browser's dark scheme, and more contrast wins over both", () => {
    const queries = new Set<string>();
    g.window = { matchMedia: (q: string) => ({ matches: queries.has(q) }) };
    try {
      queries.add("(prefers-color-scheme: dark)");
      expect(pickTheme()).toBe(webDarkTheme);
      // An Office theme, where there is one, decides over the browser's scheme.
      g.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
      expect(pickTheme()).toBe(webLightTheme);
      queries.add("(forced-colors: active)");
      expect(pickTheme()).toBe(teamsHighContrastTheme);
    } finally {
      delete g.window;
      delete g.Office;
    }
  });
});
