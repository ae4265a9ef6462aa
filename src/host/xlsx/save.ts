// WorkbookModel -> .xlsx: ExcelJS writes cells, styles and sheet features; the host then patches the
// package for what ExcelJS cannot write (all defined names, internal hyperlinks, the text of
// "contains text" rules, add-in settings) and adds the charts.
import ExcelJS from "exceljs";
import { columnLetters } from "../../core/address";
import { rectA1 } from "../api/addresses";
import type { CellModel, ConditionalFormatModel, SheetModel, TableModel, WorkbookModel } from "../model/types";
import { getCell } from "../model/sheet";
import { textOf } from "../model/values";
import { pointsToChars } from "../model/units";
import { addCharts } from "./chartsAdapter";
import { writeDefinedNames } from "./definedNames";
import { writeWebExtensions, type LoadedWebExtensions } from "./webExtension";
import { escapeXml } from "./xml";
import { writeSheetDrawing, type PassthroughDrawing } from "./drawingsPassthrough";
import { findSheet as findSheetPart, worksheetParts } from "./chartPackage";
import { EditedPackage } from "./editedPackage";
import { applySplices, rewriteStartTags, setAttribute, topLevel } from "./xmlEdit";
import { Token, XmlReader } from "./xmlReader";
import { childrenAfter } from "./worksheetOrder";

const STATES = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;
const VALUE_OPS: Record<string, string> = {
  Between: "between", NotBetween: "notBetween", EqualTo: "equal", NotEqualTo: "notEqual", GreaterThan: "greaterThan",
  LessThan: "lessThan", GreaterThanOrEqual: "greaterThanOrEqual", LessThanOrEqual: "lessThanOrEqual",
};

function cellValue(cell: CellModel): ExcelJS.CellValue {
  const v = cell.value;
  const plain = v === null ? null : typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
  if (cell.formula !== undefined) {
    return plain === null ? ({ formula: cell.formula } as ExcelJS.CellFormulaValue) : ({ formula: cell.formula, result: plain } as ExcelJS.CellFormulaValue);
  }
  const h = cell.hyperlink;
  if (h?.address) return { text: String(v ?? h.textToDisplay ?? h.address), hyperlink: h.address, tooltip: h.screenTip } as ExcelJS.CellHyperlinkValue;
  return plain as ExcelJS.CellValue;
}

function topLeftOf(cf: ConditionalFormatModel): string {
  const r = cf.ranges[0];
  return `${columnLetters(r.col)}${r.row + 1}`;
}

function quoteText(s: string): string {
  return s.replace(/"/g, "\"\"");
}

function dxf(cf: ConditionalFormatModel): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fillColor) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.style.fillColor.slice(1)}` } } as ExcelJS.Fill;
  const font: Partial<ExcelJS.Font> = {};
  if (cf.style.fontColor) font.color = { argb: `FF${cf.style.fontColor.slice(1)}` } as ExcelJS.Color;
  if (cf.style.bold) font.bold = true;
  if (cf.style.italic) font.italic = true;
  if (Object.keys(font).length) style.font = font;
  return style;
}

function cfRule(cf: ConditionalFormatModel): ExcelJS.ConditionalFormattingRule {
  const base = { priority: cf.priority + 1, style: dxf(cf), stopIfTrue: cf.stopIfTrue || undefined };
  const tl = topLeftOf(cf);
  const rule = cf.rule;
  if (rule.type === "ContainsText") {
    const t = quoteText(rule.text);
    if (rule.operator === "Contains") {
      return { ...base, type: "containsText", operator: "containsText", text: rule.text, formulae: [`NOT(ISERROR(SEARCH("${t}",${tl})))`] } as unknown as ExcelJS.ConditionalFormattingRule;
    }
    const formula = rule.operator === "NotContains" ? `ISERROR(SEARCH("${t}",${tl}))`
      : rule.operator === "BeginsWith" ? `LEFT(${tl},LEN("${t}"))="${t}"` : `RIGHT(${tl},LEN("${t}"))="${t}"`;
    return { ...base, type: "expression", formulae: [formula] } as ExcelJS.ConditionalFormattingRule;
  }
  if (rule.type === "Custom") return { ...base, type: "expression", formulae: [rule.formula] } as ExcelJS.ConditionalFormattingRule;
  const formulae = [rule.formula1, rule.formula2].filter((f): f is string => f !== undefined).map((f) => f.replace(/^=/, ""));
  return { ...base, type: "cellIs", operator: VALUE_OPS[rule.operator] ?? "equal", formulae } as unknown as ExcelJS.ConditionalFormattingRule;
}

/**
 * A table's column names must match its header cells' text, be unique and not empty, or Excel
 * "repairs" the file; headers may have been edited through the API since the file was read.
 */
function tableColumnNames(s: SheetModel, t: TableModel): string[] {
  const seen = new Set<string>();
  return Array.from({ length: t.rect.colCount }, (_, i) => {
    const header = t.showHeaders ? textOf(getCell(s, t.rect.row, t.rect.col + i)) : "";
    const base = header.trim() || t.columns[i] || `Column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

