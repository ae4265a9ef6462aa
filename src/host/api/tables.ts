// Excel.Table (ListObject) and Excel.TableCollection, workbook-wide or of one sheet.
import { richApiError } from "../errors";
import { rectsIntersect } from "../model/sheet";
import type { SheetModel, TableModel } from "../model/types";
import { rawValueOf } from "../model/values";
import { getCell } from "../model/sheet";
import { parseAddress } from "./addresses";
import { HostClientResult, HostCollection, HostContext, HostObject, type Getter, type Loadable } from "./base";
import { Range, assertWritable } from "./range";
import type { Worksheet } from "./worksheet";

interface TableTarget {
  sheet: SheetModel;
  table: TableModel;
}

export class Table extends HostObject<TableTarget> {
  private ws?: Worksheet;

  constructor(ctx: HostContext, resolver: () => TableTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalars(): Record<string, Getter<TableTarget>> {
    return {
      name: (t) => t.table.name,
      id: (t) => t.table.name,
      showHeaders: (t) => t.table.showHeaders,
      showTotals: (t) => t.table.showTotals,
      style: (t) => t.table.styleName ?? "",
    };
  }
  protected override navigations() {
    return { worksheet: () => this.worksheet } as Record<string, () => Loadable>;
  }

  get name(): string { return this.get("name"); }
  get id(): string { return this.get("id"); }
  get showHeaders(): boolean { return this.get("showHeaders"); }
  get showTotals(): boolean { return this.get("showTotals"); }
  get style(): string { return this.get("style"); }

  get worksheet(): Worksheet {
    if (!this.ws) this.ws = this.ctx.objects.worksheet(this.ctx, () => this.target()?.sheet ?? null, this.nullable);
    return this.ws;
  }

  private part(method: string, pick: (t: TableTarget) => { row: number; rowCount: number } | null): Range {
    const r = new Range(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      const rows = pick(t);
      if (!rows || rows.rowCount < 1) throw richApiError("ItemNotFound");
      return { sheet: t.sheet, rect: { ...t.table.rect, ...rows } };
    }, this.nullable);
    return r.registerCreation({ call: method, args: [] });
  }

  getRange(): Range {
    return this.part("getRange", (t) => ({ row: t.table.rect.row, rowCount: t.table.rect.rowCount }));
  }
  getHeaderRowRange(): Range {
    return this.part("getHeaderRowRange", (t) => (t.table.showHeaders ? { row: t.table.rect.row, rowCount: 1 } : null));
  }
  getDataBodyRange(): Range {
    return this.part("getDataBodyRange", (t) => {
      const top = t.table.rect.row + (t.table.showHeaders ? 1 : 0);
      const bottom = t.table.rect.row + t.table.rect.rowCount - (t.table.showTotals ? 1 : 0);
      return { row: top, rowCount: Math.max(1, bottom - top) };
    });
  }
  getTotalRowRange(): Range {
    return this.part("getTotalRowRange", (t) => (t.table.showTotals ? { row: t.table.rect.row + t.table.rect.rowCount - 1, rowCount: 1 } : null));
  }
}

export class TableCollection extends HostCollection<{ sheet?: SheetModel }, Table> {
  private all(t: { sheet?: SheetModel }): TableTarget[] {
    const sheets = t.sheet ? [t.sheet] : this.ctx.model.sheets;
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  protected itemProxies(t: { sheet?: SheetModel }): Table[] {
    return this.all(t).map((x) => new Table(this.ctx, () => x));
  }

  protected override scalars(): Record<string, Getter<{ sheet?: SheetModel }>> {
    return { count: (t) => this.all(t).length };
  }
  get count(): number { return this.get("count"); }

  private find(name: string): TableTarget | null {
    const t = this.target();
    if (t === null) return null;
    return this.all(t).find((x) => x.table.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItem(name: string): Table {
    const tb = new Table(this.ctx, () => {
      const x = this.find(name);
      if (!x) throw richApiError("ItemNotFound", undefined, `Tables.getItem(${JSON.stringify(name)})`);
      return x;
    });
    return tb.registerCreation({ call: "getItem", args: [name] });
  }

  getItemOrNullObject(name: string): Table {
    return new Table(this.ctx, () => this.find(name), true).registerCreation({ call: "getItemOrNullObject", args: [name] });
  }

  getCount(): HostClientResult<number> {
    return new HostClientResult(this.ctx, () => {
      const t = this.target();
      return t ? this.all(t).length : 0;
    });
  }

  /** Make a table over an address; its header names are the first row's text (Column1... when there are none). */
  add(address: string | Range, hasHeaders: boolean): Table {
    const tb = new Table(this.ctx, () => {
      const t = this.target();
      let sheet: SheetModel | undefined;
      let rect;
      if (typeof address === "string") {
        const p = parseAddress(address);
        if (!p) throw richApiError("InvalidArgument");
        sheet = p.sheetName ? this.ctx.model.sheets.find((s) => s.name.toLowerCase() === p.sheetName!.toLowerCase()) : t?.sheet;
        rect = p.rect;
      } else {
        const rt = address.target();
        sheet = rt?.sheet;
        rect = rt?.rect;
      }
      if (!sheet || !rect) throw richApiError("InvalidArgument");
      assertWritable(sheet);
      if (this.ctx.model.sheets.some((s) => s.tables.some((x) => s === sheet && rectsIntersect(x.rect, rect)))) {
        throw richApiError("InvalidOperation", "A table can't overlap another table.");
      }
      const existing = new Set(this.ctx.model.sheets.flatMap((s) => s.tables.map((x) => x.name.toLowerCase())));
      let i = 1;
      while (existing.has(`table${i}`)) i++;
      const columns = Array.from({ length: rect.colCount }, (_, c) => {
        const v = hasHeaders ? rawValueOf(getCell(sheet!, rect!.row, rect!.col + c)) : "";
        return v === "" ? `Column${c + 1}` : String(v);
      });
      const table: TableModel = { name: `Table${i}`, rect, showHeaders: true, showTotals: false, columns, styleName: "TableStyleMedium2" };
      if (!hasHeaders) table.rect = { ...rect, row: rect.row - 1, rowCount: rect.rowCount + 1 };
      this.ctx.journal.push(sheet.tables, table);
      return { sheet, table };
    });
    return tb.registerCreation({ call: "add", args: [typeof address === "string" ? address : "[Range]", hasHeaders] });
  }
}
