// Text with the periods it names taken out: "Number of households in temporary accommodation (average taken from
// July – September)" and "(… January – March)" name one measure; "Quarter two" and "Quarter three" head the same
// column of two tables kept a quarter apart.
import { findPeriods } from "./find-periods";
import { MONTH_NAME } from "./months";

const BRACKETED_PERIOD = new RegExp(`\\((?:[^()]*\\b(?:${MONTH_NAME})\\b|[^()]*\\d{2,4}\\s?[/-]\\s?\\d{2}|[^()]*\\b(?:q[1-4]|quarter|year)\\b)[^()]*\\)`, "gi");
const SPELLED = /\b(?:quarter\s(?:one|two|three|four)|(?:first|second|third|fourth)\squarter|q[1-4])\b/gi;

export function withoutPeriods(text: string): string {
  let rest = text.replace(BRACKETED_PERIOD, " ").replace(SPELLED, " ");
  for (const f of [...findPeriods(rest, undefined, { years: true })].reverse()) rest = `${rest.slice(0, f.from)} ${rest.slice(f.to)}`;
  return rest.replace(/\s+/g, " ").trim();
}
