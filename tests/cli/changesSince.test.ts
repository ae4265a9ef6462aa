// Issue 16, "changed since the last scorecard": in the sample, one figure moves a KPI from Amber to Green; the
// officer regenerates the scorecard; the secretary then makes the scorecard again from that file (as `pack` does
// before it prints). Page 1 still names the KPI that moved, and the scorecard it compares with.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { cli, MOVED, regeneratedAfterMove } from "../helpers/changesSince";

async function scorecardText(file: string): Promise<string[]> {
  const wb = await openWorkbook(readFileSync(file));
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Scorecard").getUsedRange();
    r.load("values");
    await ctx.sync();
    return r.values.flat().map(String);
  });
}

describe("a change survives regenerating and making the scorecard again for the same reporting date", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-changes-"));

  test("regenerated, then made again from that file: the Amber -> Green move is still named", async () => {
    const second = await regeneratedAfterMove(dir);
    const secondText = await scorecardText(second);
    expect(secondText).toContain(MOVED);
    // What pack does before printing: the scorecard made again from the regenerated file.
    const third = join(dir, "third.xlsx");
    await cli("scorecard", second, "-o", third);
    const thirdText = await scorecardText(third);
    expect(thirdText).toContain(MOVED);
    expect(thirdText.some((t) => /^Changed since the first scorecard for 8 Dec 2020 \(generated .*\)$/.test(t))).toBe(true);
  }, 120_000);
});
