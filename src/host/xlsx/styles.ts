// The style sheet (xl/styles.xml), read by our own parser for both the scan and the host: each cell format
// (number format, font, fill, border, alignment, protection) in ExcelJS's style shape, which the model and the
// save path use, and each differential format's look for conditional formats. Elements are found by their
// local names, so a style sheet written with namespace prefixes (<x:font>) reads as one without.
// Where ExcelJS's own reader bends the file, this one reads what the file says: <b val="0"/> is not bold,
// and a font size of 10.5 stays 10.5.
import type { Style } from "exceljs";
import type { ConditionalFormatStyle } from "../model/types";
import { colorToHex } from "../model/styles";
import { child, children, parseXml, type XmlElement } from "./chartXmlText";
import { PackageDamage } from "./loadErrors";

/** Excel's own ceiling on distinct cell formats in a workbook. */
const MAX_FORMATS = 65_536;

/** Excel's built-in number formats, by id (ExcelJS names them so too). */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

export interface StyleSheet {
  /** Cell format by the s attribute of a cell; undefined for the default format (0) and for formats that set nothing. */
  cellStyle(index: number): Partial<Style> | undefined;
  /** Number of cell formats the style sheet defines. */
  readonly cellFormatCount: number;
  /** The number format of a cell format, "General" when it has none. */
  numberFormat(index: number): string;
  /** A conditional format's look, by its dxfId. */
  differential(index: number): ConditionalFormatStyle;
}

type Color = { argb: string } | { theme: number; tint?: number } | { indexed: number };
type Model = Record<string, unknown>;

