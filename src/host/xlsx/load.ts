// .xlsx -> WorkbookModel, through ExcelJS for cells and sheet features, and JSZip for the parts
// ExcelJS does not keep (defined names in full, web extension settings).
import ExcelJS from "exceljs";
import type { CellRect } from "../../core/snapshot";
import { parseCellAddress } from "../../core/address";
import { parseAddress } from "../api/addresses";
import { findSheet, newSheetModel } from "../model/sheet";
import type { CellModel, CellValue, ConditionalFormatModel, ConditionalFormatStyle, SheetModel, TableModel, Visibility, WorkbookModel } from "../model/types";
import { charsToPoints } from "../model/units";
import { colorToHex } from "../model/styles";
import { openPackage } from "./detect";
import { WorkbookOpenError } from "../contract";
import { parseDefinedNames } from "./definedNames";
import { readWebExtensions, type LoadedWebExtensions } from "./webExtension";
import { attributes } from "./xml";
import { readSheetDrawing } from "./drawingsPassthrough";
import type JSZip from "jszip";

const MS_PER_DAY = 86400000;
const EPOCH_1900 = 25569; // serial of 1970-01-01

export interface LoadedWorkbook {
  model: WorkbookModel;
  webExtensions: LoadedWebExtensions;
}

export function emptyModel(): WorkbookModel {
  return { sheets: [], names: [], settings: new Map(), extraParts: new Map(), date1904: false, nextId: 1 };
}

function dateToSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / MS_PER_DAY + EPOCH_1900;
  return date1904 ? serial - 1462 : serial;
}

function scalar(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if ("text" in o) return scalar(o.text, date1904);
  }
  return String(v);
}

function rectOf(ref: string): CellRect | null {
  return parseAddress(ref)?.rect ?? null;
}

function cellModel(cell: ExcelJS.Cell, date1904: boolean): CellModel | undefined {
  const t = cell.type;
  const style = cell.style && Object.keys(cell.style).length ? (JSON.parse(JSON.stringify(cell.style)) as CellModel["style"]) : undefined;
  let model: CellModel;
  if (t === ExcelJS.ValueType.Merge) {
    model = { value: null }; // only the top-left cell of a merge holds the value
  } else if (t === ExcelJS.ValueType.Formula) {
    model = { value: scalar(cell.result, date1904), formula: cell.formula };
  } else if (t === ExcelJS.ValueType.Hyperlink) {
    const v = cell.value as ExcelJS.CellHyperlinkValue;
    model = { value: scalar(v.text, date1904) };
    const link = v.hyperlink ?? "";
    model.hyperlink = link.startsWith("#")
      ? { documentReference: link.slice(1), screenTip: v.tooltip, textToDisplay: String(model.value ?? "") }
      : { address: link, screenTip: v.tooltip, textToDisplay: String(model.value ?? "") };
  } else {
    model = { value: scalar(cell.value, date1904) };
  }
  if (style) model.style = style;
  const note = noteText(cell.note);
  if (note) model.note = note;
  if (model.value === null && !model.formula && !model.style && !model.hyperlink && !model.note) return undefined;
  return model;
}

function noteText(note: unknown): string | undefined {
  if (typeof note === "string") return note || undefined;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return texts ? texts.map((t) => t.text ?? "").join("") || undefined : undefined;
}

function cfStyle(style: Partial<ExcelJS.Style> | undefined): ConditionalFormatStyle {
  const fill = style?.fill as ExcelJS.FillPattern | undefined;
  return {
    fillColor: colorToHex((fill?.bgColor ?? fill?.fgColor) as never),
    fontColor: colorToHex(style?.font?.color as never),
    bold: style?.font?.bold || undefined,
    italic: style?.font?.italic || undefined,
  };
}

const VALUE_OPS: Record<string, string> = {
  between: "Between", notBetween: "NotBetween", equal: "EqualTo", notEqual: "NotEqualTo", greaterThan: "GreaterThan",
  lessThan: "LessThan", greaterThanOrEqual: "GreaterThanOrEqual", lessThanOrEqual: "LessThanOrEqual",
};

