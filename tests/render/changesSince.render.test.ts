// Issue 16: set Board summary!H18 of the sample from 39% to 42% in a scorecard copy, regenerate, then `pack` that
// file: page 1 of the printed pack names the KPI that moved Amber -> Green and the scorecard it compares with.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { describeRender, scratchDir } from "../helpers/render";
import { regeneratedAfterMove } from "../helpers/changesSince";

describeRender("changed since the last scorecard, printed", () => {
  test("page 1 of the pack made from the regenerated file names the KPI that moved Amber -> Green", async () => {
    const dir = scratchDir("changes-since");
    const second = await regeneratedAfterMove(dir);
    const pdf = join(dir, "pack.pdf");
    let err = "";
    expect(await main(["node", "kpi-scorecard", "pack", second, "-o", pdf, "--as-of", "2024-02-29"], () => undefined, (s) => (err += s))).toBe(0);
    expect(err).toBe("");
    const page1 = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(page1).toMatch(/Changed since the first scorecard for 29 Feb 2024 \(generated [^)]+\)/);
    expect(page1).toMatch(/Better: % of CYP with an up-to-date Annual Review recorded .*— Amber → Green/);
  }, 240_000);
});
