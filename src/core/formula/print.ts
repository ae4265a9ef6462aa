// An expression as formula text (without the leading "="), in Excel's en-US syntax, which is also how
// OOXML stores it and what the Excel API's `values`/`formulas` take. Sheet names are always quoted:
// Excel accepts 'Sheet1'!A1 as well as Sheet1!A1, and quoting every name leaves nothing to get wrong
// (spaces, apostrophes, names that look like cells or R1C1 references, non-Latin letters).
import { columnLetters } from "../address";
import type { CellRect } from "../snapshot";
import type { BinaryOp, Expr } from "./ast";

/** 'My sheet'!  — an apostrophe in the name is doubled, as Excel writes it. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function cellA1(row: number, col: number, absolute: boolean): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export function rectA1(rect: CellRect, absolute = true): string {
  const a = cellA1(rect.row, rect.col, absolute);
  if (rect.rowCount === 1 && rect.colCount === 1) return a;
  return `${a}:${cellA1(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1, absolute)}`;
}

/** A number as Excel reads it back exactly: shortest round-trip digits, exponent in capitals. */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`A formula cannot hold ${v}`);
  return String(v).toUpperCase().replace("E+", "E");
}

export function printFormula(e: Expr): string {
  switch (e.kind) {
    case "num":
      return numberText(e.value);
    case "bool":
      return e.value ? "TRUE" : "FALSE";
    case "str":
      // Text in a formula is how workbook text could become something Excel runs: the scorecard never writes any.
      throw new Error("The scorecard writes no text constants in formulas");
    case "err":
      return e.value;
    case "ref":
      // A reference without a sheet is to the formula's own sheet: written relative, as it is shortest.
      return e.sheet === null ? rectA1(e.rect, false) : `${quotedSheet(e.sheet)}!${rectA1(e.rect)}`;
    case "fn":
      if (!/^[A-Z][A-Z0-9.]*$/.test(e.name)) throw new Error(`Not a function name: ${e.name}`);
      return `${e.name}(${e.args.map(printFormula).join(",")})`;
    case "neg":
      return `-${operand(e.arg, NEG)}`;
    case "bin":
      return `${operand(e.left, PRECEDENCE[e.op])}${e.op}${operand(e.right, PRECEDENCE[e.op] + 0.5)}`;
  }
}

/** Excel's operator precedence, lowest first: comparisons, &, + -, * /, ^, then negation. */
const PRECEDENCE: Record<BinaryOp, number> = { "=": 1, "<>": 1, "<": 1, "<=": 1, ">": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };
const NEG = 6;

/** An operand in brackets when it binds less tightly than where it stands (a right operand of equal rank too: a-(b-c)). */
function operand(e: Expr, context: number): string {
  const rank = e.kind === "bin" ? PRECEDENCE[e.op] : e.kind === "neg" || (e.kind === "num" && e.value < 0) ? NEG : Infinity;
  // A comparison inside a comparison, and a negation anywhere but at the top ("1--5" reads oddly), are bracketed all the same.
  const bracket = rank < context || (rank === 1 && context >= 1) || rank === NEG;
  return bracket ? `(${printFormula(e)})` : printFormula(e);
}
