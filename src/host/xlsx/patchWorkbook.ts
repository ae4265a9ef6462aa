// The workbook part's entries the patcher changes: the sheet list, the defined names (whose
// localSheetId counts positions in that list), the active and first tab; and the calculation chain's
// cells on sheets that are gone. Everything else in workbook.xml stays as the file had it.
import type { NameModel } from "../model/types";
import { REL_NS } from "./chartPart";
import { children, escapeXml, parseXml, prefixFor, type XmlElement } from "./chartXmlText";
import { nameXml } from "./definedNames";
import { Token, XmlReader } from "./xmlReader";
import { applySplices, elementAt, openForm, qualify, setAttribute, type Splice } from "./xmlEdit";
import { maxOf } from "../../core/arrays";

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: string | undefined;
  relId: string;
  /** The element as written. */
  raw: string;
}

export function sheetEntries(workbookXml: string): SheetEntry[] {
  const sheets = children(parseXml(workbookXml), "sheets")[0];
  return children(sheets, "sheet").map((el) => {
    const relId = Object.entries(el.attrs).find(([k]) => /(^|:)id$/.test(k) && k.includes(":") && !k.startsWith("xmlns"))?.[1] ?? "";
    return { name: el.attrs.name ?? "", sheetId: Number(el.attrs.sheetId ?? 0), state: el.attrs.state, relId, raw: workbookXml.slice(el.start, el.end) };
  });
}

/** A sheet in the patched list: one the file had (by its position there) or a new one. */
export type FinalSheet = { original: number } | { added: { name: string; state?: string; relId: string; selected: boolean } };

export interface WorkbookEdit {
  sheets: FinalSheet[];
  /** Names to drop, by name and the original sheet they are scoped to (null: the workbook). */
  removeNames: { name: string; sheet: string | null }[];
  /** Names to add, scoped by their position in the final list (null: the workbook). */
  addNames: { name: NameModel; sheetIndex: number | null }[];
  /** The final position of the tab to show, when the one the file showed is gone. */
  activeIfGone: number;
}

