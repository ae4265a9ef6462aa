// The floors the corpus tests hold (tests/corpus/floor.json), and `npm run corpus:floor`, which raises them to the
// figures scored now. Floors are held per entry (recall, fields) and per set of entries: the totals, each field and
// the reporting date over the entries a set was reached on. Entries added later form a new set with its own floors,
// so honest new entries never lower an old floor, and nothing is ever lowered: a figure below its floor is reported
// and the command fails, changing nothing.
// A fields floor (an entry's or a set's fields, a set's each field) holds the NUMBER right as well as the ratio, and
// the KPIs found when that ratio was reached: finding more KPIs, some with fields still wrong, may lower the ratio
// but never the number right (lead's decision of session 5, 11:30). A ratio reached on no scored fields (1 from 0/0)
// holds nothing but its number right.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scoreCorpus, type CorpusScore } from "../accuracy";
import { CORPUS_DIR } from "./entry";
import { SCORED_FIELDS, totals } from "./score";

export interface SetFloor {
  name: string;
  recall: number;
  precision: number;
  fields: number;
  reportingDate: number;
  byField: Record<string, number>;
  /** The number of fields right (it may only go up) and the KPIs found when `fields` was reached. */
  fieldsRight?: number;
  fieldsAt?: number;
  /** The same per field: [number right, KPIs found when that field's ratio was reached]. */
  byFieldRight?: Record<string, [number, number]>;
  ids: string[];
}

export interface EntryFloor {
  recall: number;
  fields: number;
  fieldsRight?: number;
  fieldsAt?: number;
}

export interface FloorFile {
  note?: string;
  sets: SetFloor[];
  entries: Record<string, EntryFloor>;
}

/** A fields figure as scored now: its ratio, the number right and the KPIs found. */
interface FieldsNow {
  ratio: number;
  right: number;
  found: number;
}
/** A fields floor: the ratio, and (once recorded) the number right and the KPIs found when the ratio was reached. */
interface FieldsFloor {
  ratio: number;
  right?: number;
  at?: number;
}

/** Why a fields figure is below its floor, or null: the number right must not fall, and the ratio must not fall
 *  unless more KPIs are found than when it was reached (a ratio of 1 with none right was reached on nothing). */
export function fieldsFall(now: FieldsNow, min: FieldsFloor): string | null {
  if (min.right !== undefined && now.right < min.right) return `${now.right} right < floor ${min.right}`;
  const onNothing = min.right === 0 && min.ratio === 1;
  const foundMore = min.at !== undefined && now.found > min.at;
  if (onNothing || foundMore || now.ratio >= min.ratio - 1e-9) return null;
  return `${now.ratio} < floor ${min.ratio}`;
}

/** A fields floor raised to the figures now; the ratio (and the KPIs it was reached on) only where it did not fall. */
function raiseFields(min: FieldsFloor, now: FieldsNow): Required<FieldsFloor> {
  const right = Math.max(min.right ?? 0, now.right);
  if (now.ratio >= min.ratio - 1e-9) return { ratio: Math.max(min.ratio, now.ratio), right, at: Math.max(min.at ?? 0, now.found) };
  return { ratio: min.ratio, right, at: min.at ?? now.found };
}

export const FLOOR_PATH = join(CORPUS_DIR, "floor.json");
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
/** Three decimals, rounded down, so the figure itself always meets the floor written for it. */
const down3 = (n: number) => Math.floor(n * 1000 + 1e-9) / 1000;

/** The figures of a set of scored entries, as floors are written. */
export function setFigures(scores: CorpusScore[]): Omit<SetFloor, "name" | "ids"> & Required<Pick<SetFloor, "fieldsRight" | "fieldsAt" | "byFieldRight">> {
  const t = totals(scores);
  const found = scores.reduce((n, s) => n + s.found, 0);
  const byField: Record<string, number> = {};
  const byFieldRight: Record<string, [number, number]> = {};
  for (const f of SCORED_FIELDS) {
    const scored = scores.reduce((n, s) => n + s.byField[f].scored, 0);
    const right = scores.reduce((n, s) => n + s.byField[f].right, 0);
    if (scored > 0) {
      byField[f] = down3(ratio(right, scored));
      byFieldRight[f] = [right, found];
    }
  }
  return {
    recall: down3(t.recall),
    precision: down3(t.precision),
    fields: down3(t.fields),
    reportingDate: down3(ratio(scores.filter((s) => s.inferredRight).length, scores.length)),
    byField,
    fieldsRight: scores.reduce((n, s) => n + s.fieldsRight, 0),
    fieldsAt: found,
    byFieldRight,
  };
}

export const entryFigures = (s: CorpusScore): Required<EntryFloor> => ({
  recall: down3(ratio(s.found, s.expected)),
  fields: down3(ratio(s.fieldsRight, s.fieldsScored)),
  fieldsRight: s.fieldsRight,
  fieldsAt: s.found,
});

