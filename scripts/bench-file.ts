// File-scan benchmark, on two shapes of 3-million-cell .xlsx: the command line's whole scan (read the file into a
// snapshot, recognise, assess, write the JSON) against a bare streaming pass over the same file that
// touches every cell once — ExcelJS's stream.xlsx.WorkbookReader, and our own one-pass reader's
// scan of the cells — with the CLI's peak memory against the snapshot's size.
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSnapshotFromFile } from "../src/cli/fileSnapshot";
import { scanSnapshot } from "../src/core/scan";
import { resolveSettings } from "../src/core/settings";
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

/** ExcelJS's streaming reader over every sheet, touching each cell's value once. */
async function exceljsStreamPass(file: string): Promise<number> {
  let touched = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      row.eachCell(() => void touched++);
    }
  }
  return touched;
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

/** Run the built CLI once, with its peak resident memory (a preloaded exit hook writes it). */
function cliRun(dir: string, args: string[], keepOutput = true): { status: number | null; ms: number; peakBytes: number; stdout: string } {
  const peakFile = join(dir, "peak");
  const preload = join(dir, "peak.cjs");
  writeFileSync(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));`);
  const bin = join(__dirname, "..", "..", "bin", "kpi-scorecard.js");
  const t0 = Date.now();
  // The scan's JSON goes to a file (as a user's redirect would), never into this process's memory.
  const out = join(dir, "stdout");
  const fd = openSync(out, "w");
  const run = spawnSync(process.execPath, ["-r", preload, bin, ...args], { stdio: ["ignore", fd, "pipe"] });
  closeSync(fd);
  const stdout = keepOutput ? readFileSync(out, "utf8") : "";
  rmSync(out);
  return { status: run.status, ms: Date.now() - t0, peakBytes: Number(readFileSync(peakFile, "utf8")) * 1024, stdout };
}

/** One shape: the CLI's whole scan against ExcelJS's streaming read of the same file, and its peak. */
async function benchShape(dir: string, shape: BenchShape, log: (line: string) => void): Promise<void> {
  const file = join(dir, "bench-3m.xlsx");
  const cells = await writeWorkbook(file, shape);
  const bytes = new Uint8Array(readFileSync(file));
  const settings = resolveSettings({}, { asOf: "2024-02-29" });

  const stream = await timed(() => exceljsStreamPass(file));
  const own = await timed(() => ownPass(bytes));
  let kpis = 0;
  let tables = 0;
  const whole = await timed(async () => {
    const snapshot = await readSnapshotFromFile(bytes);
    const result = scanSnapshot(snapshot, { workbookName: "bench-3m.xlsx", settings, today: "2024-02-29" });
    kpis = result.tables.reduce((n, t) => n + t.kpis.length, 0);
    tables = result.tables.length;
    return JSON.stringify(result).length;
  });

  // The snapshot's own size, and the peak of the real command (a child process: its maximum resident set).
  const before = heapUsed();
  let kept: unknown = await readSnapshotFromFile(bytes);
  const snapshotBytes = heapUsed() - before;
  kept = null;
  void kept;
  const run = cliRun(dir, ["scan", "--json", file, "--as-of", "2024-02-29"], false);
  log(`file scan [${shape.name}]: ${cells.toLocaleString("en-GB")} cells in a ${(bytes.length / 2 ** 20).toFixed(1)} MB .xlsx, ${kpis} KPIs found in ${tables} tables, ${(whole.value / 2 ** 20).toFixed(1)} MB of JSON`);
  log(`file scan: read + recognise + assess + JSON ${whole.ms.toFixed(0)} ms; ExcelJS streaming read touching every cell ${stream.ms.toFixed(0)} ms (${stream.value.toLocaleString("en-GB")} cells); our one-pass read ${own.ms.toFixed(0)} ms (ratio over it ${(whole.ms / own.ms).toFixed(2)})`);
  log(`file scan: the CLI (scan --json, exit ${run.status}) ${run.ms} ms, peak memory ${(run.peakBytes / 2 ** 20).toFixed(0)} MB = ${(run.peakBytes / snapshotBytes).toFixed(2)}x the snapshot (${(snapshotBytes / 2 ** 20).toFixed(0)} MB)`);
  log(`file-scan-vs-stream-read ratio: ${(whole.ms / stream.ms).toFixed(2)} [${shape.name}]`);
  log(`peak-vs-snapshot ratio: ${(run.peakBytes / snapshotBytes).toFixed(2)} [${shape.name}]`);
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
    log(`file scan: a 20-row table and one value in XFD1048576: CLI scan ${farScan.ms} ms, peak ${(farScan.peakBytes / 2 ** 20).toFixed(0)} MB, ${farKpis} KPIs; scorecard ${farCard.ms} ms (exit ${farCard.status}), peak ${(farCard.peakBytes / 2 ** 20).toFixed(0)} MB`);
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
