// Formulas: built as data (ast.ts), written as text (print.ts), read back (parse.ts) and calculated
// (evaluate.ts, functions.ts). Pure: the scorecard checks what it writes with it, the host calculates with it.
export * from "./ast";
export { printFormula, quotedSheet, numberText, rectA1 } from "./print";
export { parseFormula } from "./parse";
export { Evaluator, evaluateFormula, compare, toNumber, toText, err, isError, isRef, type CellSource, type FormulaError, type Scalar, type Value, type RefValue } from "./evaluate";
export { FUNCTIONS } from "./functions";
