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
import { buildScorecardSpec, type ScorecardSpec } from "../../src/core/scorecard";
import { REPORTING_DATE_RULE } from "../../src/core/reportingDate";

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
  expect(out.split("\n")[0]).toMatch(/reporting date 2020-12-31 \(not set in the workbook: the end of the latest period with figures; use --as-of for another\)$/);
  let json = "";
  expect(await main(["node", "kpi-scorecard", "scan", SEFTON, "--json", "--as-of", "2020-12-31"], (s) => (json += s))).toBe(0);
  expect(JSON.parse(json)).toMatchObject({ asOf: "2020-12-31", asOfSource: "given" });
});

/** Every string page 1 and the rest of the scorecard hold, quote prefixes removed. */
function scorecardText(r: ScanResult): string[] {
  const spec: ScorecardSpec = buildScorecardSpec(r, { sheetName: "Scorecard", generatedAt: "2025-06-30T09:00:00Z", commentary: [], settings: DEFAULT_SETTINGS });
  return spec.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string").map((v) => v.replace(/^'/, ""));
}

it("page 1 says in words when the reporting date is a fallback, and says nothing when it was set", async () => {
  // Figures with no year (Rotherham's "Year end", "Quarter 1", "Quarter 2"): nothing dates them, today is used.
  const undated = await openWorkbook(new Uint8Array(readFileSync(join(__dirname, "..", "corpus", "xlsx", "rotherham-housing-performance-2024-q2.xlsx"))));
  const { result: atToday } = await undated.run((ctx) => scanWorkbook(ctx, { workbookName: "housing.xlsx", today: TODAY }));
  expect(atToday.asOfSource).toBe("today");
  expect(scorecardText(atToday).some((t) => t.startsWith("Reporting date: 30 Jun 2025 (not set in the workbook: today's date used) — "))).toBe(true);
  const latest = await scan(SEFTON);
  expect(scorecardText(latest).some((t) => t.startsWith("Reporting date: 31 Dec 2020 (not set in the workbook: the end of the latest period with figures used) — "))).toBe(true);
  for (const r of [await scan(SEFTON, {}, "2020-09-30"), await scan(SEFTON, { asOf: "2020-06-30" })]) {
    expect(scorecardText(r).filter((t) => /not set in the workbook/.test(t))).toEqual([]);
  }
});

it("the rule is stated in the same words by --help, the README and the pane's Settings", async () => {
  let help = "";
  await main(["node", "kpi-scorecard", "pack", "--help"], (s) => (help += s), (s) => (help += s)).catch(() => undefined);
  const flat = (t: string) => t.replace(/\s+/g, " ");
  expect(flat(help)).toContain(`default: ${REPORTING_DATE_RULE}`);
  expect(flat(readFileSync(join(__dirname, "..", "..", "README.md"), "utf8"))).toContain(REPORTING_DATE_RULE);
  expect(readFileSync(join(__dirname, "..", "..", "src", "taskpane", "components", "SettingsTab.tsx"), "utf8")).toContain("REPORTING_DATE_RULE");
});

/** The scan of a corpus workbook with no reporting date given or stored. */
async function scanCorpus(id: string, today = "2026-12-05"): Promise<ScanResult> {
  const wb = await openWorkbook(new Uint8Array(readFileSync(join(__dirname, "..", "corpus", "xlsx", `${id}.xlsx`))));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: `${id}.xlsx`, today }));
  return result;
}

it("figures with no year of their own are of the period the sheet's name or the table's title names", async () => {
  // Sheets "Q1 2021-22" and "Q3 2021-22", columns "Q1 Performance" / "Q3 Performance": the later sheet's quarter.
  expect(await scanCorpus("ardenglen-kpis-2021-22-quarter-sheets")).toMatchObject({ asOf: "2021-12-31", asOfSource: "latest-period" });
  // "results for quarter two, 2024/25" on sheet "Q2 2024-25": the quarter, not the whole year around it.
  expect(await scanCorpus("network-homes-performance-quarter-sheets-2023-24")).toMatchObject({ asOf: "2024-09-30", asOfSource: "latest-period" });
  // "Published: 26 March 2025" is not the period; "quarter 3, 2024 to 2025" is (the financial year spelled out).
  expect(await scanCorpus("bracknell-forest-kpis-q3-2024-25")).toMatchObject({ asOf: "2024-12-31", asOfSource: "latest-period" });
  // "Published: 28 January 2026" is not the period either; "quarter 2, 2025 to 2026" is July to September 2025.
  expect(await scanCorpus("bracknell-forest-kpis-q2-2025-26")).toMatchObject({ asOf: "2025-09-30", asOfSource: "latest-period" });
  // A housing table with no heading row under "Performance indicators for year end (2024/25)": the financial year,
  // April 2024 to March 2025, not an academic year ending in August 2025.
  expect(await scanCorpus("cannock-chase-housing-pis-2024-25")).toMatchObject({ asOf: "2025-03-31", asOfSource: "latest-period" });
  // A period named that has not ended by today is not a reporting date yet.
  expect(await scanCorpus("ardenglen-kpis-2021-22-quarter-sheets", "2021-11-15")).toMatchObject({ asOf: "2021-11-15", asOfSource: "today" });
});
