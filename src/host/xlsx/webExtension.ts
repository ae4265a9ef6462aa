// Office add-in settings live in the web extension part of the package, as Excel writes them:
//   xl/webextensions/webextension1.xml  <we:property name="key" value="JSON"/>
//   xl/webextensions/taskpanes.xml      the task pane that refers to it
// with their relationships and content types. ExcelJS drops these parts, so the host reads and
// writes them itself.
import type JSZip from "jszip";
import { attributes, escapeXml } from "./xml";

export const WEBEXT_DIR = "xl/webextensions/";
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

function parseProperties(xml: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const re = /<(?:\w+:)?property\b[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const a = attributes(m[0]);
    if (a.name === undefined) continue;
    try {
      out.set(a.name, JSON.parse(a.value ?? "null"));
    } catch {
      out.set(a.name, a.value ?? null); // not JSON: keep the text
    }
  }
  return out;
}

export async function readWebExtensions(zip: JSZip): Promise<LoadedWebExtensions> {
  const parts = new Map<string, Uint8Array>();
  const result: LoadedWebExtensions = { settings: new Map(), parts };
  const files = Object.keys(zip.files).filter((p) => p.startsWith(WEBEXT_DIR) && !zip.files[p].dir);
  for (const p of files) parts.set(p, await zip.file(p)!.async("uint8array"));
  // The settings are the properties of the first web extension (the add-in's own, in our files).
  const first = files.filter((p) => /webextension\d*\.xml$/.test(p)).sort()[0];
  if (first) {
    const xml = await zip.file(first)!.async("string");
    result.settings = parseProperties(xml);
    result.settingsPart = { path: first, xml };
  }
  return result;
}

function propertiesXml(settings: Map<string, unknown>): string {
  const props = [...settings].map(([k, v]) => `<we:property name="${escapeXml(k)}" value="${escapeXml(JSON.stringify(v ?? null))}"/>`);
  return props.length ? `<we:properties>${props.join("")}</we:properties>` : "<we:properties/>";
}

const NEW_WEBEXTENSION = (settings: Map<string, unknown>) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6C5E4D2B-7A1F-4B8E-9C3D-2F1A0B9E8D71}">` +
  `<we:reference id="kpi-scorecard" version="1.0.0.0" store="developer" storeType="Registry"/>` +
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
export async function writeWebExtensions(zip: JSZip, settings: Map<string, unknown>, loaded: { parts: Map<string, Uint8Array>; settingsPart?: { path: string; xml: string } }): Promise<void> {
  let typesXml = await zip.file("[Content_Types].xml")!.async("string");
  let rootRels = await zip.file("_rels/.rels")!.async("string");
  if (loaded.parts.size === 0 && settings.size === 0) return;
  if (loaded.parts.size > 0) {
    for (const [path, bytes] of loaded.parts) zip.file(path, bytes);
    if (loaded.settingsPart) {
      const xml = loaded.settingsPart.xml;
      const replaced = /<we:properties\s*\/>|<we:properties>[\s\S]*?<\/we:properties>/.test(xml)
        ? xml.replace(/<we:properties\s*\/>|<we:properties>[\s\S]*?<\/we:properties>/, () => propertiesXml(settings))
        : xml.replace(/(<we:alternateReferences\s*\/>|<\/we:alternateReferences>)/, (m: string) => `${m}${propertiesXml(settings)}`);
      zip.file(loaded.settingsPart.path, replaced);
    }
    for (const path of loaded.parts.keys()) {
      if (/webextension\d*\.xml$/.test(path)) typesXml = addOverride(typesXml, `/${path}`, CT_WEBEXT);
      if (/taskpanes\.xml$/.test(path)) typesXml = addOverride(typesXml, `/${path}`, CT_TASKPANES);
    }
    const panes = [...loaded.parts.keys()].find((p) => /taskpanes\.xml$/.test(p));
    if (panes && !rootRels.includes(REL_TASKPANES)) {
      rootRels = rootRels.replace("</Relationships>", () => `<Relationship Id="rIdWe1" Type="${REL_TASKPANES}" Target="${panes}"/></Relationships>`);
    }
  } else {
    zip.file(`${WEBEXT_DIR}webextension1.xml`, NEW_WEBEXTENSION(settings));
    zip.file(`${WEBEXT_DIR}taskpanes.xml`, NEW_TASKPANES);
    zip.file(`${WEBEXT_DIR}_rels/taskpanes.xml.rels`, NEW_TASKPANES_RELS);
    typesXml = addOverride(typesXml, `/${WEBEXT_DIR}webextension1.xml`, CT_WEBEXT);
    typesXml = addOverride(typesXml, `/${WEBEXT_DIR}taskpanes.xml`, CT_TASKPANES);
    rootRels = rootRels.replace("</Relationships>", () => `<Relationship Id="rIdWe1" Type="${REL_TASKPANES}" Target="${WEBEXT_DIR}taskpanes.xml"/></Relationships>`);
  }
  zip.file("[Content_Types].xml", typesXml);
  zip.file("_rels/.rels", rootRels);
}
