// Package plumbing for the patcher (patchPackage.ts): a JSZip package whose untouched entries keep their
// original compressed bytes, the relationship graph between parts, content types, and free part names.
// Browser-safe: JSZip and strings only.
import JSZip from "jszip";
import { parseRelationships, relsPathFor, resolveTarget, type PartPath } from "./chartPackage";
import { children, escapeXml, parseXml } from "./chartXmlText";

const utf8 = new TextDecoder("utf-8");

/** A package being patched: reads are cached, writes that change nothing are dropped. */
export class PatchedPackage {
  private readonly texts = new Map<string, string>();

  private constructor(readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<PatchedPackage> {
    const zip = await JSZip.loadAsync(bytes);
    keepStoredEntriesStored(zip);
    return new PatchedPackage(zip);
  }

  /** Entry names (no folders), in the package's order. */
  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
  }

  /** The entry's real name, matched case-insensitively as OPC part names are. */
  find(path: PartPath): string | null {
    if (this.zip.files[path] && !this.zip.files[path].dir) return path;
    const lower = path.toLowerCase();
    return this.paths().find((p) => p.toLowerCase() === lower) ?? null;
  }

  has(path: PartPath): boolean {
    return this.find(path) !== null;
  }

  async text(path: PartPath): Promise<string | null> {
    const real = this.find(path);
    if (real === null) return null;
    const cached = this.texts.get(real);
    if (cached !== undefined) return cached;
    const text = utf8.decode(await this.zip.file(real)!.async("uint8array"));
    this.texts.set(real, text);
    return text;
  }

  bytes(path: PartPath): Promise<Uint8Array> | null {
    const real = this.find(path);
    return real === null ? null : this.zip.file(real)!.async("uint8array");
  }

  /** Replace or add a part; unchanged text leaves the original entry (and its compressed bytes) alone. */
  async setText(path: PartPath, text: string): Promise<void> {
    const real = this.find(path) ?? path;
    if (this.zip.files[real] && (await this.text(real)) === text) return;
    this.texts.set(real, text);
    this.zip.file(real, text);
  }

  setBytes(path: PartPath, bytes: Uint8Array): void {
    const real = this.find(path) ?? path;
    this.texts.delete(real);
    this.zip.file(real, bytes);
  }

  remove(path: PartPath): void {
    const real = this.find(path);
    if (real === null) return;
    this.texts.delete(real);
    this.zip.remove(real);
  }

  generate(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
}

/**
 * JSZip recompresses an entry whose method differs from generate()'s; an entry the file stored
 * uncompressed is kept stored, so it too goes out with its original bytes.
 */
function keepStoredEntriesStored(zip: JSZip): void {
  for (const file of Object.values(zip.files)) {
    const data = (file as unknown as { _data?: { compression?: { magic?: string } } })._data;
    if (data?.compression?.magic === "\x00\x00") (file as unknown as { options: { compression: string } }).options.compression = "STORE";
  }
}

/** "xl/worksheets/_rels/sheet1.xml.rels" -> "xl/worksheets/sheet1.xml"; "_rels/.rels" -> "" (the package). */
export function sourceOfRels(relsPath: PartPath): PartPath | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : null;
}

export function isRelsPart(path: PartPath): boolean {
  return sourceOfRels(path) !== null;
}

/** Every internal relationship of the package: source part -> target parts. */
export async function relationshipGraph(pkg: PatchedPackage): Promise<Map<PartPath, PartPath[]>> {
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
export function freePartName(pkg: PatchedPackage, wanted: PartPath, reserved: Set<string>): PartPath {
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
