// Excel.RangeFormat and its parts (fill, font, borders), over the ExcelJS-shaped styles of the model.
import type { Alignment, Borders, Font } from "exceljs";
import { richApiError } from "../errors";
import { getCell, MAX_COLS, MAX_ROWS } from "../model/sheet";
import {
  commonOver, DEFAULT_FONT, edgeProbe, edgeSides, fillColorOf, fontOf, fromOoxmlBorder, hexToArgb, parseColor,
  solidFill, toOoxmlBorder, updateStyles, colorToHex,
  type BorderEdge, type BorderLineStyle, type BorderWeight,
} from "../model/styles";
import { HostCollection, HostContext, HostObject, type Getter, type Loadable } from "./base";
import { assertWritable, clipToUsed, type RangeTarget } from "./rangeTarget";
import { pointsOfColumn, autofitColumnPoints, autofitRowPoints } from "../model/units";

type Resolver = () => RangeTarget | null;

/** Style changes to whole rows/columns apply to the cells in use, not to a million empty cells. */
function styleRect(t: RangeTarget): RangeTarget | null {
  if (t.rect.rowCount < MAX_ROWS && t.rect.colCount < MAX_COLS) return t;
  return clipToUsed(t, false);
}

function restyle(ctx: HostContext, t: RangeTarget, change: Parameters<typeof updateStyles>[3]): void {
  assertWritable(t.sheet);
  const s = styleRect(t);
  if (s) updateStyles(ctx.journal, s.sheet, s.rect, change);
}

function colorArg(v: unknown): string {
  const c = parseColor(v);
  if (!c) throw richApiError("InvalidArgument", `'${String(v)}' is not a colour.`);
  return c;
}

const H_TO_OOXML: Record<string, Alignment["horizontal"] | undefined> = {
  General: undefined, Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify",
  CenterAcrossSelection: "centerContinuous", Distributed: "distributed",
};
const V_TO_OOXML: Record<string, Alignment["vertical"] | undefined> = {
  Top: "top", Center: "middle", Bottom: undefined, Justify: "justify", Distributed: "distributed",
};
function invert<V>(m: Record<string, V>): Map<V, string> {
  return new Map(Object.entries(m).map(([k, v]) => [v, k]));
}
const H_FROM = invert(H_TO_OOXML);
const V_FROM = invert(V_TO_OOXML);

export class RangeFormat extends HostObject<RangeTarget> {
  private fillObj?: RangeFill;
  private fontObj?: RangeFont;
  private bordersObj?: RangeBorderCollection;

  constructor(ctx: HostContext, resolver: Resolver, nullable: boolean) {
    super(ctx, resolver, nullable);
  }

  protected scalars(): Record<string, Getter<RangeTarget>> {
    return {
      columnWidth: (t) => commonAcross(t.rect.col, t.rect.colCount, (c) => pointsOfColumn(t.sheet, c)),
      useStandardHeight: (t) => !Array.from({ length: Math.min(t.rect.rowCount, 100000) }, (_, i) => t.rect.row + i).some((r) => t.sheet.rowHeights.has(r)),
      rowHeight: (t) => commonAcross(t.rect.row, Math.min(t.rect.rowCount, 100000), (r) => t.sheet.rowHeights.get(r) ?? t.sheet.defaultRowHeight),
      wrapText: (t) => commonOver(t.sheet, t.rect, (c) => !!(c?.style?.alignment as Partial<Alignment> | undefined)?.wrapText),
      horizontalAlignment: (t) => {
        const v = commonOver(t.sheet, t.rect, (c) => (c?.style?.alignment as Partial<Alignment> | undefined)?.horizontal ?? "general");
        return v === null ? null : H_FROM.get(v === "general" ? undefined : (v as Alignment["horizontal"])) ?? "General";
      },
      verticalAlignment: (t) => {
        const v = commonOver(t.sheet, t.rect, (c) => (c?.style?.alignment as Partial<Alignment> | undefined)?.vertical ?? "bottom");
        return v === null ? null : V_FROM.get(v === "bottom" ? undefined : (v as Alignment["vertical"])) ?? "Bottom";
      },
      indentLevel: (t) => commonOver(t.sheet, t.rect, (c) => (c?.style?.alignment as Partial<Alignment> | undefined)?.indent ?? 0),
    };
  }

