// The add-in's settings live in the workbook (context.workbook.settings under SETTINGS_KEY), so
// everyone who opens a shared workbook, and the command line, sees the same results.
import { SETTINGS_KEY, type Settings } from "../core/settings";

interface OfficeDocumentLike {
  context?: {
    document?: {
      settings?: { set?: (key: string, value: unknown) => void; saveAsync?: (cb?: (r: { status: string }) => void) => void };
    };
  };
}

/** Write the settings in one sync; in real Excel also persist the document settings. */
export async function saveSettings(context: Excel.RequestContext, settings: Settings): Promise<void> {
  // A plain JSON copy: the setting store holds JSON, never class instances or undefined.
  const json = JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
  context.workbook.settings.add(SETTINGS_KEY, json);
  await context.sync();
  await persistDocumentSettings(json);
}

/**
 * Office keeps the document's settings bag in memory until saveAsync. The same value is put in that bag
 * first, so saving it can never write back an older copy over what the Excel API just stored.
 * The headless host has no Office and needs nothing.
 */
function persistDocumentSettings(json: Record<string, unknown>): Promise<void> {
  const office = (globalThis as { Office?: OfficeDocumentLike }).Office;
  const docSettings = office?.context?.document?.settings;
  if (!docSettings?.saveAsync) return Promise.resolve();
  docSettings.set?.(SETTINGS_KEY, json);
  return new Promise((resolve) => docSettings.saveAsync!(() => resolve()));
}
