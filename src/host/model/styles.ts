// Conversions between Office.js format values and ExcelJS style fields, and style updates over a rectangle.
import type { Borders, Border, Fill, Font, Style } from "exceljs";
import type { CellRect } from "../../core/snapshot";
import type { Journal } from "./journal";
import { forEachCell, getCell, setCell } from "./sheet";
import type { CellModel, SheetModel } from "./types";

const NAMED_COLORS: Record<string, string> = {
  black: "000000", white: "FFFFFF", red: "FF0000", green: "008000", blue: "0000FF", yellow: "FFFF00",
  orange: "FFA500", gray: "808080", grey: "808080", purple: "800080", lime: "00FF00", navy: "000080",
  silver: "C0C0C0", maroon: "800000", teal: "008080", olive: "808000", aqua: "00FFFF", fuchsia: "FF00FF",
};

/** "#1F4E79", "1F4E79", "red" -> "1F4E79" (RGB hex, upper case); null when not a colour. */
export function parseColor(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return m[1].toUpperCase();
  const short = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (short) return short[1].split("").map((c) => c + c).join("").toUpperCase();
  return null;
}

// The default Office theme, so theme colours read back as Excel shows them.
const THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

function applyTint(hex: string, tint: number): string {
  const ch = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = ch.map((v) => Math.round(tint < 0 ? v * (1 + tint) : v + (255 - v) * tint));
  return out.map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, "0")).join("").toUpperCase();
}

// The legacy indexed palette (styles.xml <indexedColors> default), still used by older workbooks' fills and fonts.
const INDEXED = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
];

/** An ExcelJS colour to "#RRGGBB", or undefined (automatic, or unknown). */
export function colorToHex(color: Partial<{ argb: string; theme: number; tint: number; indexed: number }> | undefined): string | undefined {
  if (!color) return undefined;
  if (typeof color.argb === "string" && color.argb.length >= 6) return `#${color.argb.slice(-6).toUpperCase()}`;
  if (typeof color.theme === "number" && THEME[color.theme]) return `#${color.tint ? applyTint(THEME[color.theme], color.tint) : THEME[color.theme]}`;
  // 64 and 65 are the system foreground and background: "automatic".
  if (typeof color.indexed === "number" && INDEXED[color.indexed]) return `#${INDEXED[color.indexed]}`;
  return undefined;
}

export function hexToArgb(hex: string): { argb: string } {
  return { argb: `FF${hex}` };
}

/** Rectangles larger than this are handled through the cells they hold, never cell by cell. */
const CELL_BY_CELL = 100_000;

/** The positions of a rectangle worth visiting: all of a small one, the cells held in a large one. */
function positions(sheet: SheetModel, rect: CellRect): { cells: [number, number][]; all: boolean } {
  const cells: [number, number][] = [];
  if (rect.rowCount * rect.colCount <= CELL_BY_CELL) {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.col; c < rect.col + rect.colCount; c++) cells.push([r, c]);
    return { cells, all: true };
  }
  forEachCell(sheet, (_cell, r, c) => void cells.push([r, c]), rect);
  return { cells, all: cells.length === rect.rowCount * rect.colCount };
}

/**
 * Apply a style change to every cell of a rectangle (journaled; cells are replaced, not mutated).
 * A huge rectangle (whole columns of a sheet with a far cell) changes the cells in use only.
 */
export function updateStyles(journal: Journal, sheet: SheetModel, rect: CellRect, change: (style: Partial<Style>, row: number, col: number) => Partial<Style>): void {
  for (const [r, c] of positions(sheet, rect).cells) {
    const old = getCell(sheet, r, c);
    const style = change({ ...(old?.style ?? {}) }, r, c);
    const cell: CellModel = old ? { ...old, style } : { value: null, style };
    setCell(journal, sheet, r, c, cell);
  }
}

/** The common value of f over a rectangle's cells, or null when they differ (as Excel reports mixed formats). */
export function commonOver<V>(sheet: SheetModel, rect: CellRect, f: (cell: CellModel | undefined) => V): V | null {
  const { cells, all } = positions(sheet, rect);
  let first: V | undefined;
  let seen = false;
  const values = cells.map(([r, c]) => f(getCell(sheet, r, c)));
  if (!all) values.push(f(undefined)); // the empty cells between
  for (const v of values) {
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) return null;
  }
  return (first ?? null) as V | null;
}

