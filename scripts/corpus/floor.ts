// The floors the corpus tests hold (tests/corpus/floor.json), and `npm run corpus:floor`, which raises them to the
// figures scored now. Floors are held per entry (recall, fields) and per set of entries: the totals, each field and
// the reporting date over the entries a set was reached on. Entries added later form a new set with its own floors,
// so honest new entries never lower an old floor, and nothing is ever lowered: a figure below its floor is reported
// and the command fails, changing nothing.
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
  ids: string[];
}

export interface FloorFile {
  note?: string;
  sets: SetFloor[];
  entries: Record<string, { recall: number; fields: number }>;
}

export const FLOOR_PATH = join(CORPUS_DIR, "floor.json");
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
/** Three decimals, rounded down, so the figure itself always meets the floor written for it. */
const down3 = (n: number) => Math.floor(n * 1000 + 1e-9) / 1000;

/** The figures of a set of scored entries, as floors are written. */
export function setFigures(scores: CorpusScore[]): Omit<SetFloor, "name" | "ids"> {
  const t = totals(scores);
  const byField: Record<string, number> = {};
  for (const f of SCORED_FIELDS) {
    const scored = scores.reduce((n, s) => n + s.byField[f].scored, 0);
    if (scored > 0) byField[f] = down3(ratio(scores.reduce((n, s) => n + s.byField[f].right, 0), scored));
  }
  return {
    recall: down3(t.recall),
    precision: down3(t.precision),
    fields: down3(t.fields),
    reportingDate: down3(ratio(scores.filter((s) => s.inferredRight).length, scores.length)),
    byField,
  };
}

export const entryFigures = (s: CorpusScore) => ({ recall: down3(ratio(s.found, s.expected)), fields: down3(ratio(s.fieldsRight, s.fieldsScored)) });

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
    for (const k of ["recall", "precision", "fields", "reportingDate"] as const) below(`${set.name}: ${k}`, now[k], set[k]);
    for (const [f, min] of Object.entries(set.byField)) below(`${set.name}: ${f}`, now.byField[f] ?? 1, min);
  }
  for (const s of scores) {
    const min = floor.entries[s.id];
    if (!min) continue;
    const now = entryFigures(s);
    below(`${s.id}: recall`, now.recall, min.recall);
    below(`${s.id}: fields`, now.fields, min.fields);
  }
  return out;
}

/** The floor raised to the figures scored now; entries that no set holds yet become a new set named `newSet`. */
export function raise(old: FloorFile, scores: CorpusScore[], newSet: string): FloorFile {
  const byId = new Map(scores.map((s) => [s.id, s]));
  const up = (was: number, is: number) => Math.max(was, is);
  const sets = old.sets.map((set) => {
    const now = setFigures(set.ids.map((id) => byId.get(id)).filter((s): s is CorpusScore => !!s));
    const byField = { ...set.byField };
    for (const [f, v] of Object.entries(now.byField)) byField[f] = up(byField[f] ?? 0, v);
    return { ...set, recall: up(set.recall, now.recall), precision: up(set.precision, now.precision), fields: up(set.fields, now.fields), reportingDate: up(set.reportingDate, now.reportingDate), byField };
  });
  const held = new Set(old.sets.flatMap((s) => s.ids));
  const fresh = scores.filter((s) => !held.has(s.id));
  if (fresh.length) sets.push({ name: newSet, ...setFigures(fresh), ids: fresh.map((s) => s.id) });
  const entries: FloorFile["entries"] = {};
  for (const s of scores) {
    const was = old.entries[s.id];
    const now = entryFigures(s);
    entries[s.id] = was ? { recall: up(was.recall, now.recall), fields: up(was.fields, now.fields) } : now;
  }
  return { note: old.note, sets, entries };
}

const one = (v: unknown) => JSON.stringify(v).replace(/,"/g, ', "').replace(/":/g, '": ').replace(/,(?=\S)/g, ", ");

/** floor.json as text: a set's figures, its fields and its entry list a line each; an entry a line. */
export function formatFloor(f: FloorFile): string {
  const sets = f.sets.map((s) => {
    const { byField, ids, ...head } = s;
    return `    {${one(head).slice(1, -1)},\n     "byField": ${one(byField)},\n     "ids": ${one(ids)}}`;
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
