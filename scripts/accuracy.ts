// `npm run accuracy`: scan every corpus workbook (tests/corpus) through src/excel on the headless
// host, as the command line does, and compare with what the publishers say. Prints one line per
// entry, the per-field figures, and last `accuracy: recall R precision P fields F`.
// `--verbose` lists every miss; `--only <id>` scores one entry.
import { readFile } from "node:fs/promises";
import { openWorkbook } from "../src/host";
import { scanWorkbook } from "../src/excel/scanWorkbook";
import type { ScanResult } from "../src/core/types";
import { loadEntries, type CorpusEntry } from "./corpus/entry";
import { xlsxPath } from "./corpus/build";
import { scoreEntry, SCORED_FIELDS, totals, type EntryScore } from "./corpus/score";

export async function scanEntry(entry: CorpusEntry): Promise<ScanResult> {
  const wb = await openWorkbook(await readFile(xlsxPath(entry)));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: `${entry.id}.xlsx`, overrides: { asOf: entry.asOf }, today: entry.asOf }));
  return result;
}

export async function scoreCorpus(filter?: string): Promise<EntryScore[]> {
  const scores: EntryScore[] = [];
  for (const e of loadEntries()) {
    if (filter && e.id !== filter) continue;
    scores.push(scoreEntry(e, await scanEntry(e)));
  }
  return scores;
}

const f3 = (n: number) => n.toFixed(3);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const scores = await scoreCorpus(only);
  for (const s of scores) {
    console.log(`${s.id.padEnd(48)} found ${s.found}/${s.expected}  extra ${s.extra.length}  fields ${s.fieldsRight}/${s.fieldsScored}`);
    if (verbose) {
      for (const m of s.misses) console.log(`    ${m.sheet}!${m.row} ${m.field}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`);
      for (const x of s.extra) console.log(`    ${x.sheet}!${x.row} extra KPI: ${JSON.stringify(x.measure.slice(0, 60))}`);
    }
  }
  console.log("");
  for (const f of SCORED_FIELDS) {
    const scored = scores.reduce((n, s) => n + s.byField[f].scored, 0);
    const rightN = scores.reduce((n, s) => n + s.byField[f].right, 0);
    console.log(`${f.padEnd(12)} ${rightN}/${scored}`);
  }
  const t = totals(scores);
  const publishers = new Set(loadEntries().filter((e) => !only || e.id === only).map((e) => e.source.publisher));
  console.log(`entries ${scores.length}, publishers ${publishers.size}, KPIs ${scores.reduce((n, s) => n + s.expected, 0)}`);
  console.log(`accuracy: recall ${f3(t.recall)} precision ${f3(t.precision)} fields ${f3(t.fields)}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
