// A failure of our own is owned in words: never an internal error text, never "unexpected error", never
// blamed on Excel — one line, exit 1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FIXTURES } from "../helpers/scan";

jest.mock("../../src/excel/insertScorecard", () => ({
  insertScorecard: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'richText')")),
}));
jest.mock("../../src/core/scan", () => {
  const actual = jest.requireActual("../../src/core/scan");
  return { ...actual, scanSnapshot: () => { throw new RangeError("Maximum call stack size exceeded"); } };
});

const work = mkdtempSync(join(tmpdir(), "kpi-own-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = "", err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe("our own faults", () => {
  it.each([
    ["scorecard", ["scorecard", join(FIXTURES, "seed000-typed.xlsx"), "-o", join(work, "out.xlsx"), "--as-of", "2024-02-29"]],
    ["scan", ["scan", join(FIXTURES, "seed000-typed.xlsx"), "--as-of", "2024-02-29"]],
  ])("%s: one line that owns the fault, with no internal text and no blame on Excel", async (_name, args) => {
    const r = await run(...args);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/a fault in KPI Scorecard, not in your workbook or in Excel\)\. Open the workbook in Excel, save it again and try again/);
    expect(r.err).not.toMatch(/unexpected error|Excel reported|richText|call stack|TypeError|RangeError/);
  });
});
