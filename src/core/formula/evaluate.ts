// Evaluate an expression over cells, as Excel does for the functions in functions.ts: a blank cell is 0 in
// arithmetic and "" in text, comparisons order numbers before text before booleans (text case-blind),
// errors pass through, IF and CHOOSE evaluate only the branch they take.
import type { BinaryOp, Expr } from "./ast";
import { FUNCTIONS } from "./functions";
import { compare, err, isError, isRef, toBoolean, toNumber, toText, type CellSource, type FormulaError, type Scalar, type Value } from "./values";

export * from "./values";

export class Evaluator {
  constructor(
    readonly source: CellSource,
    /** The sheet a reference without a sheet name is on. */
    readonly ownSheet: string,
  ) {}

  /** The value of an expression, references left as references. */
  value(e: Expr): Value {
    switch (e.kind) {
      case "num":
      case "bool":
      case "str":
        return e.value;
      case "err":
        return err(e.value);
      case "ref": {
        const sheet = e.sheet ?? this.ownSheet;
        if (!this.source.hasSheet(sheet)) return err("#REF!");
        return { ref: true, sheet, rect: e.rect };
      }
      case "neg": {
        const v = this.number(e.arg);
        return isError(v) ? v : v === 0 ? 0 : -v;
      }
      case "bin":
        return this.binary(e.op, e.left, e.right);
      case "fn": {
        const f = FUNCTIONS[e.name];
        if (!f) return err("#NAME?");
        return f(e.args, this);
      }
    }
  }

  /** A single value: a one-cell reference read; a larger one is #VALUE! (no implicit intersection). */
  scalar(e: Expr): Scalar {
    return this.deref(this.value(e));
  }

  deref(v: Value): Scalar {
    if (!isRef(v)) return v;
    if (v.rect.rowCount !== 1 || v.rect.colCount !== 1) return err("#VALUE!");
    return this.source.cell(v.sheet, v.rect.row, v.rect.col);
  }

  /** As a number: blank 0, TRUE 1, text that reads as a number that number, other text #VALUE!. */
  number(e: Expr): number | FormulaError {
    return toNumber(this.scalar(e));
  }

  /** As a condition: numbers are true unless 0, text is #VALUE!. */
  boolean(e: Expr): boolean | FormulaError {
    return toBoolean(this.scalar(e));
  }


  text(e: Expr): string | FormulaError {
    return toText(this.scalar(e));
  }

  /** Every cell of a reference (or the one value given), for functions over ranges. */
  cells(v: Value, visit: (x: Scalar, row: number, col: number) => void): void {
    if (!isRef(v)) {
      visit(v, 0, 0);
      return;
    }
    const { sheet, rect } = v;
    if (this.source.each) {
      this.source.each(sheet, rect, (x, r, c) => visit(x, r - rect.row, c - rect.col));
      return;
    }
    for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.colCount; c++) visit(this.source.cell(sheet, rect.row + r, rect.col + c), r, c);
  }

  private binary(op: BinaryOp, l: Expr, r: Expr): Scalar {
    if (op === "&") {
      const a = this.text(l);
      if (isError(a)) return a;
      const b = this.text(r);
      return isError(b) ? b : a + b;
    }
    if (op === "=" || op === "<>" || op === "<" || op === "<=" || op === ">" || op === ">=") {
      const a = this.scalar(l);
      if (isError(a)) return a;
      const b = this.scalar(r);
      if (isError(b)) return b;
      const c = compare(a, b);
      switch (op) {
        case "=":
          return c === 0;
        case "<>":
          return c !== 0;
        case "<":
          return c < 0;
        case "<=":
          return c <= 0;
        case ">":
          return c > 0;
        default:
          return c >= 0;
      }
    }
    const a = this.number(l);
    if (isError(a)) return a;
    const b = this.number(r);
    if (isError(b)) return b;
    let out: number;
    switch (op) {
      case "+":
        out = a + b;
        break;
      case "-":
        out = a - b;
        break;
      case "*":
        out = a * b;
        break;
      case "/":
        if (b === 0) return err("#DIV/0!");
        out = a / b;
        break;
      default:
        out = Math.pow(a, b);
    }
    return Number.isFinite(out) ? out : err("#NUM!");
  }
}

/** A formula's result as a cell holds it: a reference read (an empty cell gives 0, as =A1 does), a range #VALUE!. */
export function evaluateFormula(e: Expr, source: CellSource, ownSheet: string): Exclude<Scalar, null> {
  const ev = new Evaluator(source, ownSheet);
  const v = ev.deref(ev.value(e));
  return v === null ? 0 : v;
}
