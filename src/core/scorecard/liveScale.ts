// A figure on the KPI's scale, as a formula: the add-in reads a whole percentage typed as a plain number ("45" in
// a percentage row) as 0.45, a number shown with a literal "%" as that share, and a percentage among rates per 100 as
// the rate (0.45% -> 0.45). A formula following the cell applies the same rule, with numbers only, so it shows what
// the add-in would read from the cell (figures/parse-figure.ts fitToExpected, figures/scale.ts onScale).
import { bin, fn, num, type Expr } from "../formula";
import { showsLiteralPercent, unitFromNumberFormat } from "../figures/format-unit";
import type { Unit } from "../types";

export type ScaleKind = "as-is" | "whole-percent" | "literal-percent" | "rate-base";

export interface Scale {
  kind: ScaleKind;
  /** For a rate written as a percentage: the base (100, 1,000 …). */
  base?: number;
}

export const AS_IS: Scale = Object.freeze({ kind: "as-is" });

/** The scale rule the add-in applies to a number in a cell with this format, for a KPI of this unit. */
export function scaleOf(unit: Unit | null, numberFormat: string, ratePer: number | null): Scale {
  if (showsLiteralPercent(numberFormat)) return { kind: "literal-percent" };
  const shown = unitFromNumberFormat(numberFormat);
  if (unit === "rate" && shown === "percent") return { kind: "rate-base", base: ratePer ?? 100 };
  if (unit === "percent" && shown === null) return { kind: "whole-percent" };
  return AS_IS;
}

/** The scale for a cell that is blank today: what a plain number typed into it would be read on. */
export function blankScale(unit: Unit | null): Scale {
  return unit === "percent" ? { kind: "whole-percent" } : AS_IS;
}

/** The number the add-in reads from the cell's number, on the scale. */
export function scaleNumber(s: Scale, v: number): number {
  switch (s.kind) {
    case "as-is":
      return v;
    case "literal-percent":
      return v / 100;
    case "whole-percent":
      // Up to 200: 104% or 100.81% is still a percentage written whole; 0 to 1 is a fraction already.
      return Math.abs(v) > 1 && Math.abs(v) <= 200 ? v / 100 : v;
    case "rate-base":
      return v * s.base!;
  }
}

/** The same rule over a number in a formula (the expression is a number: a caller checks ISNUMBER first). */
export function scaleExpr(s: Scale, e: Expr): Expr {
  switch (s.kind) {
    case "as-is":
      return e;
    case "literal-percent":
      return bin("/", e, num(100));
    case "whole-percent":
      // Nested IFs, not AND(): the second test only for a number over 1.
      return fn("IF", bin(">", fn("ABS", e), num(1)), fn("IF", bin("<=", fn("ABS", e), num(200)), bin("/", e, num(100)), e), e);
    case "rate-base":
      return bin("*", e, num(s.base!));
  }
}

export function sameScale(a: Scale, b: Scale): boolean {
  return a.kind === b.kind && (a.base ?? 0) === (b.base ?? 0);
}
