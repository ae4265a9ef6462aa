// Excel.Worksheet and Excel.WorksheetCollection.
import { validSheetName } from "../../core/settings";
import { richApiError } from "../errors";
import { MAX_COLS, MAX_ROWS, findSheet, newSheetModel } from "../model/sheet";
import type { SheetModel, WorkbookModel } from "../model/types";
import { HostClientResult, HostCollection, HostContext, HostObject, type Getter, type Loadable } from "./base";
import { ChartCollection } from "./charts";
import { NamedItemCollection } from "./names";
import { PageLayout } from "./pageLayout";
import { Range, assertWritable } from "./range";
import { TableCollection } from "./tables";
import { parseAddress } from "./addresses";
import { rectAddress } from "../../core/address";
import { breakSheetReferences, renameSheetReferences } from "../model/references";
import { HostEventHandlers, type ChangedArgs } from "./hostEvents";
import { activate, activeSheetOf, sheetRemoved } from "./selection";

/** Where Microsoft lists the APIs that clear the undo stack. */
const UNDO_DOC = "office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md";

const ITEM_EXISTS = "A resource with the same name or identifier already exists.";

/** Excel refuses to add, delete, rename, move, hide or show a sheet of a workbook whose structure is protected. */
function assertStructure(model: WorkbookModel): void {
  if (model.structureProtected) throw richApiError("AccessDenied", "The workbook's structure is protected. To add, move or delete sheets, unprotect it (Review > Protect Workbook).");
}

export class WorksheetProtection extends HostObject<SheetModel> {
  protected scalars(): Record<string, Getter<SheetModel>> {
    return { protected: (s) => s.protected, options: () => ({}) };
  }
  get protected(): boolean { return this.get("protected"); }
  get options(): Record<string, unknown> { return this.get("options"); }
  protect(options?: unknown, password?: string): void {
    this.call("protect", [options, password ? "***" : undefined], (s) => {
      this.ctx.clearsUndo("WorksheetProtection.protect", "all", UNDO_DOC);
      this.ctx.journal.set(s, "protected", true);
    });
  }
  unprotect(password?: string): void {
    this.call("unprotect", [password ? "***" : undefined], (s) => {
      this.ctx.clearsUndo("WorksheetProtection.unprotect", "all", UNDO_DOC);
      this.ctx.journal.set(s, "protected", false);
    });
  }
}

/** worksheet.horizontalPageBreaks (ExcelApi 1.9): manual page breaks above rows. */
export class PageBreakCollection extends HostObject<SheetModel> {
  protected scalars(): Record<string, Getter<SheetModel>> {
    return { count: (s) => (s.pageLayout.rowBreaks ?? []).length };
  }
  /** A break above the first row of the range. */
  add(pageBreakRange: Range | string): void {
    const arg = typeof pageBreakRange === "string" ? pageBreakRange : "[Range]";
    this.call("add", [arg], (s) => {
      const rect = typeof pageBreakRange === "string" ? parseAddress(pageBreakRange)?.rect : pageBreakRange.target()?.rect;
      if (!rect || rect.row === 0) throw richApiError("InvalidArgument");
      const breaks = new Set(s.pageLayout.rowBreaks ?? []);
      breaks.add(rect.row);
      this.ctx.journal.set(s, "pageLayout", { ...s.pageLayout, rowBreaks: [...breaks].sort((a, b) => a - b) });
    });
  }
  removePageBreaks(): void {
    this.call("removePageBreaks", [], (s) => this.ctx.journal.set(s, "pageLayout", { ...s.pageLayout, rowBreaks: [] }));
  }
}

