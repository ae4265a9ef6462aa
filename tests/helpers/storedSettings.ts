// What the add-in has stored in a workbook's settings (key by key: src/core/settingsStore.ts), as one Settings;
// null when it has stored nothing.
import type { HeadlessWorkbook } from "../../src/host";
import type { Settings } from "../../src/core/settings";
import { readStoredItems, storedSettings as decode } from "../../src/excel/settingsStore";

export async function storedSettings(wb: HeadlessWorkbook): Promise<Settings | null> {
  const items = await wb.run((ctx) => readStoredItems(ctx));
  return Object.keys(items).length ? decode(items) : null;
}
