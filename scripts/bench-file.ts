// File-scan benchmark, on two shapes of 3-million-cell .xlsx: the command line's whole scan (read the file into a
// snapshot, recognise, assess, write the JSON) against ExcelJS's streaming read of the same file that reads
// every cell's value once (bench-stream-read.ts), each in a fresh process of its own, run alternately several
// times; with the CLI's peak memory against the snapshot's size, and our own reader's bare pass for reference.
// Each side in its own process: in one process the second pays for the first's heap and finds the shared code
// already compiled, and wall times taken minutes apart on a shared machine differ by more than the change
// measured; CPU time per process does not depend on what else the machine runs.
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSnapshotFromFile } from "../src/cli/fileSnapshot";
import { findWorkbookPart, readWorkbookParts } from "../src/host/xlsx/workbookParts";
import { ZipPackage } from "../src/host/xlsx/zipPackage";
import { readSheetPart } from "../src/host/xlsx/sheetData";

const SHEETS = Number(process.env.BENCH_FILE_SHEETS ?? 30);
const ROWS = Number(process.env.BENCH_FILE_ROWS ?? 5320);
const COLS = 20;

const MEASURES = ["% of EHC plans issued within 20 weeks", "Number of children missing education", "Average waiting time for paediatric dietetics", "% of annual reviews completed within 12 months", "No. of active tribunals"];
const WORDS = ["Invoice", "Supplier", "Cost centre", "Approved", "Pending", "North", "South", "Ledger", "Budget line", "Journal"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A row as written: its values, and the columns (1-based) that carry a percentage format. */
interface BenchRow {
  values: (string | number | null)[];
  percent?: number[];
}

/** A shape of big workbook: how many sheets, and the rows of each, written in order. */
export interface BenchShape {
  name: string;
  sheets: number;
  rows(sheet: number): Iterable<BenchRow>;
}

/** Ours: SHEETS sheets of ROWS x COLS cells, a KPI table every 250 rows, ledger-like noise between. */
export const MIXED: BenchShape = {
  name: `${SHEETS} sheets x ${ROWS} rows, a KPI table every 250 rows`,
  sheets: SHEETS,
  *rows(s) {
    const rand = rng(s + 1);
    for (let r = 0; r < ROWS; r++) {
      const t = r % 250;
      if (t === 0) yield { values: [`Performance report ${s + 1}.${r / 250 + 1}`] };
      else if (t === 1) yield { values: ["Ref", "Measure", "Frequency", "Target", "Previous", "Latest", "DoT", "Notes"] };
      else if (t < 22) {
        const p = Math.round(rand() * 100) / 100, l = Math.round(rand() * 100) / 100;
        yield { values: [`${s + 1}/${r}`, MEASURES[t % MEASURES.length], "Monthly", Math.round(rand() * 100) / 100, p, l, l > p ? "↑" : "↓", "Monthly"], percent: [4, 5, 6] };
      } else if (t === 22) yield { values: [] };
      else yield {
        values: Array.from({ length: COLS }, () => {
          const x = rand();
          return x < 0.45 ? Math.round(rand() * 100000) / 100 : x < 0.7 ? WORDS[Math.floor(rand() * WORDS.length)] : x < 0.85 ? `REF-${Math.floor(rand() * 99999)}` : 45000 + Math.floor(rand() * 1000);
        }),
      };
    }
  },
};

const DATA_SHEETS = Number(process.env.BENCH_DATA_SHEETS ?? 5);
const DATA_ROWS = Number(process.env.BENCH_DATA_ROWS ?? 60000);
const TEAMS = ["North locality", "South locality", "East locality", "West locality", "Central hub", "Outreach"];
const NOTES = ["Chased by email", "Awaiting paperwork from school", "Closed after review", "Transferred in from another area", null, null, "Needs a follow-up visit", "Parent contacted"];

/** As many real files are: a 200-KPI table at the top of each sheet and raw data rows under it, 10 columns wide. */
export const TABLE_OVER_DATA: BenchShape = {
  name: `${DATA_SHEETS} sheets x ${DATA_ROWS} rows x 10 columns, a 200-KPI table over raw data rows`,
  sheets: DATA_SHEETS,
  *rows(s) {
    const rand = rng(100 + s);
    yield { values: [`KPI summary ${s + 1}`] };
    yield { values: ["Ref", "Measure", "Frequency", "Target", "Previous", "Latest", "DoT", "Notes"] };
    for (let k = 1; k <= 200; k++) {
      const p = Math.round(rand() * 100) / 100, l = Math.round(rand() * 100) / 100;
      yield { values: [`${s + 1}.${k}`, `${MEASURES[k % MEASURES.length]} (${k})`, "Monthly", Math.round(rand() * 100) / 100, p, l, l > p ? "↑" : "↓", k % 3 ? null : "On track"], percent: [4, 5, 6] };
    }
    yield { values: [] };
    yield { values: ["ID", "Case ref", "Team", "Name", "Days open", "Cost", "Amount", "Complete", "Urgent", "Notes"] };
    for (let r = 204; r < DATA_ROWS; r++) {
      yield {
        values: [
          r - 203,
          `CR-${String(Math.floor(rand() * 999999)).padStart(6, "0")}`,
          TEAMS[Math.floor(rand() * TEAMS.length)],
          `Case ${Math.floor(rand() * 5000)}`,
          Math.floor(rand() * 400),
          Math.round(rand() * 500000) / 100,
          Math.round(rand() * 1000) / 1000,
          rand() < 0.6 ? "Yes" : "No",
          rand() < 0.2 ? "Yes" : "No",
          NOTES[Math.floor(rand() * NOTES.length)],
        ],
      };
    }
  },
};

/** The shape's sheets written by ExcelJS's streaming writer (shared strings, styles); returns the cells written. */
export async function writeWorkbook(file: string, shape: BenchShape): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  let cells = 0;
  for (let s = 0; s < shape.sheets; s++) {
    const ws = wb.addWorksheet(`Sheet ${s + 1}`);
    for (const { values, percent } of shape.rows(s)) {
      const row = ws.addRow(values);
      for (const c of percent ?? []) row.getCell(c).numFmt = "0.0%";
      row.commit();
      cells += values.filter((v) => v !== null).length;
    }
    ws.commit();
  }
  await wb.commit();
  return cells;
}

