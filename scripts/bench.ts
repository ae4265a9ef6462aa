// Benchmarks that print counts and ratios, not verdicts:
//   1. the scan: cells per second over a synthetic workbook (20 sheets x 5,000 rows x 20 columns,
//      KPI tables mixed with noise), memory against the snapshot's size, and the scan's time over a
//      plain pass that reads every value and its text once;
//   2. the scorecard: syncs and the largest payload for 10 / 100 / 1,000 KPIs on the headless host,
//      and the time to build and apply it against a plain write of the same cells;
//   3. the read of a sparse sheet (a table and one value in XFD1048576): syncs, bytes, time, heap;
//   4. the command line's scan of a 3-million-cell file against a bare streaming read (bench-file.ts).
// Run with `npm run bench` (node --expose-gc, so memory figures are after a full collection).
import type { RawValue, SheetSnapshot, ValueType, WorkbookSnapshot } from "../src/core/snapshot";
import { scanSnapshot } from "../src/core/scan";
import { makeBlock } from "../src/core/snapshotBlocks";
import { resolveSettings } from "../src/core/settings";
import { benchScorecard } from "./bench-scorecard";
import { benchSparse } from "./bench-sparse";
import { benchFileScan } from "./bench-file";
import { newWorkbook, openWorkbook } from "../src/host";
import { readWorkbook } from "../src/excel/readWorkbook";

const SHEETS = Number(process.env.BENCH_SHEETS ?? 20);
const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const COLS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** A deterministic pseudo-random sequence, so every run scans the same workbook. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MEASURES = [
  "% of EHC plans issued within 20 weeks",
  "Number of children missing education",
  "Average waiting time for paediatric dietetics",
  "% of annual reviews completed within 12 months",
  "Number of overdue EP advice requests",
  "Proportion of pupils with EHCP who are persistently absent",
  "% referral to choice within 6 weeks",
  "No. of active tribunals",
];
const NOISE_WORDS = ["Invoice", "Supplier", "Cost centre", "Approved", "Pending", "North", "South", "Ledger", "Budget line", "Journal"];

