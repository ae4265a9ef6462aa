import { readFileSync, writeFileSync } from "node:fs";
import { openWorkbook } from "../src/host";
import { scanWorkbook } from "../src/excel/scanWorkbook";
import { applyScorecard } from "../src/excel/applyScorecard";
import { buildScorecardSpec, sourceCellsOf } from "../src/core/scorecard";
(async () => {
  const file = process.argv[2];
  const asOf = process.argv[3] ?? "2024-02-29";
  for (const live of [false, true]) {
    const wb = await openWorkbook(readFileSync(file));
    const { result, settings, snapshot } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "x.xlsx", overrides: { asOf }, today: asOf }));
    const spec = buildScorecardSpec(result, { sheetName: "Scorecard", generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings, ...(live ? { sourceCells: sourceCellsOf(snapshot) } : {}) });
    await wb.run((ctx) => applyScorecard(ctx, spec));
    writeFileSync(`/tmp/packdiff-${live ? "live" : "static"}.xlsx`, await wb.saveCopy());
  }
})();