  protected override navigations() {
    return { fill: () => this.fill, font: () => this.font, borders: () => this.borders } as Record<string, () => Loadable>;
  }

  get fill(): RangeFill {
    if (!this.fillObj) this.fillObj = new RangeFill(this.ctx, () => this.target(), this.nullable);
    return this.fillObj;
  }
  get font(): RangeFont {
    if (!this.fontObj) this.fontObj = new RangeFont(this.ctx, () => this.target(), this.nullable);
    return this.fontObj;
  }
  get borders(): RangeBorderCollection {
    if (!this.bordersObj) this.bordersObj = new RangeBorderCollection(this.ctx, () => this.target(), this.nullable);
    return this.bordersObj;
  }

  get columnWidth(): number { return this.get("columnWidth"); }
  set columnWidth(points: number) {
    this.write("columnWidth", points, (t) => {
      assertWritable(t.sheet);
      if (!(points >= 0)) throw richApiError("InvalidArgument");
      const n = Math.min(t.rect.colCount, 16384);
      for (let c = t.rect.col; c < t.rect.col + n; c++) this.ctx.journal.mapSet(t.sheet.columnWidths, c, points);
    });
  }
  get rowHeight(): number { return this.get("rowHeight"); }
  set rowHeight(points: number) {
    this.write("rowHeight", points, (t) => {
      assertWritable(t.sheet);
      if (!(points >= 0 && points <= 409)) throw richApiError("InvalidArgument");
      const s = t.rect.colCount === MAX_COLS || t.rect.rowCount < MAX_ROWS ? t : null;
      if (!s || s.rect.rowCount > 100000) throw richApiError("InvalidArgument");
      for (let r = s.rect.row; r < s.rect.row + s.rect.rowCount; r++) this.ctx.journal.mapSet(t.sheet.rowHeights, r, points);
    });
  }
  /** True puts the rows back to the sheet's standard height (what regeneration does before it sets its own). */
  get useStandardHeight(): boolean { return this.get("useStandardHeight"); }
  set useStandardHeight(v: boolean) {
    this.write("useStandardHeight", v, (t) => {
      assertWritable(t.sheet);
      if (!v) return;
      if (t.rect.rowCount > 100000) throw richApiError("InvalidArgument");
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) if (t.sheet.rowHeights.has(r)) this.ctx.journal.mapDelete(t.sheet.rowHeights, r);
    });
  }
  get wrapText(): boolean { return this.get("wrapText"); }
  set wrapText(v: boolean) {
    this.write("wrapText", v, (t) => restyle(this.ctx, t, (s) => ({ ...s, alignment: { ...(s.alignment ?? {}), wrapText: v } })));
  }
  get horizontalAlignment(): string { return this.get("horizontalAlignment"); }
  set horizontalAlignment(v: string) {
    this.write("horizontalAlignment", v, (t) => {
      if (!(v in H_TO_OOXML)) throw richApiError("InvalidArgument");
      restyle(this.ctx, t, (s) => ({ ...s, alignment: { ...(s.alignment ?? {}), horizontal: H_TO_OOXML[v] } }));
    });
  }
  get verticalAlignment(): string { return this.get("verticalAlignment"); }
  set verticalAlignment(v: string) {
    this.write("verticalAlignment", v, (t) => {
      if (!(v in V_TO_OOXML)) throw richApiError("InvalidArgument");
      restyle(this.ctx, t, (s) => ({ ...s, alignment: { ...(s.alignment ?? {}), vertical: V_TO_OOXML[v] } }));
    });
  }
  get indentLevel(): number { return this.get("indentLevel"); }
  set indentLevel(v: number) {
    this.write("indentLevel", v, (t) => restyle(this.ctx, t, (s) => ({ ...s, alignment: { ...(s.alignment ?? {}), indent: v } })));
  }

  autofitColumns(): void {
    this.call("autofitColumns", [], (t) => {
      assertWritable(t.sheet);
      const s = styleRect(t);
      if (!s) return;
      for (let c = s.rect.col; c < s.rect.col + s.rect.colCount; c++) {
        const pts = autofitColumnPoints(s.sheet, c, s.rect.row, s.rect.rowCount);
        if (pts !== null) this.ctx.journal.mapSet(t.sheet.columnWidths, c, pts);
      }
    });
  }

  autofitRows(): void {
    this.call("autofitRows", [], (t) => {
      assertWritable(t.sheet);
      const s = styleRect(t);
      if (!s) return;
      for (let r = s.rect.row; r < s.rect.row + s.rect.rowCount; r++) {
        this.ctx.journal.mapSet(t.sheet.rowHeights, r, autofitRowPoints(s.sheet, r, s.rect.col, s.rect.colCount));
      }
    });
  }
}

