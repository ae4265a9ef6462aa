// Workbooks written the way other producers write them (tests/fixtures/producers, made by
// scripts/fixtures/producers.ts from the demo workbook) read to the same scan as the workbook they were made
// from, and take a scorecard whose copy opens and scans again.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { PRODUCER_SOURCE, PRODUCERS, PRODUCERS_DIR } from "../../scripts/fixtures/producers";

const ROOT = join(__dirname, "..", "..");

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/**
 * The scan's JSON without the line naming the file, which differs by design. The settings the sample stores are
 * given as flags: LibreOffice does not keep the add-in's settings part (webextension) when it saves, so only the
 * content is compared.
 */
async function scanJson(file: string): Promise<string> {
  const settings = ["--plan-start", "2019-07-01", "--organisation", "Sefton local area SEND partnership", "--title", "Performance update on KPIs", "--meeting", "SEND Improvement Board"];
  const { code, out, err } = await run("scan", "--json", file, "--as-of", "2024-02-29", ...settings);
  expect(err).toBe("");
  expect(code).toBe(0);
  return out.replace(/^ {2}"workbook": .*$/m, "");
}

describe("workbooks as other producers write them", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-producers-"));
  let plain: string;

  beforeAll(async () => {
    plain = await scanJson(join(ROOT, PRODUCER_SOURCE));
  });

  it.each(PRODUCERS.map(([file, , what]) => [file, what]))("%s (%s) scans as the workbook it was made from", async (file) => {
    expect(await scanJson(join(ROOT, PRODUCERS_DIR, file))).toBe(plain);
  });

  it.each(PRODUCERS.map(([file]) => [file]))("%s takes a scorecard, and the copy opens and scans again", async (file) => {
    const input = join(dir, file);
    copyFileSync(join(ROOT, PRODUCERS_DIR, file), input);
    const { code, out, err } = await run("scorecard", input, "--as-of", "2024-02-29");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/KPIs: 31 in 7 tables/);
    const copy = await openWorkbook(readFileSync(input.replace(/\.xlsx$/, "-scorecard.xlsx")));
    const { snapshot, result } = await copy.run((ctx) => scanWorkbook(ctx, { workbookName: "copy", overrides: { asOf: "2024-02-29" } }));
    expect(snapshot.sheets.some((s) => s.ownedByAddin)).toBe(true);
    expect(result.tables.reduce((n, t) => n + t.kpis.length, 0)).toBe(31);
  });
});
