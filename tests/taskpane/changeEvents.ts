// A real headless workbook whose worksheets report changes when a test says so. Excel raises
// worksheets.onChanged for edits people make; the headless host has no people, so this grafts the
// event registration (and only that) onto the real worksheet collection: the sheets, their ids and
// the add-in's tag are the real workbook's.
import type { HeadlessWorkbook } from "../../src/host";
import type { Runner } from "../../src/taskpane/runner";

type Handler = (args: { worksheetId: string }) => Promise<void>;

export function withChangeEvents(wb: HeadlessWorkbook): { runner: Runner; change: (worksheetId: string) => Promise<void> } {
  const handlers = new Set<Handler>();
  const runner: Runner = (batch) =>
    wb.run((ctx) => {
      Object.defineProperty(ctx.workbook.worksheets, "onChanged", {
        configurable: true,
        value: { add: (h: Handler) => (handlers.add(h), { remove: () => handlers.delete(h), context: ctx }) },
      });
      return batch(ctx);
    });
  return {
    runner,
    change: async (worksheetId) => {
      for (const h of [...handlers]) await h({ worksheetId });
    },
  };
}

/** The id of each sheet, by name. */
export async function sheetIds(wb: HeadlessWorkbook): Promise<Record<string, string>> {
  return wb.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/id");
    await ctx.sync();
    return Object.fromEntries(sheets.items.map((s) => [s.name, s.id]));
  });
}
