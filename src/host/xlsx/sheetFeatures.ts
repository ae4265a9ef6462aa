// Everything of a worksheet part but its cells: columns, merges, links, conditional formats, views,
// page setup, validation, filter, protection; and the parts the sheet refers to (tables, notes).
// Ranges stay rectangles; where something must be kept per cell (links, validation), a range larger
// than EXPAND_LIMIT is clipped to the cells the sheet holds before anything is expanded.
import type { CellRect } from "../../core/snapshot";
import { cellAddress } from "../../core/address";
import { parseAddress } from "../api/addresses";
import { forEachCell, MAX_COLS } from "../model/sheet";
import { charsToPoints } from "../model/units";
import { colorToHex } from "../model/styles";
import type { CellModel, ConditionalFormatModel, HyperlinkModel, SheetModel, TableModel, Visibility } from "../model/types";
import { child, children, descendants, type XmlElement } from "./chartXmlText";
import { resolveTarget, type Relationship } from "./chartPackage";
import { relationshipsOf } from "./workbookParts";
import type { StyleSheet } from "./styles";
import type { ZipPackage } from "./zipPackage";
import { parsePartXml } from "./partXml";

/** Ranges up to this many cells are applied cell by cell; larger ones only to the cells in use. */
const EXPAND_LIMIT = 10_000;
/** All the per-cell validation entries one sheet may produce (ExcelJS's shape is one entry per cell). */
const VALIDATION_BUDGET = 200_000;

export const STATES: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

function rectOf(ref: string | undefined | null): CellRect | null {
  return ref ? parseAddress(ref)?.rect ?? null : null;
}

function rectsOf(sqref: string | undefined | null): CellRect[] {
  return (sqref ?? "").split(/\s+/).map(rectOf).filter((r): r is CellRect => !!r);
}

function truthy(v: string | undefined | null): boolean {
  return v === "1" || v === "true";
}

function num(v: string | undefined | null): number | undefined {
  if (v === undefined || v === null || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** The positions of a range to act on: every cell of a small one, the cells in use of a large one. */
function positionsIn(sheet: SheetModel, rect: CellRect, limit = EXPAND_LIMIT): [number, number][] {
  const out: [number, number][] = [];
  if (rect.rowCount * rect.colCount <= limit) {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.col; c < rect.col + rect.colCount; c++) out.push([r, c]);
  } else {
    forEachCell(sheet, (_cell, r, c) => void out.push([r, c]), rect);
  }
  return out;
}

function updateCell(sheet: SheetModel, row: number, col: number, change: (cell: CellModel) => CellModel): void {
  const line = (sheet.rows[row] ??= []);
  line[col] = change(line[col] ?? { value: null });
}

const VALUE_OPS: Record<string, string> = {
  between: "Between", notBetween: "NotBetween", equal: "EqualTo", notEqual: "NotEqualTo", greaterThan: "GreaterThan",
  lessThan: "LessThan", greaterThanOrEqual: "GreaterThanOrEqual", lessThanOrEqual: "LessThanOrEqual",
};

function conditionalFormats(root: XmlElement, styles: StyleSheet): ConditionalFormatModel[] {
  const out: ConditionalFormatModel[] = [];
  for (const block of children(root, "conditionalFormatting")) {
    const ranges = rectsOf(block.attrs.sqref);
    if (!ranges.length) continue;
    for (const rule of children(block, "cfRule")) {
      const a = rule.attrs;
      const formulae = children(rule, "formula").map((f) => f.text);
      const dxf = num(a.dxfId);
      const base = { ranges, style: dxf !== undefined ? styles.differential(dxf) : {}, priority: num(a.priority) ?? out.length + 1, stopIfTrue: truthy(a.stopIfTrue) };
      if (a.type === "containsText") {
        const text = a.text ?? /SEARCH\("((?:[^"]|"")*)"/.exec(formulae[0] ?? "")?.[1]?.replace(/""/g, "\"") ?? "";
        if ((a.operator ?? "containsText") === "containsText") out.push({ ...base, rule: { type: "ContainsText", operator: "Contains", text } });
      } else if (a.type === "expression" && formulae[0]) {
        out.push({ ...base, rule: { type: "Custom", formula: formulae[0] } });
      } else if (a.type === "cellIs" && VALUE_OPS[a.operator ?? ""]) {
        out.push({
          ...base,
          rule: { type: "CellValue", operator: VALUE_OPS[a.operator ?? ""], formula1: `=${formulae[0] ?? "0"}`, formula2: formulae[1] !== undefined ? `=${formulae[1]}` : undefined },
        });
      }
    }
  }
  return out;
}

const MS_PER_DAY = 86400000;

