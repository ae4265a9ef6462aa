// A throwaway copy printed as the board pack: every sheet but the scorecard and its register hidden, so only they
// print, in order (the data sheet is hidden already). One read of the sheet names and one write, never a sync per sheet.

export async function hideAllSheetsBut(context: Excel.RequestContext, keep: readonly string[]): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  for (const s of sheets.items) if (!keep.includes(s.name)) s.visibility = "Hidden";
  await context.sync();
}
