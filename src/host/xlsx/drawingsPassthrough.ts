// A sheet's own drawing (its charts, pictures, shapes) as the file had it. ExcelJS drops charts and
// the host does not model drawings, so the parts are carried byte for byte from load to save and
// re-attached to the sheet: a user's charts on the sheets the add-in reads are never lost.
import { addContentTypeOverride, addRelationship, parseRelationships, readPart, relativeTarget, relsPathFor, resolveTarget, REL_TYPE } from "./chartPackage";
import { drawingRelId, insertDrawingElement } from "./chartSheetXml";
import { startTagsNamed } from "./xmlReader";
import type { ZipPackage } from "./zipPackage";
import type { EditedPackage } from "./editedPackage";

export interface PassthroughDrawing {
  /** The drawing part the sheet refers to. */
  root: string;
  /** Every part reachable from it (charts, their styles, media), with the relationship parts. */
  parts: Map<string, Uint8Array>;
  contentTypes: Map<string, string>;
}

/** [Content_Types].xml read once: a part's own type (Override), else its extension's (Default); names compared as OPC does, ignoring case. */
export interface ContentTypes {
  of(path: string): string | null;
}

export function readContentTypes(typesXml: string): ContentTypes {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const a of startTagsNamed(typesXml, "Override")) if (a.PartName && a.ContentType && !overrides.has(a.PartName.toLowerCase())) overrides.set(a.PartName.toLowerCase(), a.ContentType);
  for (const a of startTagsNamed(typesXml, "Default")) if (a.Extension && a.ContentType && !defaults.has(a.Extension.toLowerCase())) defaults.set(a.Extension.toLowerCase(), a.ContentType);
  return {
    of: (path) => overrides.get(`/${path}`.toLowerCase()) ?? defaults.get(path.slice(path.lastIndexOf(".") + 1).toLowerCase()) ?? null,
  };
}

/** The drawing of the sheet stored at sheetPart, with everything it refers to; null when it has none. */
export async function readSheetDrawing(pkg: ZipPackage, sheetPart: string, types: ContentTypes): Promise<PassthroughDrawing | null> {
  const rels = parseRelationships(pkg.textOrNull(relsPathFor(sheetPart)));
  const rel = rels.find((r) => !r.external && (r.type === REL_TYPE.drawing || r.type.endsWith("/drawing")));
  if (!rel) return null;
  const root = resolveTarget(sheetPart, rel.target);
  const drawing: PassthroughDrawing = { root, parts: new Map(), contentTypes: new Map() };
  const queue = [root];
  while (queue.length) {
    const part = queue.shift()!;
    if (drawing.parts.has(part)) continue;
    if (!pkg.has(part)) continue;
    drawing.parts.set(part, pkg.bytesOf(part));
    const type = types.of(part);
    if (type) drawing.contentTypes.set(part, type);
    const relsPath = relsPathFor(part);
    const relsXml = pkg.textOrNull(relsPath);
    if (relsXml === null) continue;
    drawing.parts.set(relsPath, new TextEncoder().encode(relsXml));
    for (const r of parseRelationships(relsXml)) if (!r.external) queue.push(resolveTarget(part, r.target));
  }
  return drawing.parts.has(root) ? drawing : null;
}

/** Put a carried drawing back into the package under the same part names and attach it to the sheet. */
export async function writeSheetDrawing(pkg: EditedPackage, sheetPart: string, drawing: PassthroughDrawing): Promise<void> {
  const sheetXml = await readPart(pkg, sheetPart);
  if (sheetXml === null || drawingRelId(sheetXml)) return; // the sheet already has a drawing: leave it
  // Part names must not collide with what ExcelJS wrote (it writes no drawings or charts for the host).
  if ([...drawing.parts.keys()].some((p) => !p.includes("/_rels/") && pkg.has(p))) return;
  for (const [path, bytes] of drawing.parts) pkg.setBytes(path, bytes);
  let types = (await readPart(pkg, "[Content_Types].xml")) ?? "";
  for (const [path, type] of drawing.contentTypes) types = addContentTypeOverride(types, path, type);
  await pkg.setText("[Content_Types].xml", types);
  const relsPath = relsPathFor(sheetPart);
  const added = addRelationship(await readPart(pkg, relsPath), REL_TYPE.drawing, relativeTarget(sheetPart, drawing.root));
  await pkg.setText(relsPath, added.xml);
  await pkg.setText(sheetPart, insertDrawingElement(sheetXml, added.id));
}
