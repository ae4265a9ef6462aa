// The styles a lifted sheet needs, appended to the original styles part with their indices remapped.
// The original entries keep their positions (every kept sheet's s="…" still means what it meant); an
// entry that is already there, byte for byte, is reused, so regenerating does not grow the part.
import { children, parseXml, type XmlElement } from "./chartXmlText";
import { maxOf } from "../../core/arrays";
import { Token, startTagAt } from "./xmlReader";
import { openForm, qualify, readerOf, rewriteStartTags, setAttribute } from "./xmlEdit";

/** lifted index -> index in the patched styles part. */
export interface StyleMaps {
  xf: Map<number, number>;
  dxf: Map<number, number>;
}

/** The style attribute of a worksheet element: cells' and rows' s="…", columns' style="…", rules' dxfId="…". */
function styleAttribute(local: string): { attr: string; kind: "xf" | "dxf" } | null {
  if (local === "c" || local === "row") return { attr: "s", kind: "xf" };
  if (local === "col") return { attr: "style", kind: "xf" };
  if (local === "cfRule") return { attr: "dxfId", kind: "dxf" };
  return null;
}

/** Style indices a worksheet part uses, read by the tokenizer. */
export function usedStyles(sheetXml: string): { xf: Set<number>; dxf: Set<number> } {
  const used = { xf: new Set<number>(), dxf: new Set<number>() };
  const r = readerOf(sheetXml);
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t !== Token.Open) continue;
    const style = styleAttribute(r.local);
    const value = style ? r.attr(style.attr) : undefined;
    if (style && value !== undefined && /^\d+$/.test(value)) used[style.kind].add(Number(value));
  }
  return used;
}

/** Rewrite a worksheet part's style indices through the maps (an index the maps do not know becomes 0). */
export function remapSheetStyles(sheetXml: string, maps: StyleMaps): string {
  return rewriteStartTags(sheetXml, (r, tag) => {
    const style = styleAttribute(r.local);
    const value = style ? r.attr(style.attr) : undefined;
    if (!style || value === undefined || !/^\d+$/.test(value)) return undefined;
    return setAttribute(tag, style.attr, String(maps[style.kind].get(Number(value)) ?? 0));
  });
}

const SECTION_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const ITEM: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };
/** Entries every styles part starts with, which a lifted part's own defaults map onto. */
const RESERVED: Record<string, number> = { fonts: 1, fills: 2, borders: 1, cellXfs: 1 };

interface Section {
  local: string;
  el: XmlElement | null;
  /** The raw markup of each existing entry, in order. */
  raws: string[];
  added: string[];
}

function sections(xml: string, root: XmlElement): Map<string, Section> {
  const out = new Map<string, Section>();
  for (const local of Object.keys(ITEM)) {
    const el = children(root, local)[0] ?? null;
    const raws = el ? children(el, ITEM[local]).map((c) => xml.slice(c.start, c.end)) : [];
    out.set(local, { local, el, raws, added: [] });
  }
  return out;
}

/** A section's entries with their raw markup. */
function itemsOf(xml: string, root: XmlElement, local: string): { el: XmlElement; raw: string }[] {
  return children(children(root, local)[0], ITEM[local]).map((el) => ({ el, raw: xml.slice(el.start, el.end) }));
}

/** Index in the section of this exact markup, appending it when new. */
function intern(section: Section, raw: string): number {
  const at = section.raws.indexOf(raw);
  if (at >= 0) return at;
  const added = section.added.indexOf(raw);
  if (added >= 0) return section.raws.length + added;
  section.added.push(raw);
  return section.raws.length + section.added.length - 1;
}

/**
 * Merge the lifted styles the lifted sheets use into the original styles part. Returns the new part text
 * and how the lifted indices map onto it.
 */