async function writeSheet(wb: ExcelJS.Workbook, s: SheetModel): Promise<void> {
  const pl = s.pageLayout;
  const fit = pl.fitToWidth !== undefined || pl.fitToHeight !== undefined;
  const ws = wb.addWorksheet(s.name, {
    state: STATES[s.visibility],
    properties: { tabColor: s.tabColor ? { argb: `FF${s.tabColor.slice(1)}` } : undefined } as ExcelJS.WorksheetProperties,
    views: [
      s.freeze
        ? { state: "frozen", xSplit: s.freeze.cols, ySplit: s.freeze.rows, topLeftCell: `${columnLetters(s.freeze.cols)}${s.freeze.rows + 1}`, showGridLines: s.showGridlines }
        : { state: "normal", showGridLines: s.showGridlines },
    ] as ExcelJS.WorksheetView[],
    pageSetup: {
      orientation: pl.orientation === "Landscape" ? "landscape" : "portrait",
      paperSize: pl.paperSize as ExcelJS.PageSetup["paperSize"],
      fitToPage: fit,
      fitToWidth: fit ? pl.fitToWidth ?? 1 : undefined,
      fitToHeight: fit ? pl.fitToHeight ?? 1 : undefined,
      scale: fit ? undefined : pl.zoomScale ?? 100,
      horizontalCentered: pl.centerHorizontally,
      verticalCentered: pl.centerVertically,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3, ...(pl.margins ?? {}) },
    } as Partial<ExcelJS.PageSetup>,
  });
  if (pl.centerHeader || pl.centerFooter) {
    ws.headerFooter = { oddHeader: pl.centerHeader ? `&C${pl.centerHeader}` : undefined, oddFooter: pl.centerFooter ? `&C${pl.centerFooter}` : undefined } as ExcelJS.HeaderFooter;
  }
  // A break above 0-based row r is Excel's <brk id=r>: after 1-based row r.
  for (const r of pl.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  for (const [c, pts] of s.columnWidths) ws.getColumn(c + 1).width = pointsToChars(pts);
  for (const c of s.hiddenColumns) ws.getColumn(c + 1).hidden = true;
  // Tables first: ExcelJS writes their header and body into the cells, which the model's cells then overwrite.
  for (const t of s.tables) {
    const dataRows = t.rect.rowCount - (t.showHeaders ? 1 : 0) - (t.showTotals ? 1 : 0);
    ws.addTable({
      name: t.name,
      ref: `${columnLetters(t.rect.col)}${t.rect.row + 1}`,
      headerRow: t.showHeaders,
      totalsRow: t.showTotals,
      style: { theme: (t.styleName ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: tableColumnNames(s, t).map((name) => ({ name, filterButton: true })),
      rows: Array.from({ length: Math.max(dataRows, 1) }, () => Array.from({ length: t.rect.colCount }, () => null)),
    });
  }
  s.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      const xc = ws.getCell(r + 1, c + 1);
      xc.value = cellValue(cell);
      if (cell.style) xc.style = JSON.parse(JSON.stringify(cell.style)) as Partial<ExcelJS.Style>;
      if (cell.note) xc.note = cell.note;
    });
  });
  for (const [r, h] of s.rowHeights) ws.getRow(r + 1).height = h;
  for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
  for (const m of s.merges) {
    try {
      ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowCount, m.col + m.colCount);
    } catch {
      // ExcelJS refuses overlapping merges; Excel would not have produced them.
    }
  }
  // Rules in priority order, one block per rule (ExcelJS renumbers priorities within the sheet).
  for (const cf of [...s.conditionalFormats].sort((a, b) => a.priority - b.priority)) {
    ws.addConditionalFormatting({ ref: cf.ranges.map(rectA1).join(" "), rules: [cfRule(cf)] });
  }
  if (s.passthrough.dataValidations) (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model = s.passthrough.dataValidations;
  if (s.passthrough.autoFilter) ws.autoFilter = s.passthrough.autoFilter as ExcelJS.AutoFilter;
  if (s.protected) await ws.protect("", {});
}

/** Worksheet children that the schema puts after <hyperlinks>: new links go before the first of these present. */
const AFTER_HYPERLINKS = childrenAfter("hyperlinks");

