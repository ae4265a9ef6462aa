// A target typed for one KPI, read in the KPI's own units. Percentages are stored as Excel stores them,
// as fractions: "85%" and "0.85" both mean 85%. A bare "85" for a percentage is refused rather than read as
// 8,500%: the message says which two ways to write it.
import type { Unit } from "../core/types";

export type TargetReading = { value: number } | { error: string };

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

export function parseTarget(text: string, unit: Unit | null): TargetReading {
  const t = text.trim().replace(/^[£$€]\s*/, "");
  if (t === "") return { error: "Type a target, or use Reset to go back to the workbook's own." };
  const percent = t.endsWith("%");
  const digits = (percent ? t.slice(0, -1) : t).trim();
  if (!NUMBER.test(digits) || !/\d/.test(digits)) return { error: `"${text.trim()}" is not a number. ${targetHint(unit)}` };
  const n = Number(digits.replace(/,/g, ""));
  if (percent) return { value: n / 100 };
  if (unit === "percent" && Math.abs(n) > 1) return { error: `For a percentage type ${digits}% or ${trim(n / 100)}: a bare ${digits} would be ${(n * 100).toLocaleString("en-GB")}%.` };
  return { value: n };
}

/** How to type a target for a KPI of this unit. */
export function targetHint(unit: Unit | null): string {
  return unit === "percent" ? "A percentage: type 85% or 0.85 (both mean 85%)." : "A number in the KPI's own units, such as 400 or 18.5.";
}

/** A stored target as the field shows it: 0.85 as "85%" for a percentage. */
export function targetText(value: number, unit: Unit | null): string {
  return unit === "percent" ? `${trim(value * 100)}%` : trim(value);
}

function trim(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
