// Excel.Range over a rectangle of a model sheet.
import type { CellRect } from "../../core/snapshot";
import { richApiError } from "../errors";
import { MAX_COLS, MAX_ROWS, getCell, rectsIntersect, setCell } from "../model/sheet";
import type { CellModel, HyperlinkModel, SheetModel } from "../model/types";
import { formulaOf, interpretWrite, numberFormatOf, rawValueOf, textOf, valueTypeOf, GENERAL } from "../model/values";
import { parseAddress, sheetAddress } from "./addresses";
import { HostClientResult, HostContext, HostObject, type Getter, type Loadable } from "./base";
import { cellPropertiesOf, rowPropertiesOf } from "./cellProperties";
import { specialCellAreas, type SpecialCellType } from "./specialCells";
import type { RangeFormat } from "./format";
import type { ConditionalFormatCollection } from "./conditionalFormats";
import type { RangeAreas } from "./rangeAreas";
import type { Worksheet } from "./worksheet";
import { assertWritable, clipToUsed, type RangeTarget } from "./rangeTarget";
import { select } from "./selection";
import { recalculate } from "../calc/recalc";

/** Range.getMergedAreasOrNullObject fails past this many areas (Excel's documented limit). */
const MAX_MERGED_AREAS = 512;


/** Whether every index in [start, start + count) is in the set (Excel's columnHidden/rowHidden of a range). */
function allIn(set: Set<number>, start: number, count: number): boolean {
  if (count > set.size) return false;
  for (let i = start; i < start + count; i++) if (!set.has(i)) return false;
  return true;
}


function grid<V>(t: RangeTarget, f: (cell: CellModel | undefined) => V): V[][] {
  const out: V[][] = [];
  const { sheet, rect } = t;
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    const row = sheet.rows[r];
    const line: V[] = new Array(rect.colCount);
    for (let c = 0; c < rect.colCount; c++) line[c] = f(row ? row[rect.col + c] : undefined);
    out.push(line);
  }
  return out;
}

/** A 2-D input matching the range, or a single value for every cell (Excel accepts both). */
function shapeInput(t: RangeTarget, input: unknown): (r: number, c: number) => unknown {
  const { rowCount, colCount } = t.rect;
  if (!Array.isArray(input)) return () => input;
  const ok = input.length === rowCount && input.every((row) => Array.isArray(row) && row.length === colCount);
  if (!ok) {
    throw richApiError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
    );
  }
  return (r, c) => (input as unknown[][])[r][c];
}

function writeValues(ctx: HostContext, t: RangeTarget, input: unknown): void {
  assertWritable(t.sheet);
  const at = shapeInput(t, input);
  const { sheet, rect } = t;
  ctx.noteCellsChanged(sheet, rect);
  for (let r = 0; r < rect.rowCount; r++) {
    for (let c = 0; c < rect.colCount; c++) {
      const v = at(r, c);
      if (v === null || v === undefined) continue; // Excel leaves the cell unchanged
      const old = getCell(sheet, rect.row + r, rect.col + c);
      const w = interpretWrite(v, numberFormatOf(old));
      if (w === "invalid") throw richApiError("InvalidArgument");
      const cell: CellModel = { ...(old ?? {}), value: w.value };
      delete cell.formula;
      delete cell.quotePrefix;
      if (w.formula !== undefined) cell.formula = w.formula;
      if (w.quotePrefix) cell.quotePrefix = true;
      if (w.impliedFormat && numberFormatOf(old) === GENERAL) cell.style = { ...(old?.style ?? {}), numFmt: w.impliedFormat };
      setCell(ctx.journal, sheet, rect.row + r, rect.col + c, cell);
    }
  }
}

function writeNumberFormat(ctx: HostContext, t: RangeTarget, input: unknown): void {
  assertWritable(t.sheet);
  const at = shapeInput(t, input);
  const { sheet, rect } = t;
  for (let r = 0; r < rect.rowCount; r++) {
    for (let c = 0; c < rect.colCount; c++) {
      const f = at(r, c);
      if (f === null || f === undefined) continue;
      if (typeof f !== "string") throw richApiError("InvalidArgument");
      const old = getCell(sheet, rect.row + r, rect.col + c);
      const style = { ...(old?.style ?? {}) };
      if (f === GENERAL) delete style.numFmt;
      else style.numFmt = f;
      setCell(ctx.journal, sheet, rect.row + r, rect.col + c, old ? { ...old, style } : { value: null, style });
    }
  }
}