export function fillColorOf(cell: CellModel | undefined): string {
  const fill = cell?.style?.fill as Fill | undefined;
  if (fill && fill.type === "pattern" && fill.pattern !== "none") {
    return colorToHex(fill.fgColor as never) ?? "#FFFFFF";
  }
  return "#FFFFFF";
}

export function solidFill(hex: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: hexToArgb(hex), bgColor: { indexed: 64 } as never };
}

export function fontOf(cell: CellModel | undefined): Partial<Font> {
  return (cell?.style?.font as Partial<Font>) ?? {};
}

export const DEFAULT_FONT = { name: "Calibri", size: 11 };

export type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";

export type BorderLineStyle = "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
export type BorderWeight = "Hairline" | "Thin" | "Medium" | "Thick";

/** Excel's (style, weight) pair to the OOXML border style. */
export function toOoxmlBorder(style: BorderLineStyle, weight: BorderWeight): Border["style"] | undefined {
  const medium = weight === "Medium" || weight === "Thick";
  switch (style) {
    case "None": return undefined;
    case "Continuous": return weight === "Hairline" ? "hair" : weight === "Thin" ? "thin" : weight === "Medium" ? "medium" : "thick";
    case "Dash": return medium ? "mediumDashed" : "dashed";
    case "DashDot": return medium ? "mediumDashDot" : "dashDot";
    case "DashDotDot": return medium ? "mediumDashDotDot" : "dashDotDot";
    case "Dot": return "dotted";
    case "Double": return "double";
    case "SlantDashDot": return "slantDashDot";
  }
}

export function fromOoxmlBorder(s: Border["style"] | undefined): { style: BorderLineStyle; weight: BorderWeight } {
  switch (s) {
    case "hair": return { style: "Continuous", weight: "Hairline" };
    case "thin": return { style: "Continuous", weight: "Thin" };
    case "medium": return { style: "Continuous", weight: "Medium" };
    case "thick": return { style: "Continuous", weight: "Thick" };
    case "dashed": return { style: "Dash", weight: "Thin" };
    case "mediumDashed": return { style: "Dash", weight: "Medium" };
    case "dashDot": return { style: "DashDot", weight: "Thin" };
    case "mediumDashDot": return { style: "DashDot", weight: "Medium" };
    case "dashDotDot": return { style: "DashDotDot", weight: "Thin" };
    case "mediumDashDotDot": return { style: "DashDotDot", weight: "Medium" };
    case "dotted": return { style: "Dot", weight: "Thin" };
    case "double": return { style: "Double", weight: "Thick" };
    case "slantDashDot": return { style: "SlantDashDot", weight: "Medium" };
    default: return { style: "None", weight: "Thin" };
  }
}

/** Which side of which cells of a rectangle an Excel border edge paints. */
export function edgeSides(edge: BorderEdge, rect: CellRect, r: number, c: number): (keyof Borders)[] {
  const lastRow = rect.row + rect.rowCount - 1, lastCol = rect.col + rect.colCount - 1;
  switch (edge) {
    case "EdgeTop": return r === rect.row ? ["top"] : [];
    case "EdgeBottom": return r === lastRow ? ["bottom"] : [];
    case "EdgeLeft": return c === rect.col ? ["left"] : [];
    case "EdgeRight": return c === lastCol ? ["right"] : [];
    case "InsideHorizontal": return r < lastRow ? ["bottom"] : [];
    case "InsideVertical": return c < lastCol ? ["right"] : [];
    case "DiagonalDown": case "DiagonalUp": return ["diagonal"];
  }
}

/** The cell whose side represents an edge when reading it (the first cell that paints it). */
export function edgeProbe(edge: BorderEdge, rect: CellRect): { r: number; c: number; side: keyof Borders } | null {
  const sides = (r: number, c: number) => edgeSides(edge, rect, r, c);
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.col; c < rect.col + rect.colCount; c++) {
      const s = sides(r, c);
      if (s.length) return { r, c, side: s[0] };
    }
  }
  return null;
}