/** Links to places in the workbook, written as Excel does: a location, no relationship. */
function addInternalHyperlinks(sheetXml: string, s: SheetModel): string {
  const links: string[] = [];
  s.rows.forEach((row, r) => row?.forEach((cell, c) => {
    const h = cell?.hyperlink;
    if (!h?.documentReference || h.address) return;
    const attrs = [`ref="${columnLetters(c)}${r + 1}"`, `location="${escapeXml(h.documentReference.replace(/^#/, ""))}"`];
    if (h.screenTip) attrs.push(`tooltip="${escapeXml(h.screenTip)}"`);
    attrs.push(`display="${escapeXml(String(cell?.value ?? h.textToDisplay ?? ""))}"`);
    links.push(`<hyperlink ${attrs.join(" ")}/>`);
  }));
  if (!links.length) return sheetXml;
  const { root, children } = topLevel(sheetXml);
  const existing = children.find((c) => c.local === "hyperlinks");
  if (existing && existing.innerEnd >= 0) return applySplices(sheetXml, [{ start: existing.innerEnd, end: existing.innerEnd, text: links.join("") }]);
  const block = `<hyperlinks>${links.join("")}</hyperlinks>`;
  if (existing) return applySplices(sheetXml, [{ start: existing.start, end: existing.end, text: block }]);
  const at = children.find((c) => AFTER_HYPERLINKS.has(c.local))?.start ?? root.innerEnd;
  return applySplices(sheetXml, [{ start: at, end: at, text: block }]);
}

/** The text a "contains text" rule's formula searches for: SEARCH("text",A1), with "" standing for a quote. */
function searchedText(formula: string): string | null {
  const from = formula.indexOf('SEARCH("');
  if (from < 0) return null;
  let text = "";
  for (let i = from + 8; i < formula.length; i++) {
    if (formula[i] !== '"') text += formula[i];
    else if (formula[i + 1] === '"') text += formula[i++];
    else return text;
  }
  return null;
}

/** ExcelJS leaves out the text of "contains text" rules; Excel's rule editor needs it. Read and set by the tokenizer. */
function addContainsTextAttributes(sheetXml: string): string {
  if (!sheetXml.includes("containsText")) return sheetXml; // no such rule: spare the big sheets a pass
  const texts: (string | null)[] = [];
  const r = new XmlReader(sheetXml);
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t !== Token.Open || !r.is("cfRule") || r.attr("type") !== "containsText") continue;
    let formula: string | null = null;
    for (let u = r.next(); u !== Token.Close; u = r.next()) {
      if (u !== Token.Open) continue;
      if (formula === null && r.is("formula")) {
        formula = "";
        for (let v = r.next(); v !== Token.Close; v = r.next()) {
          if (v === Token.Text) formula += r.text;
          else r.skip();
        }
      } else r.skip();
    }
    texts.push(formula === null ? null : searchedText(formula));
  }
  let rule = 0;
  return rewriteStartTags(sheetXml, (tr, tag) => {
    if (!tr.is("cfRule") || tr.attr("type") !== "containsText") return undefined;
    const text = texts[rule++];
    let out = tag;
    if (tr.attr("operator") === undefined) out = setAttribute(out, "operator", "containsText");
    if (tr.attr("text") === undefined && text !== null && text !== undefined) out = setAttribute(out, "text", text);
    return out;
  });
}

export async function saveXlsx(model: WorkbookModel, webExtensions: Pick<LoadedWebExtensions, "parts" | "settingsPart">): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of model.sheets) await writeSheet(wb, s);
  const active = Math.max(0, model.sheets.findIndex((s) => s.id === model.activeSheetId));
  wb.views = [{ activeTab: active, firstSheet: 0, visibility: "visible" } as ExcelJS.WorkbookView];
  const buffer = await wb.xlsx.writeBuffer();
  const pkg = await EditedPackage.open(new Uint8Array(buffer));
  await pkg.setText("xl/workbook.xml", writeDefinedNames((await pkg.text("xl/workbook.xml"))!, model));
  const parts = await worksheetParts(pkg);
  for (const sheet of model.sheets) {
    const path = findSheetPart(parts, sheet.name)?.part;
    const xml = path ? await pkg.text(path) : null;
    if (!path || xml === null) continue;
    await pkg.setText(path, addContainsTextAttributes(addInternalHyperlinks(xml, sheet)));
    const drawing = sheet.passthrough.drawing as PassthroughDrawing | undefined;
    if (drawing) await writeSheetDrawing(pkg, path, drawing);
  }
  await writeWebExtensions(pkg, model.settings, webExtensions);
  return addCharts(await pkg.generate(), model);
}
