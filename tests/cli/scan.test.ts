// The scan command as a user runs it: JSON that validates against the project's scan contract, a readable
// table, and one clear line (never a stack trace) for every kind of bad input.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { main } from "../../src/cli/main";
import { FIXTURES } from "../helpers/scan";

const ROOT = join(__dirname, "..", "..");
const SCHEMA = join(ROOT, "schema", "scan-result.schema.json");
const SAMPLE = join(ROOT, "assets", "samples", "send-board-kpis.xlsx");

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
}

describe("kpi-scorecard scan --json", () => {
  const validate = validator();
  it.each([
    "seed000-impact-summary.xlsx",
    "seed000-typed.xlsx",
    "seed002-sefton.xlsx",
    "seed002-sefton-typed.xlsx",
    "seed004-lancashire.xlsx",
    "seed004-with-rag.xlsx",
    "layout-variants.xlsx",
    "bad-input.xlsx",
    "noise-001-003.xlsx",
    "empty.xlsx",
  ])("%s validates against the scan contract", async (file) => {
    const { code, out, err } = await run("scan", join(FIXTURES, file), "--json", "--as-of", "2020-12-08");
    expect(err).toBe("");
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { workbook: string; asOf: string };
    const ok = validate(structuredClone(doc));
    if (!ok) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    expect(doc.workbook).toBe(file);
    expect(doc.asOf).toBe("2020-12-08");
  });

  it("the sample workbook: tables, KPIs and percentages as fractions, at the reporting date stored in it", async () => {
    const { out } = await run("scan", SAMPLE, "--json");
    const doc = JSON.parse(out);
    expect(validate(doc)).toBe(true);
    expect(doc).toMatchObject({ asOf: "2020-12-08", asOfSource: "setting" });
    expect(doc.tables.length).toBeGreaterThanOrEqual(5);
    const choice = doc.tables.flatMap((t: { kpis: { ref: string }[] }) => t.kpis).find((k: { ref: string }) => k.ref === "5/5");
    expect(choice.latest.value).toBeCloseTo(0.873);
    expect(choice.settings).toBeUndefined();
    expect(doc.settings).toMatchObject({ amberBand: 0.1, planStart: "2019-07-01" });
  });

  it("flags change the assessment: --plan-start dates relative milestones, --default-polarity, --amber-band", async () => {
    const { out } = await run("scan", join(FIXTURES, "seed004-lancashire.xlsx"), "--json", "--as-of", "2020-12-08", "--plan-start", "2020-07-01");
    const sc = JSON.parse(out).tables.find((t: { sheet: string }) => t.sheet === "Score card");
    expect(sc.kpis[0].milestones[0].due).toBe("2020-10-01");
    const lower = JSON.parse((await run("scan", join(FIXTURES, "seed000-impact-summary.xlsx"), "--json", "--as-of", "2024-02-29", "--default-polarity", "lower")).out);
    // The default applies where nothing says which way is better (not to counts of demand, which have no better direction).
    const checks = lower.tables[0].kpis.find((k: { measure: string }) => k.measure === "Early Years Development checks");
    expect(checks.polarity).toBe("lower-is-better");
    const strict = JSON.parse((await run("scan", join(FIXTURES, "seed000-impact-summary.xlsx"), "--json", "--as-of", "2024-02-29", "--amber-band", "0")).out);
    expect(strict.tables[0].kpis.filter((k: { rag: string }) => k.rag === "amber")).toHaveLength(0);
  });
});

describe("kpi-scorecard scan (readable)", () => {
  it("prints each KPI with latest, target, DoT and RAG, then the findings", async () => {
    const { code, out } = await run("scan", join(FIXTURES, "seed000-impact-summary.xlsx"), "--as-of", "2024-02-29");
    expect(code).toBe(0);
    expect(out).toMatch(/1 KPI table, 16 KPIs, reporting date 2024-02-29/);
    expect(out).toMatch(/RAG: 3 green, 1 amber, 4 red, 8 grey/);
    expect(out).toMatch(/Number of Children missing education\s+106 \(Jan 24\)\s+n\/a\s+↓ improving\s+grey/);
    expect(out).toMatch(/stated-dot-contradicts-data\s+Impact summary!F10/);
  });

  it("says plainly when there are no KPI tables (exit 0)", async () => {
    const { code, out } = await run("scan", join(FIXTURES, "empty.xlsx"));
    expect(code).toBe(0);
    expect(out).toMatch(/0 KPI tables/);
    expect(out).toMatch(/No KPI tables were found/);
  });
});

describe("bad input: one clear line and a non-zero exit, never a stack trace", () => {
  it.each([
    ["a missing file", join(FIXTURES, "no-such-file.xlsx"), /cannot find/],
    ["a folder", FIXTURES, /is a folder/],
    ["a file that is not a workbook", join(FIXTURES, "not-a-workbook.xlsx"), /not an Excel workbook/],
    ["a password-protected workbook", join(FIXTURES, "password-protected.xlsx"), /password-protected/],
  ])("%s", async (_what, file, message) => {
    const { code, out, err } = await run("scan", file);
    expect(code).not.toBe(0);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("an impossible date", async () => {
    const { code, err } = await run("scan", join(FIXTURES, "empty.xlsx"), "--as-of", "2024-13-45");
    expect(code).not.toBe(0);
    expect(err).toMatch(/YYYY-MM-DD/);
  });
});

const BIN = join(ROOT, "bin", "kpi-scorecard.js");
const built = existsSync(join(ROOT, "build", "src", "cli", "main.js"));
(built ? describe : describe.skip)("the installed bin (after npm run build)", () => {
  it("npx kpi-scorecard scan <sample> --json prints a valid document", () => {
    const p = spawnSync(process.execPath, [BIN, "scan", SAMPLE, "--json"], { encoding: "utf8" });
    expect(p.status).toBe(0);
    expect(validator()(JSON.parse(p.stdout))).toBe(true);
  });
  it("exits 1 with a message for a missing file", () => {
    const p = spawnSync(process.execPath, [BIN, "scan", "nope.xlsx"], { encoding: "utf8" });
    expect(p.status).toBe(1);
    expect(p.stderr).toMatch(/cannot find "nope.xlsx"/);
  });
});
