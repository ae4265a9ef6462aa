// Column widths: Excel's API speaks points; the file stores widths in characters of the default
// font's maximum digit width (7 px for Calibri 11) plus padding. 1 px = 0.75 pt.
import { getCell } from "./sheet";
import type { SheetModel } from "./types";
import { textOf } from "./values";
import type { Font } from "exceljs";
import { maxOf } from "../../core/arrays";

const DIGIT_PX = 7;

/** A file width (characters) to points, as Excel reports Range.format.columnWidth. */
export function charsToPoints(chars: number): number {
  const px = Math.trunc(chars * DIGIT_PX + 0.5);
  return px * 0.75;
}

/** Points to a file width (characters), truncated to 1/256 of a character as Excel stores it. */
export function pointsToChars(points: number): number {
  const px = Math.round(points / 0.75);
  return Math.trunc((px / DIGIT_PX) * 256) / 256;
}

export function pointsOfColumn(sheet: SheetModel, col: number): number {
  return sheet.columnWidths.get(col) ?? sheet.defaultColumnWidth;
}

function fontScale(font: Partial<Font> | undefined): number {
  return ((font?.size ?? 11) / 11) * (font?.bold ? 1.08 : 1);
}

/** An estimate of the width Excel's AutoFit gives a column (no font metrics in a headless host). */
export function autofitColumnPoints(sheet: SheetModel, col: number, row: number, rowCount: number): number | null {
  let widest = 0;
  const end = Math.min(row + rowCount, sheet.rows.length);
  for (let r = row; r < end; r++) {
    const cell = getCell(sheet, r, col);
    if (!cell) continue;
    if (sheet.merges.some((m) => m.colCount > 1 && r >= m.row && r < m.row + m.rowCount && col >= m.col && col < m.col + m.colCount)) continue;
    const wrap = (cell.style?.alignment as { wrapText?: boolean } | undefined)?.wrapText;
    const lines = textOf(cell).split("\n");
    const longest = maxOf(lines.map((l) => l.length));
    const px = longest * DIGIT_PX * fontScale(cell.style?.font as Partial<Font>) + 10;
    widest = Math.max(widest, wrap ? Math.min(px, 400) : px);
  }
  if (widest === 0) return null;
  return Math.min(Math.round(widest) * 0.75, 255 * DIGIT_PX * 0.75);
}

/** An estimate of the height Excel's AutoFit gives a row: one line per wrapped line of its tallest cell. */
export function autofitRowPoints(sheet: SheetModel, row: number, col: number, colCount: number): number {
  let tallest = sheet.defaultRowHeight;
  const r = sheet.rows[row];
  if (!r) return tallest;
  r.forEach((cell, c) => {
    if (!cell || c < col || c >= col + colCount) return;
    const font = cell.style?.font as Partial<Font> | undefined;
    const lineHeight = 15 * ((font?.size ?? 11) / 11);
    const wrap = (cell.style?.alignment as { wrapText?: boolean } | undefined)?.wrapText;
    const text = textOf(cell);
    let lines = text.split("\n").length;
    if (wrap) {
      const charsPerLine = Math.max(1, Math.floor((pointsOfColumn(sheet, c) / 0.75 - 10) / (DIGIT_PX * fontScale(font))));
      lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / charsPerLine)), 0);
    }
    tallest = Math.max(tallest, Math.min(409, lines * lineHeight));
  });
  return tallest;
}