function int(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

function float(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : undefined;
}

/** An on/off element such as <b/>, <b val="1"/>, <b val="0"/>: on unless its val says off. */
function flag(el: XmlElement | null): boolean | undefined {
  if (!el) return undefined;
  const v = el.attrs.val;
  return v === undefined || !(v === "0" || v === "false");
}

/** rgb, else theme (with tint), else indexed; auto or nothing reads as no colour. */
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

function set(model: Model, key: string, value: unknown): void {
  if (value !== undefined) model[key] = value;
}

function fontOf(el: XmlElement): Model {
  const font: Model = {};
  for (const [tag, key] of [["b", "bold"], ["i", "italic"], ["strike", "strike"], ["outline", "outline"], ["shadow", "shadow"], ["condense", "condense"], ["extend", "extend"]] as const) {
    if (flag(child(el, tag))) font[key] = true;
  }
  const u = child(el, "u");
  if (u && u.attrs.val !== "none") set(font, "underline", u.attrs.val ?? true);
  set(font, "charset", int(child(el, "charset")?.attrs.val));
  set(font, "color", colorOf(child(el, "color")));
  set(font, "family", int(child(el, "family")?.attrs.val));
  set(font, "vertAlign", child(el, "vertAlign")?.attrs.val);
  set(font, "scheme", child(el, "scheme")?.attrs.val);
  set(font, "size", float(child(el, "sz")?.attrs.val));
  set(font, "name", (child(el, "name") ?? child(el, "rFont"))?.attrs.val);
  return font;
}

function fillOf(el: XmlElement): Model {
  const pattern = child(el, "patternFill");
  if (pattern) {
    const fill: Model = { type: "pattern", pattern: pattern.attrs.patternType };
    set(fill, "fgColor", colorOf(child(pattern, "fgColor")));
    set(fill, "bgColor", colorOf(child(pattern, "bgColor")));
    return fill;
  }
  const gradient = child(el, "gradientFill");
  if (gradient) {
    const a = gradient.attrs;
    const fill: Model = { type: "gradient", stops: children(gradient, "stop").map((s) => ({ position: parseFloat(s.attrs.position ?? "0"), color: colorOf(child(s, "color")) })) };
    if (a.degree) {
      fill.gradient = "angle";
      fill.degree = parseInt(a.degree, 10);
    } else if (a.type === "path") {
      fill.gradient = "path";
      const center: Model = { left: a.left ? parseFloat(a.left) : 0, top: a.top ? parseFloat(a.top) : 0 };
      if (a.right !== a.left) center.right = a.right ? parseFloat(a.right) : 0;
      if (a.bottom !== a.top) center.bottom = a.bottom ? parseFloat(a.bottom) : 0;
      fill.center = center;
    }
    return fill;
  }
  return {};
}

function edgeOf(el: XmlElement | null): Model | undefined {
  if (!el) return undefined;
  const color = colorOf(child(el, "color"));
  if (!el.attrs.style && !color) return undefined;
  const edge: Model = {};
  set(edge, "style", el.attrs.style);
  set(edge, "color", color);
  return edge;
}

function borderOf(el: XmlElement): Model {
  const border: Model = {};
  for (const side of ["left", "right", "top", "bottom"] as const) {
    // Strict and newer writers name the sides start and end.
    set(border, side, edgeOf(child(el, side) ?? (side === "left" ? child(el, "start") : side === "right" ? child(el, "end") : null)));
  }
  const diagonal = edgeOf(child(el, "diagonal"));
  if (diagonal) border.diagonal = { ...diagonal, up: truthy(el.attrs.diagonalUp), down: truthy(el.attrs.diagonalDown) };
  return border;
}

function truthy(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

function rotation(v: string | undefined): number | "vertical" | undefined {
  const n = int(v);
  if (n === undefined) return undefined;
  if (n === 255) return "vertical";
  if (n >= 0 && n <= 90) return n;
  if (n > 90 && n <= 180) return 90 - n;
  return undefined;
}

function alignmentOf(el: XmlElement | null): Model | undefined {
  if (!el) return undefined;
  const a = el.attrs;
  const out: Model = {};
  if (a.horizontal) out.horizontal = a.horizontal;
  if (a.vertical) out.vertical = a.vertical === "center" ? "middle" : a.vertical;
  if (a.wrapText) out.wrapText = truthy(a.wrapText);
  if (a.shrinkToFit) out.shrinkToFit = truthy(a.shrinkToFit);
  if (a.indent) set(out, "indent", int(a.indent));
  if (a.textRotation) set(out, "textRotation", rotation(a.textRotation));
  if (a.readingOrder) out.readingOrder = a.readingOrder === "2" ? "rtl" : "ltr";
  return Object.keys(out).length ? out : undefined;
}

function protectionOf(el: XmlElement | null): Model | undefined {
  if (!el) return undefined;
  const locked = !(el.attrs.locked === "0" || el.attrs.locked === "false");
  const hidden = truthy(el.attrs.hidden);
  return !locked || hidden ? { locked, hidden } : undefined;
}

function differentialOf(dxf: XmlElement): ConditionalFormatStyle {
  const font = child(dxf, "font");
  const f = font ? fontOf(font) : undefined;
  const fillEl = child(dxf, "fill");
  const fill = fillEl ? fillOf(fillEl) : undefined;
  return {
    fillColor: colorToHex(((fill?.bgColor ?? fill?.fgColor) as never)),
    fontColor: colorToHex(f?.color as never),
    bold: (f?.bold as boolean | undefined) || undefined,
    italic: (f?.italic as boolean | undefined) || undefined,
  };
}

const EMPTY: StyleSheet = { cellStyle: () => undefined, cellFormatCount: 0, numberFormat: () => "General", differential: () => ({}) };

/** Read a styles part; a part that is not well formed is damage named by its path. */
export function readStyles(stylesXml: string | null, part: string): StyleSheet {
  if (stylesXml === null) return EMPTY;
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
  const borders = children(child(root, "borders"), "border").map(borderOf);
  const xfs = children(child(root, "cellXfs"), "xf").slice(0, MAX_FORMATS);
  const styles = xfs.map((xf, i): Partial<Style> | undefined => {
    if (i === 0) return undefined; // the default format is no format
    const a = xf.attrs;
    const style: Model = {};
    const id = int(a.numFmtId);
    if (id) set(style, "numFmt", numFmts.get(id) || BUILT_IN[id]);
    const pick = (list: Model[], at: string | undefined) => (at !== undefined && int(at) !== undefined ? list[int(at)!] : undefined);
    set(style, "font", pick(fonts, a.fontId));
    set(style, "border", pick(borders, a.borderId));
    set(style, "fill", pick(fills, a.fillId));
    set(style, "alignment", alignmentOf(child(xf, "alignment")));
    set(style, "protection", protectionOf(child(xf, "protection")));
    return Object.keys(style).length ? (style as Partial<Style>) : undefined;
  });
  const dxfs = children(child(root, "dxfs"), "dxf").slice(0, MAX_FORMATS);
  const looks = new Map<number, ConditionalFormatStyle>();
  return {
    cellStyle: (i) => styles[i],
    cellFormatCount: xfs.length,
    numberFormat: (i) => styles[i]?.numFmt ?? "General",
    differential: (i) => {
      let look = looks.get(i);
      if (!look) looks.set(i, (look = dxfs[i] ? differentialOf(dxfs[i]) : {}));
      return look;
    },
  };
}
