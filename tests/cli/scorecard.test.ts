// `kpi-scorecard scorecard`: a copy with the scorecard inserted, a short summary, the input untouched.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { FIXTURES } from "../helpers/scan";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe("kpi-scorecard scorecard", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-sc-"));

  it("writes a copy with the scorecard, prints RAG and findings, and with --stats the syncs and payload", async () => {
    const input = join(dir, "seed000.xlsx");
    copyFileSync(join(FIXTURES, "seed000-impact-summary.xlsx"), input);
    const before = readFileSync(input);
    const { code, out, err } = await run("scorecard", input, "--as-of", "2024-02-29", "--stats");
    expect(err).toBe("");
    expect(code).toBe(0);
    const output = join(dir, "seed000-scorecard.xlsx");
    expect(existsSync(output)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(out).toMatch(/on sheet "Scorecard"/);
    expect(out).toMatch(/KPIs: 16 in 1 table, reporting date 2024-02-29 — 3 green, 1 amber, 4 red, 8 grey/);
    expect(out).toMatch(/Findings: 0 error, \d+ warning, \d+ info/);
    const m = /syncs: read (\d+), write (\d+)/.exec(out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(3); // sheets, sizes, cells
    expect(Number(m![2])).toBeLessThanOrEqual(3);
    expect(out).toMatch(/largest payload: \d+ bytes/);

    // The copy opens, has the scorecard, and scanning it again does not read the scorecard as KPIs.
    const wb = await openWorkbook(readFileSync(output));
    const { result, snapshot } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "copy", overrides: { asOf: "2024-02-29" } }));
    expect(snapshot.sheets.map((s) => s.name)).toContain("Scorecard");
    expect(result.tables.map((t) => t.sheet)).toEqual(["Impact summary"]);

    // Renamed and retitled by a user, the scorecard is still known by its tag and still not scanned.
    await wb.run(async (ctx) => {
      const sc = ctx.workbook.worksheets.getItem("Scorecard");
      sc.name = "Board pack";
      sc.getRange("A1").values = [["Our board pack"]];
      await ctx.sync();
    });
    const again = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "copy", overrides: { asOf: "2024-02-29" } }));
    expect(again.snapshot.sheets.find((s) => s.name === "Board pack")?.ownedByAddin).toBe(true);
    expect(again.snapshot.sheets.find((s) => s.name === "Impact summary")?.ownedByAddin).toBe(false);
    expect(again.result.tables.map((t) => t.sheet)).toEqual(["Impact summary"]);
  });

  it("--organisation, --title, --meeting and --period head page 1 and the printed header; a bad one is refused before any work", async () => {
    const input = join(dir, "headed.xlsx");
    copyFileSync(join(FIXTURES, "seed000-impact-summary.xlsx"), input);
    const output = join(dir, "headed-out.xlsx");
    const args = ["--organisation", "Sefton Council", "--title", "SEND performance", "--meeting", "SEND Partnership Board, 14 March 2024", "--period", "Quarter 3 2023/24"];
    const { code, err } = await run("scorecard", input, "-o", output, "--as-of", "2024-02-29", ...args);
    expect(err).toBe("");
    expect(code).toBe(0);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const ws = saved.getWorksheet("Scorecard")!;
    const top: string[] = [];
    ws.eachRow((row, n) => {
      if (n <= 6) row.eachCell((c) => top.push(String(c.value)));
    });
    const block = top.join(" | ");
    for (const text of ["Sefton Council", "SEND performance", "SEND Partnership Board, 14 March 2024", "Quarter 3 2023/24"]) expect(block).toContain(text);
    expect(ws.headerFooter.oddHeader).toContain("Sefton Council");
    expect(ws.headerFooter.oddHeader).toContain("SEND performance");
    // Stored with the scorecard, as the pane stores them: a scorecard made again from the copy, with no flags, keeps them.
    const again = join(dir, "headed-again.xlsx");
    expect((await run("scorecard", output, "-o", again, "--as-of", "2024-02-29")).code).toBe(0);
    const regenerated = new ExcelJS.Workbook();
    await regenerated.xlsx.load(readFileSync(again) as unknown as ArrayBuffer);
    expect(regenerated.getWorksheet("Scorecard")!.headerFooter.oddHeader).toContain("Sefton Council — SEND performance");
    expect(regenerated.getWorksheet("Scorecard")!.headerFooter.oddFooter).toContain("Quarter 3 2023/24");

    const bad = await run("scorecard", input, "-o", join(dir, "never.xlsx"), "--title", "Two\nlines");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^kpi-scorecard: --title must be one line of text/);
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
    const long = await run("scorecard", input, "-o", join(dir, "never.xlsx"), "--organisation", "x".repeat(121));
    expect(long.code).toBe(2);
    expect(long.err).toMatch(/--organisation must be at most 120 characters/);
  });

  it("never writes over its input", async () => {
    const input = join(dir, "same.xlsx");
    copyFileSync(join(FIXTURES, "seed000-impact-summary.xlsx"), input);
    const before = readFileSync(input);
    const { code, err } = await run("scorecard", input, "-o", input);
    expect(code).toBe(2);
    expect(err).toMatch(/will not write over the input/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("bad input: a clear line, no file written", async () => {
    const notBook = join(dir, "notes.xlsx");
    writeFileSync(notBook, "just some notes");
    const { code, err } = await run("scorecard", notBook, "-o", join(dir, "x.xlsx"));
    expect(code).toBe(1);
    expect(err).toMatch(/not an Excel workbook/);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});
