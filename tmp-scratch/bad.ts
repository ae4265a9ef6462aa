import { readFileSync } from "node:fs";
import { openWorkbook } from "../src/host";
import { insertScorecard } from "../src/excel/insertScorecard";
import { isLiveFormulaText } from "../src/core/scorecard";
(async () => {
  const wb = await openWorkbook(readFileSync(process.argv[2]));
  const out = await wb.run((ctx) => insertScorecard(ctx, { workbookName: "x.xlsx", overrides: { asOf: "2024-02-29" }, today: "2024-02-29" }));
  for (const s of [out.applied.sheetName, out.applied.dataSheetName]) {
    const f = await wb.run(async (ctx) => { const r = ctx.workbook.worksheets.getItem(s).getUsedRange(); r.load("formulas"); await ctx.sync(); return r.formulas.flat(); });
    for (const x of f) if (typeof x === "string" && x.startsWith("=") && !isLiveFormulaText(x.slice(1))) console.log(s, JSON.stringify(x));
  }
})();
