import { readFileSync, writeFileSync } from "node:fs";
import { openWorkbook } from "../src/host";
import { insertScorecard } from "../src/excel/insertScorecard";
(async () => {
  const file = process.argv[2] ?? "assets/samples/send-board-kpis.xlsx";
  const wb = await openWorkbook(readFileSync(file));
  const t0 = Date.now();
  const out = await wb.run((ctx) => insertScorecard(ctx, { workbookName: "x.xlsx", overrides: { asOf: "2024-02-29" }, today: "2024-02-29", generatedAt: "2026-11-22T01:00:00Z" }));
  console.log("insert ms", Date.now() - t0, "syncs", out.applied.syncs);
  const t1 = Date.now();
  const bytes = await wb.saveCopy();
  console.log("saveCopy ms", Date.now() - t1);
  writeFileSync(process.argv[3] ?? "/tmp/live-copy.xlsx", bytes);
  const vals = await wb.run(async (ctx) => { const r = ctx.workbook.worksheets.getItem("Scorecard").getUsedRange(); r.load("values,formulas"); await ctx.sync(); return { v: r.values, f: r.formulas }; });
  vals.v.forEach((row, i) => { const fr = vals.f[i]; row.forEach((v, j) => { if (typeof fr[j] === "string" && (fr[j] as string).startsWith("=") && i > 300 && i < 312) console.log(i, j, JSON.stringify(v)); }); });
})();