/** ExcelJS conditional formattings -> model rules; kinds the host does not model are left out. */
function conditionalFormats(ws: ExcelJS.Worksheet): ConditionalFormatModel[] {
  const out: ConditionalFormatModel[] = [];
  for (const cf of ((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []) as ExcelJS.ConditionalFormattingOptions[]) {
    const ranges = String(cf.ref).split(/\s+/).map(rectOf).filter((r): r is CellRect => !!r);
    for (const rule of cf.rules as unknown as Record<string, unknown>[]) {
      const formulae = (rule.formulae as string[] | undefined) ?? [];
      const base = { ranges, style: cfStyle(rule.style as Partial<ExcelJS.Style>), priority: Number(rule.priority ?? out.length + 1), stopIfTrue: !!rule.stopIfTrue };
      if (rule.type === "containsText") {
        const text = typeof rule.text === "string" ? rule.text : /SEARCH\("((?:[^"]|"")*)"/.exec(formulae[0] ?? "")?.[1]?.replace(/""/g, "\"") ?? "";
        if (rule.operator === "containsText") out.push({ ...base, rule: { type: "ContainsText", operator: "Contains", text } });
      } else if (rule.type === "expression" && formulae[0]) {
        out.push({ ...base, rule: { type: "Custom", formula: formulae[0] } });
      } else if (rule.type === "cellIs" && VALUE_OPS[String(rule.operator)]) {
        out.push({ ...base, rule: { type: "CellValue", operator: VALUE_OPS[String(rule.operator)], formula1: `=${formulae[0] ?? "0"}`, formula2: formulae[1] !== undefined ? `=${formulae[1]}` : undefined } });
      }
    }
  }
  return out;
}

function tables(ws: ExcelJS.Worksheet): TableModel[] {
  const out: TableModel[] = [];
  for (const t of Object.values((ws as unknown as { tables: Record<string, { model?: Record<string, unknown> }> }).tables ?? {})) {
    const m = t.model ?? (t as Record<string, unknown>);
    const ref = String(m.tableRef ?? m.ref ?? "");
    const rect = rectOf(ref);
    if (!rect) continue;
    const style = m.style as { theme?: string } | undefined;
    out.push({
      name: String(m.name ?? m.displayName),
      rect,
      showHeaders: m.headerRow !== false,
      showTotals: !!m.totalsRow,
      styleName: style?.theme,
      columns: ((m.columns as { name: string }[] | undefined) ?? []).map((c) => String(c.name)),
    });
  }
  return out;
}

const STATES: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
const PAPER_OK = (n: unknown) => (typeof n === "number" && n > 0 ? n : undefined);

