// Open Packaging Conventions plumbing for adding chart parts: relationships, part paths, content types,
// and finding a worksheet's part by its sheet name.
import type { EditedPackage } from "./editedPackage";
import { appendInside, attr, children, escapeXml, parseXml } from "./chartXmlText";

const REL_TYPE_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  officeDocument: `${REL_TYPE_BASE}/officeDocument`,
  worksheet: `${REL_TYPE_BASE}/worksheet`,
  drawing: `${REL_TYPE_BASE}/drawing`,
  chart: `${REL_TYPE_BASE}/chart`,
} as const;

export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Zip paths have no leading slash; part names in [Content_Types].xml do. */
export type PartPath = string;

/** A part's text, looked up case-insensitively as OPC part names are. Null when absent. */
export function readPart(pkg: EditedPackage, part: PartPath): Promise<string | null> {
  return pkg.text(part);
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPathFor(part: PartPath): PartPath {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: PartPath, target: string): PartPath {
  const raw = target.startsWith("/") ? target.slice(1) : sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1) + target;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The relative target from one part to another, as Excel writes them ("../drawings/drawing1.xml"). */
export function relativeTarget(fromPart: PartPath, toPart: PartPath): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  return children(parseXml(xml), "Relationship").map((r) => ({
    id: r.attrs.Id ?? "",
    type: r.attrs.Type ?? "",
    target: r.attrs.Target ?? "",
    external: r.attrs.TargetMode === "External",
  }));
}

/** Add a relationship to a .rels part (creating it when absent); returns the new text and the id chosen. */
export function addRelationship(relsXml: string | null, type: string, target: string): { xml: string; id: string } {
  const xml =
    relsXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;
  const used = new Set(parseRelationships(xml).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  return { xml: appendInside(xml, parseXml(xml), rel), id };
}

/** Add an Override for a new part to [Content_Types].xml (no-op when one is already there). */
export function addContentTypeOverride(typesXml: string, part: PartPath, contentType: string): string {
  const root = parseXml(typesXml);
  const partName = `/${part}`;
  const exists = children(root, "Override").some((o) => (o.attrs.PartName ?? "").toLowerCase() === partName.toLowerCase());
  if (exists) return typesXml;
  return appendInside(typesXml, root, `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`);
}

/** The lowest N such that `${prefix}${N}${suffix}` is not yet in the package (and not reserved in this run). */
export function nextPartPath(pkg: EditedPackage, prefix: string, suffix: string, reserved: Set<string>): PartPath {
  const taken = new Set(pkg.paths().map((k) => k.toLowerCase()));
  for (let n = 1; ; n++) {
    const p = `${prefix}${n}${suffix}`;
    if (!taken.has(p.toLowerCase()) && !reserved.has(p.toLowerCase())) {
      reserved.add(p.toLowerCase());
      return p;
    }
  }
}

export interface SheetPart {
  name: string;
  part: PartPath;
}

/** The workbook part, from the package relationships (xl/workbook.xml in every file Excel or ExcelJS writes). */
export async function workbookPart(pkg: EditedPackage): Promise<PartPath> {
  const rels = parseRelationships(await readPart(pkg, "_rels/.rels"));
  const main = rels.find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith("/officeDocument"));
  return main ? resolveTarget("", main.target) : "xl/workbook.xml";
}

/** Worksheets in workbook order with their part paths (chart sheets and dialog sheets are left out). */
export async function worksheetParts(pkg: EditedPackage): Promise<SheetPart[]> {
  const wbPart = await workbookPart(pkg);
  const wbXml = await readPart(pkg, wbPart);
  if (!wbXml) throw new Error(`The package has no workbook part (${wbPart}).`);
  const rels = parseRelationships(await readPart(pkg, relsPathFor(wbPart)));
  const sheets = children(parseXml(wbXml), "sheets")[0];
  const out: SheetPart[] = [];
  for (const s of children(sheets, "sheet")) {
    const rel = rels.find((r) => r.id === attr(s, "id", true));
    if (!rel || !(rel.type === REL_TYPE.worksheet || rel.type.endsWith("/worksheet"))) continue;
    out.push({ name: s.attrs.name ?? "", part: resolveTarget(wbPart, rel.target) });
  }
  return out;
}

/** Find a sheet by name as Excel does: exactly, else ignoring case. */
export function findSheet(sheets: SheetPart[], name: string): SheetPart | null {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
}
