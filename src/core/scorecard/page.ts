// The printed page the scorecard is laid out for: A4 landscape with narrow side margins, and the
// scale that keeps the register's text at 8 pt or more on paper.
import type { PageMargins } from "./types";

/** A4 landscape in points. */
export const PAPER = { width: 841.9, height: 595.3 } as const;

/** Margins in points: Excel's "Narrow" 0.25 in at the sides, 0.75 in top and bottom with the header and footer 0.3 in from the edge. */
export const MARGINS: PageMargins = Object.freeze({ left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 });

/** Room for content on one page at 100%. */
export const PRINT_WIDTH = PAPER.width - MARGINS.left - MARGINS.right;

/**
 * LibreOffice draws a column about 6% wider than Excel does from the same width in the file, and its
 * one-page-wide printout comes out about 10% smaller than Excel's. Columns are fitted to the page with
 * that room to spare, so the register prints at 8 pt or more in both (in Excel at about 88%).
 */
export const VIEWER_WIDENING = 1.11;
export const PRINT_HEIGHT = PAPER.height - MARGINS.top - MARGINS.bottom;

/** The register's font size; printed at `scale`% it must stay at 8 pt or more. */
export const REGISTER_FONT_SIZE = 10;
export const MIN_PRINTED_FONT = 8;
/** The smallest scale the register is printed at: 10 pt text printed at 80% is 8 pt. */
export const MIN_SCALE = Math.ceil((MIN_PRINTED_FONT / REGISTER_FONT_SIZE) * 100);

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
