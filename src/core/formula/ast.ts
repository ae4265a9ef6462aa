// Formulas as data: what the scorecard builds (references, numbers, functions, operators: never text from
// a workbook) and what the headless host parses and calculates. One shape for both, so the formulas the
// scorecard writes are the formulas the host evaluates.
import type { CellRect } from "../snapshot";

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | "<=" | ">" | ">=";

export type Expr =
  | { kind: "num"; value: number }
  | { kind: "bool"; value: boolean }
  /** Only from parsing a formula someone else wrote: the scorecard never builds one (see safeFormula.ts). */
  | { kind: "str"; value: string }
  | { kind: "err"; value: string }
  /** A cell or a rectangle; sheet null means the formula's own sheet. */
  | { kind: "ref"; sheet: string | null; rect: CellRect }
  | { kind: "fn"; name: string; args: Expr[] }
  | { kind: "neg"; arg: Expr }
  | { kind: "bin"; op: BinaryOp; left: Expr; right: Expr };

export const num = (value: number): Expr => ({ kind: "num", value });
export const fn = (name: string, ...args: Expr[]): Expr => ({ kind: "fn", name: name.toUpperCase(), args });
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: "bin", op, left, right });

/** One cell, 0-based, on a named sheet. */
export function cellRef(sheet: string, row: number, col: number): Expr {
  return { kind: "ref", sheet, rect: { row, col, rowCount: 1, colCount: 1 } };
}

export function rangeRef(sheet: string, rect: CellRect): Expr {
  return { kind: "ref", sheet, rect: { ...rect } };
}

/** Every reference in an expression, in order. */
export function referencesOf(e: Expr, out: Extract<Expr, { kind: "ref" }>[] = []): Extract<Expr, { kind: "ref" }>[] {
  switch (e.kind) {
    case "ref":
      out.push(e);
      break;
    case "fn":
      for (const a of e.args) referencesOf(a, out);
      break;
    case "neg":
      referencesOf(e.arg, out);
      break;
    case "bin":
      referencesOf(e.left, out);
      referencesOf(e.right, out);
      break;
    default:
      break;
  }
  return out;
}
