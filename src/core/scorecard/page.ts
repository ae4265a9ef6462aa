// The printed page the scorecard is laid out for: A4 landscape with narrow side margins, and the
// scale that keeps the register's text at 8 pt or more on paper.
import type { PageMargins } from "./types";

/** A4 landscape in points. */
export const PAPER = { width: 841.9, height: 595.3 } as const;

/** Margins in points: 0.25 in at the sides (Excel's "Narrow"), 0.5 in top and bottom with the header and footer 0.2 in from the edge. */
export const MARGINS: PageMargins = Object.freeze({ left: 18, right: 18, top: 36, bottom: 36, header: 14.4, footer: 14.4 });

/** Room for content on one page at 100%. */
export const PRINT_WIDTH = PAPER.width - MARGINS.left - MARGINS.right;

/**
 * LibreOffice draws a column about 6% wider than Excel does from the same width in the file, and its
 * one-page-wide printout comes out about 10% smaller than Excel's. Columns are fitted to the page with
 * that room to spare, so the register prints at 8 pt or more in both (in Excel at about 88%).
 */
export const VIEWER_WIDENING = 1.11;
export const PRINT_HEIGHT = PAPER.height - MARGINS.top - MARGINS.bottom;

/** The font size of the scorecard's tables (register, exceptions, counts, findings). */
export const REGISTER_FONT_SIZE = 11;
/** The smallest size body text may print at, in the smaller of the two printouts (LibreOffice's). */
export const MIN_PRINTED_FONT = 9;
/** The smallest size the key may print at. */
export const MIN_PRINTED_KEY_FONT = 8;
/**
 * Columns laid out for `scale` (layoutWidthAtScale) print one page wide in LibreOffice at this much more than
 * `scale`: LibreOffice fits a page by its own measure of the columns, not ours (measured on a register laid out
 * for 80%: printed at 83.8%).
 */
export const LIBREOFFICE_PRINTS_AT = 1.047;
/** LibreOffice's one-page-wide printout is this much smaller than Excel's (measured: 88.9% against 83.8%). */
export const LIBREOFFICE_SMALLER = 1.06;
/** The smallest scale the register is laid out for: its text then prints at 9 pt or more. */
export const MIN_SCALE = Math.ceil((MIN_PRINTED_FONT / (REGISTER_FONT_SIZE * LIBREOFFICE_PRINTS_AT)) * 100);
/** The key's font size: 8 pt or more when printed at the smallest scale. */
export const KEY_FONT_SIZE = Math.ceil((MIN_PRINTED_KEY_FONT / ((MIN_SCALE / 100) * LIBREOFFICE_PRINTS_AT)) * 2) / 2;

/**
 * Rows are laid out to fill at most this share of a page, so that a printer's (or LibreOffice's) own
 * measure of the page, a point or two shorter than ours, never moves a break into a chart.
 */
export const PAGE_FILL = 0.94;

/** Sheet points that fit across one printed page at a scale (per cent). */
export function widthAtScale(scale: number): number {
  return PRINT_WIDTH / (scale / 100);
}

/** Sheet points the register's columns may take to print at `scale` in Excel and in LibreOffice. */
export function layoutWidthAtScale(scale: number): number {
  return widthAtScale(scale) / VIEWER_WIDENING;
}

/** Sheet points of rows that fit down one printed page at a scale (per cent). */
export function heightAtScale(scale: number): number {
  return PRINT_HEIGHT / (scale / 100);
}

/** Text for an Excel header or footer: "&" is Excel's code character, so a literal one is written "&&". */
export function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}
