// What the session changed, as a patch plan for patchPackage: the sheets the add-in created or owns
// (lifted from a package the host saves with only those sheets), the sheets it removed, the names it
// removed, changed or added, and its settings. Everything else is the original file.
import type { NameModel, SheetModel, WorkbookModel } from "../model/types";
import { sheetScopedNames } from "./definedNames";
import { patchPackage, type PatchPlan } from "./patchPackage";
import { saveXlsx } from "./save";
import type { LoadedWebExtensions } from "./webExtension";

/**
 * Defined names the add-in writes start with this (src/excel/scorecardOwnership.ts: "KPIScorecard.Owned");
 * a sheet such a name points at is the add-in's own, and its copy is the one the session left.
 */
export const ADDIN_NAME_PREFIX = "kpiscorecard.";

/** The workbook as it was opened: what the copy is patched from and compared with. */
export interface OpenedWorkbook {
  bytes: Uint8Array;
  sheets: { id: string; name: string }[];
  /** Every defined name, by scope and name, with what it says. */
  names: Map<string, string>;
  settings: string;
}

function nameKey(scopeId: string | null, name: string): string {
  return `${scopeId ?? ""}\u0000${name.toLowerCase()}`;
}

function namesOf(model: WorkbookModel): Map<string, { scope: SheetModel | null; name: NameModel; json: string }> {
  const out = new Map<string, { scope: SheetModel | null; name: NameModel; json: string }>();
  const put = (scope: SheetModel | null, n: NameModel) =>
    out.set(nameKey(scope?.id ?? null, n.name), { scope, name: n, json: JSON.stringify([n.formula, n.comment ?? null, n.visible]) });
  for (const n of model.names) put(null, n);
  for (const s of model.sheets) for (const n of sheetScopedNames(s)) put(s, n);
  return out;
}

function settingsJson(model: WorkbookModel): string {
  return JSON.stringify([...model.settings]);
}

export function openedState(model: WorkbookModel, bytes: Uint8Array): OpenedWorkbook {
  const names = new Map([...namesOf(model)].map(([k, v]) => [k, v.json]));
  return { bytes, sheets: model.sheets.map((s) => ({ id: s.id, name: s.name })), names, settings: settingsJson(model) };
}

/** Sheets that a name of the add-in's points at (its scorecard, its chart data). */
function ownedSheetIds(model: WorkbookModel): Set<string> {
  const out = new Set<string>();
  for (const n of model.names) {
    if (!n.name.toLowerCase().startsWith(ADDIN_NAME_PREFIX)) continue;
    const ref = n.formula.replace(/^=/, "");
    const bang = ref.lastIndexOf("!");
    if (bang <= 0) continue;
    const raw = ref.slice(0, bang);
    const sheetName = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    const sheet = model.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (sheet) out.add(sheet.id);
  }
  return out;
}

/** The copy: the original package with the session's sheets, names and settings patched in. */
export async function saveCopy(
  model: WorkbookModel,
  opened: OpenedWorkbook,
  webExtensions: Pick<LoadedWebExtensions, "parts" | "settingsPart">,
): Promise<Uint8Array> {
  const originalName = new Map(opened.sheets.map((s) => [s.id, s.name]));
  const owned = ownedSheetIds(model);
  const lifted = model.sheets.filter((s) => !originalName.has(s.id) || owned.has(s.id));
  const liftedIds = new Set(lifted.map((s) => s.id));

  const before = opened.names;
  const after = namesOf(model);
  const removeNames: PatchPlan["removeNames"] = [];
  for (const [key, json] of before) {
    const [scopeId, lower] = key.split("\u0000");
    const now = after.get(key);
    if (scopeId && (!originalName.has(scopeId) || liftedIds.has(scopeId))) continue; // goes with its sheet
    if (now && now.json === json) continue;
    removeNames.push({ name: now?.name.name ?? lower, sheet: scopeId ? originalName.get(scopeId)! : null });
  }
  const addNames: PatchPlan["addNames"] = [];
  for (const [key, n] of after) {
    const onLifted = n.scope !== null && liftedIds.has(n.scope.id);
    if (!onLifted && before.get(key) === n.json) continue;
    addNames.push({ name: n.name, sheet: n.scope?.name ?? null });
  }

  const plan: PatchPlan = {
    sheets: model.sheets.map((s) => (liftedIds.has(s.id) ? { lift: s.name } : { keep: originalName.get(s.id)! })),
    removeNames,
    addNames,
    activeSheet: model.sheets.find((s) => s.id === model.activeSheetId)?.name,
    settings: settingsJson(model) === opened.settings ? undefined : { values: model.settings, webExtensions },
  };
  // Only the lifted sheets are saved through ExcelJS: their cells, styles, strings and charts.
  const liftedBytes = lifted.length
    ? await saveXlsx({ ...model, sheets: lifted, names: [], settings: new Map(), activeSheetId: undefined }, { parts: new Map() })
    : null;
  return patchPackage(opened.bytes, liftedBytes, plan);
}
