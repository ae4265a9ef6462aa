// What a cell's figure reads as: a number with its unit, or the stated reason there is none.
import type { RawValue, ValueType } from "../snapshot";
import type { MissingReason, Period, RelativeTarget, Unit } from "../types";
import type { PeriodContext } from "../periods";

export interface FigureInput {
  /** The displayed text. */
  text: string;
  value?: RawValue;
  numberFormat?: string;
  valueType?: ValueType;
}

export interface FigureContext {
  /** The unit the row or column is in ("weeks" under a weeks target); plain numbers take it. */
  expectedUnit?: Unit | null;
  periodContext?: PeriodContext;
}

/** One value of a cell that holds several: "YR 6 93% YR11 – 71%". */
export interface SeveralValue {
  label: string | null;
  value: number;
  unit: Unit | null;
}

export interface ParsedFigure {
  /** Percentages as fractions (71.3% -> 0.713). */
  value: number | null;
  unit: Unit | null;
  /** From a trailing "(Jan 23)" etc.; null if none. */
  period: Period | null;
  /** Why value is null. */
  missing: MissingReason | null;
  relative: RelativeTarget | null;
  /** Words beside the number: "interim target", "complete", ">=". */
  qualifier: string | null;
  /** Several values in one cell; value is then null. */
  several: SeveralValue[] | null;
  /** Excel error text ("#N/A", "#DIV/0!") when the cell holds an error. */
  error: string | null;
  /** True when the number was rescaled to fit the expected unit ("97.5" in a % row -> 0.975). */
  scaled: boolean;
  /** Where the unit came from. */
  unitFrom: "text" | "format" | "context" | null;
}

/** A figure with nothing in it yet: every parser starts from this. */
export function emptyFigure(): ParsedFigure {
  return { value: null, unit: null, period: null, missing: null, relative: null, qualifier: null, several: null, error: null, scaled: false, unitFrom: null };
}