function sheetModel(model: WorkbookModel, ws: ExcelJS.Worksheet): SheetModel {
  const s = newSheetModel(model, ws.name);
  s.visibility = STATES[ws.state] ?? "Visible";
  s.protected = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height !== undefined && (row as unknown as { customHeight?: boolean }).customHeight !== false && row.height) s.rowHeights.set(rowNumber - 1, row.height);
    if (row.hidden) s.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = cellModel(cell, model.date1904);
      if (!c) return;
      (s.rows[rowNumber - 1] ??= [])[colNumber - 1] = c;
    });
  });
  const cols = (ws as unknown as { _columns?: ExcelJS.Column[] })._columns ?? [];
  cols.forEach((col, i) => {
    if (!col) return;
    if (col.width !== undefined) s.columnWidths.set(i, charsToPoints(col.width));
    if (col.hidden) s.hiddenColumns.add(i);
  });
  const fmt = ws.properties?.defaultColWidth;
  if (typeof fmt === "number") s.defaultColumnWidth = charsToPoints(fmt);
  if (typeof ws.properties?.defaultRowHeight === "number") s.defaultRowHeight = ws.properties.defaultRowHeight;
  for (const ref of Object.values((ws as unknown as { _merges?: Record<string, { range: string } | { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {})) {
    const m = (ref as { model?: { top: number; left: number; bottom: number; right: number } }).model;
    if (m) s.merges.push({ row: m.top - 1, col: m.left - 1, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 });
  }
  s.conditionalFormats = conditionalFormats(ws);
  s.tables = tables(ws);
  const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen & ExcelJS.WorksheetViewCommon> | undefined;
  if (view) {
    if (view.state === "frozen" && (view.xSplit || view.ySplit)) s.freeze = { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 };
    if (view.showGridLines === false) s.showGridlines = false;
  }
  const tab = ws.properties?.tabColor as { argb?: string } | undefined;
  if (tab) s.tabColor = colorToHex(tab);
  const ps = ws.pageSetup ?? {};
  s.pageLayout = {
    orientation: ps.orientation === "landscape" ? "Landscape" : ps.orientation === "portrait" ? "Portrait" : undefined,
    paperSize: PAPER_OK(ps.paperSize),
    fitToWidth: ps.fitToPage ? ps.fitToWidth ?? 1 : undefined,
    fitToHeight: ps.fitToPage ? ps.fitToHeight ?? 1 : undefined,
    zoomScale: ps.fitToPage ? undefined : ps.scale,
    centerHorizontally: ps.horizontalCentered || undefined,
    centerVertically: ps.verticalCentered || undefined,
    margins: ps.margins ? { ...ps.margins } : undefined,
  };
  const hf = ws.headerFooter as { oddHeader?: string; oddFooter?: string } | undefined;
  const center = (x?: string) => /&C((?:(?!&[LR]).)*)/.exec(x ?? "")?.[1];
  if (hf?.oddHeader) s.pageLayout.centerHeader = center(hf.oddHeader);
  if (hf?.oddFooter) s.pageLayout.centerFooter = center(hf.oddFooter);
  const dv = (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations?.model;
  if (dv && Object.keys(dv).length) s.passthrough.dataValidations = dv;
  if (ws.autoFilter) s.passthrough.autoFilter = ws.autoFilter;
  return s;
}

/** Every sheet workbook.xml lists (chart sheets too, which ExcelJS leaves out), in order, with its part. */
interface SheetEntry {
  name: string;
  part: string;
}

async function workbookSheets(zip: JSZip, workbookXml: string): Promise<SheetEntry[]> {
  const relsXml = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  return [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { name: a.name ?? "", part: targets.get(a["r:id"] ?? "") ?? "" };
  });
}

/**
 * Names from workbook.xml: workbook-scoped to the workbook, sheet-scoped to their sheet (localSheetId
 * counts every sheet workbook.xml lists); print titles and print area to page setup.
 */
function attachNames(model: WorkbookModel, workbookXml: string, entries: SheetEntry[]): void {
  for (const n of parseDefinedNames(workbookXml)) {
    const { localSheetId, ...name } = n;
    const entry = localSheetId !== undefined ? entries[localSheetId] : undefined;
    const sheet = entry ? findSheet(model, entry.name) : undefined;
    if (localSheetId !== undefined && !sheet) continue;
    if (sheet && name.name === "_xlnm.Print_Titles") {
      const m = /!(\$?\d+:\$?\d+)$/.exec(name.formula);
      if (m && !name.formula.includes(",")) {
        sheet.pageLayout.printTitleRows = m[1];
        continue;
      }
    }
    if (sheet && name.name === "_xlnm.Print_Area") {
      const m = /!([^!,]+)$/.exec(name.formula);
      if (m && !name.formula.includes(",")) {
        sheet.pageLayout.printArea = m[1];
        continue;
      }
    }
    (sheet ? sheet.names : model.names).push(name);
  }
}

/** Links to places in the workbook (a location and no relationship), which ExcelJS does not read. */
async function attachInternalLinks(zip: JSZip, sheet: SheetModel, part: string): Promise<void> {
  const xml = await zip.file(part)?.async("string");
  if (!xml || !xml.includes("<hyperlink")) return;
  for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.location || !a.ref) continue;
    const rect = rectOf(a.ref);
    if (!rect) continue;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.col; c < rect.col + rect.colCount; c++) {
        const row = (sheet.rows[r] ??= []);
        const cell = row[c] ?? { value: null };
        if (cell.hyperlink?.address) continue; // an external link with a location (#fragment) stays external
        row[c] = { ...cell, hyperlink: { documentReference: a.location, screenTip: a.tooltip, textToDisplay: a.display ?? (typeof cell.value === "string" ? cell.value : undefined) } };
      }
    }
  }
}

export async function loadXlsx(bytes: Uint8Array, label?: string): Promise<LoadedWorkbook> {
  const zip = await openPackage(bytes, label);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new WorkbookOpenError(`${label ?? "The file"} could not be read as an Excel workbook (${why}). Open it in Excel and save it again, then try again.`, "corrupt");
  }
  const model = emptyModel();
  model.date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  for (const ws of wb.worksheets) model.sheets.push(sheetModel(model, ws));
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const entries = await workbookSheets(zip, workbookXml);
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  const active = entries[activeTab] ? findSheet(model, entries[activeTab].name) : undefined;
  model.activeSheetId = active?.id ?? model.sheets.find((s) => s.visibility === "Visible")?.id ?? model.sheets[0]?.id;
  attachNames(model, workbookXml, entries);
  const typesXml = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const sheet of model.sheets) {
    const part = entries.find((e) => e.name === sheet.name)?.part;
    if (!part) continue;
    await attachInternalLinks(zip, sheet, part);
    const drawing = await readSheetDrawing(zip, part, typesXml);
    if (drawing) sheet.passthrough.drawing = drawing;
  }
  const webExtensions = await readWebExtensions(zip);
  model.settings = webExtensions.settings;
  return { model, webExtensions };
}

export { parseCellAddress };
