// The workbook part and what it points to, found through the package's relationships (never by
// conventional part names): the sheets in order with their parts, the shared strings, the styles,
// the date system and the active tab.
import { child, children, parseXml, type XmlElement } from "./chartXmlText";
import { parseRelationships, relsPathFor, resolveTarget, type Relationship } from "./chartPackage";
import { PackageDamage } from "./loadErrors";
import type { ZipPackage } from "./zipPackage";

export type SheetKind = "worksheet" | "chartsheet" | "other";

/** Every sheet workbook.xml lists, in order (chart sheets too: localSheetId counts them). */
export interface SheetEntry {
  name: string;
  /** The part holding it, resolved through the workbook's relationships. */
  part: string;
  kind: SheetKind;
  state: string;
}

export interface WorkbookParts {
  workbookPart: string;
  workbookXml: string;
  sheets: SheetEntry[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
  /** Dates count from 1904-01-01 (Mac-made workbooks): serials are 1,462 days smaller. */
  date1904: boolean;
  activeTab: number;
}

const WORKBOOK_PART = "xl/workbook.xml";

function kindOf(type: string): SheetKind {
  if (type.endsWith("/worksheet")) return "worksheet";
  if (type.endsWith("/chartsheet")) return "chartsheet";
  return "other";
}

const CONTENT_TYPES = "[Content_Types].xml";

/** The workbook part the package names (officeDocument), else the conventional one; null when there is none. */
export function findWorkbookPart(pkg: ZipPackage): string | null {
  const part = officeDocument(pkg);
  // Every package has its content types, well formed; Excel will not open one without (nor could a copy be written).
  if (part && !pkg.has(CONTENT_TYPES)) throw new PackageDamage("missing", CONTENT_TYPES);
  if (part) safeText(pkg, CONTENT_TYPES);
  return part;
}

function officeDocument(pkg: ZipPackage): string | null {
  const rels = parseRelationships(pkg.has("_rels/.rels") ? safeText(pkg, "_rels/.rels") : null);
  const main = rels.find((r) => r.type.endsWith("/officeDocument") && !r.external);
  const part = main ? resolveTarget("", main.target) : WORKBOOK_PART;
  const entry = pkg.entry(part);
  if (entry) return entry.name;
  return pkg.entry(WORKBOOK_PART)?.name ?? null;
}

/** The relationships of a part (none when it has no .rels part); a .rels part that is not well formed is damage named by its path. */
export function relationshipsOf(pkg: ZipPackage, part: string): Relationship[] {
  const relsPart = relsPathFor(part);
  return pkg.has(relsPart) ? parseRelationships(safeText(pkg, relsPart)) : [];
}

function safeText(pkg: ZipPackage, part: string): string | null {
  const text = pkg.textOf(part);
  try {
    parseXml(text);
  } catch {
    throw new PackageDamage("part", part);
  }
  return text;
}

export function readWorkbookParts(pkg: ZipPackage, workbookPart: string): WorkbookParts {
  const workbookXml = pkg.textOf(workbookPart);
  let root: XmlElement;
  try {
    root = parseXml(workbookXml);
  } catch {
    throw new PackageDamage("part", workbookPart);
  }
  const relsPart = relsPathFor(workbookPart);
  const rels = parseRelationships(pkg.has(relsPart) ? safeText(pkg, relsPart) : null);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const parts = new Set<string>();
  const sheets: SheetEntry[] = [];
  for (const el of children(child(root, "sheets"), "sheet")) {
    const name = el.attrs.name ?? "";
    const relId = Object.entries(el.attrs).find(([k]) => k === "r:id" || /^[\w.-]+:id$/.test(k))?.[1];
    const rel = relId ? byId.get(relId) : undefined;
    if (!name || !rel || rel.external) throw new PackageDamage("part", workbookPart, `sheet "${name}" has no part`);
    if (seen.has(name.toLowerCase())) throw new PackageDamage("part", workbookPart, `two sheets are named "${name}"`);
    seen.add(name.toLowerCase());
    const target = resolveTarget(workbookPart, rel.target);
    const kind = kindOf(rel.type);
    const entry = pkg.entry(target);
    if (kind === "worksheet") {
      if (!entry) throw new PackageDamage("missing", target, `the part of sheet "${name}"`);
      if (parts.has(entry.name)) throw new PackageDamage("part", workbookPart, `two sheets share part ${entry.name}`);
      parts.add(entry.name);
    }
    sheets.push({ name, part: entry?.name ?? target, kind, state: el.attrs.state ?? "visible" });
  }
  const partOf = (suffix: string) => {
    const rel = rels.find((r) => r.type.endsWith(suffix) && !r.external);
    if (!rel) return null;
    const target = resolveTarget(workbookPart, rel.target);
    const entry = pkg.entry(target);
    if (!entry) throw new PackageDamage("missing", target);
    return entry.name;
  };
  const pr = child(root, "workbookPr")?.attrs;
  const view = child(child(root, "bookViews"), "workbookView")?.attrs;
  const activeTab = Number(view?.activeTab ?? 0);
  return {
    workbookPart,
    workbookXml,
    sheets,
    sharedStringsPart: partOf("/sharedStrings"),
    stylesPart: partOf("/styles"),
    date1904: pr?.date1904 === "1" || pr?.date1904 === "true",
    activeTab: Number.isInteger(activeTab) && activeTab >= 0 ? activeTab : 0,
  };
}
