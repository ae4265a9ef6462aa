// `npm run accuracy`: scan every corpus workbook (tests/corpus) through src/excel on the headless
// host, as the command line does, and compare with what the publishers say. Prints one line per
// entry, the per-field figures, the reporting date inferred, then `accuracy: recall R precision P fields F`
// (in-sample), `out-of-sample: …` (the first scores kept in the entries) and that line per floor set.
// `--verbose` adds each entry's fields and every miss; `--only <id>` scores one entry.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openWorkbook } from "../src/host";
import { scanWorkbook } from "../src/excel/scanWorkbook";
import type { ScanResult } from "../src/core/types";
import { CORPUS_DIR, loadEntries, type CorpusEntry } from "./corpus/entry";
import { xlsxPath } from "./corpus/build";
import { outOfSample, outOfSampleBySet, outOfSampleOfSets, reportingDateRight, scoreEntry, SCORED_FIELDS, totals, type EntryScore } from "./corpus/score";

/** A day well after every corpus table's data: what "today" is when the scan must infer the reporting date. */
export const LATE_TODAY = "2026-12-05";

export async function scanBytes(bytes: Uint8Array, id: string, asOf: string | null): Promise<ScanResult> {
  const wb = await openWorkbook(bytes);
  const overrides = asOf ? { asOf } : {};
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: `${id}.xlsx`, overrides, today: asOf ?? LATE_TODAY }));
  return result;
}

export async function scanEntry(entry: CorpusEntry): Promise<ScanResult> {
  return scanBytes(await readFile(xlsxPath(entry)), entry.id, entry.asOf);
}

export interface CorpusScore extends EntryScore {
  /** The reporting date the scan settled on with none given, and whether it is the publisher's month. */
  inferredAsOf: string;
  inferredRight: boolean;
}

export async function scoreCorpus(filter?: string): Promise<CorpusScore[]> {
  const scores: CorpusScore[] = [];
  for (const e of loadEntries()) {
    if (filter && e.id !== filter) continue;
    const bytes = await readFile(xlsxPath(e));
    const s = scoreEntry(e, await scanBytes(bytes, e.id, e.asOf));
    const inferredAsOf = (await scanBytes(bytes, e.id, null)).asOf;
    scores.push({ ...s, inferredAsOf, inferredRight: reportingDateRight(e, inferredAsOf) });
  }
  return scores;
}

const f3 = (n: number) => n.toFixed(3);

function printEntry(s: CorpusScore, verbose: boolean): void {
  console.log(`${s.id.padEnd(48)} found ${s.found}/${s.expected}  extra ${s.extra.length}  dup ${s.duplicates.length}  fields ${s.fieldsRight}/${s.fieldsScored}`);
  if (!verbose) return;
  const per = SCORED_FIELDS.filter((f) => s.byField[f].scored > 0).map((f) => `${f} ${s.byField[f].right}/${s.byField[f].scored}`);
  console.log(`    ${per.join("  ")}  reporting date ${s.inferredAsOf} ${s.inferredRight ? "right" : "WRONG"}`);
  for (const m of s.misses) console.log(`    ${m.sheet}!${m.row} ${m.field}${m.due ? ` ${m.due}` : ""}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`);
  for (const x of s.extra) console.log(`    ${x.sheet}!${x.row} extra KPI: ${JSON.stringify(x.measure.slice(0, 60))}`);
  for (const x of s.duplicates) console.log(`    ${x.sheet}!${x.row} duplicate of ${x.of}: ${JSON.stringify(x.measure.slice(0, 60))}`);
}

/** The floor sets (by label prefix) first-scored on this round's engine. */
const THIS_ROUND = ["corpus2", "corpus3", "corpus4", "corpus5"];
/** The fresh batches of the fourth session, first-scored on that session's engine (after the corpus4/5 fixes began). */
const SESSION_4 = ["corpus6", "corpus7"];
/** The fresh blind batch of the fifth session, first-scored on that session's engine before any change for it. */
const SESSION_5 = ["corpus8"];
/** The sixth session's entries: sourced for the word lists' phrases met nowhere (words6h, words6p), and the fresh blind
 * batch corpus9; each first-scored on that session's engine before any change for it. */
