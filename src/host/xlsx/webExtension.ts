// Office add-in settings live in the web extension part of the package, as Excel writes them:
//   xl/webextensions/webextension1.xml  <we:property name="key" value="JSON"/>
//   xl/webextensions/taskpanes.xml      the task pane that refers to it
// with their relationships and content types. ExcelJS drops these parts, so the host reads and
// writes them itself.
import type JSZip from "jszip";
import { escapeXml } from "./xml";
import { startTagsNamed } from "./xmlReader";
import type { ZipPackage } from "./zipPackage";
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

function propertiesXml(settings: Map<string, unknown>): string {
  const props = [...settings].map(([k, v]) => `<we:property name="${escapeXml(k)}" value="${escapeXml(JSON.stringify(v ?? null))}"/>`);
  return props.length ? `<we:properties>${props.join("")}</we:properties>` : "<we:properties/>";
}

const NEW_WEBEXTENSION = (settings: Map<string, unknown>, addInId: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6C5E4D2B-7A1F-4B8E-9C3D-2F1A0B9E8D71}">` +
  // As Centralized Deployment names an add-in (office-js-docs-pr docs/develop/automatically-open-a-task-pane-with-a-document.md).
  `<we:reference id="${escapeXml(addInId)}" version="${ADDIN_VERSION}" store="EXCatalog" storeType="EXCatalog"/>` +
  `<we:alternateReferences/>${propertiesXml(settings)}<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
  `</we:webextension>`;

const NEW_TASKPANES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">` +
  `<wetp:taskpane dockstate="right" visibility="0" width="350" row="4">` +
  `<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
  `</wetp:taskpane></wetp:taskpanes>`;

const NEW_TASKPANES_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_WEBEXT}" Target="webextension1.xml"/></Relationships>`;

function addOverride(types: string, partName: string, contentType: string): string {
  if (types.includes(`PartName="${partName}"`)) return types;
  return types.replace("</Types>", () => `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
}

/**
 * Put the web extension parts back into the package ExcelJS wrote: the original parts unchanged
 * except for the settings' properties, or new parts when the workbook had none and has settings.
 */
export async function writeWebExtensions(
  zip: JSZip,
  settings: Map<string, unknown>,
  loaded: { parts: Map<string, Uint8Array>; settingsPart?: { path: string; xml: string } },
  addInId = DEFAULT_ADDIN_ID,
): Promise<void> {
  if (loaded.parts.size === 0 && settings.size === 0) return;
  let typesXml = await zip.file("[Content_Types].xml")!.async("string");
  let rootRels = await zip.file("_rels/.rels")!.async("string");
  // Every part the file had goes back unchanged; only our own part's properties are rewritten.
  for (const [path, bytes] of loaded.parts) zip.file(path, bytes);
  if (loaded.settingsPart) {
    const xml = renameLegacyReference(loaded.settingsPart.xml, addInId);
    const replaced = /<we:properties\s*\/>|<we:properties>[\s\S]*?<\/we:properties>/.test(xml)
      ? xml.replace(/<we:properties\s*\/>|<we:properties>[\s\S]*?<\/we:properties>/, () => propertiesXml(settings))
      : xml.replace(/(<we:alternateReferences\s*\/>|<\/we:alternateReferences>)/, (m: string) => `${m}${propertiesXml(settings)}`);
    zip.file(loaded.settingsPart.path, replaced);
  } else if (settings.size > 0) {
    await addOwnPart(zip, settings, addInId);
  }
  const paths = Object.keys(zip.files).filter((p) => p.startsWith(WEBEXT_DIR) && !zip.files[p].dir);
  for (const path of paths) {
    if (/webextension\d*\.xml$/.test(path)) typesXml = addOverride(typesXml, `/${path}`, CT_WEBEXT);
    if (/taskpanes\.xml$/.test(path)) typesXml = addOverride(typesXml, `/${path}`, CT_TASKPANES);
  }
  const panes = paths.find((p) => /taskpanes\.xml$/.test(p));
  if (panes && !rootRels.includes(REL_TASKPANES)) {
    rootRels = rootRels.replace("</Relationships>", () => `<Relationship Id="rIdWe1" Type="${REL_TASKPANES}" Target="${panes}"/></Relationships>`);
  }
  zip.file("[Content_Types].xml", typesXml);
  zip.file("_rels/.rels", rootRels);
}

/** A part an older copy named "kpi-scorecard" names the add-in by its manifest id from now on. */
function renameLegacyReference(xml: string, addInId: string): string {
  if (referenceId(xml) !== LEGACY_ADDIN_ID) return xml;
  return xml.replace(/<(\w+:)?reference\b[^>]*\/?>/, (_m, ns: string | undefined) => `<${ns ?? ""}reference id="${escapeXml(addInId)}" version="${ADDIN_VERSION}" store="EXCatalog" storeType="EXCatalog"/>`);
}

/** Our own web extension part, with a task pane entry that refers to it (next to any other add-in's). */
async function addOwnPart(zip: JSZip, settings: Map<string, unknown>, addInId: string): Promise<void> {
  let n = 1;
  while (zip.file(`${WEBEXT_DIR}webextension${n}.xml`)) n++;
  const name = `webextension${n}.xml`;
  zip.file(`${WEBEXT_DIR}${name}`, NEW_WEBEXTENSION(settings, addInId));
  const panesPath = `${WEBEXT_DIR}taskpanes.xml`;
  const relsPath = `${WEBEXT_DIR}_rels/taskpanes.xml.rels`;
  const panes = await zip.file(panesPath)?.async("string");
  if (!panes) {
    zip.file(panesPath, NEW_TASKPANES);
    zip.file(relsPath, NEW_TASKPANES_RELS.replace("webextension1.xml", name));
    return;
  }
  const rels = (await zip.file(relsPath)?.async("string")) ?? NEW_TASKPANES_RELS.replace(/<Relationship [^>]*\/>/, "");
  let id = 1;
  while (rels.includes(`Id="rIdKpi${id}"`)) id++;
  const relId = `rIdKpi${id}`;
  zip.file(relsPath, rels.replace("</Relationships>", () => `<Relationship Id="${relId}" Type="${REL_WEBEXT}" Target="${name}"/></Relationships>`));
  const pane = `<wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/></wetp:taskpane>`;
  zip.file(panesPath, panes.replace(/<\/(\w+:)?taskpanes>/, (m: string) => `${pane}${m}`));
}
