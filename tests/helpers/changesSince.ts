// The sample's scorecard copy after one figure moved a KPI from Amber to Green, regenerated: issue 16's case for
// "changed since the last scorecard", shared by the CLI test and the printed-pack test.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { openWorkbook } from "../../src/host";
import { SAMPLE } from "./printCheck";

export const MOVED = "Better: % of CYP with an up-to-date Annual Review recorded (recovery work underway to ensure that all completed reviews are recorded) — Amber → Green";

export async function cli(...args: string[]): Promise<string> {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  if (code !== 0) throw new Error(`kpi-scorecard ${args.join(" ")} exited ${code}: ${err}`);
  return out;
}

/** The sample's scorecard copy with Board summary!H18 changed from 39% to 42%, then regenerated: the file to pack. */
export async function regeneratedAfterMove(dir: string): Promise<string> {
  const first = join(dir, "first.xlsx");
  await cli("scorecard", SAMPLE, "-o", first, "--as-of", "2024-02-29");
  const wb = await openWorkbook(readFileSync(first));
  await wb.run(async (ctx) => {
    const cell = ctx.workbook.worksheets.getItem("Board summary").getRange("H18");
    cell.load("values");
    await ctx.sync();
    if (cell.values[0][0] !== 0.39) throw new Error(`H18 holds ${String(cell.values[0][0])}, not 39%`);
    cell.values = [[0.42]];
    await ctx.sync();
  });
  const edited = join(dir, "edited.xlsx");
  writeFileSync(edited, await wb.save()); // the whole workbook: a copy patches only the sheets the add-in owns
  const second = join(dir, "second.xlsx");
  await cli("scorecard", edited, "-o", second, "--as-of", "2024-02-29");
  return second;
}

