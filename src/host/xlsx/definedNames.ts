// Defined names, read from and written to xl/workbook.xml directly: ExcelJS only models names that
// are plain ranges, and the scorecard needs constants, sheet scope and print titles.
import type { NameModel, SheetModel, WorkbookModel } from "../model/types";
import { quoteSheetName } from "../../core/address";
import { escapeXml } from "./xml";
import { Token, XmlReader } from "./xmlReader";
import { applySplices, topLevel, type Splice } from "./xmlEdit";

export interface RawDefinedName extends NameModel {
  localSheetId?: number;
}

/** The workbook's defined names, read with the one tokenizer (so <x:definedName> reads as <definedName>). */
export function parseDefinedNames(workbookXml: string): RawDefinedName[] {
  const out: RawDefinedName[] = [];
  const r = new XmlReader(workbookXml);
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t !== Token.Open || !r.is("definedName") || r.selfClosing) continue;
    const name = r.attr("name");
    const hidden = r.attr("hidden");
    const comment = r.attr("comment");
    const localSheetId = r.attr("localSheetId");
    let formula = "";
    for (let u = r.next(); u !== Token.Close; u = r.next()) {
      if (u === Token.Text) formula += r.text;
      else r.skip();
    }
    if (!name) continue;
    out.push({ name, formula: `=${formula}`, visible: hidden !== "1" && hidden !== "true", comment, localSheetId: localSheetId !== undefined ? Number(localSheetId) : undefined });
  }
  return out;
}

/** Print titles and print area as the built-in names Excel uses. */
function builtInNames(sheet: SheetModel): NameModel[] {
  const out: NameModel[] = [];
  const q = quoteSheetName(sheet.name);
  if (sheet.pageLayout.printTitleRows) out.push({ name: "_xlnm.Print_Titles", formula: `=${q}!${sheet.pageLayout.printTitleRows}`, visible: true });
  if (sheet.pageLayout.printArea) out.push({ name: "_xlnm.Print_Area", formula: `=${q}!${sheet.pageLayout.printArea}`, visible: true });
  return out;
}

export function nameXml(n: NameModel, localSheetId?: number): string {
  const attrs = [`name="${escapeXml(n.name)}"`];
  if (n.comment) attrs.push(`comment="${escapeXml(n.comment)}"`);
  if (localSheetId !== undefined) attrs.push(`localSheetId="${localSheetId}"`);
  if (!n.visible) attrs.push(`hidden="1"`);
  return `<definedName ${attrs.join(" ")}>${escapeXml(n.formula.replace(/^=/, ""))}</definedName>`;
}

/** The names scoped to a sheet as they are written: print setup, then the sheet's own names. */
export function sheetScopedNames(sheet: SheetModel): NameModel[] {
  // Print setup made through the API wins over the built-in names the file came with.
  const built = builtInNames(sheet);
  const overridden = new Set(built.map((n) => n.name.toLowerCase()));
  return [...built, ...sheet.names.filter((n) => !overridden.has(n.name.toLowerCase()))];
}

/** Replace whatever <definedNames> ExcelJS wrote with the model's names (after <sheets>, as the schema orders them). */
export function writeDefinedNames(workbookXml: string, model: WorkbookModel): string {
  const items: string[] = model.names.map((n) => nameXml(n));
  model.sheets.forEach((s, i) => {
    for (const n of sheetScopedNames(s)) items.push(nameXml(n, i));
  });
  const { children } = topLevel(workbookXml);
  const splices: Splice[] = children.filter((c) => c.local === "definedNames").map((c) => ({ start: c.start, end: c.end, text: "" }));
  const sheets = children.find((c) => c.local === "sheets");
  if (items.length && sheets) splices.push({ start: sheets.end, end: sheets.end, text: `<definedNames>${items.join("")}</definedNames>` });
  return applySplices(workbookXml, splices);
}
