// Notice changes to the workbook (the user's own and co-authors') so the pane can re-scan.
import { isSetSupported } from "./requirements";

export interface WatchOptions {
  /** Changes on this sheet are ignored: it is the scorecard the add-in writes itself. */
  ignoreSheet?: string;
}

export type Unsubscribe = () => Promise<void>;

interface ChangedArgs {
  worksheetId: string;
}

/**
 * Register worksheets.onChanged (ExcelApi 1.9). Returns an unsubscribe, or null where the host cannot
 * report changes (older Excel, the headless host): the pane then offers its Scan button only.
 */
export async function watchChanges(
  context: Excel.RequestContext,
  onChange: (worksheetId: string) => void,
  options: WatchOptions = {},
): Promise<Unsubscribe | null> {
  const sheets = context.workbook.worksheets as Excel.WorksheetCollection & { onChanged?: Excel.WorksheetCollection["onChanged"] };
  if (!isSetSupported("ExcelApi", "1.9") || !sheets.onChanged) return null;
  let ignoredId: string | null = null;
  if (options.ignoreSheet) {
    const ignored = sheets.getItemOrNullObject(options.ignoreSheet);
    ignored.load("id");
    await context.sync();
    ignoredId = ignored.isNullObject ? null : ignored.id;
  }
  const handler = async (args: ChangedArgs) => {
    if (args.worksheetId !== ignoredId) onChange(args.worksheetId);
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
 * The names of worksheets by id, in one sync (null for a sheet deleted since). Change events carry
 * only the worksheet id; the pane needs the name to tell its own scorecard from the user's sheets.
 */
export async function sheetNamesOf(context: Excel.RequestContext, ids: readonly string[]): Promise<Map<string, string | null>> {
  const sheets = ids.map((id) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(id);
    ws.load("name");
    return { id, ws };
  });
  await context.sync();
  return new Map(sheets.map(({ id, ws }) => [id, ws.isNullObject ? null : ws.name]));
}
