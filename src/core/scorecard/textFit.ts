// How much room text takes, without font files. Excel draws the scorecard in Calibri; LibreOffice in
// Carlito (Calibri's metrics) where installed, else in DejaVu Sans, which is wider but then also makes
// every column wider in about the proportion of its digits (1.25). So a character is given the larger of
// Calibri's width plus 6% and DejaVu's width over 1.25: text sized here fits whole in both.
// Widths are thousandths of an em for the printable ASCII characters, from the fonts' advance widths.

/** The font the scorecard names for all its cells. */
export const SCORECARD_FONT = "Calibri";

/** ' ' (32) to '~' (126): Carlito (Calibri's metrics), then DejaVu Sans; regular and bold. */
const CALIBRI = [
  226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459,
  631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799,
  525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
];
const CALIBRI_BOLD = [
  226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459,
  637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813,
  537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498,
];
const DEJAVU = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575,
  775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974,
  634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const DEJAVU_BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683,
  821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042,
  712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** Calibri's width with a margin, or DejaVu's over the factor LibreOffice widens columns by, whichever is more. */
const DEJAVU_COLUMN_FACTOR = 1.25;
const CALIBRI_MARGIN = 1.06;
const combine = (c: readonly number[], d: readonly number[]) => c.map((w, i) => Math.max(w * CALIBRI_MARGIN, d[i] / DEJAVU_COLUMN_FACTOR) / 1000);
const REGULAR = combine(CALIBRI, DEJAVU);
const BOLD = combine(CALIBRI_BOLD, DEJAVU_BOLD);

export interface FontSpec {
  /** Points. */
  size: number;
  bold?: boolean;
}

/** Wide scripts (CJK, Hangul, full-width forms) take a whole em; other letters about two thirds. */
function charEm(code: number, bold: boolean): number {
  if (code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32];
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60)
  )
    return 1;
  if (code === 0x2014 || code === 0x2026) return 0.96;
  if (code >= 0x2190 && code <= 0x25ff) return 0.7; // arrows, shapes: ▲ ▼ ►
  return bold ? 0.62 : 0.58;
}

/** Ems one line of printable ASCII takes in one of the two fonts themselves (tests read printouts with it). */
export function fontEms(text: string, family: "calibri" | "dejavu", bold = false): number {
  const table = family === "calibri" ? (bold ? CALIBRI_BOLD : CALIBRI) : bold ? DEJAVU_BOLD : DEJAVU;
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 32;
    em += (code >= 32 && code <= 126 ? table[code - 32] : 600) / 1000;
  }
  return em;
}

/** Width of one line of text in points. */
export function textWidth(text: string, font: FontSpec): number {
  return widthIn(text, font, charEm);
}

/** Ems of a character: the two fonts' larger (charEm), or Carlito's own (carlitoEm). */
type CharEm = (code: number, bold: boolean) => number;

function widthIn(text: string, font: FontSpec, em: CharEm): number {
  let ems = 0;
  for (const ch of text) ems += em(ch.codePointAt(0) ?? 32, !!font.bold);
  return ems * font.size;
}

/** Carlito's own widths, where LibreOffice prints with it: no margin for another font. */
function carlitoEm(code: number, bold: boolean): number {
  if (code >= 32 && code <= 126) return (bold ? CALIBRI_BOLD : CALIBRI)[code - 32] / 1000;
  return charEm(code, bold);
}

/** Room a cell leaves around its text, left and right together, in points (Excel and LibreOffice pad about 2-3 pt a side). */
export const CELL_PADDING = 7;

/** Height of one line of text in points, and the room above and below a cell's text. */
/**
 * Excel gives each wrapped line of Calibri about 1.36 times its size (15 pt a line at 11 pt, as its own row heights
 * are); LibreOffice's lines are shorter. Rows so tall show every line whole in both, and no taller.
 */
export function lineHeight(font: FontSpec): number {
  return Math.ceil(font.size * (15 / 11) * 4 - 1e-6) / 4;
}
const ROW_PADDING = 0;

/**
 * The lines a cell of the given width shows when its text wraps: at spaces as Excel and
 * LibreOffice do, a word longer than the line broken where it must be. Explicit line breaks are kept.
 * One pass over the text: each character is measured once, whatever the length of a line or a word.
 */