export class Range extends HostObject<RangeTarget> {
  private formatObj?: RangeFormat;
  private cfs?: ConditionalFormatCollection;
  private ws?: Worksheet;

  constructor(ctx: HostContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  /**
   * Whether a read of the target's cells is over Excel's cell limit: throws RangeExceedsLimit, or (with
   * overCellLimit "null") answers true so the read returns null, as Excel does one way or the other.
   */
  private overCellLimit(t: RangeTarget): boolean {
    if (t.rect.rowCount * t.rect.colCount <= this.ctx.limits.cellReadLimit) return false;
    if (this.ctx.limits.overCellLimit === "null") return true;
    throw richApiError("RangeExceedsLimit");
  }

  protected scalars(): Record<string, Getter<RangeTarget>> {
    const gridGetter = <V>(f: (cell: CellModel | undefined) => V): Getter<RangeTarget> => (t) => (this.overCellLimit(t) ? null : grid(t, f));
    // Values read after a write in the same batch are calculated ones, as in Excel.
    const calculated = <V>(f: (cell: CellModel | undefined) => V): Getter<RangeTarget> => (t) => {
      recalculate(this.ctx.model, this.ctx.journal);
      return gridGetter(f)(t);
    };
    return {
      address: (t) => sheetAddress(t.sheet.name, t.rect),
      addressLocal: (t) => sheetAddress(t.sheet.name, t.rect),
      rowIndex: (t) => t.rect.row,
      columnIndex: (t) => t.rect.col,
      rowCount: (t) => t.rect.rowCount,
      columnCount: (t) => t.rect.colCount,
      cellCount: (t) => t.rect.rowCount * t.rect.colCount,
      isEntireColumn: (t) => t.rect.rowCount === MAX_ROWS,
      isEntireRow: (t) => t.rect.colCount === MAX_COLS,
      values: calculated(rawValueOf),
      text: calculated((cell) => textOf(cell, this.ctx.model.date1904)),
      numberFormat: gridGetter(numberFormatOf),
      numberFormatLocal: gridGetter(numberFormatOf),
      valueTypes: calculated(valueTypeOf),
      formulas: gridGetter(formulaOf),
      formulasLocal: gridGetter(formulaOf),
      columnHidden: (t) => allIn(t.sheet.hiddenColumns, t.rect.col, t.rect.colCount),
      rowHidden: (t) => allIn(t.sheet.hiddenRows, t.rect.row, t.rect.rowCount),
      hyperlink: (t) => {
        const h = getCell(t.sheet, t.rect.row, t.rect.col)?.hyperlink;
        return h ? { ...h } : null;
      },
    };
  }

  protected override navigations() {
    return { format: () => this.format, worksheet: () => this.worksheet, conditionalFormats: () => this.conditionalFormats } as Record<string, () => Loadable>;
  }

  /** A range derived from this one, resolved when the batch runs. */
  private derived(method: string, args: unknown[], f: (t: RangeTarget) => RangeTarget): Range {
    const r = new Range(this.ctx, () => {
      const t = this.target();
      return t === null ? null : f(t);
    }, this.nullable);
    return r.registerCreation({ call: method, args });
  }

  get address(): string { return this.get("address"); }
  get addressLocal(): string { return this.get("addressLocal"); }
  get rowIndex(): number { return this.get("rowIndex"); }
  get columnIndex(): number { return this.get("columnIndex"); }
  get rowCount(): number { return this.get("rowCount"); }
  get columnCount(): number { return this.get("columnCount"); }
  get cellCount(): number { return this.get("cellCount"); }
  get isEntireColumn(): boolean { return this.get("isEntireColumn"); }
  get isEntireRow(): boolean { return this.get("isEntireRow"); }
  get text(): string[][] { return this.get("text"); }
  get valueTypes(): string[][] { return this.get("valueTypes"); }

  get values(): unknown[][] { return this.get("values"); }
  set values(v: unknown[][]) { this.write("values", v, (t) => writeValues(this.ctx, t, v)); }
  get formulas(): unknown[][] { return this.get("formulas"); }
  set formulas(v: unknown[][]) { this.write("formulas", v, (t) => writeValues(this.ctx, t, v)); }
  get formulasLocal(): unknown[][] { return this.get("formulasLocal"); }
  set formulasLocal(v: unknown[][]) { this.write("formulasLocal", v, (t) => writeValues(this.ctx, t, v)); }
  get numberFormat(): unknown[][] { return this.get("numberFormat"); }
  set numberFormat(v: unknown[][]) { this.write("numberFormat", v, (t) => writeNumberFormat(this.ctx, t, v)); }
  get numberFormatLocal(): unknown[][] { return this.get("numberFormatLocal"); }
  set numberFormatLocal(v: unknown[][]) { this.write("numberFormatLocal", v, (t) => writeNumberFormat(this.ctx, t, v)); }

  get columnHidden(): boolean { return this.get("columnHidden"); }
  set columnHidden(v: boolean) {
    this.write("columnHidden", v, (t) => {
      assertWritable(t.sheet);
      for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.colCount, MAX_COLS); c++) this.ctx.journal.setHas(t.sheet.hiddenColumns, c, !!v);
    });
  }
  get rowHidden(): boolean { return this.get("rowHidden"); }
  set rowHidden(v: boolean) {
    this.write("rowHidden", v, (t) => {
      assertWritable(t.sheet);
      if (t.rect.rowCount > 100_000) throw richApiError("InvalidArgument");
      for (let r = t.rect.row; r < t.rect.row + t.rect.rowCount; r++) this.ctx.journal.setHas(t.sheet.hiddenRows, r, !!v);
    });
  }

  get hyperlink(): HyperlinkModel | null { return this.get("hyperlink"); }
  set hyperlink(h: HyperlinkModel | null) {
    this.write("hyperlink", h, (t) => {
      assertWritable(t.sheet);
      const { rect, sheet } = t;
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.col; c < rect.col + rect.colCount; c++) {
          const old = getCell(sheet, r, c);
          const cell: CellModel = { ...(old ?? { value: null }) };
          if (h && (h.address || h.documentReference)) {
            cell.hyperlink = { ...h };
            // Excel shows the link text in the cell: textToDisplay, else the address.
            const shown = h.textToDisplay ?? (old && old.value !== null ? undefined : h.address ?? h.documentReference);
            if (shown !== undefined) {
              cell.value = shown;
              delete cell.formula;
            }
          } else delete cell.hyperlink;
          setCell(this.ctx.journal, sheet, r, c, cell);
        }
      }
    });
  }

  get format(): RangeFormat {
    if (!this.formatObj) this.formatObj = this.ctx.objects.rangeFormat(this.ctx, () => this.target(), this.nullable);
    return this.formatObj;
  }

  get conditionalFormats(): ConditionalFormatCollection {
    if (!this.cfs) this.cfs = this.ctx.objects.conditionalFormats(this.ctx, () => this.target(), this.nullable);
    return this.cfs;
  }

  get worksheet(): Worksheet {
    if (!this.ws) this.ws = this.ctx.objects.worksheet(this.ctx, () => this.target()?.sheet ?? null, this.nullable);
    return this.ws;
  }

  getCell(row: number, column: number): Range {
    return this.derived("getCell", [row, column], (t) => {
      if (row < 0 || column < 0) throw richApiError("InvalidArgument");
      return { sheet: t.sheet, rect: { row: t.rect.row + row, col: t.rect.col + column, rowCount: 1, colCount: 1 } };
    });
  }

  getRow(row: number): Range {
    return this.derived("getRow", [row], (t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + row, rowCount: 1 } }));
  }

  getColumn(column: number): Range {
    return this.derived("getColumn", [column], (t) => ({ sheet: t.sheet, rect: { ...t.rect, col: t.rect.col + column, colCount: 1 } }));
  }

  getEntireColumn(): Range {
    return this.derived("getEntireColumn", [], (t) => ({ sheet: t.sheet, rect: { row: 0, rowCount: MAX_ROWS, col: t.rect.col, colCount: t.rect.colCount } }));
  }

  getEntireRow(): Range {
    return this.derived("getEntireRow", [], (t) => ({ sheet: t.sheet, rect: { row: t.rect.row, rowCount: t.rect.rowCount, col: 0, colCount: MAX_COLS } }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], (t) => {
      const rowCount = t.rect.rowCount + deltaRows, colCount = t.rect.colCount + deltaColumns;
      if (rowCount < 1 || colCount < 1) throw richApiError("InvalidArgument");
      return { sheet: t.sheet, rect: { ...t.rect, rowCount, colCount } };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], (t) => {
      const row = t.rect.row + rowOffset, col = t.rect.col + columnOffset;
      if (row < 0 || col < 0 || row + t.rect.rowCount > MAX_ROWS || col + t.rect.colCount > MAX_COLS) throw richApiError("InvalidArgument");
      return { sheet: t.sheet, rect: { ...t.rect, row, col } };
    });
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return this.derived("getUsedRange", [valuesOnly], (t) => clipToUsed(t, !!valuesOnly) ?? { sheet: t.sheet, rect: { ...t.rect, rowCount: 1, colCount: 1 } });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const r = new Range(this.ctx, () => {
      const t = this.target();
      return t === null ? null : clipToUsed(t, !!valuesOnly);
    }, true);
    return r.registerCreation({ call: "getUsedRangeOrNullObject", args: [valuesOnly] });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    const areas = this.ctx.objects.rangeAreas(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      const rects = t.sheet.merges.filter((m) => rectsIntersect(m, t.rect));
      // Documented: "if the merged areas count in this range is more than 512, then this method will fail".
      // The documentation names no error code, so the host fails with Excel's generic one.
      if (rects.length > MAX_MERGED_AREAS) throw richApiError("GeneralException", undefined, "Range.getMergedAreasOrNullObject");
      // A read, yet Excel on Windows loses the user's undo stack at its sync (office-js issue 5918).
      this.ctx.clearsUndo("Range.getMergedAreasOrNullObject", "desktop", "office-js issue 5918");
      return rects.length ? { sheet: t.sheet, rects } : null;
    }, true);
    return areas.registerCreation({ call: "getMergedAreasOrNullObject", args: [] });
  }

  /** Each cell's format (fill, font) and address, as load options ask (ExcelApi 1.9). Null on a null object or over the cell limit in "null" mode. */
  getCellProperties(options: Record<string, unknown>): HostClientResult<Record<string, unknown>[][] | null> {
    return new HostClientResult(this.ctx, () => {
      const t = this.target();
      if (t === null || this.overCellLimit(t)) return null;
      return cellPropertiesOf(t.sheet, t.rect, options);
    }, { call: "getCellProperties", args: [options] });
  }

  /** Each row's format, null where the row's cells differ (ExcelApi 1.9). */
  getRowProperties(options: Record<string, unknown>): HostClientResult<Record<string, unknown>[] | null> {
    return new HostClientResult(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      if (t.rect.rowCount > MAX_ROWS) throw richApiError("InvalidArgument");
      return rowPropertiesOf(t.sheet, t.rect, options);
    }, { call: "getRowProperties", args: [options] });
  }

  /** The cells holding typed values ("Constants") or formulas, as areas; ItemNotFound when there are none. */
  getSpecialCells(cellType: SpecialCellType, cellValueType?: string): RangeAreas {
    const areas = this.ctx.objects.rangeAreas(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      const rects = specialCellAreas(t.sheet, t.rect, cellType, cellValueType);
      if (!rects.length) throw richApiError("ItemNotFound", undefined, "Range.getSpecialCells");
      return { sheet: t.sheet, rects };
    }, this.nullable);
    return areas.registerCreation({ call: "getSpecialCells", args: [cellType, cellValueType] });
  }

  /** As getSpecialCells, but a null object when no cell matches. */
  getSpecialCellsOrNullObject(cellType: SpecialCellType, cellValueType?: string): RangeAreas {
    const areas = this.ctx.objects.rangeAreas(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      const rects = specialCellAreas(t.sheet, t.rect, cellType, cellValueType);
      return rects.length ? { sheet: t.sheet, rects } : null;
    }, true);
    return areas.registerCreation({ call: "getSpecialCellsOrNullObject", args: [cellType, cellValueType] });
  }

  merge(across?: boolean): void {
    this.call("merge", [across], (t) => {
      assertWritable(t.sheet);
      const { rect } = t;
      const pieces: CellRect[] = across
        ? Array.from({ length: rect.rowCount }, (_, i) => ({ ...rect, row: rect.row + i, rowCount: 1 }))
        : [rect];
      const merges = t.sheet.merges.filter((m) => !pieces.some((p) => rectsIntersect(m, p)));
      for (const p of pieces) if (p.rowCount * p.colCount > 1) merges.push(p);
      this.ctx.journal.replaceAll(t.sheet.merges, merges);
    });
  }

  unmerge(): void {
    this.call("unmerge", [], (t) => {
      assertWritable(t.sheet);
      this.ctx.journal.replaceAll(t.sheet.merges, t.sheet.merges.filter((m) => !rectsIntersect(m, t.rect)));
    });
  }

  /** Excel.ClearApplyTo: "All" (default), "Formats", "Contents", "Hyperlinks". */
  clear(applyTo: string = "All"): void {
    this.call("clear", [applyTo], (t) => {
      assertWritable(t.sheet);
      const rect = clipToUsed(t, false)?.rect;
      if (!rect) return;
      const { sheet } = t;
      if (applyTo === "All" || applyTo === "Contents") this.ctx.noteCellsChanged(sheet, rect);
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.col; c < rect.col + rect.colCount; c++) {
          const old = getCell(sheet, r, c);
          if (!old) continue;
          let cell: CellModel | undefined;
          if (applyTo === "Formats") cell = { ...old, style: undefined };
          else if (applyTo === "Contents") cell = { ...old, value: null, formula: undefined, quotePrefix: undefined };
          else if (applyTo === "Hyperlinks") cell = { ...old, hyperlink: undefined };
          setCell(this.ctx.journal, sheet, r, c, cell);
        }
      }
      if (applyTo === "All" || applyTo === "Formats") {
        const cfs = sheet.conditionalFormats.filter((cf) => !cf.ranges.some((x) => rectsIntersect(x, t.rect)));
        this.ctx.journal.replaceAll(sheet.conditionalFormats, cfs);
      }
      if (applyTo === "All") this.ctx.journal.replaceAll(sheet.merges, sheet.merges.filter((m) => !rectsIntersect(m, t.rect)));
    });
  }

  /** Excel selects the range and shows its sheet; a hidden sheet cannot be shown. */
  select(): void {
    this.call("select", [], (t) => {
      if (t.sheet.visibility !== "Visible") throw richApiError("InvalidOperation");
      select(this.ctx, t.sheet, t.rect);
    });
  }

  /** Range.getRange is not in the API; getIntersection/getBoundingRect are not implemented. */
  static fromAddress(ctx: HostContext, sheetOf: () => SheetModel | null, address: string | undefined, nullable: boolean): Range {
    const r = new Range(ctx, () => {
      const sheet = sheetOf();
      if (sheet === null) return null;
      if (address === undefined || address === "") return { sheet, rect: { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS } };
      const p = parseAddress(address) ?? parseAddress(namedReference(ctx, sheet, address) ?? "");
      if (!p) throw richApiError("InvalidArgument", `The address '${address}' is not valid.`);
      if (p.sheetName !== undefined && p.sheetName.toLowerCase() !== sheet.name.toLowerCase()) throw richApiError("InvalidArgument");
      return { sheet, rect: p.rect };
    }, nullable);
    return r.registerCreation({ call: "getRange", args: [address] });
  }
}

/** Worksheet.getRange also takes a defined name: the sheet's own names first, then the workbook's. */
function namedReference(ctx: HostContext, sheet: SheetModel, name: string): string | undefined {
  const lower = name.toLowerCase();
  const item = sheet.names.find((n) => n.name.toLowerCase() === lower) ?? ctx.model.names.find((n) => n.name.toLowerCase() === lower);
  return item?.formula;
}

export { assertWritable, clipToUsed, type RangeTarget };
