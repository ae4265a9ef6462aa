// Scan a headless workbook and apply its scorecard, as the add-in's Insert does, with the sync counts of the write.
import type { HeadlessWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { applyScorecard } from "../../src/excel/applyScorecard";
import { buildScorecardSpec } from "../../src/core/scorecard";

export const AS_OF = "2024-02-29";

export async function scanAndApply(wb: HeadlessWorkbook, workbookName: string) {
  const { result, settings } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName, overrides: { asOf: AS_OF }, today: AS_OF }));
  const spec = buildScorecardSpec(result, { sheetName: settings.scorecardSheetName, generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings });
  wb.resetStats();
  const applied = await wb.run((ctx) => applyScorecard(ctx, spec));
  return { result, spec, applied, writeStats: { ...wb.stats } };
}
