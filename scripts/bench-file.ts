// File-scan benchmark: the command line's whole scan of a 3-million-cell .xlsx (read the file into a
// snapshot, recognise, assess, write the JSON) against a bare streaming pass over the same file that
// touches every cell once — ExcelJS's stream.xlsx.WorkbookReader, and our own one-pass reader's
// scan of the cells — with the CLI's peak memory against the snapshot's size.
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSnapshotFromFile } from "../src/cli/fileSnapshot";
import { scanSnapshot } from "../src/core/scan";
import { resolveSettings } from "../src/core/settings";
import { findWorkbookPart, readWorkbookParts } from "../src/host/xlsx/workbookParts";
import { ZipPackage } from "../src/host/xlsx/zipPackage";
import { scanSheetData, splitSheet } from "../src/host/xlsx/sheetData";

const SHEETS = Number(process.env.BENCH_FILE_SHEETS ?? 30);
const ROWS = Number(process.env.BENCH_FILE_ROWS ?? 5320);
const COLS = 20;

const MEASURES = ["% of EHC plans issued within 20 weeks", "Number of children missing education", "Average waiting time for paediatric dietetics", "% of annual reviews completed within 12 months", "No. of active tribunals"];
const WORDS = ["Invoice", "Supplier", "Cost centre", "Approved", "Pending", "North", "South", "Ledger", "Budget line", "Journal"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** SHEETS sheets of ROWS x COLS cells: a KPI table every 250 rows, ledger-like noise between. */
async function writeWorkbook(file: string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  let cells = 0;
  for (let s = 0; s < SHEETS; s++) {
    const ws = wb.addWorksheet(`Sheet ${s + 1}`);
    const rand = rng(s + 1);
    for (let r = 0; r < ROWS; r++) {
      let values: (string | number)[];
      let percent = false;
      const t = r % 250;
      if (t === 0) values = [`Performance report ${s + 1}.${r / 250 + 1}`];
      else if (t === 1) values = ["Ref", "Measure", "Frequency", "Target", "Previous", "Latest", "DoT", "Notes"];
      else if (t < 22) {
        const p = Math.round(rand() * 100) / 100, l = Math.round(rand() * 100) / 100;
        values = [`${s + 1}/${r}`, MEASURES[t % MEASURES.length], "Monthly", Math.round(rand() * 100) / 100, p, l, l > p ? "↑" : "↓", "Monthly"];
        percent = true;
      } else if (t === 22) values = [];
      else values = Array.from({ length: COLS }, () => {
        const x = rand();
        return x < 0.45 ? Math.round(rand() * 100000) / 100 : x < 0.7 ? WORDS[Math.floor(rand() * WORDS.length)] : x < 0.85 ? `REF-${Math.floor(rand() * 99999)}` : 45000 + Math.floor(rand() * 1000);
      });
      const row = ws.addRow(values);
      if (percent) for (const c of [4, 5, 6]) row.getCell(c).numFmt = "0.0%";
      row.commit();
      cells += values.length;
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
    const xml = pkg.textOf(s.part);
    scanSheetData(xml, splitSheet(xml, s.part), s.part, { cell: () => void touched++ });
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
function cliRun(dir: string, args: string[]): { status: number | null; ms: number; peakBytes: number; stdout: string } {
  const peakFile = join(dir, "peak");
  const preload = join(dir, "peak.cjs");
  writeFileSync(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));`);
  const bin = join(__dirname, "..", "..", "bin", "kpi-scorecard.js");
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ["-r", preload, bin, ...args], { maxBuffer: 1 << 30 });
  return { status: run.status, ms: Date.now() - t0, peakBytes: Number(readFileSync(peakFile, "utf8")) * 1024, stdout: String(run.stdout) };
}

export async function benchFileScan(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-bench-"));
  try {
    const file = join(dir, "bench-3m.xlsx");
    const cells = await writeWorkbook(file);
    const bytes = new Uint8Array(readFileSync(file));
    const settings = resolveSettings({}, { asOf: "2024-02-29" });

    const stream = await timed(() => exceljsStreamPass(file));
    const own = await timed(() => ownPass(bytes));
    let kpis = 0;
    const whole = await timed(async () => {
      const snapshot = await readSnapshotFromFile(bytes);
      const result = scanSnapshot(snapshot, { workbookName: "bench-3m.xlsx", settings, today: "2024-02-29" });
      kpis = result.tables.reduce((n, t) => n + t.kpis.length, 0);
      return JSON.stringify(result).length;
    });

    // The snapshot's own size, and the peak of the real command (a child process: its maximum resident set).
    const before = heapUsed();
    let kept: unknown = await readSnapshotFromFile(bytes);
    const snapshotBytes = heapUsed() - before;
    kept = null;
    void kept;
    const run = cliRun(dir, ["scan", "--json", file, "--as-of", "2024-02-29"]);
    const cliMs = run.ms;
    const peakBytes = run.peakBytes;
    const far = join(dir, "far-cell.xlsx");
    await farCellWorkbook(far);
    const farScan = cliRun(dir, ["scan", "--json", far, "--as-of", "2024-02-29"]);
    const farKpis = (JSON.parse(farScan.stdout) as { tables: { kpis: unknown[] }[] }).tables.reduce((n, t) => n + t.kpis.length, 0);
    const farCard = cliRun(dir, ["scorecard", far, "-o", join(dir, "far-out.xlsx"), "--as-of", "2024-02-29"]);

    log(`file scan: ${SHEETS} sheets x ${ROWS} rows, ${cells.toLocaleString("en-GB")} cells in a ${(bytes.length / 2 ** 20).toFixed(1)} MB .xlsx, ${kpis} KPIs found`);
    log(`file scan: read + recognise + assess + JSON ${whole.ms.toFixed(0)} ms; ExcelJS streaming read touching every cell ${stream.ms.toFixed(0)} ms (${stream.value.toLocaleString("en-GB")} cells); our one-pass read ${own.ms.toFixed(0)} ms (ratio over it ${(whole.ms / own.ms).toFixed(2)})`);
    log(`file scan: the CLI (scan --json, exit ${run.status}) ${cliMs} ms, peak memory ${(peakBytes / 2 ** 20).toFixed(0)} MB = ${(peakBytes / snapshotBytes).toFixed(2)}x the snapshot (${(snapshotBytes / 2 ** 20).toFixed(0)} MB)`);
    log(`file scan: a 20-row table and one value in XFD1048576: CLI scan ${farScan.ms} ms, peak ${(farScan.peakBytes / 2 ** 20).toFixed(0)} MB, ${farKpis} KPIs; scorecard ${farCard.ms} ms (exit ${farCard.status}), peak ${(farCard.peakBytes / 2 ** 20).toFixed(0)} MB`);
    log(`file-scan-vs-stream-read ratio: ${(whole.ms / stream.ms).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
