// Status colours. Chosen so text on each fill has WCAG contrast of at least 4.5:1, and so every
// pair of fills stays apart (ΔE ≥ 15) under protanopia, deuteranopia and tritanopia simulation —
// see tests/core/scorecardColour.test.ts. The word is always written too: colour is never alone.
import type { Rag } from "../types";
import type { HexColour } from "./colour";

export interface StatusColours {
  fill: HexColour;
  text: HexColour;
}

export const RAG_COLOURS: Readonly<Record<Rag, StatusColours>> = Object.freeze({
  green: { fill: "00796B", text: "FFFFFF" },
  amber: { fill: "FFC000", text: "000000" },
  red: { fill: "C00000", text: "FFFFFF" },
  grey: { fill: "D9D9D9", text: "000000" },
  blue: { fill: "1F4E79", text: "FFFFFF" },
});

/** The word written in the RAG column. Conditional formats match on it, so hand edits recolour. */
export const RAG_WORDS: Readonly<Record<Rag, string>> = Object.freeze({
  green: "Green",
  amber: "Amber",
  red: "Red",
  grey: "Grey",
  blue: "Blue",
});

/** Header and title styling: dark navy with white text (contrast 14:1). */
export const HEADER_COLOURS: StatusColours = { fill: "1F3864", text: "FFFFFF" };
/** Section headings, light grey-blue with black text. */
export const SECTION_COLOURS: StatusColours = { fill: "DDE3EE", text: "000000" };
export const BORDER_COLOUR: HexColour = "808080";

/** Page 1's tiles for the total and for out-of-date figures: apart from the RAG colours, white text (contrast 14:1 and 7:1). */
export const TOTAL_TILE_COLOURS: StatusColours = { fill: "1F3864", text: "FFFFFF" };
export const STALE_TILE_COLOURS: StatusColours = { fill: "595959", text: "FFFFFF" };
/** Quiet text: dates, notes, keys (contrast 7:1 on white). */
export const NOTE_COLOUR: HexColour = "595959";
/** The commentary cells people type into: pale cream, black text 19:1. */
export const COMMENTARY_FILL: HexColour = "FFF8E1";
