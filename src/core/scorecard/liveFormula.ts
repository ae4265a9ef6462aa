// What the live scorecard may write as a formula: cell references, numbers, operators and these functions —
// never text (a word from the workbook, or from anywhere), never a volatile function. All are in Excel 2007
// and later, Excel on the web and LibreOffice.
import { parseFormula, printFormula, type Expr } from "../formula";

export const LIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  "IF",
  "IFERROR",
  "ISNUMBER",
  "AND",
  "ABS",
  "MAX",
  "MIN",
  "CHOOSE",
  "INDEX",
  "COUNTIFS",
  "COUNTA",
  "T",
  "CHAR",
  "LEN",
  "ROWS",
  "COLUMNS",
  "NA",
]);

/** Functions that recalculate on every change anywhere (or read the sheet around them): never written. */
export const VOLATILE_FUNCTIONS: readonly string[] = ["TODAY", "NOW", "OFFSET", "INDIRECT", "RAND", "RANDBETWEEN", "CELL", "INFO"];

/** Why an expression may not be written, or null when it may. */
export function unsafeBecause(e: Expr): string | null {
  switch (e.kind) {
    case "num":
      return Number.isFinite(e.value) ? null : "a number that is not finite";
    case "bool":
      return "a boolean constant";
    case "str":
      return "text";
    case "err":
      return "an error constant";
    case "ref":
      return null;
    case "fn":
      if (!LIVE_FUNCTIONS.has(e.name)) return `the function ${e.name}`;
      for (const a of e.args) {
        const why = unsafeBecause(a);
        if (why) return why;
      }
      return null;
    case "neg":
      return unsafeBecause(e.arg);
    case "bin":
      return unsafeBecause(e.left) ?? unsafeBecause(e.right);
  }
}

/** The formula's text (without "="); throws when it holds anything but references, numbers and the live functions. */
export function liveFormulaText(e: Expr): string {
  const why = unsafeBecause(e);
  if (why) throw new Error(`A live formula may not hold ${why}`);
  return printFormula(e);
}

/** Whether formula text (as written to a cell) holds only what a live formula may: for tests of what was written. */
export function isLiveFormulaText(text: string): boolean {
  const e = parseFormula(text);
  return e !== null && unsafeBecause(e) === null;
}