/** Our own reader's bare pass: unpack and scan every sheet's cells, touching each once. */
function ownPass(bytes: Uint8Array): number {
  const pkg = new ZipPackage(bytes);
  const parts = readWorkbookParts(pkg, findWorkbookPart(pkg)!);
  let touched = 0;
  for (const s of parts.sheets) {
    readSheetPart(pkg.textOf(s.part), s.part, { cell: () => void touched++ });
  }
  return touched;
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/** A 20-row KPI table and one value in XFD1048576: what the CLI's scan costs when the used range is the whole sheet. */
async function farCellWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPIs");
  ws.addRow(["Ref", "Measure", "Baseline", "Target", "Q1", "Q2"]);
  for (let i = 1; i <= 20; i++) ws.addRow([`K${i}`, `${MEASURES[i % MEASURES.length]} (${i})`, 50 + i, 60 + i, 52 + i, 55 + i]);
  ws.getCell("XFD1048576").value = "x";
  await wb.xlsx.writeFile(file);
}

/** One run of a child process: its wall time, CPU time (user + system) and peak resident memory. */
interface ChildRun {
  status: number | null;
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  stdout: string;
}

/**
 * Run a built script in a fresh node process (no flags), its output to a file as a user's redirect would.
 * A preloaded exit hook writes the process's own CPU time and maximum resident set.
 */
function childRun(dir: string, script: string, args: string[], keepOutput = true): ChildRun {
  const usageFile = join(dir, "usage");
  const preload = join(dir, "usage.cjs");
  writeFileSync(preload, `process.on("exit", () => { const u = process.resourceUsage(); require("fs").writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify([u.maxRSS, u.userCPUTime + u.systemCPUTime])); });`);
  const out = join(dir, "stdout");
  const fd = openSync(out, "w");
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["-r", preload, script, ...args], { stdio: ["ignore", fd, "pipe"] });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  const stdout = keepOutput ? readFileSync(out, "utf8") : "";
  rmSync(out);
  const [maxRssKb, cpuMicros] = JSON.parse(readFileSync(usageFile, "utf8")) as [number, number];
  return { status: run.status, wallMs, cpuMs: cpuMicros / 1000, peakBytes: maxRssKb * 1024, stdout };
}

const BUILT = join(__dirname, "..", "..");
const CLI = join(BUILT, "bin", "kpi-scorecard.js");
const STREAM_READ = join(__dirname, "bench-stream-read.js");