function commonAcross(start: number, count: number, f: (i: number) => number): number | null {
  const n = Math.min(count, 16384);
  const first = f(start);
  for (let i = start + 1; i < start + n; i++) if (f(i) !== first) return null;
  return first;
}


export class RangeFill extends HostObject<RangeTarget> {
  protected scalars(): Record<string, Getter<RangeTarget>> {
    return { color: (t) => commonOver(t.sheet, t.rect, fillColorOf) };
  }
  get color(): string { return this.get("color"); }
  set color(v: string) {
    this.write("color", v, (t) => {
      const hex = colorArg(v);
      restyle(this.ctx, t, (s) => ({ ...s, fill: solidFill(hex) }));
    });
  }
  clear(): void {
    this.call("clear", [], (t) => restyle(this.ctx, t, (s) => {
      const out = { ...s };
      delete out.fill;
      return out;
    }));
  }
}

const UNDERLINE_TO: Record<string, Font["underline"]> = {
  None: false as unknown as Font["underline"], Single: "single", Double: "double", SingleAccountant: "singleAccounting", DoubleAccountant: "doubleAccounting",
};
function underlineName(u: unknown): string {
  if (u === true || u === "single") return "Single";
  if (u === "double") return "Double";
  if (u === "singleAccounting") return "SingleAccountant";
  if (u === "doubleAccounting") return "DoubleAccountant";
  return "None";
}

export class RangeFont extends HostObject<RangeTarget> {
  protected scalars(): Record<string, Getter<RangeTarget>> {
    const f = (g: (font: Partial<Font>) => unknown) => (t: RangeTarget) => commonOver(t.sheet, t.rect, (c) => g(fontOf(c)));
    return {
      bold: f((x) => !!x.bold),
      italic: f((x) => !!x.italic),
      strikethrough: f((x) => !!x.strike),
      color: f((x) => colorToHex(x.color as never) ?? "#000000"),
      size: f((x) => x.size ?? DEFAULT_FONT.size),
      name: f((x) => x.name ?? DEFAULT_FONT.name),
      underline: f((x) => underlineName(x.underline)),
    };
  }
  private setFont(prop: string, v: unknown, patch: () => Partial<Font>): void {
    this.write(prop, v, (t) => {
      const p = patch();
      restyle(this.ctx, t, (s) => ({ ...s, font: { ...(s.font ?? {}), ...p } }));
    });
  }
  get bold(): boolean { return this.get("bold"); }
  set bold(v: boolean) { this.setFont("bold", v, () => ({ bold: !!v })); }
  get italic(): boolean { return this.get("italic"); }
  set italic(v: boolean) { this.setFont("italic", v, () => ({ italic: !!v })); }
  get strikethrough(): boolean { return this.get("strikethrough"); }
  set strikethrough(v: boolean) { this.setFont("strikethrough", v, () => ({ strike: !!v })); }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.setFont("color", v, () => ({ color: hexToArgb(colorArg(v)) as Font["color"] })); }
  get size(): number { return this.get("size"); }
  set size(v: number) {
    this.setFont("size", v, () => {
      if (!(v >= 1 && v <= 409)) throw richApiError("InvalidArgument");
      return { size: v };
    });
  }
  get name(): string { return this.get("name"); }
  set name(v: string) { this.setFont("name", v, () => ({ name: v })); }
  get underline(): string { return this.get("underline"); }
  set underline(v: string) {
    this.setFont("underline", v, () => {
      if (!(v in UNDERLINE_TO)) throw richApiError("InvalidArgument");
      return { underline: UNDERLINE_TO[v] };
    });
  }
}

