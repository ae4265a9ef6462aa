// Evaluate an expression over cells, as Excel does for the functions in functions.ts: a blank cell is 0 in
// arithmetic and "" in text, comparisons order numbers before text before booleans (text case-blind),
// errors pass through, IF and CHOOSE evaluate only the branch they take.
import type { CellRect } from "../snapshot";
import type { BinaryOp, Expr } from "./ast";
import { FUNCTIONS } from "./functions";

export interface FormulaError {
  error: string;
}

/** A cell's value: null when the cell is empty. */
export type Scalar = number | string | boolean | null | FormulaError;

/** A reference, resolved lazily: functions that take ranges read its cells. */
export interface RefValue {
  ref: true;
  sheet: string;
  rect: CellRect;
}

export type Value = Scalar | RefValue;

/** Where an evaluation reads cells from. */
export interface CellSource {
  /** The value of one cell; a sheet that does not exist gives #REF!. */
  cell(sheet: string, row: number, col: number): Scalar;
  /** Whether a sheet of that name exists. */
  hasSheet(sheet: string): boolean;
  /** The non-empty cells of a rectangle (for ranges): every cell, in rows, when not given. */
  each?(sheet: string, rect: CellRect, visit: (v: Scalar, row: number, col: number) => void): void;
}

export const err = (code: string): FormulaError => ({ error: code });
export const isError = (v: unknown): v is FormulaError => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;
export const isRef = (v: Value): v is RefValue => typeof v === "object" && v !== null && "ref" in v;

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
    const v = this.scalar(e);
    if (isError(v)) return v;
    if (typeof v === "boolean") return v;
    if (v === null) return false;
    if (typeof v === "number") return v !== 0;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    return err("#VALUE!");
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

export function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  if (t !== "" && /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return Number(t);
  return err("#VALUE!");
}

/** A value as text, as Excel's General format shows a number in a formula's text (up to 15 significant digits). */
export function toText(v: Scalar): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isError(v)) return v;
  return generalText(v);
}

function generalText(n: number): string {
  return Number(n.toPrecision(15)).toString().toUpperCase();
}

/** A formula's result as a cell holds it: a reference read (an empty cell gives 0, as =A1 does), a range #VALUE!. */
export function evaluateFormula(e: Expr, source: CellSource, ownSheet: string): Exclude<Scalar, null> {
  const ev = new Evaluator(source, ownSheet);
  const v = ev.deref(ev.value(e));
  return v === null ? 0 : v;
}

const TYPE_RANK = (v: Exclude<Scalar, FormulaError>): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

/** Excel's order: a blank compares as 0 with a number, "" with text, FALSE with a boolean; numbers < text < booleans. */
export function compare(a: Exclude<Scalar, FormulaError>, b: Exclude<Scalar, FormulaError>): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  const ra = TYPE_RANK(a);
  const rb = TYPE_RANK(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return Number(a) - Number(b);
}
