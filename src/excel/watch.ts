// Notice changes to the workbook (the user's own and co-authors') so the pane can re-scan. Changes to the
// scorecard sheet the add-in owns do not count: that sheet is found by the add-in's tag (a defined name
// that follows the sheet when someone renames it), never by its name.
import { isSetSupported } from "./requirements";
import { OWNED_SHEET_NAME, sheetFromReference } from "./scorecardOwnership";

export type Unsubscribe = () => Promise<void>;

interface ChangedArgs {
  worksheetId: string;
}

/**
 * Register worksheets.onChanged (ExcelApi 1.9). Returns an unsubscribe, or null where the host cannot
 * report changes (older Excel, the headless host): the pane then offers its Scan button only.
 */
export async function watchChanges(context: Excel.RequestContext, onChange: (worksheetId: string) => void): Promise<Unsubscribe | null> {
  const sheets = context.workbook.worksheets as Excel.WorksheetCollection & { onChanged?: Excel.WorksheetCollection["onChanged"] };
  if (!isSetSupported("ExcelApi", "1.9") || !sheets.onChanged) return null;
  const handler = async (args: ChangedArgs) => {
    onChange(args.worksheetId);
  };
  const result = sheets.onChanged.add(handler);
  await context.sync();
  // Handlers are removed through the context that added them: in Office, by handing it back to Excel.run.
  return async () => {
    const run = (globalThis as { Excel?: { run?: unknown } }).Excel?.run as
      | ((ctx: OfficeExtension.ClientRequestContext, batch: (c: Excel.RequestContext) => Promise<void>) => Promise<void>)
      | undefined;
    if (typeof run === "function") {
      await run(result.context, async (ctx) => {
        result.remove();
        await ctx.sync();
      });
      return;
    }
    result.remove();
    await result.context.sync();
  };
}

/**
 * The id of the sheet the add-in owns, by its tag, in one sync; null when there is none (no scorecard
 * yet, or its sheet was deleted). Change events carry only a worksheet id; this tells the scorecard
 * from the user's sheets whatever the scorecard is now called.
 */
export async function ownedSheetId(context: Excel.RequestContext): Promise<string | null> {
  const tag = context.workbook.names.getItemOrNullObject(OWNED_SHEET_NAME);
  tag.load("formula");
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name");
  await context.sync();
  if (tag.isNullObject) return null;
  const name = sheetFromReference(String(tag.formula));
  if (name === null) return null;
  return sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase())?.id ?? null;
}
