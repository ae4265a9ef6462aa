// The sample's scorecard copy after one figure moved a KPI from Amber to Green, regenerated: issue 16's case for
// "changed since the last scorecard", shared by the CLI test and the printed-pack test.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { openWorkbook } from "../../src/host";
import { SAMPLE } from "./printCheck";

export const MOVED = "Better: 5/5 – % referral to choice within 6 weeks targets — Amber → Green";

export async function cli(...args: string[]): Promise<string> {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  if (code !== 0) throw new Error(`kpi-scorecard ${args.join(" ")} exited ${code}: ${err}`);
  return out;
}

/**
 * The sample's scorecard copy (at its own reporting date, 8 Dec 2020) with CAMHS ASD ADHD!I4, 5/5's November
 * figure, changed from 87.3% to 93% (its target is 92%), then regenerated: the file to pack.
 */
export async function regeneratedAfterMove(dir: string): Promise<string> {
  const first = join(dir, "first.xlsx");
  await cli("scorecard", SAMPLE, "-o", first);
  const wb = await openWorkbook(readFileSync(first));
  await wb.run(async (ctx) => {
    const cell = ctx.workbook.worksheets.getItem("CAMHS ASD ADHD").getRange("I4");
    cell.load("values");
    await ctx.sync();
    if (cell.values[0][0] !== 0.873) throw new Error(`I4 holds ${String(cell.values[0][0])}, not 87.3%`);
    cell.values = [[0.93]];
    await ctx.sync();
  });
  const edited = join(dir, "edited.xlsx");
  writeFileSync(edited, await wb.save()); // the whole workbook: a copy patches only the sheets the add-in owns
  const second = join(dir, "second.xlsx");
  await cli("scorecard", edited, "-o", second);
  return second;
}

