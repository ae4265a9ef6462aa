// CHOOSE over any number of values, in runs LibreOffice calculates (it counts CHOOSE's choices as jumps and gives
// #VALUE! past about 30): every index picks its own value, and no CHOOSE written has more than 30 arguments.
import { evaluateFormula, num, parseFormula, printFormula, type CellSource, type Expr } from "../../src/core/formula";
import { choose } from "../../src/core/scorecard/liveKpi";

const none: CellSource = { cell: () => null, each: () => undefined, hasSheet: () => true };

function widestChoose(e: Expr): number {
  if (e.kind === "fn") return Math.max(e.name === "CHOOSE" ? e.args.length : 0, ...e.args.map(widestChoose));
  if (e.kind === "bin") return Math.max(widestChoose(e.left), widestChoose(e.right));
  if (e.kind === "neg") return widestChoose(e.arg);
  return 0;
}

test.each([1, 2, 29, 30, 31, 58, 59, 60, 250])("CHOOSE over %i values: each index picks its value; at most 30 arguments to one CHOOSE", (n) => {
  const values = Array.from({ length: n }, (_, i) => num(1000 + i));
  for (let i = 1; i <= n; i++) {
    const e = choose(num(i), values);
    expect(evaluateFormula(e, none, "S")).toBe(1000 + i - 1);
    // As written and read back: the same.
    expect(evaluateFormula(parseFormula(printFormula(e))!, none, "S")).toBe(1000 + i - 1);
    expect(widestChoose(e)).toBeLessThanOrEqual(30);
  }
});
