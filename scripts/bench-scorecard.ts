// Scorecard benchmark: for 10 / 100 / 1,000 KPIs in a workbook on the headless host, the syncs the
// scan's read and the scorecard's write take, the largest payload, and the time to build and apply the
// scorecard against a plain write of the same number of cells.
import { newWorkbook, openWorkbook } from "../src/host";
import { insertScorecard } from "../src/excel/insertScorecard";

const MEASURES = [
  ["% of EHC plans issued within 20 weeks", 0.6, "0%"],
  ["Number of children missing education", 80, "0"],
  ["Average waiting time for paediatric dietetics (weeks)", 8, '0.0 "weeks"'],
  ["% referral to choice within 6 weeks", 0.92, "0.0%"],
] as const;

/** A workbook with one KPI table of n rows: Ref | Measure | Frequency | Target | Previous | Latest | DoT. */
async function kpiWorkbook(n: number): Promise<Uint8Array> {
  const wb = await newWorkbook({ payloadLimitBytes: 1e12 });
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const rows: (string | number)[][] = [["Ref", "Measure", "Frequency", "Target", "Previous", "Latest", "DoT"]];
    const formats: string[][] = [["General", "General", "General", "General", "General", "General", "General"]];
    for (let i = 0; i < n; i++) {
      const [m, t, f] = MEASURES[i % MEASURES.length];
      const wobble = ((i * 37) % 21) / 100 - 0.1;
      rows.push([`K${i + 1}`, `${m} – area ${i + 1}`, "Monthly", t, t * (1 + wobble / 2), t * (1 + wobble), wobble > 0 ? "↑" : "↓"]);
      formats.push(["@", "@", "@", f, f, f, "@"]);
    }
    const range = ws.getRangeByIndexes(0, 0, rows.length, 7);
    range.numberFormat = formats;
    range.values = rows;
    await ctx.sync();
  });
  return wb.save();
}

export async function benchScorecard(log: (line: string) => void): Promise<void> {
  for (const n of [10, 100, 1000]) {
    const bytes = await kpiWorkbook(n);
    const wb = await openWorkbook(bytes);
    let readSyncs = 0;
    const t0 = process.hrtime.bigint();
    const outcome = await wb.run((ctx) =>
      insertScorecard(ctx, {
        workbookName: `bench-${n}.xlsx`,
        overrides: { asOf: "2024-02-29" },
        today: "2024-02-29",
        onScanned: () => {
          readSyncs = wb.stats.syncs;
        },
      }),
    );
    const applyMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const writeSyncs = wb.stats.syncs - readSyncs;
    let largest = Math.max(wb.stats.largestRequestBytes, wb.stats.largestResponseBytes);
    // Regenerating: what the existing scorecard says (commentary, RAGs) is read first, so one more sync.
    wb.resetStats();
    let regenRead = 0;
    await wb.run((ctx) => insertScorecard(ctx, { workbookName: `bench-${n}.xlsx`, overrides: { asOf: "2024-02-29" }, today: "2024-02-29", onScanned: () => (regenRead = wb.stats.syncs) }));
    const regenWrite = wb.stats.syncs - regenRead;
    // The payload of each write sync (request out / response back), which Excel on the web limits to 5 MB each.
    const payloads = wb.stats.log.slice(regenRead).map((r, i) => `${i + 1}: ${r.requestBytes.toLocaleString("en-GB")} / ${r.responseBytes.toLocaleString("en-GB")}`);
    largest = Math.max(largest, wb.stats.largestRequestBytes, wb.stats.largestResponseBytes);

    // The same number of cells written plainly, in one range, on a fresh copy: the floor for a write.
    const plain = await openWorkbook(bytes);
    const cells = outcome.applied.kpiRows * 20;
    const t1 = process.hrtime.bigint();
    await plain.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Plain");
      ws.getRangeByIndexes(0, 0, outcome.applied.kpiRows, 20).values = Array.from({ length: outcome.applied.kpiRows }, (_, r) => Array.from({ length: 20 }, (_, c) => `r${r}c${c}`));
      await ctx.sync();
    });
    const plainMs = Number(process.hrtime.bigint() - t1) / 1e6;
    log(
      `scorecard ${String(n).padStart(4)} KPIs: syncs read ${readSyncs}, write ${writeSyncs} (regenerate: write ${regenWrite}); largest payload ${largest.toLocaleString("en-GB")} bytes; ` +
        `scan+build+apply ${applyMs.toFixed(0)} ms vs plain write of ${cells.toLocaleString("en-GB")} cells ${plainMs.toFixed(0)} ms (ratio ${(applyMs / plainMs).toFixed(1)}); charts ${outcome.applied.charts}`,
    );
    log(`scorecard ${String(n).padStart(4)} KPIs: regenerate write payloads, bytes request / response by sync: ${payloads.join("; ")}`);
  }
}
