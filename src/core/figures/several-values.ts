// Cells that hold several labelled values: "YR 6 93% YR11 – 71%", "Writing -6.70 Maths -6.20".
// Such a cell is reported as several values (a finding for the reader), never as one guessed value.
import type { Unit } from "../types";
import { readNumberText } from "./number-text";
import type { SeveralValue } from "./types";

/** A value token: a number, with a pound sign or a per cent sign. */
export const VALUE = /^[-+]?£?\d[\d,]*(?:\.\d+)?%?$/;
/** A unit word written after a value ("12 weeks", "93 %"). */
export const UNIT_WORD = /^(?:%|weeks?|wks?|days?|months?|mths?)$/i;
const DASH = /^[-:=]$/;
const JOINER = /^(?:and|&|\/|\||;|,)$/i;
/** Longest label a value may carry ("Year 6", "SEN Support", "KS2 reading"). */
const MAX_LABEL_WORDS = 4;

interface Segment {
  label: string;
  value: number | null;
  unit: Unit | null;
}

/** A cell's tokens as the reader takes them: split at spaces, with , ; | standing alone. */
export function tokens(text: string): string[] {
  return text
    .replace(/([,;|])(?=\s|$)/g, " $1 ")
    .split(/\s+/)
    .filter((t) => t !== "");
}

/**
 * The labelled values of a cell that holds two or more of them, or null when it does not
 * (an empty list when every label has only a dash).
 * Every value must carry a label and every label a value or a dash ("YR11 -" is a label with
 * no value yet); text left over means the cell is a sentence, not a list of values.
 */
export function readSeveralValues(text: string, expectedUnit: Unit | null = null): SeveralValue[] | null {
  const t = tokens(text);
  const segments: Segment[] = [];
  let label: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const tok = t[i];
    const next = t[i + 1];
    if (DASH.test(tok)) {
      if (next !== undefined && VALUE.test(next)) continue; // "YR11 – 71%": a separator
      if (label.length === 0) return null;
      segments.push({ label: label.join(" "), value: null, unit: null });
      label = [];
      continue;
    }
    if (VALUE.test(tok)) {
      // "YR 6 93%": a small bare number straight after a label word and before a value is part of the label.
      if (/^\d{1,2}$/.test(tok) && label.length > 0 && next !== undefined && (VALUE.test(next) || DASH.test(next))) {
        label.push(tok);
        continue;
      }
      if (label.length === 0 || label.length > MAX_LABEL_WORDS) return null;
      const withUnit = next !== undefined && UNIT_WORD.test(next) ? `${tok} ${next}` : tok;
      if (withUnit !== tok) i++;
      const read = readNumberText(withUnit).reading;
      if (!read || !Number.isFinite(read.value)) return null;
      segments.push({ label: label.join(" "), value: read.value, unit: read.unit ?? expectedUnit });
      label = [];
      continue;
    }
    if (JOINER.test(tok) && label.length === 0) continue;
    if (!/^[A-Za-z(]/.test(tok)) return null;
    label.push(tok);
    if (label.length > MAX_LABEL_WORDS) return null;
  }
  if (label.length > 0 || segments.length < 2) return null;
  // Labels with only dashes ("YR 6 - YR11 -") give an empty list: several slots, nothing entered.
  const values = segments.filter((s): s is Segment & { value: number } => s.value !== null);
  return values.map((s) => ({ label: s.label, value: s.value, unit: s.unit }));
}

export const RANGE = /^(\d[\d,]*(?:\.\d+)?)\s?(%|weeks?|days?|months?)?\s?(?:-|to)\s?(\d[\d,]*(?:\.\d+)?)\s?(%|weeks?|days?|months?)?$/i;

/**
 * A range written as the figure ("10-15%", "8 to 12 weeks"): two values as written, labelled
 * "from" and "to". A range is not one figure, so it is reported the way several values are.
 */
export function readRange(text: string, expectedUnit: Unit | null = null): SeveralValue[] | null {
  const m = RANGE.exec(text);
  if (!m || (m[2] && m[4] && m[2].toLowerCase()[0] !== m[4].toLowerCase()[0])) return null;
  const unitText = m[4] ?? m[2] ?? "";
  const low = readNumberText(`${m[1]}${unitText ? ` ${unitText}` : ""}`).reading;
  const high = readNumberText(`${m[3]}${unitText ? ` ${unitText}` : ""}`).reading;
  if (!low || !high || !Number.isFinite(low.value) || !Number.isFinite(high.value)) return null;
  return [
    { label: "from", value: low.value, unit: low.unit ?? expectedUnit },
    { label: "to", value: high.value, unit: high.unit ?? expectedUnit },
  ];
}
