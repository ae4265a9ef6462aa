// Package plumbing for the patcher (patchPackage.ts): the package being patched (editedPackage.ts: the
// reader's zip code, untouched parts keep their original compressed bytes), the relationship graph between
// parts, content types, and free part names. Browser-safe: strings only.
import { parseRelationships, relsPathFor, resolveTarget, type PartPath } from "./chartPackage";
import { children, escapeXml, parseXml } from "./chartXmlText";
import type { EditedPackage } from "./editedPackage";

/** "xl/worksheets/_rels/sheet1.xml.rels" -> "xl/worksheets/sheet1.xml"; "_rels/.rels" -> "" (the package). */
export function sourceOfRels(relsPath: PartPath): PartPath | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : null;
}

export function isRelsPart(path: PartPath): boolean {
  return sourceOfRels(path) !== null;
}

/** Every internal relationship of the package: source part -> target parts. */
export async function relationshipGraph(pkg: EditedPackage): Promise<Map<PartPath, PartPath[]>> {
  const graph = new Map<PartPath, PartPath[]>();
  for (const path of pkg.paths()) {
    const source = sourceOfRels(path);
    if (source === null) continue;
    const rels = parseRelationships(await pkg.text(path));
    const targets = rels.filter((r) => !r.external).map((r) => resolveTarget(source, r.target));
    graph.set(source.toLowerCase(), targets.map((t) => t.toLowerCase()));
  }
  return graph;
}

/** Parts reachable from the given ones (themselves included), following internal relationships; lower-cased. */
export function reachable(graph: Map<PartPath, PartPath[]>, from: PartPath[]): Set<PartPath> {
  const seen = new Set<PartPath>();
  const queue = from.map((p) => p.toLowerCase());
  while (queue.length) {
    const p = queue.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    for (const t of graph.get(p) ?? []) queue.push(t);
  }
  return seen;
}

/** A part's content type: its Override, else the Default for its extension. */
export function contentTypeOf(typesXml: string, part: PartPath): string | null {
  const root = parseXml(typesXml);
  const name = `/${part}`.toLowerCase();
  const override = children(root, "Override").find((o) => (o.attrs.PartName ?? "").toLowerCase() === name);
  if (override) return override.attrs.ContentType ?? null;
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  const def = children(root, "Default").find((d) => (d.attrs.Extension ?? "").toLowerCase() === ext);
  return def?.attrs.ContentType ?? null;
}

/** Register a new part: nothing when the Default for its extension already says the same, else an Override. */
export function registerContentType(typesXml: string, part: PartPath, contentType: string): string {
  if (contentTypeOf(typesXml, part) === contentType) return typesXml;
  const root = parseXml(typesXml);
  const name = `/${part}`;
  const el = `<Override PartName="${escapeXml(name)}" ContentType="${escapeXml(contentType)}"/>`;
  const existing = children(root, "Override").find((o) => (o.attrs.PartName ?? "").toLowerCase() === name.toLowerCase());
  if (existing) return typesXml.slice(0, existing.start) + el + typesXml.slice(existing.end);
  return typesXml.slice(0, root.innerEnd) + el + typesXml.slice(root.innerEnd);
}

/** Drop the Overrides of removed parts. */
export function unregisterContentTypes(typesXml: string, parts: Iterable<PartPath>): string {
  const names = new Set([...parts].map((p) => `/${p}`.toLowerCase()));
  const drop = children(parseXml(typesXml), "Override").filter((o) => names.has((o.attrs.PartName ?? "").toLowerCase()));
  return spliceOut(typesXml, drop);
}

/** Remove relationships by id from a .rels part. */
export function removeRelationships(relsXml: string, ids: Set<string>): string {
  return spliceOut(relsXml, children(parseXml(relsXml), "Relationship").filter((r) => ids.has(r.attrs.Id ?? "")));
}

function spliceOut(xml: string, elements: { start: number; end: number }[]): string {
  let out = xml;
  for (const el of [...elements].sort((a, b) => b.start - a.start)) out = out.slice(0, el.start) + out.slice(el.end);
  return out;
}

/**
 * A free name for a part lifted into the package, in the same folder and shape as its name in the package
 * it came from: "xl/charts/chart3.xml" -> the lowest free "xl/charts/chartN.xml".
 */
export function freePartName(pkg: EditedPackage, wanted: PartPath, reserved: Set<string>): PartPath {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(wanted);
  const prefix = m ? m[1] : wanted;
  const suffix = m ? m[3] : "";
  for (let n = 1; ; n++) {
    const candidate = `${prefix}${n}${suffix}`;
    if (!pkg.has(candidate) && !reserved.has(candidate.toLowerCase())) {
      reserved.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** The relationships part of a part, and back. */
export { relsPathFor };
