// The copy of a user's workbook with the add-in's sheets in it, made by patching the ORIGINAL package:
// the new sheets' parts (lifted from a package the host saved with only those sheets) are added with
// the workbook-level entries they need (sheet list, relationships, content types, defined names,
// styles, settings); sheets the add-in replaced are removed with the parts only they used; every other
// part keeps its original bytes. Browser-safe (the reader's zip code, strings): the CLI and the preview's download use it.
import type { NameModel } from "../model/types";
import {
  REL_TYPE,
  addRelationship,
  parseRelationships,
  relativeTarget,
  resolveTarget,
  workbookPart,
  type PartPath,
  type Relationship,
} from "./chartPackage";
import { children, parseXml } from "./chartXmlText";
import { Token, XmlReader, startTagsNamed } from "./xmlReader";
import { applySplices, removeAttribute, rewriteStartTags, setAttribute, type Splice } from "./xmlEdit";
import { EditedPackage } from "./editedPackage";
import {
  contentTypeOf,
  freePartName,
  reachable,
  registerContentType,
  relationshipGraph,
  relsPathFor,
  removeRelationships,
  unregisterContentTypes,
} from "./patchParts";
import { mergeStyles, remapSheetStyles, usedStyles, type StyleMaps } from "./patchStyles";
import { filterCalcChain, patchWorkbookXml, sheetEntries, type FinalSheet, type SheetEntry } from "./patchWorkbook";
import { writeWebExtensions, type LoadedWebExtensions } from "./webExtension";
import { appendAll } from "../../core/arrays";

export interface PatchPlan {
  /** Worksheets in their final order: kept from the original (by its name there) or lifted (by its name in the lifted package). */
  sheets: ({ keep: string } | { lift: string })[];
  /** Names the session removed or changed, by name and the ORIGINAL sheet they are scoped to (null: workbook). */
  removeNames: { name: string; sheet: string | null }[];
  /** Names to write, by the FINAL sheet they are scoped to (null: workbook). */
  addNames: { name: NameModel; sheet: string | null }[];
  /** The sheet to show on opening when the one the file showed is gone (a replaced scorecard). */
  activeSheet?: string;
  /** The add-in's settings, when the session changed them. */
  settings?: { values: Map<string, unknown>; webExtensions: Pick<LoadedWebExtensions, "parts" | "settingsPart"> };
}

const TYPE = {
  worksheet: /\/worksheet$/,
  styles: /\/styles$/,
  sharedStrings: /\/sharedStrings$/,
  calcChain: /\/calcChain$/,
};
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const TABLE_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

interface Workbook {
  part: PartPath;
  relsPath: PartPath;
  xml: string;
  rels: Relationship[];
  entries: SheetEntry[];
}

async function readWorkbook(pkg: EditedPackage): Promise<Workbook> {
  const part = await workbookPart(pkg);
  const xml = await pkg.text(part);
  if (xml === null) throw new Error(`The package has no workbook part (${part}).`);
  const relsPath = relsPathFor(part);
  return { part, relsPath, xml, rels: parseRelationships(await pkg.text(relsPath)), entries: sheetEntries(xml) };
}

function relOf(wb: Workbook, entry: SheetEntry): Relationship | undefined {
  return wb.rels.find((r) => r.id === entry.relId);
}

function isWorksheet(wb: Workbook, entry: SheetEntry): boolean {
  return TYPE.worksheet.test(relOf(wb, entry)?.type ?? "");
}

function partOf(wb: Workbook, entry: SheetEntry): PartPath {
  const rel = relOf(wb, entry);
  if (!rel) throw new Error(`Sheet "${entry.name}" has no relationship in the workbook.`);
  return resolveTarget(wb.part, rel.target);
}

function findEntry(wb: Workbook, name: string, worksheetOnly = true): number {
  const ok = (e: SheetEntry) => !worksheetOnly || isWorksheet(wb, e);
  let i = wb.entries.findIndex((e) => e.name === name && ok(e));
  if (i < 0) i = wb.entries.findIndex((e) => e.name.toLowerCase() === name.toLowerCase() && ok(e));
  return i;
}

