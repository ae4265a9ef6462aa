import { readFileSync } from "node:fs";
import { openWorkbook } from "../src/host";
import { scanWorkbook } from "../src/excel/scanWorkbook";
import { buildScorecardSpec, sourceCellsOf } from "../src/core/scorecard";
(async () => {
  const file = process.argv[2] ?? "assets/samples/send-board-kpis.xlsx";
  const wb = await openWorkbook(readFileSync(file));
  const { result, settings, snapshot } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "x.xlsx", overrides: { asOf: process.argv[3] ?? "2024-02-29" }, today: "2024-02-29" }));
  const t0 = Date.now();
  const spec = buildScorecardSpec(result, { sheetName: "Scorecard", generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings, sourceCells: sourceCellsOf(snapshot) });
  console.log("build ms", Date.now() - t0);
  let n = 0;
  for (const b of [...spec.blocks, ...spec.dataSheet.blocks]) for (const f of b.formulas ?? []) { n++; if (process.env.SHOW) console.log(b.id, b.row + f.r, b.col + f.c, f.formula.slice(0, 300), "=>", JSON.stringify(b.values[f.r][f.c])); }
  console.log("formulas", n, "kpis", spec.rows.length);
})();
(async () => {
  const file = process.argv[2] ?? "assets/samples/send-board-kpis.xlsx";
  const wb = await openWorkbook(readFileSync(file));
  const { result, settings, snapshot } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "x.xlsx", overrides: { asOf: process.argv[3] ?? "2024-02-29" }, today: "2024-02-29" }));
  const spec = buildScorecardSpec(result, { sheetName: "Scorecard", generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings, sourceCells: sourceCellsOf(snapshot) });
  const reg = spec.blocks.find((b) => b.id === "register")!;
  const cols = spec.table.columns.map((c) => c.id);
  for (const r of spec.rows) {
    const live = (reg.formulas ?? []).filter((f) => reg.row + f.r === r.row).map((f) => cols[f.c]);
    const italic = spec.formats.filter((f) => f.italic && f.address.match(/^[A-Z]+(\d+)/) && Number(f.address.match(/^[A-Z]+(\d+)/)![1]) - 1 <= r.row && Number((f.address.split(":")[1] ?? f.address).match(/\d+/)![0]) - 1 >= r.row).map((f) => cols[f.address.charCodeAt(0) - 65]);
    console.log(r.key.padEnd(60).slice(0, 60), "live:", live.join(","), "| static:", italic.join(","));
  }
})();
