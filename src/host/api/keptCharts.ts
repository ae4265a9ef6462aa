// Charts a sheet had in the file it was loaded from. The host carries a loaded sheet's drawing byte for byte
// (xlsx/drawingsPassthrough.ts) rather than modelling it, yet Excel lists those charts in
// worksheet.charts and deletes them on request: so does the host. Their names come from the drawing's
// graphic frames; deleting one takes its anchor out of the drawing and drops the parts only it used.
// Nothing else can be changed on them here (stricter than Excel: the call fails, it is never ignored).
import { parseRelationships, relsPathFor, resolveTarget } from "../xlsx/chartPackage";
import type { PassthroughDrawing } from "../xlsx/drawingsPassthrough";
import type { SheetModel } from "../model/types";

const ANCHOR = /<((?:\w+:)?)(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g;

function decode(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder().decode(bytes) : "";
}

function drawingOf(sheet: SheetModel): PassthroughDrawing | undefined {
  return sheet.passthrough.drawing as PassthroughDrawing | undefined;
}

interface KeptChart {
  name: string;
  /** The anchor's markup in the drawing. */
  anchor: string;
  /** The relationship id of its chart part. */
  relId: string;
}

function keptCharts(drawing: PassthroughDrawing): KeptChart[] {
  const xml = decode(drawing.parts.get(drawing.root));
  const out: KeptChart[] = [];
  for (const m of xml.matchAll(ANCHOR)) {
    const anchor = m[0];
    if (!/<(?:\w+:)?graphicFrame\b/.test(anchor)) continue;
    const relId = /<(?:\w+:)?chart\b[^>]*\br:id="([^"]+)"/.exec(anchor)?.[1];
    const name = /<(?:\w+:)?cNvPr\b[^>]*\bname="([^"]*)"/.exec(anchor)?.[1];
    if (relId && name !== undefined) out.push({ name: unescape(name), anchor, relId });
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The names of the charts the sheet's loaded drawing holds. */
export function keptChartNames(sheet: SheetModel): string[] {
  const d = drawingOf(sheet);
  return d ? keptCharts(d).map((c) => c.name) : [];
}

/**
 * The drawing without the named chart (and the parts only it reached); null when nothing is left in it.
 * Returns the drawing unchanged when it holds no such chart.
 */
export function drawingWithout(sheet: SheetModel, name: string): PassthroughDrawing | null | undefined {
  const d = drawingOf(sheet);
  if (!d) return undefined;
  const chart = keptCharts(d).find((c) => c.name === name);
  if (!chart) return d;
  const xml = decode(d.parts.get(d.root)).replace(chart.anchor, "");
  if (!new RegExp(ANCHOR.source).test(xml)) return null;
  const parts = new Map(d.parts);
  parts.set(d.root, new TextEncoder().encode(xml));
  const relsPath = relsPathFor(d.root);
  const rels = decode(d.parts.get(relsPath));
  const rel = parseRelationships(rels).find((r) => r.id === chart.relId);
  parts.set(relsPath, new TextEncoder().encode(rels.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${chart.relId}"[^>]*/>`), "")));
  if (rel && !rel.external) dropPart(parts, resolveTarget(d.root, rel.target));
  const contentTypes = new Map([...d.contentTypes].filter(([p]) => parts.has(p)));
  return { root: d.root, parts, contentTypes };
}

/** A part and what it alone reaches (a chart's style and colours), by its relationships. */
function dropPart(parts: Map<string, Uint8Array>, part: string): void {
  if (!parts.has(part)) return;
  parts.delete(part);
  const relsPath = relsPathFor(part);
  const rels = parseRelationships(decode(parts.get(relsPath)));
  parts.delete(relsPath);
  for (const r of rels) if (!r.external) dropPart(parts, resolveTarget(part, r.target));
}
