// Office add-in settings live in the web extension part of the package, as Excel writes them:
//   xl/webextensions/webextension1.xml  <we:property name="key" value="JSON"/>
//   xl/webextensions/taskpanes.xml      the task pane that refers to it
// with their relationships and content types. ExcelJS drops these parts, so the host reads and
// writes them itself.
import { escapeXml } from "./xml";
import { startTagsNamed } from "./xmlReader";
import type { ZipPackage } from "./zipPackage";
import type { EditedPackage } from "./editedPackage";
import { addContentTypeOverride, addRelationship, parseRelationships } from "./chartPackage";
import { appendInside, children, parseXml } from "./chartXmlText";
import { applySplices, qualify } from "./xmlEdit";
import { isSettingsKey } from "../../core/settingsStore";
import { ADDIN_ID, ADDIN_VERSION } from "../../core/addin";

export const WEBEXT_DIR = "xl/webextensions/";
/**
 * The add-in's own web extension is the one whose reference names manifest.xml's <Id> (whatever store it came
 * from: centrally deployed, sideloaded...). Copies made by older versions of the command line named it
 * "kpi-scorecard", which Excel never matched to the add-in: such a part is taken as ours and renamed.
 */
export const DEFAULT_ADDIN_ID = ADDIN_ID;
const LEGACY_ADDIN_ID = "kpi-scorecard";
const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXT = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const CT_WEBEXT = "application/vnd.ms-office.webextension+xml";
const CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml";

export interface LoadedWebExtensions {
  settings: Map<string, unknown>;
  /** The part whose properties are the settings. */
  settingsPart?: { path: string; xml: string };
  /** Every web extension part, byte for byte, to write back. */
  parts: Map<string, Uint8Array>;
}

/** The <we:property name value> entries, read with the tokenizer; a part that is not well formed throws. */
function parseProperties(xml: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const a of startTagsNamed(xml, "property")) {
    if (a.name === undefined) continue;
    try {
      out.set(a.name, JSON.parse(a.value ?? "null"));
    } catch {
      out.set(a.name, a.value ?? null); // not JSON: keep the text
    }
  }
  return out;
}

function referenceId(xml: string): string {
  const ref = startTagsNamed(xml, "reference")[0];
  return (ref?.id ?? "").replace(/[{}]/g, "").toLowerCase();
}

/** How surely a web extension part is this add-in's: 2 it names our id, 1 an older copy's, 0 not ours. */
function ours(xml: string, addInId: string): number {
  const id = referenceId(xml);
  if (id === addInId.replace(/[{}]/g, "").toLowerCase()) return 2;
  if (id === LEGACY_ADDIN_ID || [...parseProperties(xml).keys()].some(isSettingsKey)) return 1;
  return 0;
}

/** The web extension parts of the package as read (checked and bounded by the package reader). */
export async function readWebExtensions(pkg: ZipPackage, addInId = DEFAULT_ADDIN_ID): Promise<LoadedWebExtensions> {
  const parts = new Map<string, Uint8Array>();
  const result: LoadedWebExtensions = { settings: new Map(), parts };
  const files = pkg.entries.map((e) => e.name).filter((p) => p.startsWith(WEBEXT_DIR));
  for (const p of files) parts.set(p, pkg.bytesOf(p));
  // Another add-in's settings are not ours to read or change: only our own part is the settings (the one
  // naming our id first, else one an older copy made).
  let best = 0;
  for (const p of files.filter((f) => /webextension\d*\.xml$/.test(f)).sort()) {
    const xml = pkg.textOf(p);
    const score = ours(xml, addInId);
    if (score <= best) continue;
    best = score;
    result.settings = parseProperties(xml);
    result.settingsPart = { path: p, xml };
  }
  return result;
}

/** The settings as a <properties> element, in the part's own prefix for the web extension namespace. */
function propertiesXml(settings: Map<string, unknown>, prefix: string | null): string {
  const props = [...settings].map(([k, v]) => `<property name="${escapeXml(k)}" value="${escapeXml(JSON.stringify(v ?? null))}"/>`);
  return qualify(props.length ? `<properties>${props.join("")}</properties>` : "<properties/>", prefix);
}

const NEW_WEBEXTENSION = (settings: Map<string, unknown>, addInId: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6C5E4D2B-7A1F-4B8E-9C3D-2F1A0B9E8D71}">` +
  // As Centralized Deployment names an add-in (office-js-docs-pr docs/develop/automatically-open-a-task-pane-with-a-document.md).
  `<we:reference id="${escapeXml(addInId)}" version="${ADDIN_VERSION}" store="EXCatalog" storeType="EXCatalog"/>` +
  `<we:alternateReferences/>${propertiesXml(settings, "we")}<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
  `</we:webextension>`;

/** One task pane entry referring to a web extension by relationship id (unprefixed: qualified into the part's prefix). */
const taskpaneXml = (relId: string) =>
  `<taskpane dockstate="right" visibility="0" width="350" row="4">` +
  `<webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${escapeXml(relId)}"/></taskpane>`;

