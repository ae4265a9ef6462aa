// Symbol fonts: in a cell formatted in Wingdings, Wingdings 2 or Wingdings 3, the letter "é" is drawn as an
// up arrow and "J" as a smiling face. People type RAG and trend symbols that way, so the stored text is a
// letter and only the font says what a reader sees. The tables below list, per font, the characters whose
// glyphs are arrows, faces, ticks, crosses or solid dots, from the fonts' published character tables (the
// Unicode 7.0 Wingdings/Webdings mappings). Characters are the Windows-1252 byte the font draws.

export type Glyph = "up" | "down" | "flat" | "smile" | "neutral" | "frown" | "tick" | "cross" | "dot";

export const TABLES: Record<string, Partial<Record<Glyph, string>>> = {
  wingdings: {
    smile: "J",
    neutral: "K",
    frown: "L",
    dot: "lnuw\xa7",
    cross: "x\xfb\xfd",
    flat: "\xd8\xe0\xe8\xf0",
    up: "\xd9\xe1\xe4\xe9\xec\xf1\xf6",
    down: "\xda\xe2\xe6\xea\xee\xf2\xf8",
    tick: "\xfc\xfe",
  },
  "wingdings 2": { cross: "OQSTU\xcd\xce\xcf\xd0\xd1\xd2\xd3", tick: "PR", dot: "\x98\xa2\xad\xae" },
  "wingdings 3": {
    flat: '"4I[]_aceguw}\x84\x86\x8a\x8e\x92\x96\x9a\x9e\xa2\xa6\xa8\xaa\xb0\xb2\xb4\xb6\xba\xbe\xc2\xc6\xd2\xda\xe2\xea\xee',
    up: "#&/5;=Jhkpr~\x81\x87\x8b\x8f\x93\x97\x9b\x9f\xa3\xb7\xbb\xbf\xc3\xc7\xcc\xce\xd3\xd6\xdb\xde\xe3\xe6\xeb\xef",
    down: "$(0679?Kimqs\x80\x82\x88\x8c\x90\x94\x98\x9c\xa0\xa4\xb8\xbc\xc0\xc4\xc8\xca\xd0\xd4\xd8\xdc\xe0\xe4\xe8\xec\xf0",
  },
  webdings: { flat: "48:", up: "5", down: "6", tick: "a", dot: "gn" },
};

const LOOKUP = new Map<string, Map<number, Glyph>>();
for (const [font, table] of Object.entries(TABLES)) {
  const m = new Map<number, Glyph>();
  for (const [glyph, chars] of Object.entries(table) as [Glyph, string][]) for (const ch of chars) m.set(ch.charCodeAt(0), glyph);
  LOOKUP.set(font, m);
}

/** Windows-1252's characters for bytes 0x80-0x9F, as Excel stores them when typed in a symbol font. */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** The font byte a stored character stands for: Latin-1 as is, Windows-1252 extras, or the symbol-font private-use range. */
export function fontByte(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (code >= 0xf020 && code <= 0xf0ff) return code - 0xf000;
  if (code < 0x100) return code;
  const i = CP1252_HIGH.indexOf(ch);
  return i >= 0 ? 0x80 + i : null;
}

/** What a one-character cell shows in a symbol font, or null when the font is not one or the glyph means nothing here. */
export function symbolGlyph(text: string, fontName: string | null | undefined): Glyph | null {
  if (!fontName) return null;
  const table = LOOKUP.get(fontName.trim().toLowerCase());
  const t = text.trim();
  if (!table || t.length !== 1) return null;
  const byte = fontByte(t);
  return byte === null ? null : (table.get(byte) ?? null);
}
