// Every variant the fuzz suite saved (tests/fixtures/fuzz/) stays fixed: both commands keep the
// CLI's contract on it, in process (the fuzz suite itself also checks time and memory per run).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { contractProblems } from "../fuzz/cliContract";

const DIR = join(__dirname, "..", "fixtures", "fuzz");
const saved = readdirSync(DIR).filter((f) => f.endsWith(".xlsx")).sort();
const work = mkdtempSync(join(tmpdir(), "kpi-fuzz-regressions-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(command: "scan" | "scorecard", file: string) {
  let stdout = "", stderr = "";
  const args = command === "scan" ? ["scan", "--json", file, "--as-of", "2024-02-29"] : ["scorecard", file, "-o", join(work, `${file.split("/").pop()}-out.xlsx`), "--as-of", "2024-02-29"];
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (stdout += s), (s) => (stderr += s));
  return { command, code, stdout, stderr };
}

describe("saved fuzz variants keep the CLI's contract", () => {
  it("there are saved variants to run", () => expect(saved.length).toBeGreaterThan(0));

  it.each(saved)("%s", async (name) => {
    const file = join(DIR, name);
    const problems = [...contractProblems(await run("scan", file)), ...contractProblems(await run("scorecard", file))];
    expect(problems).toEqual([]);
  });
});