export class WorksheetFreezePanes extends HostObject<SheetModel> {
  protected scalars(): Record<string, Getter<SheetModel>> {
    return {};
  }
  /**
   * Microsoft documents freezeAt and getLocation as acting on "the active worksheet view", and a freeze on another
   * sheet misbehaves in Excel (office-js#3148); whether freezeRows, freezeColumns or unfreeze act on a sheet that is
   * not active is not documented. The host refuses all four there, so code that forgets to activate the sheet first
   * fails here, not in Excel.
   */
  private onActiveSheet(s: SheetModel): void {
    if (activeSheetOf(this.ctx.model, this.ctx.session.view) !== s) {
      throw richApiError("InvalidOperation", `Freeze panes on '${s.name}' only after activating it: Excel applies them to the active sheet.`);
    }
  }
  private freeze(method: string, args: unknown[], rows: (s: SheetModel) => number, cols: (s: SheetModel) => number): void {
    this.call(method, args, (s) => {
      this.onActiveSheet(s);
      const r = rows(s), c = cols(s);
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) throw richApiError("InvalidArgument");
      this.ctx.journal.set(s, "freeze", r || c ? { rows: r, cols: c } : undefined);
    });
  }
  freezeRows(count = 1): void {
    this.freeze("freezeRows", [count], () => count, () => 0);
  }
  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", [count], () => 0, () => count);
  }
  /** The given range is the top-left frozen pane: everything above its bottom and left of its right edge. */
  freezeAt(frozenRange: Range | string): void {
    const rectOf = (s: SheetModel) => {
      if (typeof frozenRange === "string") {
        const p = parseAddress(frozenRange);
        if (!p) throw richApiError("InvalidArgument");
        return p.rect;
      }
      const t = frozenRange.target();
      if (!t || t.sheet !== s) throw richApiError("InvalidArgument");
      return t.rect;
    };
    const arg = typeof frozenRange === "string" ? frozenRange : "[Range]";
    this.freeze("freezeAt", [arg], (s) => {
      const r = rectOf(s);
      return r.rowCount === MAX_ROWS ? 0 : r.row + r.rowCount;
    }, (s) => {
      const r = rectOf(s);
      return r.colCount === MAX_COLS ? 0 : r.col + r.colCount;
    });
  }
  unfreeze(): void {
    this.call("unfreeze", [], (s) => {
      this.onActiveSheet(s);
      this.ctx.journal.set(s, "freeze", undefined);
    });
  }
  getLocationOrNullObject(): Range {
    const r = new Range(this.ctx, () => {
      const s = this.target();
      if (!s?.freeze) return null;
      const rows = s.freeze.rows, cols = s.freeze.cols;
      return {
        sheet: s,
        rect: { row: 0, col: 0, rowCount: rows || MAX_ROWS, colCount: cols || MAX_COLS },
      };
    }, true);
    return r.registerCreation({ call: "getLocationOrNullObject", args: [] });
  }
}

/**
 * Excel.AutoFilter (ExcelApi 1.9), the part the add-in uses: filter buttons on a range's heading row, no criteria.
 * A sheet has one; applying it elsewhere moves it. Saved as the sheet's autoFilter element.
 */
export class WorksheetAutoFilter extends HostObject<SheetModel> {
  protected scalars(): Record<string, Getter<SheetModel>> {
    return { enabled: (s) => typeof s.passthrough.autoFilter === "string", isDataFiltered: () => false };
  }
  get enabled(): boolean { return this.get("enabled"); }
  get isDataFiltered(): boolean { return this.get("isDataFiltered"); }

  apply(range: Range | string, columnIndex?: number, criteria?: unknown): void {
    const arg = typeof range === "string" ? range : "[Range]";
    this.call("apply", [arg], (s) => {
      // Filtering by criteria is not modelled: the host refuses rather than pretend it filtered.
      if (columnIndex !== undefined || criteria !== undefined) throw richApiError("InvalidArgument", "The headless host applies an AutoFilter without criteria only.");
      const rect = typeof range === "string" ? parseAddress(range)?.rect : range.target()?.sheet === s ? range.target()!.rect : null;
      if (!rect || rect.rowCount < 1) throw richApiError("InvalidArgument");
      const address = rectAddress(rect);
      this.ctx.journal.set(s, "passthrough", { ...s.passthrough, autoFilter: address });
    });
  }

  remove(): void {
    this.call("remove", [], (s) => {
      const { autoFilter: _gone, ...rest } = s.passthrough;
      this.ctx.journal.set(s, "passthrough", rest);
    });
  }
}

export class Worksheet extends HostObject<SheetModel> {

  constructor(ctx: HostContext, resolver: () => SheetModel | null, nullable = false) {
    super(ctx, resolver, nullable);
  }


