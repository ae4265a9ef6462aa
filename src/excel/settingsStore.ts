// The add-in's settings live in the workbook's add-in settings (Excel.SettingCollection), one key per thing a
// person changes (src/core/settingsStore.ts), so everyone who opens a shared workbook, and the command line,
// sees the same results, and two co-authors' changes made at the same time are both kept. A change is a
// read-modify-write of its own keys only. Nothing calls the Common API's Office.context.document.settings
// .saveAsync: it writes the whole in-memory bag over what co-authors stored (office-js-docs-reference
// office.settings.yml, refreshAsync) and clears the user's undo stack (office-js issue 3141).
import type { Settings } from "../core/settings";
import { decodeSettings, isSettingsKey, settingsWrites, withWrites, type StoredItems } from "../core/settingsStore";
import { parseStoredSetting, SETTINGS_KEY } from "../core/settings";

/** Queue the read of the add-in's settings; after the sync, the items (key -> value). */
export function queueStoredItems(context: Excel.RequestContext): () => StoredItems {
  const items = context.workbook.settings;
  items.load("items/key,items/value");
  return () => {
    const out: StoredItems = {};
    for (const s of items.items) {
      if (!isSettingsKey(s.key)) continue;
      // Only the whole object older versions wrote may come back as its JSON text.
      out[s.key] = s.key === SETTINGS_KEY ? parseStoredSetting(s.value) : s.value;
    }
    return out;
  };
}

/** The add-in's settings as stored now, in one sync. */
export async function readStoredItems(context: Excel.RequestContext): Promise<StoredItems> {
  const read = queueStoredItems(context);
  await context.sync();
  return read();
}

/**
 * Store a change of the settings from `base` (what the change was made from; default what is stored now) to
 * `next`: only the keys it changes are written, over what is stored now. One sync, plus one to read what is
 * stored unless `items` is given (read in the same Excel.run). Returns the items as the workbook now holds them.
 */
export async function saveSettings(context: Excel.RequestContext, next: Settings, base?: Settings, items?: StoredItems): Promise<StoredItems> {
  const now = items ?? (await readStoredItems(context));
  const stored = decodeSettings(now);
  const writes = settingsWrites(base ?? stored.settings, next, stored);
  const settings = context.workbook.settings;
  let after = now;
  for (const [key, value] of Object.entries(writes)) {
    if (value === null && removable(after, key)) {
      // Nothing older under it: the key goes, rather than store a null (its round trip is not documented).
      if (key in after) settings.getItem(key).delete();
      after = withoutKey(after, key);
      continue;
    }
    // A plain JSON copy: the setting store holds JSON, never class instances or undefined.
    settings.add(key, JSON.parse(JSON.stringify(value ?? null)));
    after = withWrites(after, { [key]: value });
  }
  if (Object.keys(writes).length) await context.sync();
  return after;
}

function withoutKey(items: StoredItems, key: string): StoredItems {
  const out = { ...items };
  delete out[key];
  return out;
}

/** Whether deleting a key says what storing null under it would (no older single value holds that entry). */
function removable(items: StoredItems, key: string): boolean {
  const decoded = (i: StoredItems) => JSON.stringify(decodeSettings(i).settings);
  return decoded(withoutKey(items, key)) === decoded(withWrites(items, { [key]: null }));
}

/** The stored settings, over the defaults. */
export function storedSettings(items: StoredItems): Settings {
  return decodeSettings(items).settings;
}
