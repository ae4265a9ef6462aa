// Direction of travel as shown: the arrow says which way the figure moved, the word says
// whether that is better or worse given the KPI's polarity.
import type { Direction, Dot, Judgement } from "../types";

export const DOT_ARROWS: Readonly<Record<Direction, string>> = Object.freeze({ up: "▲", down: "▼", flat: "►" });
export const JUDGEMENT_WORDS: Readonly<Record<Judgement, string>> = Object.freeze({
  improving: "improving",
  worsening: "worsening",
  "no-change": "no change",
});
const DIRECTION_WORDS: Readonly<Record<Direction, string>> = Object.freeze({ up: "up", down: "down", flat: "no change" });

export const DOT_NOT_AVAILABLE = "n/a";

/** "▲ improving", "▼ worsening", "► no change"; "▲ up" when polarity is unknown; "▼ (stated)" when only the workbook says. */
export function dotText(dot: Dot): string {
  if (dot.direction) {
    const word = dot.judgement ? JUDGEMENT_WORDS[dot.judgement] : DIRECTION_WORDS[dot.direction];
    return `${DOT_ARROWS[dot.direction]} ${word}`;
  }
  if (dot.stated) return `${DOT_ARROWS[dot.stated]} ${DIRECTION_WORDS[dot.stated]} (as stated)`;
  return DOT_NOT_AVAILABLE;
}