export function wrapLines(text: string, widthPt: number, font: FontSpec, em: CharEm = charEm): string[] {
  const room = Math.max(1, widthPt - CELL_PADDING);
  const measure = (t: string) => widthIn(t, font, em);
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    const words = para.match(/\S+\s*/g) ?? [""];
    let line = "";
    // Width of the line with its trailing spaces; words carry theirs, the fit is judged without them.
    let lineWidth = 0;
    for (const word of words) {
      const bare = word.trimEnd();
      const bareWidth = measure(bare);
      const spaceWidth = measure(word.slice(bare.length));
      if (lineWidth + bareWidth <= room) {
        line += word;
        lineWidth += bareWidth + spaceWidth;
        continue;
      }
      if (line !== "") out.push(line.trimEnd());
      if (bareWidth <= room || bare.length <= 1) {
        line = word;
        lineWidth = bareWidth + spaceWidth;
        continue;
      }
      // A word wider than the line is broken where it must be: as many characters as fit (at least one).
      const pieces = breakWord(bare, room, font, em);
      for (let i = 0; i < pieces.length - 1; i++) out.push(pieces[i]);
      line = pieces[pieces.length - 1] + word.slice(bare.length);
      lineWidth = measure(line);
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** A word cut into pieces that each fit the room (a piece of one character may not), in one pass. */
function breakWord(word: string, room: number, font: FontSpec, em: CharEm): string[] {
  const pieces: string[] = [];
  let start = 0;
  let width = 0;
  for (let i = 0; i < word.length; ) {
    const code = word.codePointAt(i) ?? 32;
    const size = code > 0xffff ? 2 : 1;
    const w = em(code, !!font.bold) * font.size;
    if (width + w > room && i > start) {
      pieces.push(word.slice(start, i));
      start = i;
      width = 0;
    }
    width += w;
    i += size;
  }
  pieces.push(word.slice(start));
  return pieces;
}

/** Rows need this height (points) to show every line of the text whole in a cell of this width. */
export function heightFor(text: string, widthPt: number, font: FontSpec): number {
  const lines = text === "" ? 1 : wrapLines(text, widthPt, font).length;
  return lines * lineHeight(font) + ROW_PADDING;
}

/**
 * How rows are sized for the program that shows them: Excel (what Insert writes: 15 pt a line at 11 pt, text
 * measured to fit Calibri and LibreOffice's fallback alike), or LibreOffice printing with Carlito (what `pack`
 * prints: its lines are about the font's size apart, measured 11.2 pt at 11 pt, and Carlito's widths are
 * Calibri's). A pack sized for Excel prints every wrapped row about a third taller than its text.
 */
export interface TextFit {
  /** A row of one line. */
  lineHeight(font: FontSpec): number;
  heightFor(text: string, widthPt: number, font: FontSpec): number;
  firstLines(text: string, widthPt: number, font: FontSpec, lines: number): string;
}

export const EXCEL_FIT: TextFit = { lineHeight, heightFor, firstLines: (t, w, f, n) => firstLines(t, w, f, n) };

/** LibreOffice's rows: 1.02 of the size a line (measured 1.017) and 0.25 of it for the cell's edges. */
function carlitoLines(lines: number, font: FontSpec): number {
  return Math.ceil(font.size * (1.02 * lines + 0.25) * 4 - 1e-6) / 4;
}

/**
 * The width LibreOffice's column gives its text, as a width wrapLines takes (which leaves CELL_PADDING of it): it draws
 * a column 6% wider than the file says against its text (measured on a printed register: 1.0605) and pads
 * a cell by about 1 pt a side (measured 0.96); taken as 6% and 1.25 pt a side.
 */
function carlitoWidth(widthPt: number): number {
  return widthPt * 1.06 - 2.5 + CELL_PADDING;
}

export const LIBREOFFICE_FIT: TextFit = {
  lineHeight: (font) => carlitoLines(1, font),
  heightFor: (text, widthPt, font) => carlitoLines(text === "" ? 1 : wrapLines(text, carlitoWidth(widthPt), font, carlitoEm).length, font),
  firstLines: (text, widthPt, font, lines) => firstLines(text, carlitoWidth(widthPt), font, lines, carlitoEm),
};

/** The text cut to its first `lines` lines in a cell of this width, the last ending in "…" where anything was cut. */
export function firstLines(text: string, widthPt: number, font: FontSpec, lines: number, em: CharEm = charEm): string {
  const all = wrapLines(text, widthPt, font, em);
  if (all.length <= lines) return text;
  const kept = all.slice(0, lines);
  const room = Math.max(1, widthPt - CELL_PADDING);
  let last = kept[lines - 1];
  while (last.includes(" ") && widthIn(`${last}…`, font, em) > room) last = last.slice(0, last.lastIndexOf(" "));
  // Wrapped lines joined by spaces wrap again into no more lines than they were.
  return [...kept.slice(0, lines - 1), `${last.replace(/[\s,;:.]+$/, "")}…`].join(" ");
}

/** The widest word (what a wrapped column cannot be narrower than) and the whole text on one line, in points with padding. */
export function widthNeeds(text: string, font: FontSpec): { min: number; natural: number } {
  let min = 0;
  let natural = 0;
  for (const line of text.split(/\r?\n/)) {
    natural = Math.max(natural, textWidth(line, font));
    for (const w of line.split(/\s+/)) min = Math.max(min, textWidth(w, font));
  }
  return { min: min + CELL_PADDING, natural: natural + CELL_PADDING };
}

/** Excel's tallest row. */
export const MAX_ROW_HEIGHT = 409;

/** Words up to this wide (points, at 11 pt) are kept whole: a column is made at least as wide. Longer ones (a web address) may break. */
export const LONGEST_WHOLE_WORD = 110;

/** The narrowest a column of these texts may be without splitting a word (words longer than LONGEST_WHOLE_WORD aside). */
export function wordFloor(texts: readonly string[], font: FontSpec): number {
  let floor = 0;
  for (const t of texts) {
    for (const w of t.split(/\s+/)) {
      const need = textWidth(w, font) + CELL_PADDING;
      if (need <= LONGEST_WHOLE_WORD * (font.size / 11) + CELL_PADDING) floor = Math.max(floor, need);
    }
  }
  return floor;
}
