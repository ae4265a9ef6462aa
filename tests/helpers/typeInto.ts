// A person typing into one source cell, as the live-scorecard tests do before and after checking the register.
import type { HeadlessWorkbook } from "../../src/host";

/** Writes `value` into sheet!cell in one batch and gives back what the cell held (to type back afterwards). */
export async function typeInto(wb: HeadlessWorkbook, sheet: string, cell: string, value: unknown): Promise<unknown> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(cell);
    r.load("values");
    await ctx.sync();
    const was = r.values[0][0];
    r.values = [[value]];
    await ctx.sync();
    return was;
  });
}