export async function patchPackage(original: Uint8Array, lifted: Uint8Array | null, plan: PatchPlan): Promise<Uint8Array> {
  const pkg = await EditedPackage.open(original);
  const wb = await readWorkbook(pkg);
  let types = (await pkg.text("[Content_Types].xml")) ?? "";
  let wbRels = (await pkg.text(wb.relsPath)) ?? "";

  // 1. The sheets to keep, and the worksheets that go (the add-in's previous sheets).
  const keptIndex = new Map<string, number>();
  for (const s of plan.sheets) {
    if (!("keep" in s)) continue;
    const i = findEntry(wb, s.keep);
    if (i < 0) throw new Error(`The workbook has no sheet "${s.keep}" to keep.`);
    keptIndex.set(s.keep, i);
  }
  const kept = new Set(keptIndex.values());
  const gone = wb.entries.map((_, i) => i).filter((i) => isWorksheet(wb, wb.entries[i]) && !kept.has(i));
  if (gone.length) {
    const removed = await removeSheets(pkg, wb, gone);
    types = unregisterContentTypes(types, removed);
    wbRels = removeRelationships(wbRels, new Set(gone.map((i) => wb.entries[i].relId)));
    const calc = await filterCalculationChain(pkg, wb, new Set(gone.map((i) => wb.entries[i].sheetId)));
    if (calc) {
      types = unregisterContentTypes(types, [calc.part]);
      wbRels = removeRelationships(wbRels, new Set([calc.relId]));
    }
  }

  // 2. The new sheets and everything they refer to.
  const liftedNames = plan.sheets.flatMap((s) => ("lift" in s ? [s.lift] : []));
  const originalActive = Number(startTagsNamed(wb.xml, "workbookView")[0]?.activeTab ?? 0);
  const activeGone = gone.includes(originalActive);
  const relIds = new Map<string, string>();
  const states = new Map<string, string | undefined>();
  if (liftedNames.length) {
    if (!lifted) throw new Error("The sheets to add were not given.");
    const src = await EditedPackage.open(lifted);
    const lwb = await readWorkbook(src);
    const lTypes = (await src.text("[Content_Types].xml")) ?? "";
    const sheets = liftedNames.map((name) => {
      const i = findEntry(lwb, name);
      if (i < 0) throw new Error(`The lifted package has no sheet "${name}".`);
      states.set(name, lwb.entries[i].state);
      return { name, part: partOf(lwb, lwb.entries[i]) };
    });
    const sheetXml = new Map<string, string>();
    for (const s of sheets) sheetXml.set(s.part, (await src.text(s.part)) ?? "");
    const edited = { types, wbRels };
    const maps = await mergeLiftedStyles(pkg, wb, src, lwb, [...sheetXml.values()], edited);
    ({ types, wbRels } = edited);
    const strings = await sharedStrings(src, lwb);
    const lifter = new Lifter(pkg, src, lTypes, types, await tableIds(pkg, types));
    for (const s of sheets) {
      const selected = activeGone && plan.activeSheet === s.name;
      const xml = selectTab(inlineStrings(remapSheetStyles(sheetXml.get(s.part)!, maps), strings), selected);
      const part = await lifter.lift(s.part, xml);
      const added = addRelationship(wbRels, REL_TYPE.worksheet, relativeTarget(wb.part, part));
      wbRels = added.xml;
      relIds.set(s.name, added.id);
    }
    types = lifter.types;
  }

  // 3. The workbook part: sheet list, names, active tab.
  const final = finalOrder(wb, plan, keptIndex, (name) => ({ name, state: states.get(name), relId: relIds.get(name)!, selected: activeGone && plan.activeSheet === name }));
  const finalNames = final.map((s) => ("original" in s ? wb.entries[s.original].name : s.added.name));
  const indexOf = (name: string | null) => (name === null ? null : finalNames.findIndex((n) => n.toLowerCase() === name.toLowerCase()));
  await pkg.setText(
    wb.part,
    patchWorkbookXml(wb.xml, {
      sheets: final,
      removeNames: plan.removeNames,
      addNames: plan.addNames.filter((n) => indexOf(n.sheet) !== -1).map((n) => ({ name: n.name, sheetIndex: indexOf(n.sheet) })),
      activeIfGone: Math.max(0, plan.activeSheet ? indexOf(plan.activeSheet) ?? 0 : 0),
    }),
  );
  await pkg.setText(wb.relsPath, wbRels);
  await pkg.setText("[Content_Types].xml", types);

  // 4. The add-in's settings, in its own web extension part.
  if (plan.settings) await writeWebExtensions(pkg, plan.settings.values, plan.settings.webExtensions);

  // Every part whose content ends up as it was goes out with its original compressed bytes (EditedPackage).
  return pkg.generate();
}

const EXTENSION_BY_TYPE: Record<string, ".xlsx" | ".xlsm" | ".xltx" | ".xltm"> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": ".xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": ".xltm",
};

/** The file extension Excel requires for this package (by its workbook part's content type): a copy keeps it. */
export async function copyExtension(bytes: Uint8Array): Promise<".xlsx" | ".xlsm" | ".xltx" | ".xltm"> {
  const pkg = await EditedPackage.open(bytes);
  const part = await workbookPart(pkg);
  const type = contentTypeOf((await pkg.text("[Content_Types].xml")) ?? "<Types/>", part) ?? "";
  return EXTENSION_BY_TYPE[type] ?? ".xlsx";
}

