// How the settings are kept in the workbook's add-in settings, one key per thing a person changes: each
// setting, each KPI's correction or polarity, each table left out, each table correction. A change writes
// only its own keys, so two co-authors who change different things at the same time both keep their change
// (Excel.SettingCollection stores key by key; a whole-object value written by one would overwrite the
// other's). The single value older versions wrote (SETTINGS_KEY) is read as the base the keys override;
// a key holding null removes what the base said.
import { readTableCorrections, type TableCorrection } from "./corrections";
import { parseStoredSetting, resolveSettings, SETTINGS_KEY, type Settings } from "./settings";

/** Every key the add-in stores starts with this. */
export const SETTINGS_PREFIX = "kpiScorecard.";
const SETTING = `${SETTINGS_PREFIX}setting.`;
const POLARITY = `${SETTINGS_PREFIX}polarity.`;
const KPI = `${SETTINGS_PREFIX}kpi.`;
const EXCLUDED = `${SETTINGS_PREFIX}excluded.`;
const TABLE = `${SETTINGS_PREFIX}table.`;

/** The settings that are one value each. */
const SCALARS = [
  "asOf", "planStart", "amberBand", "amberMode", "noChangeBand", "defaultPolarity", "blueWhenFinalTargetMet", "scorecardSheetName",
  "financialYearStartMonth", "organisation", "reportTitle", "meetingName", "reportingPeriod", "registerOrder", "staleRatesGrey", "scorecardPlacement",
] as const satisfies readonly (keyof Settings)[];

/** The add-in's stored items, key -> value (as read from the workbook; other add-ins' keys are never here). */
export type StoredItems = Record<string, unknown>;

export interface StoredSettings {
  settings: Settings;
  /** The key of each of settings.tables, in order. */
  tableIds: string[];
}

/** Whether a key is the add-in's. */
export function isSettingsKey(key: string): boolean {
  return key.startsWith(SETTINGS_PREFIX);
}

/** The add-in's items among a file's settings (a reader of the .xlsx hands over every property it found). */
export function storedItemsFrom(properties: ReadonlyMap<string, unknown>): StoredItems {
  const out: StoredItems = {};
  for (const [k, v] of properties) if (isSettingsKey(k)) out[k] = k === SETTINGS_KEY ? parseStoredSetting(v) : v;
  return out;
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Overrides from the keys under a prefix onto a record from the base: null removes. */
function overlay(base: Record<string, unknown>, items: StoredItems, prefix: string): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(items)) {
    if (!k.startsWith(prefix)) continue;
    const name = k.slice(prefix.length);
    if (v === null) delete out[name];
    else out[name] = v;
  }
  return out;
}

/** The settings the stored items say, over the defaults (anything of the wrong shape is left out). */
export function decodeSettings(items: StoredItems): StoredSettings {
  const keyed = Object.keys(items).some((k) => isSettingsKey(k) && k !== SETTINGS_KEY);
  // Older copies hold the settings object itself, or the whole object under SETTINGS_KEY.
  const legacy = asObject(parseStoredSetting(items[SETTINGS_KEY] ?? (keyed ? undefined : items)));
  const raw: Record<string, unknown> = { ...legacy };
  for (const [k, v] of Object.entries(items)) if (k.startsWith(SETTING) && SCALARS.includes(k.slice(SETTING.length) as (typeof SCALARS)[number])) raw[k.slice(SETTING.length)] = v;
  raw.polarityOverrides = overlay(asObject(legacy.polarityOverrides), items, POLARITY);
  raw.kpiCorrections = overlay(asObject(legacy.kpiCorrections), items, KPI);
  const excluded = Object.fromEntries((Array.isArray(legacy.excludedTables) ? legacy.excludedTables : []).map((id) => [String(id), true]));
  raw.excludedTables = Object.entries(overlay(excluded, items, EXCLUDED)).filter(([, v]) => v === true).map(([id]) => id);
  const legacyTables = Object.fromEntries((Array.isArray(legacy.tables) ? legacy.tables : []).map((t, i) => [`legacy-${i}`, t]));
  const tables: TableCorrection[] = [];
  const tableIds: string[] = [];
  for (const [id, value] of Object.entries(overlay(legacyTables, items, TABLE))) {
    const [valid] = readTableCorrections([value]);
    if (!valid) continue;
    tables.push(valid);
    tableIds.push(id);
  }
  raw.tables = tables;
  const settings = resolveSettings(raw);
  // resolveSettings keeps every valid table, in order: the ids stay aligned with them.
  return { settings, tableIds: settings.tables.length === tables.length ? tableIds : tableIds.slice(0, settings.tables.length) };
}