/** Every figure below its floor, in words (an entry a set names that is gone counts as a fall). */
export function falls(floor: FloorFile, scores: CorpusScore[]): string[] {
  const out: string[] = [];
  const byId = new Map(scores.map((s) => [s.id, s]));
  const below = (name: string, is: number, min: number | undefined) => {
    if (min !== undefined && is < min - 1e-9) out.push(`${name} ${is} < floor ${min}`);
  };
  for (const set of floor.sets) {
    const held = set.ids.map((id) => byId.get(id));
    const gone = set.ids.filter((_, i) => !held[i]);
    if (gone.length) out.push(`${set.name}: entries gone: ${gone.join(", ")}`);
    const now = setFigures(held.filter((s): s is CorpusScore => !!s));
    for (const k of ["recall", "precision", "reportingDate"] as const) below(`${set.name}: ${k}`, now[k], set[k]);
    // With entries gone the counts say nothing more: the ratios are held over the entries left.
    const counts = gone.length === 0;
    fell(`${set.name}: fields`, { ratio: now.fields, right: now.fieldsRight, found: now.fieldsAt }, { ratio: set.fields, right: counts ? set.fieldsRight : undefined, at: counts ? set.fieldsAt : undefined });
    for (const [f, min] of Object.entries(set.byField)) {
      const [right, at] = (counts && set.byFieldRight?.[f]) || [undefined, undefined];
      fell(`${set.name}: ${f}`, { ratio: now.byField[f] ?? 1, right: now.byFieldRight[f]?.[0] ?? 0, found: now.fieldsAt }, { ratio: min, right, at });
    }
  }
  for (const s of scores) {
    const min = floor.entries[s.id];
    if (!min) continue;
    const now = entryFigures(s);
    below(`${s.id}: recall`, now.recall, min.recall);
    fell(`${s.id}: fields`, { ratio: now.fields, right: now.fieldsRight, found: now.fieldsAt }, { ratio: min.fields, right: min.fieldsRight, at: min.fieldsAt });
  }
  return out;

  function fell(name: string, now: FieldsNow, min: FieldsFloor): void {
    const why = fieldsFall(now, min);
    if (why) out.push(`${name} ${why}`);
  }
}

/** The floor raised to the figures scored now; entries that no set holds yet become a new set named `newSet`. */
export function raise(old: FloorFile, scores: CorpusScore[], newSet: string): FloorFile {
  const byId = new Map(scores.map((s) => [s.id, s]));
  const up = (was: number, is: number) => Math.max(was, is);
  const sets = old.sets.map((set) => {
    const now = setFigures(set.ids.map((id) => byId.get(id)).filter((s): s is CorpusScore => !!s));
    const byField = { ...set.byField };
    const byFieldRight = { ...set.byFieldRight };
    for (const [f, v] of Object.entries(now.byField)) {
      const [right, at] = set.byFieldRight?.[f] ?? [undefined, undefined];
      const r = raiseFields({ ratio: byField[f] ?? 0, right, at }, { ratio: v, right: now.byFieldRight[f][0], found: now.fieldsAt });
      byField[f] = r.ratio;
      byFieldRight[f] = [r.right, r.at];
    }
    const fields = raiseFields({ ratio: set.fields, right: set.fieldsRight, at: set.fieldsAt }, { ratio: now.fields, right: now.fieldsRight, found: now.fieldsAt });
    const { ids, ...rest } = set;
    return {
      ...rest, recall: up(set.recall, now.recall), precision: up(set.precision, now.precision), fields: fields.ratio,
      reportingDate: up(set.reportingDate, now.reportingDate), byField, fieldsRight: fields.right, fieldsAt: fields.at, byFieldRight, ids,
    };
  });
  const held = new Set(old.sets.flatMap((s) => s.ids));
  const fresh = scores.filter((s) => !held.has(s.id));
  if (fresh.length) sets.push({ name: newSet, ...setFigures(fresh), ids: fresh.map((s) => s.id) });
  const entries: FloorFile["entries"] = {};
  for (const s of scores) {
    const was = old.entries[s.id];
    const now = entryFigures(s);
    if (!was) {
      entries[s.id] = now;
      continue;
    }
    const f = raiseFields({ ratio: was.fields, right: was.fieldsRight, at: was.fieldsAt }, { ratio: now.fields, right: now.fieldsRight, found: now.fieldsAt });
    entries[s.id] = { recall: up(was.recall, now.recall), fields: f.ratio, fieldsRight: f.right, fieldsAt: f.at };
  }
  return { note: old.note, sets, entries };
}

const one = (v: unknown) => JSON.stringify(v).replace(/,"/g, ', "').replace(/":/g, '": ').replace(/,(?=\S)/g, ", ");

/** floor.json as text: a set's figures, its fields and its entry list a line each; an entry a line. */
export function formatFloor(f: FloorFile): string {
  const sets = f.sets.map((s) => {
    const { byField, byFieldRight, ids, ...head } = s;
    const right = byFieldRight ? `\n     "byFieldRight": ${one(byFieldRight)},` : "";
    return `    {${one(head).slice(1, -1)},\n     "byField": ${one(byField)},${right}\n     "ids": ${one(ids)}}`;
  });
  const entries = Object.entries(f.entries).map(([id, v]) => `    ${JSON.stringify(id)}: ${one(v)}`);
  return `{\n  "note": ${JSON.stringify(f.note ?? "")},\n  "sets": [\n${sets.join(",\n")}\n  ],\n  "entries": {\n${entries.join(",\n")}\n  }\n}\n`;
}

export function readFloor(): FloorFile {
  return JSON.parse(readFileSync(FLOOR_PATH, "utf8")) as FloorFile;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const name = args.includes("--set") ? args[args.indexOf("--set") + 1] : `entries added ${new Date().toISOString().slice(0, 10)}`;
  const old = readFloor();
  const scores = await scoreCorpus();
  const fell = falls(old, scores);
  if (fell.length) {
    console.error(`below the floor, nothing written:\n  ${fell.join("\n  ")}`);
    process.exitCode = 1;
    return;
  }
  const floor = raise(old, scores, name);
  writeFileSync(FLOOR_PATH, formatFloor(floor));
  for (const s of floor.sets) console.log(`${s.name} (${s.ids.length} entries): recall ${s.recall} precision ${s.precision} fields ${s.fields}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