/** Data validation in ExcelJS's shape (one entry per cell address), which the save path writes back. */
function dataValidations(sheet: SheetModel, root: XmlElement): Record<string, unknown> | undefined {
  const model: Record<string, unknown> = {};
  let budget = VALIDATION_BUDGET;
  for (const el of children(child(root, "dataValidations"), "dataValidation")) {
    const a = el.attrs;
    const dv: Record<string, unknown> = { type: a.type || "any", formulae: [] };
    if (a.type !== undefined && a.allowBlank !== undefined) dv.allowBlank = truthy(a.allowBlank);
    if (a.showInputMessage !== undefined) dv.showInputMessage = truthy(a.showInputMessage);
    if (a.showErrorMessage !== undefined) dv.showErrorMessage = truthy(a.showErrorMessage);
    if (!["any", "list", "custom"].includes(dv.type as string)) dv.operator = a.operator ?? "between";
    for (const k of ["promptTitle", "prompt", "errorStyle", "errorTitle", "error"]) if (a[k] !== undefined) dv[k] = a[k];
    const formulae = ["formula1", "formula2"].map((n) => child(el, n)).filter((f): f is XmlElement => !!f).map((f) => {
      const text = f.text;
      if (dv.type === "whole" || dv.type === "textLength") return parseInt(text, 10);
      if (dv.type === "decimal") return parseFloat(text);
      if (dv.type === "date") return new Date(Math.round((parseFloat(text) - 25569) * MS_PER_DAY));
      return text;
    });
    if (formulae.length) dv.formulae = formulae;
    else {
      delete dv.formulae;
      delete dv.operator;
    }
    for (const rect of rectsOf(a.sqref)) {
      for (const [r, c] of positionsIn(sheet, rect, Math.min(EXPAND_LIMIT, budget))) {
        if (budget-- <= 0) break;
        model[cellAddress(r, c)] = dv;
      }
    }
  }
  return Object.keys(model).length ? model : undefined;
}

function hyperlinks(sheet: SheetModel, root: XmlElement, rels: Relationship[]): void {
  for (const el of children(child(root, "hyperlinks"), "hyperlink")) {
    const a = el.attrs;
    const rect = rectOf(a.ref);
    if (!rect) continue;
    const relId = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const rel = relId ? rels.find((r) => r.id === relId) : undefined;
    const external = rel ? rel.target + (a.location ? `#${a.location}` : "") : undefined;
    if (!external && !a.location) continue;
    for (const [r, c] of positionsIn(sheet, rect)) {
      updateCell(sheet, r, c, (cell) => {
        const shown = typeof cell.value === "string" ? cell.value : cell.value === null ? undefined : String(cell.value);
        const link: HyperlinkModel = external
          ? { address: external, screenTip: a.tooltip, textToDisplay: shown ?? "" }
          : { documentReference: a.location, screenTip: a.tooltip, textToDisplay: a.display ?? shown };
        return { ...cell, hyperlink: link };
      });
    }
  }
}

function columns(sheet: SheetModel, root: XmlElement): void {
  for (const col of children(child(root, "cols"), "col")) {
    const min = Math.max(1, Math.trunc(num(col.attrs.min) ?? 1));
    const max = Math.min(MAX_COLS, Math.trunc(num(col.attrs.max) ?? min));
    const width = num(col.attrs.width);
    const hidden = truthy(col.attrs.hidden);
    if (width === undefined && !hidden) continue;
    for (let c = min - 1; c < max; c++) {
      if (width !== undefined) sheet.columnWidths.set(c, charsToPoints(width));
      if (hidden) sheet.hiddenColumns.add(c);
    }
  }
  const format = child(root, "sheetFormatPr");
  const defaultWidth = num(format?.attrs.defaultColWidth);
  if (defaultWidth !== undefined) sheet.defaultColumnWidth = charsToPoints(defaultWidth);
  const defaultHeight = num(format?.attrs.defaultRowHeight);
  if (defaultHeight !== undefined) sheet.defaultRowHeight = defaultHeight;
}

function colorOf(el: XmlElement | null): string | undefined {
  if (!el) return undefined;
  const theme = num(el.attrs.theme);
  return colorToHex({ argb: el.attrs.rgb, theme, tint: num(el.attrs.tint) });
}