const json = (v: unknown) => JSON.stringify(v ?? null);

function overlaps(a: TableCorrection, b: TableCorrection): boolean {
  if (a.sheet !== b.sheet) return false;
  const [ra, rb] = [a.range, b.range].map((r) => r.split(":"));
  return ra[0] === rb[0] || json(a.anchor) === json(b.anchor);
}

/**
 * The keys to write for a change from `base` to `next` (null: remove), against what is stored now: only what
 * the change touches. A table correction changed in place keeps its key; a new one gets one of its own.
 */
export function settingsWrites(base: Settings, next: Settings, stored: StoredSettings): Record<string, unknown> {
  const writes: Record<string, unknown> = {};
  for (const f of SCALARS) if (json(base[f]) !== json(next[f])) writes[`${SETTING}${f}`] = next[f] ?? null;
  for (const [prefix, a, b] of [[POLARITY, base.polarityOverrides, next.polarityOverrides], [KPI, base.kpiCorrections, next.kpiCorrections]] as const) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (json((a as Record<string, unknown>)[k]) !== json((b as Record<string, unknown>)[k])) writes[`${prefix}${k}`] = (b as Record<string, unknown>)[k] ?? null;
    }
  }
  const before = new Set(base.excludedTables), after = new Set(next.excludedTables);
  for (const id of after) if (!before.has(id)) writes[`${EXCLUDED}${id}`] = true;
  for (const id of before) if (!after.has(id)) writes[`${EXCLUDED}${id}`] = null;
  tableWrites(base.tables, next.tables, stored, writes);
  return writes;
}

function tableWrites(base: TableCorrection[], next: TableCorrection[], stored: StoredSettings, writes: Record<string, unknown>): void {
  const beforeJson = new Set(base.map(json)), afterJson = new Set(next.map(json));
  const removed = base.filter((t) => !afterJson.has(json(t)));
  const added = next.filter((t) => !beforeJson.has(json(t)));
  const idOf = (t: TableCorrection) => {
    const i = stored.settings.tables.findIndex((s) => json(s) === json(t));
    return i >= 0 ? stored.tableIds[i] : null;
  };
  const freed = removed.map((t) => ({ t, id: idOf(t) }));
  const taken = new Set(stored.tableIds);
  for (const t of added) {
    // A correction made from one that went: the same table, changed; it keeps the key (a co-author's change to it is replaced, not doubled).
    const from = freed.findIndex((f) => f.id !== null && overlaps(f.t, t));
    if (from >= 0) {
      writes[`${TABLE}${freed[from].id}`] = t;
      freed.splice(from, 1);
      continue;
    }
    let id = `${t.sheet}!${t.range}`;
    for (let n = 2; taken.has(id); n++) id = `${t.sheet}!${t.range}#${n}`;
    taken.add(id);
    writes[`${TABLE}${id}`] = t;
  }
  for (const f of freed) if (f.id !== null) writes[`${TABLE}${f.id}`] = null;
}

/** The stored items with the writes applied (what the workbook holds after them). */
export function withWrites(items: StoredItems, writes: Record<string, unknown>): StoredItems {
  return { ...items, ...JSON.parse(JSON.stringify(writes)) };
}
