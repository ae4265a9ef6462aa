// What the command line agrees to read: limits with defaults, raised by option, each refusal one line
// that says what is wrong and how to go on; damaged files refused naming the part, never a stack trace.
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FIXTURES } from "../helpers/scan";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const TYPED = join(FIXTURES, "seed000-typed.xlsx");

describe("load limits on the command line", () => {
  it("a workbook over --max-cells is refused in one line that names the limit and the way on", async () => {
    const r = await run("scan", TYPED, "--max-cells", "50");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kpi-scorecard: ".*seed000-typed\.xlsx" is too large to read: it has more than 50 cells in use\. Split the workbook, .* try again; or raise the limit with --max-cells if this machine has the memory\.\n$/);
  });

  it("the same limit holds for scorecard, before anything is written", async () => {
    const r = await run("scorecard", TYPED, "--max-sheet-mb", "1", "--max-cells", "10", "-o", join(FIXTURES, "never-written.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/--max-cells/);
  });

  it("raised limits let a workbook through", async () => {
    const r = await run("scan", "--json", TYPED, "--max-cells", "100000", "--max-sheet-mb", "10", "--max-total-mb", "20");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tables.length).toBeGreaterThan(0);
  });

  it.each([["--max-cells", "0"], ["--max-sheet-mb", "lots"], ["--max-total-mb", "1.5"]])("%s %s is a usage error naming the option", async (option, value) => {
    const r = await run("scan", TYPED, option, value);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${option} must be a whole number of 1 or more \\(got "${value.replace(".", "\\.")}"\\)`));
  });
});