const NEW_TASKPANES = (relId: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">${qualify(taskpaneXml(relId), "wetp")}</wetp:taskpanes>`;

/** Children of <webextension> that the schema puts after <properties>: new properties go before the first present. */
const AFTER_PROPERTIES = new Set(["bindings", "snapshot", "extLst"]);

/** Our part with its <properties> replaced by the settings (read and spliced by the tokenizer; the rest as written). */
function withProperties(xml: string, settings: Map<string, unknown>): string {
  const root = parseXml(xml);
  const props = propertiesXml(settings, root.prefix);
  const existing = children(root, "properties")[0];
  if (existing) return applySplices(xml, [{ start: existing.start, end: existing.end, text: props }]);
  const after = root.children.find((c) => AFTER_PROPERTIES.has(c.local));
  if (after) return applySplices(xml, [{ start: after.start, end: after.start, text: props }]);
  return appendInside(xml, root, props);
}

/**
 * Put the web extension parts back into the package ExcelJS wrote: the original parts unchanged
 * except for the settings' properties, or new parts when the workbook had none and has settings.
 */
export async function writeWebExtensions(
  pkg: EditedPackage,
  settings: Map<string, unknown>,
  loaded: { parts: Map<string, Uint8Array>; settingsPart?: { path: string; xml: string } },
  addInId = DEFAULT_ADDIN_ID,
): Promise<void> {
  if (loaded.parts.size === 0 && settings.size === 0) return;
  let typesXml = (await pkg.text("[Content_Types].xml")) ?? "";
  let rootRels = await pkg.text("_rels/.rels");
  // Every part the file had goes back unchanged; only our own part's properties are rewritten.
  for (const [path, bytes] of loaded.parts) pkg.setBytes(path, bytes);
  if (loaded.settingsPart) {
    await pkg.setText(loaded.settingsPart.path, withProperties(renameLegacyReference(loaded.settingsPart.xml, addInId), settings));
  } else if (settings.size > 0) {
    await addOwnPart(pkg, settings, addInId);
  }
  const paths = pkg.paths().filter((p) => p.startsWith(WEBEXT_DIR));
  for (const path of paths) {
    if (/webextension\d*\.xml$/.test(path)) typesXml = addContentTypeOverride(typesXml, path, CT_WEBEXT);
    if (/taskpanes\.xml$/.test(path)) typesXml = addContentTypeOverride(typesXml, path, CT_TASKPANES);
  }
  const panes = paths.find((p) => /taskpanes\.xml$/.test(p));
  if (panes && rootRels !== null && !parseRelationships(rootRels).some((r) => r.type === REL_TASKPANES)) rootRels = addRelationshipAs(rootRels, "rIdWe", REL_TASKPANES, panes).xml;
  await pkg.setText("[Content_Types].xml", typesXml);
  if (rootRels !== null) await pkg.setText("_rels/.rels", rootRels);
}

/** A relationship added with an id of our own ("rIdKpi1"), clear of the ids another writer numbers "rId1", "rId2" …. */
function addRelationshipAs(relsXml: string, prefix: string, type: string, target: string): { xml: string; id: string } {
  const used = new Set(parseRelationships(relsXml).map((r) => r.id));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  const id = `${prefix}${n}`;
  return { xml: appendInside(relsXml, parseXml(relsXml), `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`), id };
}

/** A part an older copy named "kpi-scorecard" names the add-in by its manifest id from now on. */
function renameLegacyReference(xml: string, addInId: string): string {
  if (referenceId(xml) !== LEGACY_ADDIN_ID) return xml;
  const root = parseXml(xml);
  const ref = children(root, "reference")[0];
  const el = qualify(`<reference id="${escapeXml(addInId)}" version="${ADDIN_VERSION}" store="EXCatalog" storeType="EXCatalog"/>`, root.prefix);
  return applySplices(xml, [{ start: ref.start, end: ref.end, text: el }]);
}

/** Our own web extension part, with a task pane entry that refers to it (next to any other add-in's). */
async function addOwnPart(pkg: EditedPackage, settings: Map<string, unknown>, addInId: string): Promise<void> {
  let n = 1;
  while (pkg.has(`${WEBEXT_DIR}webextension${n}.xml`)) n++;
  const name = `webextension${n}.xml`;
  await pkg.setText(`${WEBEXT_DIR}${name}`, NEW_WEBEXTENSION(settings, addInId));
  const panesPath = `${WEBEXT_DIR}taskpanes.xml`;
  const relsPath = `${WEBEXT_DIR}_rels/taskpanes.xml.rels`;
  const panes = await pkg.text(panesPath);
  const rels = panes ? await pkg.text(relsPath) : null;
  const rel = rels === null ? addRelationship(null, REL_WEBEXT, name) : addRelationshipAs(rels, "rIdKpi", REL_WEBEXT, name);
  await pkg.setText(relsPath, rel.xml);
  if (!panes) {
    await pkg.setText(panesPath, NEW_TASKPANES(rel.id));
    return;
  }
  const root = parseXml(panes);
  await pkg.setText(panesPath, appendInside(panes, root, qualify(taskpaneXml(rel.id), root.prefix)));
}