/** Rewrite workbook.xml for the edit. */
export function patchWorkbookXml(xml: string, edit: WorkbookEdit): string {
  const root = parseXml(xml);
  const prefix = root.prefix;
  const sheetsEl = children(root, "sheets")[0];
  if (!sheetsEl) throw new Error("The workbook part has no sheet list.");
  const entries = sheetEntries(xml);
  const edits: { start: number; end: number; text: string }[] = [];

  // The sheet list.
  const rPrefix = prefixFor(root, REL_NS);
  let nextSheetId = maxOf(entries.map((e) => e.sheetId), 0) + 1;
  const newIndex = new Map<number, number>();
  const items = edit.sheets.map((s, i) => {
    if ("original" in s) {
      newIndex.set(s.original, i);
      return entries[s.original].raw;
    }
    const a = s.added;
    const state = a.state && a.state !== "visible" ? ` state="${escapeXml(a.state)}"` : "";
    const rel = rPrefix ? `${rPrefix}:id="${escapeXml(a.relId)}"` : `xmlns:r="${REL_NS}" r:id="${escapeXml(a.relId)}"`;
    return qualify(`<sheet name="${escapeXml(a.name)}" sheetId="${nextSheetId++}"${state} ${rel}/>`, prefix);
  });
  const unchanged = edit.sheets.length === entries.length && edit.sheets.every((s, i) => "original" in s && s.original === i);
  if (!unchanged) {
    const sheetsOpen = openForm(xml.slice(sheetsEl.start, sheetsEl.openEnd));
    edits.push({ start: sheetsEl.start, end: sheetsEl.end, text: `${sheetsOpen}${items.join("")}</${sheetsEl.name}>` });
  }

  // Defined names: the file's own stay as written (their sheet positions renumbered), ours are added.
  const remove = new Set(edit.removeNames.map((n) => key(n.name, n.sheet)));
  const namesEl = children(root, "definedNames")[0];
  const kept: string[] = [];
  const originalNames = children(namesEl, "definedName");
  for (const el of originalNames) {
    const raw = xml.slice(el.start, el.end);
    const local = el.attrs.localSheetId;
    const scope = local === undefined ? null : entries[Number(local)]?.name ?? null;
    if (local !== undefined && !newIndex.has(Number(local))) continue; // its sheet is gone
    if (remove.has(key(el.attrs.name ?? "", scope))) continue;
    const startTag = raw.slice(0, el.openEnd - el.start);
    kept.push(local === undefined ? raw : setAttribute(startTag, "localSheetId", String(newIndex.get(Number(local)))) + raw.slice(startTag.length));
  }
  for (const n of edit.addNames) kept.push(qualify(nameXml(n.name, n.sheetIndex ?? undefined), prefix));
  const namesTag = prefix ? `${prefix}:definedNames` : "definedNames";
  const namesUnchanged = kept.length === originalNames.length && originalNames.every((el, i) => xml.slice(el.start, el.end) === kept[i]);
  if (namesEl && !namesUnchanged) {
    const open = openForm(xml.slice(namesEl.start, namesEl.openEnd));
    edits.push({ start: namesEl.start, end: namesEl.end, text: kept.length ? `${open}${kept.join("")}</${namesEl.name}>` : "" });
  } else if (!namesEl && kept.length) {
    const after = lastOf(root, ["sheets", "functionGroups", "externalReferences"])!;
    edits.push({ start: after.end, end: after.end, text: `<${namesTag}>${kept.join("")}</${namesTag}>` });
  }

  // The tab shown on opening, and the first tab in view, follow their sheets.
  const view = children(children(root, "bookViews")[0], "workbookView")[0];
  if (view) {
    const a = view.attrs;
    const active = newIndex.get(Number(a.activeTab ?? 0)) ?? edit.activeIfGone;
    const first = Math.min(newIndex.get(Number(a.firstSheet ?? 0)) ?? 0, active);
    const end = view.openEnd;
    let open = xml.slice(view.start, end);
    open = setOrAdd(open, "activeTab", active, active !== 0, a.activeTab !== undefined);
    open = setOrAdd(open, "firstSheet", first, false, a.firstSheet !== undefined);
    edits.push({ start: view.start, end, text: open });
  }

  let out = xml;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function key(name: string, sheet: string | null): string {
  return `${(sheet ?? "").toLowerCase()}\u0000${name.toLowerCase()}`;
}

function lastOf(root: XmlElement, locals: string[]): XmlElement | undefined {
  return root.children.filter((c) => locals.includes(c.local)).pop();
}

/** The attribute set where the tag has it (either quote) or where it is needed; read by the tokenizer. */
function setOrAdd(startTag: string, name: string, value: number, needed: boolean, has: boolean): string {
  return has || needed ? setAttribute(startTag, name, String(value)) : startTag;
}

/** Drop the calculation chain's cells on removed sheets (by sheetId); null when none is left. Read by the tokenizer. */
export function filterCalcChain(xml: string, removedSheetIds: Set<number>): string | null {
  const r = new XmlReader(xml);
  const splices: Splice[] = [];
  let current = 0;
  let lastKept: number | null = null;
  let kept = 0;
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t !== Token.Open || r.depth !== 2 || !r.is("c")) continue;
    const i = r.attr("i");
    const tag = xml.slice(r.start, r.end);
    const cell = elementAt(r);
    if (i !== undefined) current = Number(i);
    if (removedSheetIds.has(current)) {
      splices.push({ start: cell.start, end: cell.end, text: "" });
      continue;
    }
    // A cell without i="…" is on the sheet of the cell before it, which may have been dropped.
    if (i === undefined && lastKept !== current) splices.push({ start: cell.start, end: cell.openEnd, text: setAttribute(tag, "i", String(current)) });
    lastKept = current;
    kept++;
  }
  return kept ? applySplices(xml, splices) : null;
}
