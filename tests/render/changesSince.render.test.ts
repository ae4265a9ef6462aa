// Issue 16: set CAMHS ASD ADHD!I4 of the sample from 87.3% to 93% in a scorecard copy, regenerate, then `pack` that
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
    expect(await main(["node", "kpi-scorecard", "pack", second, "-o", pdf], () => undefined, (s) => (err += s))).toBe(0);
    expect(err).toBe("");
    const page1 = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(page1).toMatch(/Changed since the first scorecard for 8 Dec 2020 \(generated [^)]+\)/);
    expect(page1).toMatch(/Better: 5\/5 – % referral to choice within 6 weeks targets — Amber → Green/);
  }, 240_000);
});