/** Run the built CLI once, in a fresh process. */
function cliRun(dir: string, args: string[], keepOutput = true): ChildRun {
  return childRun(dir, CLI, args, keepOutput);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const RUNS = Math.max(1, Number(process.env.BENCH_FILE_RUNS ?? 3));

/**
 * One shape: the CLI's whole scan (read, recognise, assess, JSON to a file) against ExcelJS's streaming read of
 * the same file, each in a fresh process of its own, RUNS times, alternating which goes first; the medians'
 * ratio, by CPU time (what each costs, whatever else the machine runs) and by wall time; and the CLI's peak.
 */
async function benchShape(dir: string, shape: BenchShape, log: (line: string) => void): Promise<void> {
  const file = join(dir, "bench-3m.xlsx");
  const cells = await writeWorkbook(file, shape);
  const bytes = new Uint8Array(readFileSync(file));

  // The snapshot's own size (this process, after full collections), and our reader's bare pass for reference.
  const before = heapUsed();
  let kept: unknown = await readSnapshotFromFile(bytes);
  const snapshotBytes = heapUsed() - before;
  kept = null;
  void kept;
  const own = await timed(() => ownPass(bytes));

  const scans: ChildRun[] = [];
  const reads: ChildRun[] = [];
  let readCells = 0;
  const scan = (last: boolean) => scans.push(cliRun(dir, ["scan", "--json", file, "--as-of", "2024-02-29"], last));
  const read = () => {
    const run = childRun(dir, STREAM_READ, [file]);
    readCells = (JSON.parse(run.stdout) as { cells: number }).cells;
    reads.push(run);
  };
  for (let i = 0; i < RUNS; i++) {
    const last = i === RUNS - 1;
    if (i % 2 === 0) {
      read();
      scan(last);
    } else {
      scan(last);
      read();
    }
  }
  const result = JSON.parse(scans[scans.length - 1].stdout) as { tables: { kpis: unknown[] }[] };
  const kpis = result.tables.reduce((n, t) => n + t.kpis.length, 0);
  const jsonBytes = Buffer.byteLength(scans[scans.length - 1].stdout);
  const s = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(1)).join(" / ");
  const cpu = median(scans.map((r) => r.cpuMs)) / median(reads.map((r) => r.cpuMs));
  const wall = median(scans.map((r) => r.wallMs)) / median(reads.map((r) => r.wallMs));
  const perRound = scans.map((r, i) => r.cpuMs / reads[i].cpuMs).sort((a, b) => a - b);
  const peak = Math.max(...scans.map((r) => r.peakBytes));
  const exits = [...new Set(scans.map((r) => r.status))].join(",");
  log(`file scan [${shape.name}]: ${cells.toLocaleString("en-GB")} cells in a ${(bytes.length / 2 ** 20).toFixed(1)} MB .xlsx, ${kpis} KPIs found in ${result.tables.length} tables, ${(jsonBytes / 2 ** 20).toFixed(1)} MB of JSON`);
  log(`file scan: the CLI (scan --json, exit ${exits}), ${RUNS} fresh processes: CPU ${s(scans.map((r) => r.cpuMs))} s, wall ${s(scans.map((r) => r.wallMs))} s`);
  log(`file scan: ExcelJS's streaming read (${readCells.toLocaleString("en-GB")} cells), ${RUNS} fresh processes: CPU ${s(reads.map((r) => r.cpuMs))} s, wall ${s(reads.map((r) => r.wallMs))} s`);
  log(`file scan: our one-pass read in this process ${own.ms.toFixed(0)} ms (${own.value.toLocaleString("en-GB")} cells)`);
  log(`file scan: peak memory ${(peak / 2 ** 20).toFixed(0)} MB (highest of ${RUNS}) = ${(peak / snapshotBytes).toFixed(2)}x the snapshot (${(snapshotBytes / 2 ** 20).toFixed(0)} MB)`);
  log(`file-scan-vs-stream-read ratio: ${cpu.toFixed(2)} [${shape.name}] (CPU time, medians of ${RUNS}; per round ${perRound[0].toFixed(2)}-${perRound[perRound.length - 1].toFixed(2)}; wall time ${wall.toFixed(2)})`);
  log(`peak-vs-snapshot ratio: ${(peak / snapshotBytes).toFixed(2)} [${shape.name}]`);
  rmSync(file);
}

export async function benchFileScan(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-bench-"));
  try {
    const far = join(dir, "far-cell.xlsx");
    await farCellWorkbook(far);
    const farScan = cliRun(dir, ["scan", "--json", far, "--as-of", "2024-02-29"]);
    const farKpis = (JSON.parse(farScan.stdout) as { tables: { kpis: unknown[] }[] }).tables.reduce((n, t) => n + t.kpis.length, 0);
    const farCard = cliRun(dir, ["scorecard", far, "-o", join(dir, "far-out.xlsx"), "--as-of", "2024-02-29"]);
    log(`file scan: a 20-row table and one value in XFD1048576: CLI scan ${farScan.wallMs.toFixed(0)} ms, peak ${(farScan.peakBytes / 2 ** 20).toFixed(0)} MB, ${farKpis} KPIs; scorecard ${farCard.wallMs.toFixed(0)} ms (exit ${farCard.status}), peak ${(farCard.peakBytes / 2 ** 20).toFixed(0)} MB`);
    const only = process.env.BENCH_FILE_SHAPE;
    for (const shape of [MIXED, TABLE_OVER_DATA]) {
      if (only && !shape.name.includes(only)) continue;
      await benchShape(dir, shape, log);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node --expose-gc build/scripts/bench-file.js`: the file scans alone.
if (require.main === module) {
  benchFileScan((line) => console.log(line)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