interface BorderTarget extends RangeTarget {
  edge: BorderEdge;
}

const EDGES: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class RangeBorderCollection extends HostCollection<RangeTarget, RangeBorder> {
  protected itemProxies(t: RangeTarget): RangeBorder[] {
    return EDGES.map((edge) => new RangeBorder(this.ctx, () => ({ ...t, edge })));
  }
  getItem(index: string): RangeBorder {
    if (!EDGES.includes(index as BorderEdge)) {
      const bad = new RangeBorder(this.ctx, () => {
        throw richApiError("InvalidArgument", `'${index}' is not a border edge.`);
      });
      return bad.registerCreation({ call: "getItem", args: [index] });
    }
    return new RangeBorder(this.ctx, () => {
      const t = this.target();
      return t === null ? null : { ...t, edge: index as BorderEdge };
    }, this.nullable);
  }
}

function readEdge(t: BorderTarget): { style: BorderLineStyle; weight: BorderWeight; color: string } {
  const probe = edgeProbe(t.edge, t.rect);
  if (!probe) return { style: "None", weight: "Thin", color: "#000000" };
  const b = (getCell(t.sheet, probe.r, probe.c)?.style?.border as Partial<Borders> | undefined)?.[probe.side];
  const { style, weight } = fromOoxmlBorder(b?.style);
  return { style, weight, color: colorToHex(b?.color as never) ?? "#000000" };
}

function writeEdge(ctx: HostContext, t: BorderTarget, patch: Partial<{ style: BorderLineStyle; weight: BorderWeight; color: string }>): void {
  restyle(ctx, t, (s, r, c) => {
    const sides = edgeSides(t.edge, t.rect, r, c);
    if (!sides.length) return s;
    const border: Partial<Borders> = { ...(s.border ?? {}) };
    for (const side of sides) {
      const cur = border[side];
      const now = fromOoxmlBorder(cur?.style);
      // A colour or weight set on an edge with no line draws a continuous line, as Excel does.
      const style = patch.style ?? (now.style === "None" ? "Continuous" : now.style);
      const weight = patch.weight ?? now.weight;
      const ooxml = toOoxmlBorder(style, weight);
      if (!ooxml) delete border[side];
      else {
        const color = patch.color ? hexToArgb(patch.color) : cur?.color;
        border[side] = color ? { style: ooxml, color: color as never } : { style: ooxml };
      }
    }
    return { ...s, border: border as Borders };
  });
}

export class RangeBorder extends HostObject<BorderTarget> {
  protected scalars(): Record<string, Getter<BorderTarget>> {
    return {
      sideIndex: (t) => t.edge,
      style: (t) => readEdge(t).style,
      weight: (t) => readEdge(t).weight,
      color: (t) => readEdge(t).color,
    };
  }
  get sideIndex(): string { return this.get("sideIndex"); }
  get style(): string { return this.get("style"); }
  set style(v: string) { this.write("style", v, (t) => writeEdge(this.ctx, t, { style: v as BorderLineStyle })); }
  get weight(): string { return this.get("weight"); }
  set weight(v: string) { this.write("weight", v, (t) => writeEdge(this.ctx, t, { weight: v as BorderWeight })); }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.write("color", v, (t) => writeEdge(this.ctx, t, { color: colorArg(v) })); }
}