  protected scalars(): Record<string, Getter<SheetModel>> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => this.ctx.model.sheets.indexOf(s),
      visibility: (s) => s.visibility,
      showGridlines: (s) => s.showGridlines,
      tabColor: (s) => s.tabColor ?? "",
      standardWidth: (s) => s.defaultColumnWidth / 5.25,
      standardHeight: (s) => s.defaultRowHeight,
    };
  }

  protected override navigations() {
    return {
      protection: () => this.protection, freezePanes: () => this.freezePanes, pageLayout: () => this.pageLayout, autoFilter: () => this.autoFilter,
      tables: () => this.tables, charts: () => this.charts, names: () => this.names,
    } as Record<string, () => Loadable>;
  }

  get name(): string { return this.get("name"); }
  set name(v: string) {
    this.write("name", v, (s) => {
      if (typeof v !== "string" || !validSheetName(v)) throw richApiError("InvalidArgument", `'${v}' is not a valid sheet name.`);
      const other = findSheet(this.ctx.model, v);
      if (other && other !== s) throw richApiError("ItemAlreadyExists", ITEM_EXISTS);
      if (s.name !== v) {
        assertStructure(this.ctx.model);
        this.ctx.clearsUndo("Worksheet.name", "desktop", UNDO_DOC);
        renameSheetReferences(this.ctx.model, this.ctx.journal, s.name, v);
      }
      this.ctx.journal.set(s, "name", v);
    });
  }
  get id(): string { return this.get("id"); }
  get position(): number { return this.get("position"); }
  set position(v: number) {
    this.write("position", v, (s) => {
      const sheets = this.ctx.model.sheets;
      if (!(v >= 0 && v < sheets.length)) throw richApiError("InvalidArgument");
      assertStructure(this.ctx.model);
      this.ctx.clearsUndo("Worksheet.position", "desktop", UNDO_DOC);
      this.ctx.journal.remove(sheets, sheets.indexOf(s));
      this.ctx.journal.insert(sheets, v, s);
    });
  }
  get visibility(): string { return this.get("visibility"); }
  set visibility(v: string) {
    this.write("visibility", v, (s) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw richApiError("InvalidArgument");
      if (v !== "Visible" && this.ctx.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw richApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      if (s.visibility !== v) assertStructure(this.ctx.model);
      this.ctx.clearsUndo("Worksheet.visibility", "desktop", UNDO_DOC);
      this.ctx.journal.set(s, "visibility", v);
    });
  }
  get showGridlines(): boolean { return this.get("showGridlines"); }
  set showGridlines(v: boolean) { this.write("showGridlines", v, (s) => this.ctx.journal.set(s, "showGridlines", !!v)); }
  get tabColor(): string { return this.get("tabColor"); }
  set tabColor(v: string) {
    this.write("tabColor", v, (s) => {
      const hex = v === "" || v === null ? undefined : /^#?([0-9a-fA-F]{6})$/.exec(v)?.[1];
      if (v && !hex) throw richApiError("InvalidArgument");
      this.ctx.journal.set(s, "tabColor", hex ? `#${hex.toUpperCase()}` : undefined);
    });
  }
  get standardWidth(): number { return this.get("standardWidth"); }
  get standardHeight(): number { return this.get("standardHeight"); }

  get protection(): WorksheetProtection {
    return this.child("protection", () => new WorksheetProtection(this.ctx, () => this.target(), this.nullable));
  }
  get horizontalPageBreaks(): PageBreakCollection {
    return this.child("horizontalPageBreaks", () => new PageBreakCollection(this.ctx, () => this.target(), this.nullable));
  }
  get freezePanes(): WorksheetFreezePanes {
    return this.child("freezePanes", () => new WorksheetFreezePanes(this.ctx, () => this.target(), this.nullable));
  }
  get autoFilter(): WorksheetAutoFilter {
    return this.child("autoFilter", () => new WorksheetAutoFilter(this.ctx, () => this.target(), this.nullable));
  }
  get pageLayout(): PageLayout {
    return this.child("pageLayout", () => new PageLayout(this.ctx, () => this.target(), this.nullable));
  }
  get tables(): TableCollection {
    return this.child("tables", () => new TableCollection(this.ctx, () => {
      const s = this.target();
      return s === null ? null : { sheet: s };
    }, this.nullable));
  }
  get charts(): ChartCollection {
    return this.child("charts", () => new ChartCollection(this.ctx, () => this.target(), this.nullable));
  }
  get names(): NamedItemCollection {
    return this.child("names", () => new NamedItemCollection(this.ctx, () => {
      const s = this.target();
      return s === null ? null : { list: s.names, sheet: s };
    }, this.nullable));
  }

  getRange(address?: string): Range {
    return Range.fromAddress(this.ctx, () => this.target(), address, this.nullable);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const r = new Range(this.ctx, () => {
      const s = this.target();
      if (s === null) return null;
      const ok = startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1 &&
        startRow + rowCount <= MAX_ROWS && startColumn + columnCount <= MAX_COLS;
      if (!ok) throw richApiError("InvalidArgument");
      return { sheet: s, rect: { row: startRow, col: startColumn, rowCount, colCount: columnCount } };
    }, this.nullable);
    return r.registerCreation({ call: "getRangeByIndexes", args: [startRow, startColumn, rowCount, columnCount] });
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return this.getRange().getUsedRange(valuesOnly);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }

  delete(): void {
    this.call("delete", [], (s) => deleteSheet(this.ctx, s));
  }

  activate(): void {
    this.call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw richApiError("InvalidOperation");
      activate(this.ctx, s);
    });
  }
}

