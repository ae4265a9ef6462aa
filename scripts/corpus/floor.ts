// `npm run corpus:floor`: raise tests/corpus/floor.json to the figures the corpus scores now — the totals, each
// field, the reporting date inferred and each entry (recall and fields). It never lowers a floor: a figure below
// its floor is reported and the command fails, so a fall is fixed, not written down.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scoreCorpus, type CorpusScore } from "../accuracy";
import { CORPUS_DIR } from "./entry";
import { SCORED_FIELDS, totals } from "./score";

export interface FloorFile {
  recall: number;
  precision: number;
  fields: number;
  reportingDate?: number;
  byField?: Record<string, number>;
  entries?: Record<string, { recall: number; fields: number }>;
  note?: string;
}

const FLOOR_PATH = join(CORPUS_DIR, "floor.json");
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
/** Three decimals, rounded down, so the figure itself always meets the floor written for it. */
const down3 = (n: number) => Math.floor(n * 1000 + 1e-9) / 1000;

export function figuresOf(scores: CorpusScore[]): Omit<FloorFile, "note"> {
  const t = totals(scores);
  const byField: Record<string, number> = {};
  for (const f of SCORED_FIELDS) {
    const scored = scores.reduce((n, s) => n + s.byField[f].scored, 0);
    if (scored > 0) byField[f] = down3(ratio(scores.reduce((n, s) => n + s.byField[f].right, 0), scored));
  }
  const entries: FloorFile["entries"] = {};
  for (const s of scores) entries[s.id] = { recall: down3(ratio(s.found, s.expected)), fields: down3(ratio(s.fieldsRight, s.fieldsScored)) };
  return {
    recall: down3(t.recall),
    precision: down3(t.precision),
    fields: down3(t.fields),
    reportingDate: down3(ratio(scores.filter((s) => s.inferredRight).length, scores.length)),
    byField,
    entries,
  };
}

/** The floor raised to the figures; with every figure that fell below its floor, in words. */
export function raise(old: FloorFile, now: Omit<FloorFile, "note">): { floor: FloorFile; falls: string[] } {
  const falls: string[] = [];
  const up = (name: string, was: number | undefined, is: number) => {
    if (was !== undefined && is < was) falls.push(`${name} ${is} < floor ${was}`);
    return Math.max(was ?? 0, is);
  };
  const floor: FloorFile = {
    recall: up("recall", old.recall, now.recall),
    precision: up("precision", old.precision, now.precision),
    fields: up("fields", old.fields, now.fields),
    reportingDate: up("reporting date", old.reportingDate, now.reportingDate ?? 0),
    byField: {},
    entries: {},
    note: old.note,
  };
  for (const [f, v] of Object.entries(now.byField ?? {})) floor.byField![f] = up(f, old.byField?.[f], v);
  for (const [id, v] of Object.entries(now.entries ?? {})) {
    const was = old.entries?.[id];
    floor.entries![id] = { recall: up(`${id} recall`, was?.recall, v.recall), fields: up(`${id} fields`, was?.fields, v.fields) };
  }
  return { floor, falls };
}

/** floor.json as text: the note first, then the totals, a field or an entry per line. */
export function formatFloor(f: FloorFile): string {
  const { note, byField, entries, ...rest } = f;
  const lines = Object.entries({ note, ...rest }).filter(([, v]) => v !== undefined).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const block = (name: string, o: Record<string, unknown>) =>
    `  ${JSON.stringify(name)}: {\n${Object.entries(o).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v).replace(/,"/g, ', "').replace(/":/g, '": ')}`).join(",\n")}\n  }`;
  lines.push(block("byField", byField ?? {}), block("entries", entries ?? {}));
  return `{\n${lines.join(",\n")}\n}\n`;
}

async function main(): Promise<void> {
  const old = JSON.parse(readFileSync(FLOOR_PATH, "utf8")) as FloorFile;
  const { floor, falls } = raise(old, figuresOf(await scoreCorpus()));
  if (falls.length) {
    console.error(`below the floor, nothing written:\n  ${falls.join("\n  ")}`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(FLOOR_PATH, formatFloor(floor));
  console.log(`floor.json: recall ${floor.recall} precision ${floor.precision} fields ${floor.fields}, ${Object.keys(floor.entries ?? {}).length} entries`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