function layout(sheet: SheetModel, root: XmlElement): void {
  const sheetPr = child(root, "sheetPr");
  const tab = colorOf(child(sheetPr, "tabColor"));
  if (tab) sheet.tabColor = tab;
  const view = child(child(root, "sheetViews"), "sheetView");
  if (view) {
    const pane = child(view, "pane");
    const state = pane?.attrs.state;
    const xSplit = num(pane?.attrs.xSplit) ?? 0, ySplit = num(pane?.attrs.ySplit) ?? 0;
    if ((state === "frozen" || state === "frozenSplit") && (xSplit || ySplit)) sheet.freeze = { rows: ySplit, cols: xSplit };
    if (view.attrs.showGridLines === "0" || view.attrs.showGridLines === "false") sheet.showGridlines = false;
  }
  sheet.protected = isProtected(root);
  const ps = child(root, "pageSetup")?.attrs ?? {};
  const fit = truthy(child(sheetPr, "pageSetUpPr")?.attrs.fitToPage);
  const paper = num(ps.paperSize);
  const m = child(root, "pageMargins")?.attrs;
  const print = child(root, "printOptions")?.attrs ?? {};
  sheet.pageLayout = {
    orientation: ps.orientation === "landscape" ? "Landscape" : "Portrait",
    paperSize: paper !== undefined && paper > 0 ? paper : undefined,
    fitToWidth: fit ? num(ps.fitToWidth) ?? 1 : undefined,
    fitToHeight: fit ? num(ps.fitToHeight) ?? 1 : undefined,
    zoomScale: fit ? undefined : num(ps.scale) ?? 100,
    centerHorizontally: truthy(print.horizontalCentered) || undefined,
    centerVertically: truthy(print.verticalCentered) || undefined,
    margins: m
      ? { left: num(m.left), right: num(m.right), top: num(m.top), bottom: num(m.bottom), header: num(m.header), footer: num(m.footer) }
      : { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const hf = child(root, "headerFooter");
  const center = (x?: string) => /&C((?:(?!&[LR]).)*)/.exec(x ?? "")?.[1];
  const header = center(child(hf, "oddHeader")?.text), footer = center(child(hf, "oddFooter")?.text);
  if (header) sheet.pageLayout.centerHeader = header;
  if (footer) sheet.pageLayout.centerFooter = footer;
}

/** The sheet's merged areas (one-cell "merges" left out), as its <mergeCells> lists them. */
export function mergesOf(root: XmlElement): CellRect[] {
  const out: CellRect[] = [];
  for (const el of children(child(root, "mergeCells"), "mergeCell")) {
    const rect = rectOf(el.attrs.ref);
    if (rect && rect.rowCount * rect.colCount > 1) out.push(rect);
  }
  return out;
}

/** Whether the sheet is protected (<sheetProtection sheet="1">). */
export function isProtected(root: XmlElement): boolean {
  return truthy(child(root, "sheetProtection")?.attrs.sheet);
}

/** The Excel tables the sheet's relationships name (a table part that is missing is passed over). */
export function tablesOf(pkg: ZipPackage, part: string, rels: Relationship[] = relationshipsOf(pkg, part)): TableModel[] {
  const out: TableModel[] = [];
  for (const rel of rels) {
    if (rel.external || !rel.type.endsWith("/table")) continue;
    const target = resolveTarget(part, rel.target);
    const t = pkg.has(target) ? readTable(pkg, target) : null;
    if (t) out.push(t);
  }
  return out;
}

function readTable(pkg: ZipPackage, part: string): TableModel | null {
  const root = parsePartXml(pkg.textOf(part), part);
  const rect = rectOf(root.attrs.ref);
  const name = root.attrs.name ?? root.attrs.displayName;
  if (!rect || !name) return null;
  return {
    name,
    rect,
    showHeaders: root.attrs.headerRowCount !== "0",
    showTotals: (num(root.attrs.totalsRowCount) ?? 0) > 0,
    styleName: child(root, "tableStyleInfo")?.attrs.name,
    columns: children(child(root, "tableColumns"), "tableColumn").map((c) => c.attrs.name ?? ""),
  };
}

function readNotes(pkg: ZipPackage, sheet: SheetModel, part: string): void {
  const root = parsePartXml(pkg.textOf(part), part);
  for (const comment of descendants(root, "comment")) {
    const at = rectOf(comment.attrs.ref);
    if (!at) continue;
    const text = descendants(comment, "t").map((t) => t.text).join("");
    if (text) updateCell(sheet, at.row, at.col, (cell) => ({ ...cell, note: text }));
  }
}

/** Read the features of a worksheet part (root: the part without its cells) into its model; the cells are already there. */
export function readSheetFeatures(pkg: ZipPackage, sheet: SheetModel, part: string, root: XmlElement, styles: StyleSheet): void {
  const rels = relationshipsOf(pkg, part);
  columns(sheet, root);
  for (const m of mergesOf(root)) sheet.merges.push(m);
  // Only the top-left cell of a merged area holds a value; Excel ignores (and drops) the others'.
  for (const m of sheet.merges) {
    for (const [r, c] of positionsIn(sheet, m)) {
      const cell = sheet.rows[r]?.[c];
      if (!cell || (r === m.row && c === m.col) || (cell.value === null && cell.formula === undefined)) continue;
      const { formula: _dropped, ...kept } = cell;
      sheet.rows[r][c] = { ...kept, value: null };
    }
  }
  hyperlinks(sheet, root, rels);
  sheet.conditionalFormats = conditionalFormats(root, styles);
  layout(sheet, root);
  const dv = dataValidations(sheet, root);
  if (dv) sheet.passthrough.dataValidations = dv;
  const filter = child(root, "autoFilter")?.attrs.ref;
  if (filter) sheet.passthrough.autoFilter = filter;
  for (const t of tablesOf(pkg, part, rels)) sheet.tables.push(t);
  for (const rel of rels) {
    if (rel.external || !rel.type.endsWith("/comments")) continue;
    const target = resolveTarget(part, rel.target);
    if (pkg.has(target)) readNotes(pkg, sheet, target);
  }
}