function deleteSheet(ctx: HostContext, s: SheetModel): void {
  const model = ctx.model;
  const idx = model.sheets.indexOf(s);
  if (idx < 0) throw richApiError("ItemNotFound");
  assertStructure(model);
  if (!model.sheets.some((x) => x !== s && x.visibility === "Visible")) {
    throw richApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
  }
  ctx.clearsUndo("Worksheet.delete", "all", UNDO_DOC);
  sheetRemoved(ctx, s);
  ctx.journal.remove(model.sheets, idx);
  // References to the sheet (names, formulas, chart series) now point nowhere, as in Excel.
  breakSheetReferences(model, ctx.journal, s.name);
}

export class WorksheetCollection extends HostCollection<WorkbookModel, Worksheet> {
  protected itemProxies(model: WorkbookModel): Worksheet[] {
    return model.sheets.map((s) => new Worksheet(this.ctx, () => s));
  }

  private lookup(key: string): SheetModel | undefined {
    const model = this.ctx.model;
    return findSheet(model, key) ?? model.sheets.find((s) => s.id === key);
  }

  getItem(key: string): Worksheet {
    const ws = new Worksheet(this.ctx, () => {
      const s = this.lookup(key);
      if (!s) throw richApiError("ItemNotFound", undefined, `Worksheets.getItem(${JSON.stringify(key)})`);
      return s;
    });
    return ws.registerCreation({ call: "getItem", args: [key] });
  }

  getItemOrNullObject(key: string): Worksheet {
    const ws = new Worksheet(this.ctx, () => this.lookup(key) ?? null, true);
    return ws.registerCreation({ call: "getItemOrNullObject", args: [key] });
  }

  add(name?: string): Worksheet {
    const ws = new Worksheet(this.ctx, () => {
      const model = this.ctx.model;
      let n = name;
      if (n === undefined || n === null || n === "") {
        let i = model.sheets.length + 1;
        while (findSheet(model, `Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (!validSheetName(n)) throw richApiError("InvalidArgument", `'${n}' is not a valid sheet name.`);
      assertStructure(model);
      if (findSheet(model, n)) throw richApiError("ItemAlreadyExists", ITEM_EXISTS);
      const s = newSheetModel(model, n);
      this.ctx.journal.push(model.sheets, s);
      return s;
    });
    return ws.registerCreation({ call: "add", args: [name] });
  }

  getActiveWorksheet(): Worksheet {
    const ws = new Worksheet(this.ctx, () => {
      return activeSheetOf(this.ctx.model, this.ctx.session.view) ?? this.ctx.model.sheets[0];
    });
    return ws.registerCreation({ call: "getActiveWorksheet", args: [] });
  }

  getCount(visibleOnly?: boolean): HostClientResult<number> {
    return new HostClientResult(this.ctx, () => this.ctx.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length);
  }

  /** WorksheetCollection.onChanged (ExcelApi 1.9): cells of any sheet changed, here or by a co-author. */
  get onChanged(): HostEventHandlers<ChangedArgs> {
    if (!this.ctx.isSetSupported("ExcelApi", "1.9")) return undefined as unknown as HostEventHandlers<ChangedArgs>;
    return new HostEventHandlers(this.ctx, "onChanged", (c) => c.session.events.changed, () => this.ctx.requestContext);
  }

  getFirst(visibleOnly?: boolean): Worksheet {
    const ws = new Worksheet(this.ctx, () => {
      const s = this.ctx.model.sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw richApiError("ItemNotFound");
      return s;
    });
    return ws.registerCreation({ call: "getFirst", args: [visibleOnly] });
  }
}

export { assertWritable };
