// What a scan needs of the style sheet — each cell format's number format, fill and font name and
// colour — read directly, in ExcelJS's shape and with ExcelJS's rules (so a cell reads exactly as it
// does on the host, whose formats ExcelJS interprets: tests/cli/fileSnapshot.test.ts holds them
// equal). It spares the command-line scan loading ExcelJS at all.
import type { Style } from "exceljs";
import { child, children, parseXml, type XmlElement } from "./chartXmlText";
import { PackageDamage } from "./loadErrors";
import type { StyleSheet } from "./styleSheet";

/** Excel's built-in number formats, as ExcelJS names them (its defaultnumformats table). */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

const MAX_FORMATS = 65_536;

type Color = { argb: string } | { theme: number; tint?: number } | { indexed: number };

/** ExcelJS's ColorXform: rgb, else theme (with tint), else indexed, else nothing. */
function colorOf(el: XmlElement | null): Color | undefined {
  if (!el) return undefined;
  const a = el.attrs;
  if (a.rgb) return { argb: a.rgb };
  if (a.theme) {
    const c: { theme: number; tint?: number } = { theme: parseInt(a.theme, 10) };
    if (a.tint) c.tint = parseFloat(a.tint);
    return c;
  }
  if (a.indexed) return { indexed: parseInt(a.indexed, 10) };
  return undefined;
}

function fontOf(el: XmlElement): Record<string, unknown> {
  const font: Record<string, unknown> = {};
  const name = child(el, "name")?.attrs.val;
  if (name !== undefined) font.name = name;
  const color = colorOf(child(el, "color"));
  if (color) font.color = color;
  return font;
}

function fillOf(el: XmlElement): Record<string, unknown> | undefined {
  const pattern = child(el, "patternFill");
  if (pattern) {
    const fill: Record<string, unknown> = { type: "pattern", pattern: pattern.attrs.patternType };
    const fg = colorOf(child(pattern, "fgColor"));
    if (fg) fill.fgColor = fg;
    const bg = colorOf(child(pattern, "bgColor"));
    if (bg) fill.bgColor = bg;
    return fill;
  }
  if (child(el, "gradientFill")) return { type: "gradient" };
  return undefined;
}

/** The number format, fill and font of each cell format; other parts of a format are left out. */
export function readLookStyles(stylesXml: string | null, part: string): StyleSheet {
  if (stylesXml === null) return { cellStyle: () => undefined, cellFormatCount: 0, numberFormat: () => "General", differential: () => ({}) };
  let root: XmlElement;
  try {
    root = parseXml(stylesXml);
  } catch {
    throw new PackageDamage("part", part);
  }
  const numFmts = new Map<number, string>();
  for (const n of children(child(root, "numFmts"), "numFmt")) numFmts.set(Number(n.attrs.numFmtId), n.attrs.formatCode ?? "");
  const fonts = children(child(root, "fonts"), "font").map(fontOf);
  const fills = children(child(root, "fills"), "fill").map(fillOf);
  const xfs = children(child(root, "cellXfs"), "xf").slice(0, MAX_FORMATS);
  const styles: (Partial<Style> | undefined)[] = xfs.map((xf, i) => {
    if (i === 0) return undefined; // ExcelJS never applies format 0 to a cell
    const style: Record<string, unknown> = {};
    const id = Number(xf.attrs.numFmtId ?? 0);
    if (id) {
      const code = numFmts.get(id) ?? BUILT_IN[id];
      if (code) style.numFmt = code;
    }
    const font = xf.attrs.fontId !== undefined ? fonts[Number(xf.attrs.fontId)] : undefined;
    if (font) style.font = font;
    const fill = xf.attrs.fillId !== undefined ? fills[Number(xf.attrs.fillId)] : undefined;
    if (fill) style.fill = fill;
    return Object.keys(style).length ? (style as Partial<Style>) : undefined;
  });
  return {
    cellStyle: (i) => styles[i],
    cellFormatCount: xfs.length,
    numberFormat: (i) => styles[i]?.numFmt ?? "General",
    differential: () => ({}),
  };
}
