// An expression as formula text (without the leading "="), in Excel's en-US syntax, which is also how
// OOXML stores it and what the Excel API's `values`/`formulas` take. Sheet names are always quoted:
// Excel accepts 'Sheet1'!A1 as well as Sheet1!A1, and quoting every name leaves nothing to get wrong
// (spaces, apostrophes, names that look like cells or R1C1 references, non-Latin letters).
import { columnLetters } from "../address";
import type { CellRect } from "../snapshot";
import type { Expr } from "./ast";

/** 'My sheet'!  — an apostrophe in the name is doubled, as Excel writes it. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function cellA1(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

export function rectA1(rect: CellRect): string {
  const a = cellA1(rect.row, rect.col);
  if (rect.rowCount === 1 && rect.colCount === 1) return a;
  return `${a}:${cellA1(rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1)}`;
}

/** A number as Excel reads it back exactly: shortest round-trip digits, exponent in capitals. */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`A formula cannot hold ${v}`);
  return String(v).toUpperCase().replace("E+", "E");
}

export function printFormula(e: Expr): string {
  switch (e.kind) {
    case "num":
      return e.value < 0 ? `(${numberText(e.value)})` : numberText(e.value);
    case "bool":
      return e.value ? "TRUE" : "FALSE";
    case "str":
      // Text in a formula is how workbook text could become something Excel runs: the scorecard never writes any.
      throw new Error("The scorecard writes no text constants in formulas");
    case "err":
      return e.value;
    case "ref":
      return `${e.sheet === null ? "" : `${quotedSheet(e.sheet)}!`}${rectA1(e.rect)}`;
    case "fn":
      if (!/^[A-Z][A-Z0-9.]*$/.test(e.name)) throw new Error(`Not a function name: ${e.name}`);
      return `${e.name}(${e.args.map(printFormula).join(",")})`;
    case "neg":
      return `-${operand(e.arg)}`;
    case "bin":
      return `${operand(e.left)}${e.op}${operand(e.right)}`;
  }
}

function operand(e: Expr): string {
  return e.kind === "bin" || e.kind === "neg" ? `(${printFormula(e)})` : printFormula(e);
}
