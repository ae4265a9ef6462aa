// The reporting date when none is given: the workbook's setting, else the latest period with figures
// (a workbook whose figures end in 2020 is not flagged stale against today), else today. The same in the
// pane, the preview and the command line, which all scan through src/excel/scanWorkbook; each says which.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook, newWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { saveSettings } from "../../src/excel/settingsStore";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { main } from "../../src/cli/main";
import type { ScanResult } from "../../src/core/types";

const FIXTURES = join(__dirname, "..", "fixtures");
const SEFTON = join(FIXTURES, "seed002-sefton.xlsx"); // figures up to December 2020
const TODAY = "2025-06-30";

async function scan(file: string | null, overrides = {}, stored: string | null = null): Promise<ScanResult> {
  const wb = file ? await openWorkbook(new Uint8Array(readFileSync(file))) : newWorkbook();
  if (!file) {
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D3").values = [
        ["Measure", "Target", "Apr 2025", "May 2025"],
        ["% of plans issued within 20 weeks", 0.6, 0.4, 0.5],
        ["Number of overdue reviews", 10, 30, 25],
      ];
      await ctx.sync();
    });
  }
  if (stored) await wb.run((ctx) => saveSettings(ctx, { ...DEFAULT_SETTINGS, asOf: stored }));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "w.xlsx", overrides, today: TODAY }));
  return result;
}

const staleFindings = (r: ScanResult) => r.tables.flatMap((t) => t.kpis).flatMap((k) => k.findings).filter((f) => f.code === "stale-data");

it("a workbook whose figures end in 2020 is reported as at the end of 2020, without stale warnings", async () => {
  const atToday = await scan(SEFTON, { asOf: TODAY });
  expect(staleFindings(atToday).length).toBeGreaterThan(10);
  const byDefault = await scan(SEFTON);
  expect(byDefault).toMatchObject({ asOf: "2020-12-31", asOfSource: "latest-period" });
  expect(staleFindings(byDefault)).toEqual([]);
});

it("a date given (--as-of, the pane's edit) or stored in the workbook wins, and is named as such", async () => {
  expect(await scan(SEFTON, { asOf: "2020-06-30" })).toMatchObject({ asOf: "2020-06-30", asOfSource: "given" });
  expect(await scan(SEFTON, {}, "2020-09-30")).toMatchObject({ asOf: "2020-09-30", asOfSource: "setting" });
});

it("figures that reach today's month keep today", async () => {
  // May 2025 ends before 30 June 2025: the latest period; with today in May, today.
  expect(await scan(null)).toMatchObject({ asOf: "2025-05-31", asOfSource: "latest-period" });
  const wb = await openWorkbook(new Uint8Array(readFileSync(SEFTON)));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "w.xlsx", today: "2020-11-15" }));
  expect(result).toMatchObject({ asOf: "2020-11-15", asOfSource: "today" });
});

it("kpi-scorecard scan without --as-of uses the latest period and says so; --json carries asOfSource", async () => {
  let out = "";
  expect(await main(["node", "kpi-scorecard", "scan", SEFTON], (s) => (out += s))).toBe(0);
  expect(out.split("\n")[0]).toMatch(/reporting date 2020-12-31 \(the latest period in the data: no reporting date is set; use --as-of for another\)$/);
  let json = "";
  expect(await main(["node", "kpi-scorecard", "scan", SEFTON, "--json", "--as-of", "2020-12-31"], (s) => (json += s))).toBe(0);
  expect(JSON.parse(json)).toMatchObject({ asOf: "2020-12-31", asOfSource: "given" });
});
