// Cell values in formulas, as Excel has them: errors, blanks, references, and the conversions and the order of
// comparison that both the evaluator and its functions use.
import type { CellRect } from "../snapshot";

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
/** As a condition takes it: numbers are true unless 0, "TRUE"/"FALSE" in any case, other text #VALUE!. */
export function toBoolean(v: Scalar): boolean | FormulaError {
  if (isError(v)) return v;
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return err("#VALUE!");
}

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
