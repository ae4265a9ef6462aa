// The live scorecard's formulas hold no text (only references, functions and numbers): a RAG or a trend is
// worked out as a number, and the words it shows are cells on the hidden data sheet, picked by that number.
import type { Direction, Judgement, Rag } from "../types";
import { dotText } from "./dot";
import { RAG_WORDS } from "./palette";
import { ragText } from "./rows";

/** RAG codes, in the order of the words row: Blue 1, Green 2, Amber 3, Red 4, Grey 5. */
export const RAG_CODE: Readonly<Record<Rag, number>> = Object.freeze({ blue: 1, green: 2, amber: 3, red: 4, grey: 5 });
export const RAG_BY_CODE: readonly Rag[] = ["blue", "green", "amber", "red", "grey"];

/** Trend codes (0: none, shown blank). The judgement follows polarity; "up"/"down" when there is none. */
export const DOT_CODES: readonly { direction: Direction; judgement: Judgement | null; stated?: true }[] = [
  { direction: "up", judgement: "improving" },
  { direction: "up", judgement: "worsening" },
  { direction: "down", judgement: "improving" },
  { direction: "down", judgement: "worsening" },
  { direction: "flat", judgement: "no-change" },
  { direction: "up", judgement: null },
  { direction: "down", judgement: null },
  { direction: "up", judgement: null, stated: true },
  { direction: "down", judgement: null, stated: true },
  { direction: "flat", judgement: null, stated: true },
];

/** The code of a direction and judgement (or of a direction only the workbook states); 0 for none. */
export function dotCode(direction: Direction | null, judgement: Judgement | null, stated: Direction | null = null): number {
  if (direction) {
    const i = DOT_CODES.findIndex((d) => !d.stated && d.direction === direction && d.judgement === (direction === "flat" ? "no-change" : judgement));
    return i + 1;
  }
  if (stated) return DOT_CODES.findIndex((d) => d.stated && d.direction === stated) + 1;
  return 0;
}

export function dotWord(code: number): string {
  const d = DOT_CODES[code - 1];
  if (!d) return "";
  return d.stated ? dotText({ direction: null, judgement: null, stated: d.direction }) : dotText({ direction: d.direction, judgement: d.judgement });
}

/** What a stale KPI's RAG cell adds after the word ("\nout of date"), as the register writes it. */
export function staleSuffix(): string {
  const word = RAG_WORDS.green;
  const text = ragText({ rag: "green", stale: true });
  return text.startsWith(word) ? text.slice(word.length) : "";
}

/** The page-1 cell that says whether the source tables still have the shape the scorecard was made from. */
export const STRUCTURE_LABEL = "Source tables";
export const STRUCTURE_OK = "As generated";
export const STRUCTURE_CHANGED = "Changed: regenerate the scorecard";
