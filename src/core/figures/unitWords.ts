// The words a Unit column (or a column saying how each figure is written) uses for its unit: "%", "Days", "Number".
import type { Unit } from "../types";

export const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(%|percentage|per ?cent|rate %)$/i, "percent"],
  [/^(weeks?|wks?)$/i, "weeks"],
  [/^(days?|working days)$/i, "days"],
  [/^(months?)$/i, "months"],
  [/^(£|gbp|currency|cost|£s|£k)$/i, "currency"],
  [/^(number|no\.?|count|#|numbers|total)$/i, "count"],
  [/^(ratio)$/i, "ratio"],
  [/^(rates?|rate per \d[\d,]*k?|per \d[\d,]*k?)$/i, "rate"],
  [/^(score|points|average score)$/i, "score"],
];

/** The unit a Unit column's word names ("%", "Days", "Number"), or null. */
export function unitFromWord(text: string): Unit | null {
  const t = text.trim();
  for (const [re, u] of UNIT_WORDS) if (re.test(t)) return u;
  return null;
}