const SESSION_6 = ["words6h", "words6p", "corpus9"];
/** The seventh session's fresh blind batch (session 7: corpus10), first-scored on that session's engine before any change for it. */
const SESSION_7 = ["corpus10", "corpus10 (part 2)"];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const scores = await scoreCorpus(only);
  for (const s of scores) printEntry(s, verbose);
  console.log("");
  for (const f of SCORED_FIELDS) {
    const scored = scores.reduce((n, s) => n + s.byField[f].scored, 0);
    const rightN = scores.reduce((n, s) => n + s.byField[f].right, 0);
    console.log(`${f.padEnd(16)} ${rightN}/${scored}`);
  }
  const entries = loadEntries().filter((e) => !only || e.id === only);
  const publishers = new Set(entries.map((e) => e.source.publisher));
  console.log(`entries ${scores.length}, publishers ${publishers.size}, KPIs ${scores.reduce((n, s) => n + s.expected, 0)}`);
  console.log(`reporting date inferred: ${scores.filter((s) => s.inferredRight).length}/${scores.length}`);
  const t = totals(scores);
  console.log(`accuracy: recall ${f3(t.recall)} precision ${f3(t.precision)} fields ${f3(t.fields)}`);
  const o = outOfSample(entries);
  if (o.entries === 0) console.log("out-of-sample: no entry has a first score yet");
  else console.log(`out-of-sample: recall ${f3(o.recall)} precision ${f3(o.precision)} fields ${f3(o.fields)} (first scores of ${o.entries} entries)`);
  // Per floor set (read as data, not through floor.ts, which imports this file): each batch's engine apart.
  const sets = (JSON.parse(readFileSync(join(CORPUS_DIR, "floor.json"), "utf8")) as { sets: { name: string; ids: string[] }[] }).sets;
  for (const { label, totals: t } of outOfSampleBySet(entries, sets)) {
    console.log(`out-of-sample [${label}]: recall ${f3(t.recall)} precision ${f3(t.precision)} fields ${f3(t.fields)} (${t.entries} entries)`);
  }
  // The batches first-scored on this round's engine (after issue 15 items 3-5), summed: the issue's out-of-sample figure.
  const round = outOfSampleOfSets(entries, sets, THIS_ROUND);
  if (round.entries > 0) {
    console.log(`out-of-sample [this round: ${THIS_ROUND.join("+")}]: recall ${f3(round.recall)} precision ${f3(round.precision)} fields ${f3(round.fields)} (${round.entries} entries)`);
  }
  const session4 = outOfSampleOfSets(entries, sets, SESSION_4);
  if (session4.entries > 0) {
    console.log(`out-of-sample [session 4: ${SESSION_4.join("+")}]: recall ${f3(session4.recall)} precision ${f3(session4.precision)} fields ${f3(session4.fields)} (${session4.entries} entries)`);
  }
  const session5 = outOfSampleOfSets(entries, sets, SESSION_5);
  if (session5.entries > 0) {
    console.log(`out-of-sample [session 5: ${SESSION_5.join("+")}]: recall ${f3(session5.recall)} precision ${f3(session5.precision)} fields ${f3(session5.fields)} (${session5.entries} entries)`);
  }
  const session6 = outOfSampleOfSets(entries, sets, SESSION_6);
  if (session6.entries > 0) {
    console.log(`out-of-sample [session 6: ${SESSION_6.join("+")}]: recall ${f3(session6.recall)} precision ${f3(session6.precision)} fields ${f3(session6.fields)} (${session6.entries} entries)`);
  }
  const session7 = outOfSampleOfSets(entries, sets, SESSION_7);
  if (session7.entries > 0) {
    console.log(`out-of-sample [session 7: ${SESSION_7.join("+")}]: recall ${f3(session7.recall)} precision ${f3(session7.precision)} fields ${f3(session7.fields)} (${session7.entries} entries)`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
