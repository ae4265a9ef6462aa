// Defined names, read from and written to xl/workbook.xml directly: ExcelJS only models names that
// are plain ranges, and the scorecard needs constants, sheet scope and print titles.
import type { NameModel, SheetModel, WorkbookModel } from "../model/types";
import { quoteSheetName } from "../../core/address";
import { attributes, escapeXml, unescapeXml } from "./xml";

export interface RawDefinedName extends NameModel {
  localSheetId?: number;
}

export function parseDefinedNames(workbookXml: string): RawDefinedName[] {
  const out: RawDefinedName[] = [];
  const re = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(workbookXml))) {
    const a = attributes(`<x ${m[1]}>`);
    if (!a.name) continue;
    out.push({
      name: a.name,
      formula: `=${unescapeXml(m[2])}`,
      visible: a.hidden !== "1" && a.hidden !== "true",
      comment: a.comment,
      localSheetId: a.localSheetId !== undefined ? Number(a.localSheetId) : undefined,
    });
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
  const stripped = workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\s*\/>/, "");
  if (!items.length) return stripped;
  const block = `<definedNames>${items.join("")}</definedNames>`;
  return stripped.replace("</sheets>", () => `</sheets>${block}`);
}
