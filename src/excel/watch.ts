// Notice changes to the workbook so the pane can re-scan: worksheets.onChanged (ExcelApi 1.9) with its source,
// "Local" for this person's edits and "Remote" for a co-author's (office-js-docs-pr
// docs/excel/excel-add-ins-events.md, "Events and coauthoring"), and settings.onSettingsChanged (ExcelApi 1.4),
// which says nothing of who changed them. Changes to the sheets the add-in owns do not count: they are
// found by the add-in's tags (defined names that follow the sheets when someone renames them), never by name.
import { isSetSupported } from "./requirements";
import { OWNED_DATA_SHEET_NAME, OWNED_REGISTER_SHEET_NAME, OWNED_SHEET_NAME, sheetFromReference } from "./scorecardOwnership";

export type Unsubscribe = () => Promise<void>;

export type ChangeSource = "Local" | "Remote";

export interface WatchHandlers {
  /** Cells of a sheet changed. */
  changed(worksheetId: string, source: ChangeSource): void;
  /** The add-in's settings changed (by anyone: this pane included). */
  settings?(): void;
}

interface ChangedArgs {
  worksheetId: string;
  source?: string;
}

type Removable = { remove(): void; context: OfficeExtension.ClientRequestContext };

/**
 * Register the handlers. Returns an unsubscribe, or null where Excel cannot report changes (before ExcelApi
 * 1.9): the pane then offers its Scan button only.
 */
export async function watchChanges(context: Excel.RequestContext, handlers: WatchHandlers | ((worksheetId: string) => void)): Promise<Unsubscribe | null> {
  const h: WatchHandlers = typeof handlers === "function" ? { changed: (id) => handlers(id) } : handlers;
  const sheets = context.workbook.worksheets as Excel.WorksheetCollection & { onChanged?: Excel.WorksheetCollection["onChanged"] };
  if (!isSetSupported("ExcelApi", "1.9") || !sheets.onChanged) return null;
  const results: Removable[] = [];
  results.push(sheets.onChanged.add(async (args: ChangedArgs) => h.changed(args.worksheetId, args.source === "Remote" ? "Remote" : "Local")) as unknown as Removable);
  const settingsEvents = (context.workbook.settings as Excel.SettingCollection & { onSettingsChanged?: Excel.SettingCollection["onSettingsChanged"] }).onSettingsChanged;
  if (h.settings && settingsEvents) results.push(settingsEvents.add(async () => h.settings!()) as unknown as Removable);
  await context.sync();
  // Handlers are removed through the context that added them: in Office, by handing it back to Excel.run.
  return async () => {
    const run = (globalThis as { Excel?: { run?: unknown } }).Excel?.run as
      | ((ctx: OfficeExtension.ClientRequestContext, batch: (c: Excel.RequestContext) => Promise<void>) => Promise<void>)
      | undefined;
    const ctx = results[0].context;
    if (typeof run === "function") {
      await run(ctx, async (c) => {
        for (const r of results) r.remove();
        await c.sync();
      });
      return;
    }
    for (const r of results) r.remove();
    await (ctx as unknown as Excel.RequestContext).sync();
  };
}

/**
 * The ids of the sheets the add-in owns (the scorecard and its data sheet), by their tags, in one sync; empty
 * when there are none. Change events carry only a worksheet id; this tells the add-in's sheets from the user's
 * whatever they are now called.
 */
export async function ownedSheetIds(context: Excel.RequestContext): Promise<string[]> {
  const tags = [OWNED_SHEET_NAME, OWNED_DATA_SHEET_NAME, OWNED_REGISTER_SHEET_NAME].map((n) => {
    const tag = context.workbook.names.getItemOrNullObject(n);
    tag.load("formula");
    return tag;
  });
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name");
  await context.sync();
  const ids: string[] = [];
  for (const tag of tags) {
    if (tag.isNullObject) continue;
    const name = sheetFromReference(String(tag.formula));
    const id = name === null ? undefined : sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase())?.id;
    if (id) ids.push(id);
  }
  return ids;
}

/** The scorecard sheet's id alone (null when there is none). */
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