/** Remove sheets' parts and whatever only they used (a part another part still refers to stays). */
async function removeSheets(pkg: EditedPackage, wb: Workbook, gone: number[]): Promise<PartPath[]> {
  const graph = await relationshipGraph(pkg);
  const goneRels = new Set(gone.map((i) => wb.entries[i].relId));
  const candidates = reachable(graph, gone.map((i) => partOf(wb, wb.entries[i])));
  graph.set(
    wb.part.toLowerCase(),
    wb.rels.filter((r) => !r.external && !goneRels.has(r.id)).map((r) => resolveTarget(wb.part, r.target).toLowerCase()),
  );
  const live = reachable(graph, [""]);
  const removed = [...candidates].filter((p) => !live.has(p));
  for (const p of removed) {
    pkg.remove(p);
    pkg.remove(relsPathFor(p));
  }
  return removed;
}

/** Drop removed sheets' cells from the calculation chain (Excel repairs a file whose chain names a missing sheet). */
async function filterCalculationChain(pkg: EditedPackage, wb: Workbook, sheetIds: Set<number>): Promise<{ part: PartPath; relId: string } | null> {
  const rel = wb.rels.find((r) => TYPE.calcChain.test(r.type) && !r.external);
  if (!rel) return null;
  const part = resolveTarget(wb.part, rel.target);
  const xml = await pkg.text(part);
  if (xml === null) return null;
  const filtered = filterCalcChain(xml, sheetIds);
  if (filtered !== null) {
    await pkg.setText(part, filtered);
    return null;
  }
  pkg.remove(part);
  return { part, relId: rel.id };
}

/** The styles the lifted sheets use, merged into the original styles part; how their indices map. */
async function mergeLiftedStyles(
  pkg: EditedPackage,
  wb: Workbook,
  src: EditedPackage,
  lwb: Workbook,
  sheetXmls: string[],
  parts: { types: string; wbRels: string },
): Promise<StyleMaps> {
  const used = { xf: new Set<number>(), dxf: new Set<number>() };
  for (const xml of sheetXmls) {
    const u = usedStyles(xml);
    u.xf.forEach((i) => used.xf.add(i));
    u.dxf.forEach((i) => used.dxf.add(i));
  }
  const lRel = lwb.rels.find((r) => TYPE.styles.test(r.type));
  const liftedXml = lRel ? await src.text(resolveTarget(lwb.part, lRel.target)) : null;
  const identity: StyleMaps = { xf: new Map([...used.xf].map((i) => [i, i])), dxf: new Map([...used.dxf].map((i) => [i, i])) };
  if (liftedXml === null) return identity;
  const oRel = wb.rels.find((r) => TYPE.styles.test(r.type) && !r.external);
  const oPart = oRel ? resolveTarget(wb.part, oRel.target) : null;
  const originalXml = oPart ? await pkg.text(oPart) : null;
  if (oPart && originalXml !== null) {
    const merged = mergeStyles(originalXml, liftedXml, used);
    await pkg.setText(oPart, merged.xml);
    return merged.maps;
  }
  // A package without a styles part (rare, hand-made) takes the lifted one whole.
  const part = freePartName(pkg, `${wb.part.slice(0, wb.part.lastIndexOf("/") + 1)}styles.xml`, new Set());
  await pkg.setText(part, liftedXml);
  parts.types = registerContentType(parts.types, part, STYLES_CT);
  parts.wbRels = addRelationship(parts.wbRels, STYLES_REL, relativeTarget(wb.part, part)).xml;
  return identity;
}

/** The lifted package's shared strings, each as the inner markup of its <si>. */
async function sharedStrings(src: EditedPackage, lwb: Workbook): Promise<string[]> {
  const rel = lwb.rels.find((r) => TYPE.sharedStrings.test(r.type));
  const xml = rel ? await src.text(resolveTarget(lwb.part, rel.target)) : null;
  if (!xml) return [];
  return children(parseXml(xml), "si").map((si) => (si.innerEnd < 0 ? "" : xml.slice(si.openEnd, si.innerEnd)));
}

/** Shared-string cells written inline (t="inlineStr"), so the original shared strings part is not touched. */
export function inlineStrings(sheetXml: string, strings: string[]): string {
  const r = new XmlReader(sheetXml);
  const splices: Splice[] = [];
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t !== Token.Open || !r.is("c") || r.selfClosing || r.attr("t") !== "s") continue;
    const prefix = r.name.slice(0, r.name.length - 1);
    const tag = setAttribute(sheetXml.slice(r.start, r.end), "t", "inlineStr");
    const start = r.start;
    let index = "";
    for (let u = r.next(); u !== Token.Close; u = r.next()) {
      if (u === Token.Open && r.is("v")) index = textOf(r);
      else if (u === Token.Open) r.skip();
    }
    const text = /^\d+$/.test(index.trim()) ? strings[Number(index)] ?? "" : "";
    splices.push({ start, end: r.end, text: `${tag}<${prefix}is>${text}</${prefix}is></${prefix}c>` });
  }
  return applySplices(sheetXml, splices);
}

