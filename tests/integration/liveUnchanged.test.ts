// On unchanged figures the live scorecard shows what the static one showed: every cell written as a formula, as
// the headless host calculates it once written (what the CLI copy and the pack print), holds the value the add-in
// worked out for it — on every corpus workbook, on the scorecard and in the charts' data. (The data sheet's helper
// cells are the formulas' workings, not printed: an index written as 0 is worked out on the first calculation.)
import { readFileSync } from "node:fs";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { applyScorecard } from "../../src/excel/applyScorecard";
import { buildScorecardSpec, sourceCellsOf, withSheetState, type ScorecardSpec } from "../../src/core/scorecard";
import { unquote } from "../../src/core/scorecard/literal";
import { parseFormula, type Expr } from "../../src/core/formula";
import { loadEntries } from "../../scripts/corpus/entry";
import { xlsxPath } from "../../scripts/corpus/build";

type Spec = ScorecardSpec;

/** The most arguments of any CHOOSE in the formula (LibreOffice calculates CHOOSE with up to about 30). */
function widestChoose(e: Expr): number {
  if (e.kind === "fn") return Math.max(e.name === "CHOOSE" ? e.args.length : 0, ...e.args.map(widestChoose));
  if (e.kind === "bin") return Math.max(widestChoose(e.left), widestChoose(e.right));
  if (e.kind === "neg") return widestChoose(e.arg);
  return 0;
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? unquote(v) : v);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === "number" && typeof y === "number") return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  return x === y;
}

test("every formula of the scorecard, calculated by the host once written, gives the add-in's own value (all corpus workbooks)", async () => {
  let formulas = 0;
  const differ: string[] = [];
  let widest = 0;
  for (const e of loadEntries()) {
    const wb = await openWorkbook(new Uint8Array(readFileSync(xlsxPath(e))));
    const { result, settings, snapshot } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: `${e.id}.xlsx`, overrides: { asOf: e.asOf }, today: e.asOf }));
    const built = buildScorecardSpec(result, { sheetName: settings.scorecardSheetName, generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings, sourceCells: sourceCellsOf(snapshot) });
    const applied = await wb.run((ctx) => applyScorecard(ctx, built));
    const spec: Spec = withSheetState(built, null, { sheetName: applied.sheetName, dataSheetName: applied.dataSheetName, registerSheetName: applied.registerSheetName });
    const sheets: [string, Spec["blocks"]][] = [
      [applied.sheetName, spec.blocks],
      [applied.registerSheetName, spec.register.blocks],
      [applied.dataSheetName, spec.dataSheet.blocks.filter((b) => b.id === "chartData")],
    ];
    for (const b of [...spec.blocks, ...spec.register.blocks, ...spec.dataSheet.blocks]) for (const f of b.formulas ?? []) widest = Math.max(widest, widestChoose(parseFormula(f.formula)!));
    for (const [sheet, blocks] of sheets) {
      const values = await wb.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange();
        r.load("values,rowIndex,columnIndex");
        await ctx.sync();
        return { values: r.values, row: r.rowIndex, col: r.columnIndex };
      });
      for (const b of blocks) {
        for (const f of b.formulas ?? []) {
          formulas++;
          const want = b.values[f.r][f.c];
          const got = values.values[b.row + f.r - values.row]?.[b.col + f.c - values.col];
          if (!same(got, want)) differ.push(`${e.id} ${sheet} ${b.id} r${b.row + f.r} c${b.col + f.c}: wrote ${JSON.stringify(want)}, host ${JSON.stringify(got)} (=${f.formula.slice(0, 120)})`);
        }
      }
    }
  }
  expect(formulas).toBeGreaterThan(5_000);
  expect(differ).toEqual([]);
  expect(widest).toBeLessThanOrEqual(30);
}, 600_000);