export function mergeStyles(originalXml: string, liftedXml: string, used: { xf: Set<number>; dxf: Set<number> }): { xml: string; maps: StyleMaps } {
  const oRoot = parseXml(originalXml);
  const lRoot = parseXml(liftedXml);
  const target = sections(originalXml, oRoot);
  const prefix = oRoot.prefix;
  const maps: StyleMaps = { xf: new Map(), dxf: new Map() };

  // Number formats: built-in ids (< 164) mean the same everywhere; custom ones by their format code.
  const numFmtCode = (raw: string) => startTagAt(raw, 0).formatCode ?? "";
  const numFmtIdOf = (raw: string) => Number(startTagAt(raw, 0).numFmtId ?? 0) || 0;
  const numFmts = target.get("numFmts")!;
  let nextNumFmt = maxOf(numFmts.raws.map(numFmtIdOf), 163) + 1;
  const liftedNumFmts = new Map(itemsOf(liftedXml, lRoot, "numFmts").map((n) => [numFmtIdOf(n.raw), n.raw]));
  const numFmtMap = new Map<number, number>();
  const mapNumFmt = (id: number): number => {
    const raw = liftedNumFmts.get(id);
    if (id < 164 || !raw) return id;
    const known = numFmtMap.get(id);
    if (known !== undefined) return known;
    const code = numFmtCode(raw);
    const existing = [...numFmts.raws, ...numFmts.added].find((r) => numFmtCode(r) === code);
    const mapped = existing ? numFmtIdOf(existing) : nextNumFmt++;
    if (!existing) numFmts.added.push(qualify(setAttribute(raw, "numFmtId", String(mapped)), prefix));
    numFmtMap.set(id, mapped);
    return mapped;
  };

  const lifted = {
    fonts: itemsOf(liftedXml, lRoot, "fonts"),
    fills: itemsOf(liftedXml, lRoot, "fills"),
    borders: itemsOf(liftedXml, lRoot, "borders"),
  };
  const mapItem = (local: "fonts" | "fills" | "borders", index: number): number => {
    if (index < RESERVED[local]) return index;
    const raw = lifted[local][index]?.raw;
    return raw === undefined ? 0 : intern(target.get(local)!, qualify(raw, prefix));
  };

  const liftedXfs = itemsOf(liftedXml, lRoot, "cellXfs");
  for (const i of [...used.xf].sort((a, b) => a - b)) {
    const xf = liftedXfs[i];
    if (i < RESERVED.cellXfs || !xf) {
      maps.xf.set(i, 0);
      continue;
    }
    const startEnd = xf.el.openEnd - xf.el.start;
    let start = xf.raw.slice(0, startEnd);
    const a = xf.el.attrs;
    start = setAttribute(start, "numFmtId", String(mapNumFmt(Number(a.numFmtId ?? 0))));
    start = setAttribute(start, "fontId", String(mapItem("fonts", Number(a.fontId ?? 0))));
    start = setAttribute(start, "fillId", String(mapItem("fills", Number(a.fillId ?? 0))));
    start = setAttribute(start, "borderId", String(mapItem("borders", Number(a.borderId ?? 0))));
    // Based on the original's Normal style: the new sheet looks as one inserted in Excel would.
    start = setAttribute(start, "xfId", "0");
    maps.xf.set(i, intern(target.get("cellXfs")!, qualify(start + xf.raw.slice(startEnd), prefix)));
  }
  const liftedDxfs = itemsOf(liftedXml, lRoot, "dxfs");
  for (const i of used.dxf) {
    const raw = liftedDxfs[i]?.raw;
    if (raw !== undefined) maps.dxf.set(i, intern(target.get("dxfs")!, qualify(raw, prefix)));
  }
  return { xml: applySections(originalXml, oRoot, target), maps };
}

function applySections(xml: string, root: XmlElement, target: Map<string, Section>): string {
  const edits: { start: number; end: number; text: string; order: number }[] = [];
  const name = (local: string) => (root.prefix ? `${root.prefix}:${local}` : local);
  for (const s of target.values()) {
    if (!s.added.length) continue;
    const count = String(s.raws.length + s.added.length);
    if (s.el) {
      const tagEnd = s.el.openEnd;
      const selfClosing = s.el.innerEnd < 0;
      const open = setAttribute(openForm(xml.slice(s.el.start, tagEnd)), "count", count);
      const inner = selfClosing ? "" : xml.slice(tagEnd, s.el.innerEnd);
      edits.push({ start: s.el.start, end: s.el.end, text: `${open}${inner}${s.added.join("")}</${s.el.name}>`, order: SECTION_ORDER.indexOf(s.local) });
    } else {
      // A section the part lacks goes before the first section that the schema puts after it.
      const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(s.local) + 1);
      const next = root.children.find((c) => later.includes(c.local));
      const at = next ? next.start : root.innerEnd;
      edits.push({ start: at, end: at, text: `<${name(s.local)} count="${count}">${s.added.join("")}</${name(s.local)}>`, order: SECTION_ORDER.indexOf(s.local) });
    }
  }
  let out = xml;
  // From the end, so offsets stay valid; two insertions at one place go in schema order.
  for (const e of edits.sort((a, b) => b.start - a.start || b.order - a.order)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