export function buildSheet(index: number): SheetSnapshot {
  const rand = rng(index + 1);
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  const valueTypes: ValueType[][] = [];
  const push = (v: RawValue[], fmts?: string[]) => {
    const row = v.concat(Array(COLS - v.length).fill(""));
    values.push(row);
    text.push(row.map((x, i) => (typeof x === "number" ? (fmts?.[i] === "0.0%" ? `${(x * 100).toFixed(1)}%` : String(x)) : String(x))));
    numberFormats.push(row.map((_, i) => fmts?.[i] ?? "General"));
    valueTypes.push(row.map((x) => (x === "" ? "Empty" : typeof x === "number" ? "Double" : "String")));
  };
  let r = 0;
  while (r < ROWS) {
    // A KPI table every so often: a title, a heading row and 20 KPIs, half as text figures, half typed.
    if (r % 250 === 0 && r + 25 < ROWS) {
      push([`Performance report ${index + 1}.${r / 250 + 1}`]);
      push(["Ref", "Measure", "Frequency", "Target", "Previous", "Latest", "DoT", "Notes"]);
      for (let k = 0; k < 20; k++) {
        const m = MEASURES[k % MEASURES.length];
        const typed = k % 2 === 0;
        const t = Math.round(rand() * 100) / 100;
        const p = Math.round(rand() * 100) / 100;
        const l = Math.round(rand() * 100) / 100;
        push(
          [`${index + 1}/${r / 250 + 1}/${k + 1}`, m, "Monthly", typed ? t : `${(t * 100).toFixed(0)}%`, typed ? p : `${(p * 100).toFixed(1)}% (Dec 23)`, typed ? l : `${(l * 100).toFixed(1)}% (Jan 24)`, l > p ? "↑" : "↓", "Monthly"],
          typed ? ["General", "General", "General", "0.0%", "0.0%", "0.0%"] : undefined,
        );
      }
      push([]);
      r += 23;
      continue;
    }
    // Noise: ledger-like rows of codes, words, amounts and dates, with some blank rows.
    if (rand() < 0.1) push([]);
    else {
      const row: RawValue[] = [];
      for (let c = 0; c < COLS; c++) {
        const x = rand();
        row.push(x < 0.4 ? Math.round(rand() * 100000) / 100 : x < 0.6 ? NOISE_WORDS[Math.floor(rand() * NOISE_WORDS.length)] : x < 0.7 ? `REF-${Math.floor(rand() * 99999)}` : x < 0.8 ? 45000 + Math.floor(rand() * 1000) : "");
      }
      push(row);
    }
    r++;
  }
  return {
    name: `Sheet ${index + 1}`, visibility: "Visible", protected: false,
    blocks: [makeBlock(0, 0, { values, text, numberFormats, valueTypes })], font: { name: "Calibri", color: "000000" }, merges: [], tables: [],
  };
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** A plain pass: every value and its displayed text read once. */
function plainPass(snapshot: WorkbookSnapshot): number {
  let acc = 0;
  for (const s of snapshot.sheets) {
    for (const b of s.blocks) {
      for (let r = 0; r < b.rowCount; r++) {
        const vr = b.values[r];
        const tr = b.text[r];
        for (let c = 0; c < vr.length; c++) {
          const v = vr[c];
          acc += typeof v === "number" ? 1 : 0;
          acc += tr[c].length;
        }
      }
    }
  }
  return acc;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  // Part 2 first: its output is the middle of the report, the scan ratio must be the last line.
  await benchScorecard((line) => console.log(line));
  await benchSparse((line) => console.log(line));
  // The command line's file scan (3 million cells) against a bare streaming read of the same file.
  if (process.env.BENCH_FILE !== "0") await benchFileScan((line) => console.log(line));

  const before = heapUsed();
  const snapshot: WorkbookSnapshot = { sheets: Array.from({ length: SHEETS }, (_, i) => buildSheet(i)), settings: {} };
  const snapshotBytes = heapUsed() - before;
  const cells = snapshot.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.rowCount * b.colCount, 0), 0);
  const settings = resolveSettings({}, { asOf: "2024-02-29" });

  let kpis = 0;
  let peakExtra = 0;
  const scanTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    plainTimes.push(time(() => plainPass(snapshot)));
    const base = heapUsed();
    scanTimes.push(
      time(() => {
        const result = scanSnapshot(snapshot, { workbookName: "bench.xlsx", settings, today: "2024-02-29" });
        kpis = result.tables.reduce((n, t) => n + t.kpis.length, 0);
      }),
    );
    // Heap grown during the scan, before collection: an upper bound on what the scan held at its peak.
    peakExtra = Math.max(peakExtra, process.memoryUsage().heapUsed - base);
  }
  const scanMs = median(scanTimes);
  const plainMs = median(plainTimes);
  console.log(`scan: ${SHEETS} sheets x ${ROWS} rows x ${COLS} columns = ${cells.toLocaleString("en-GB")} cells, ${kpis} KPIs found`);
  console.log(`core: recognise + assess median ${scanMs.toFixed(0)} ms over ${RUNS} runs = ${Math.round(cells / (scanMs / 1000)).toLocaleString("en-GB")} cells/s; an in-memory pass over the grids ${plainMs.toFixed(1)} ms (core-only ratio ${(scanMs / plainMs).toFixed(1)})`);
  console.log(`memory: snapshot ${(snapshotBytes / 2 ** 20).toFixed(1)} MB; heap grown during the scan at most ${(peakExtra / 2 ** 20).toFixed(1)} MB = ${(peakExtra / snapshotBytes).toFixed(2)}x the snapshot`);

  // The whole scan as a user pays for it: the workbook read through the Excel API (on the headless host,
  // with Excel on the web's 5 MB payload limit, so large sheets are read in row blocks), then recognised
  // and assessed. The plain pass reads the same workbook through the same API and touches every value and
  // its text once.
  const bytes = await saveAsWorkbook(snapshot);
  const wb = await openWorkbook(bytes);
  const whole: number[] = [];
  const plain: number[] = [];
  let syncs = 0;
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    wb.resetStats();
    let t0 = process.hrtime.bigint();
    await wb.run(async (ctx) => {
      const snap = await readWorkbook(ctx);
      plainPass(snap);
    });
    plain.push(Number(process.hrtime.bigint() - t0) / 1e6);
    wb.resetStats();
    t0 = process.hrtime.bigint();
    await wb.run(async (ctx) => {
      const snap = await readWorkbook(ctx);
      scanSnapshot(snap, { workbookName: "bench.xlsx", settings, today: "2024-02-29" });
    });
    whole.push(Number(process.hrtime.bigint() - t0) / 1e6);
    syncs = wb.stats.syncs;
  }
  const wholeMs = median(whole);
  const plainReadMs = median(plain);
  console.log(`whole scan through the Excel API: median ${wholeMs.toFixed(0)} ms = ${Math.round(cells / (wholeMs / 1000)).toLocaleString("en-GB")} cells/s in ${syncs} syncs; plain pass (read + touch every value and text) ${plainReadMs.toFixed(0)} ms`);
  console.log(`scan-vs-plain-pass ratio: ${(wholeMs / plainReadMs).toFixed(2)}`);
}

/** Write the synthetic snapshot into a real .xlsx through the host (setup only: no payload limit). */
async function saveAsWorkbook(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const wb = await newWorkbook({ payloadLimitBytes: 1e12, cellReadLimit: 1e9 });
  await wb.run(async (ctx) => {
    snapshot.sheets.forEach((s, i) => {
      const ws = i === 0 ? ctx.workbook.worksheets.getItem("Sheet1") : ctx.workbook.worksheets.add(s.name);
      if (i === 0) ws.name = s.name;
      const b = s.blocks[0];
      const range = ws.getRangeByIndexes(b.row, b.col, b.rowCount, b.colCount);
      range.numberFormat = b.numberFormats;
      range.values = b.values;
    });
    await ctx.sync();
  });
  return wb.save();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