/** From an Open token: the element's text (children's markup skipped), the reader left on its Close. */
function textOf(r: XmlReader): string {
  let text = "";
  for (let u = r.next(); u !== Token.Close; u = r.next()) {
    if (u === Token.Text) text += r.text;
    else r.skip();
  }
  return text;
}

/** The new sheet's tab is selected only when it is the one shown on opening (else Excel would group two tabs). */
function selectTab(sheetXml: string, selected: boolean): string {
  let first = true;
  return rewriteStartTags(sheetXml, (r, tag) => {
    if (!first || !r.is("sheetView")) return undefined;
    first = false;
    const cleared = removeAttribute(tag, "tabSelected");
    return selected ? setAttribute(cleared, "tabSelected", "1") : cleared;
  });
}

async function tableIds(pkg: EditedPackage, types: string): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const p of pkg.paths()) {
    if (contentTypeOf(types, p) !== TABLE_CT) continue;
    const id = Number(startTagsNamed((await pkg.text(p)) ?? "", "table")[0]?.id);
    if (Number.isInteger(id)) ids.add(id);
  }
  return ids;
}

/** Copies parts from the lifted package under free names, following their relationships. */
class Lifter {
  private readonly moved = new Map<PartPath, PartPath>();
  private readonly reserved = new Set<string>();

  constructor(
    private readonly pkg: EditedPackage,
    private readonly src: EditedPackage,
    private readonly srcTypes: string,
    public types: string,
    private readonly usedTableIds: Set<number>,
  ) {}

  /** Lift a part (with the given text instead of its own, for a sheet) and return its new name. */
  async lift(path: PartPath, text?: string): Promise<PartPath> {
    const known = this.moved.get(path.toLowerCase());
    if (known) return known;
    const to = freePartName(this.pkg, path, this.reserved);
    this.moved.set(path.toLowerCase(), to);
    const type = contentTypeOf(this.srcTypes, path);
    if (type) this.types = registerContentType(this.types, to, type);
    const rels = await this.src.text(relsPathFor(path));
    if (rels !== null) await this.pkg.setText(relsPathFor(to), await this.retarget(rels, path, to));
    if (text !== undefined) await this.pkg.setText(to, text);
    else if (type === TABLE_CT) await this.pkg.setText(to, this.renumberTable((await this.src.text(path)) ?? ""));
    else this.pkg.setBytes(to, (await this.src.bytes(path))!);
    return to;
  }

  private async retarget(relsXml: string, from: PartPath, to: PartPath): Promise<string> {
    const root = parseXml(relsXml);
    let out = relsXml;
    for (const r of children(root, "Relationship").reverse()) {
      if (r.attrs.TargetMode === "External" || r.attrs.Target === undefined) continue;
      const target = await this.lift(resolveTarget(from, r.attrs.Target));
      const tag = setAttribute(out.slice(r.start, r.openEnd), "Target", relativeTarget(to, target));
      out = out.slice(0, r.start) + tag + out.slice(r.openEnd);
    }
    return out;
  }

  /** Table ids are unique in a workbook. */
  private renumberTable(xml: string): string {
    let id = 1;
    while (this.usedTableIds.has(id)) id++;
    this.usedTableIds.add(id);
    return rewriteStartTags(xml, (r, tag) => (r.depth === 1 && r.is("table") && r.attr("id") !== undefined ? setAttribute(tag, "id", String(id)) : undefined));
  }
}

/**
 * The final sheet list: the file's sheets that are not worksheets (chart sheets, macro sheets) stay
 * after the worksheet they followed; lifted sheets go where the plan puts them.
 */
function finalOrder(
  wb: Workbook,
  plan: PatchPlan,
  keptIndex: Map<string, number>,
  added: (name: string) => { name: string; state?: string; relId: string; selected: boolean },
): FinalSheet[] {
  const kept = new Set(keptIndex.values());
  const leading: FinalSheet[] = [];
  const tails = new Map<number, FinalSheet[]>();
  let current = leading;
  wb.entries.forEach((e, i) => {
    if (isWorksheet(wb, e)) {
      if (!kept.has(i)) return;
      current = [];
      tails.set(i, current);
    } else current.push({ original: i });
  });
  const out: FinalSheet[] = [...leading];
  for (const s of plan.sheets) {
    if ("keep" in s) {
      const i = keptIndex.get(s.keep)!;
      out.push({ original: i });
      appendAll(out, tails.get(i) ?? []);
    } else out.push({ added: added(s.lift) });
  }
  return out;
}
