// A trend (direction of travel) the workbook states: arrows (↑ ↓ → ▲ ▼ ►, and letters drawn as arrows
// by Wingdings / Wingdings 3 / Webdings), words ("Up", "Increase", "No change"), and judgements
// ("Improving", "Better", "Worse", a smiley). Whether an arrow is a direction or a judgement depends on
// the sheet (a legend "↑ = improving"); that is decided where the table is read, not here.
import type { Direction, Judgement } from "../types";
import { symbolGlyph } from "./symbolFonts";
import { normaliseWords } from "./words";

export interface StatedTrend {
  direction: Direction | null;
  judgement: Judgement | null;
  /** True when the trend was drawn as an arrow (a symbol), not written as a word. */
  arrow: boolean;
}

export const UP = /^(?:↑|⬆|▲|△|↗|⇧|⇑|⬈|⮝|⯅|🡅|🡑|🡹|⭡|⭫|🠉|🠕|🠙|🢁|⏶|🔼|⬆️)$/u;
export const DOWN = /^(?:↓|⬇|▼|▽|↘|⇩|⇓|⬊|⮟|⯆|🡇|🡓|🡻|⭣|⭭|🠋|🠗|🠛|🢃|⏷|🔽|⬇️)$/u;
export const FLAT = /^(?:→|↔|⇔|⇨|⇒|►|▶|▸|⮞|⯈|🡆|🡒|🡺|⭢|⬌|⟷|⟶|=|≈|◄►|◀▶|➡|➔|➜|⬄)$/u;

export const WORDS: [RegExp, Partial<StatedTrend>][] = [
  [/^(?:up|upward|increas(?:e|ed|ing)|higher|rising|rise|risen|rose|gone up|going up|went up|grown|grew)$/, { direction: "up" }],
  [/^(?:down|downward|decreas(?:e|ed|ing)|lower|falling|fall|fallen|fell|dropped|dropping|drop|gone down|going down|went down|reduc(?:ed|ing|tion))$/, { direction: "down" }],
  [/^(?:flat|same|stable|no change|unchanged|static|steady|level|maintained|sustained|no movement|consistent|similar|constant|no significant change)$/, { direction: "flat", judgement: "no-change" }],
  [/^(?:improv(?:ing|ed|ement)|better|positive|positive trend|getting better|on an upward trend)$/, { judgement: "improving" }],
  [/^(?:worsen(?:ing|ed)|worse|deteriorat(?:ing|ed|ion)|declin(?:ing|ed|e)|negative|negative trend|getting worse)$/, { judgement: "worsening" }],
];

/** Read a stated trend from a cell's text (and font, for symbol fonts); null when the cell states none. */
export function readStatedTrend(text: string, fontName?: string | null): StatedTrend | null {
  const t = text.trim();
  if (!t || t.length > 40) return null;
  const glyph = symbolGlyph(t, fontName);
  if (glyph === "up" || glyph === "down" || glyph === "flat") return { direction: glyph, judgement: glyph === "flat" ? "no-change" : null, arrow: true };
  if (glyph === "smile") return { direction: null, judgement: "improving", arrow: true };
  if (glyph === "frown") return { direction: null, judgement: "worsening", arrow: true };
  if (glyph) return null;
  // The first character and whether there are at most two, read without splitting the text into characters.
  const first = String.fromCodePoint(t.codePointAt(0)!);
  const arrowOnly = codePointsAtMost(t, 2) || /^\S+\s/.test(t);
  if (arrowOnly) {
    if (UP.test(first)) return { direction: "up", judgement: null, arrow: true };
    if (DOWN.test(first)) return { direction: "down", judgement: null, arrow: true };
    if (FLAT.test(first) && (t.length <= 2 || /^[→↔⇔⇨►▶➡]/u.test(first))) return { direction: "flat", judgement: "no-change", arrow: true };
  }
  const n = normaliseWords(t);
  for (const [re, reading] of WORDS) if (re.test(n)) return { direction: reading.direction ?? null, judgement: reading.judgement ?? null, arrow: false };
  // "↑ improving", "Up - better": the first word or symbol decides.
  const lead = /^(\S+)\s+[-–—(]?\s*\S/.exec(t);
  if (lead && lead[1] !== t) return readStatedTrend(lead[1], fontName);
  return null;
}

/** Whether the text has at most `n` characters (code points, as [...text] counts them). */
function codePointsAtMost(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++count > n) return false;
  }
  return true;
}
