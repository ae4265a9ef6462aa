// `npm run corpus:first-score -- <id…> [--engine <dir>]`: score new entries before anything is changed for them,
// and keep that score in the entry ("firstScore"), never overwriting one already kept. Without --engine the
// entry is scanned by this checkout's engine; with --engine <dir> by the built CLI of another checkout
// (`node <dir>/bin/kpi-scorecard.js scan x.xlsx --json --as-of <asOf>`), e.g. the session's baseline, for
// layouts this round's engine work targets. Either way the scan is scored by this checkout's scorer.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ScanResult } from "../../src/core/types";
import { scanBytes } from "../accuracy";
import { buildEntry } from "./build";
import { entryProblems, formatEntry, TABLES_DIR, type CorpusEntry, type FirstScore } from "./entry";
import { countsOf, scoreEntry } from "./score";
import { workbookBytes } from "../fixtures/workbook";

const git = (dir: string, ...args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" }).trim();

/** The engine's commit, marked "+changes" when its src/ differs from that commit. */
export function engineCommit(dir: string): string {
  const commit = git(dir, "rev-parse", "HEAD");
  return git(dir, "status", "--porcelain", "--", "src") ? `${commit}+changes` : commit;
}

function scanWithCli(engineDir: string, bytes: Uint8Array, entry: CorpusEntry): ScanResult {
  const tmp = mkdtempSync(join(tmpdir(), "first-score-"));
  try {
    const file = join(tmp, `${entry.id}.xlsx`);
    writeFileSync(file, bytes);
    const cli = join(engineDir, "bin", "kpi-scorecard.js");
    const out = execFileSync("node", [cli, "scan", file, "--json", "--as-of", entry.asOf], { encoding: "utf8", maxBuffer: 1 << 30 });
    return JSON.parse(out) as ScanResult;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function firstScore(entry: CorpusEntry, engineDir: string | null, today: string): Promise<FirstScore> {
  const bytes = await workbookBytes(buildEntry(entry));
  const result = engineDir ? scanWithCli(engineDir, bytes, entry) : await scanBytes(bytes, entry.id, entry.asOf);
  const s = scoreEntry(entry, result);
  return { ...countsOf(s), engine: engineCommit(engineDir ?? resolve(__dirname, "..", "..")), date: today };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--engine");
  const engineDir = at >= 0 ? resolve(args[at + 1] ?? "") : null;
  const ids = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  if (ids.length === 0 || (at >= 0 && !args[at + 1])) {
    console.error("usage: npm run corpus:first-score -- <id…> [--engine <checkout with a built CLI>]");
    process.exitCode = 2;
    return;
  }
  const today = new Date().toISOString().slice(0, 10);
  for (const id of ids) {
    const file = join(TABLES_DIR, `${id}.json`);
    const entry = JSON.parse(readFileSync(file, "utf8")) as CorpusEntry;
    const problems = entryProblems(entry, `${id}.json`);
    if (problems.length) throw new Error(problems.join("\n"));
    if (entry.firstScore) {
      console.log(`${id}: already first-scored (${entry.firstScore.date}, engine ${entry.firstScore.engine.slice(0, 7)}); kept`);
      continue;
    }
    entry.firstScore = await firstScore(entry, engineDir, today);
    writeFileSync(file, formatEntry(entry));
    const f = entry.firstScore;
    console.log(`${id}: found ${f.found}/${f.expected}, matching ${f.returnedMatching}/${f.returned}, fields ${f.fieldsRight}/${f.fieldsScored} (engine ${f.engine.slice(0, 7)})`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
