// Excel.NamedItem and Excel.NamedItemCollection (workbook- or worksheet-scoped defined names).
import { quoteSheetName } from "../../core/address";
import { richApiError } from "../errors";
import { findSheet } from "../model/sheet";
import type { NameModel, SheetModel } from "../model/types";
import { absoluteA1, parseAddress } from "./addresses";
import { HostClientResult, HostCollection, HostContext, HostObject, type Getter } from "./base";
import { Range, type RangeTarget } from "./range";

interface NamesTarget {
  list: NameModel[];
  /** The sheet for worksheet-scoped names. */
  sheet?: SheetModel;
}

interface NameTarget extends NamesTarget {
  item: NameModel;
}

/** Names Excel keeps for itself (print titles, filter ranges) are not in the API's collections. */
export function isBuiltInName(name: string): boolean {
  return name.toLowerCase().startsWith("_xlnm.");
}

function validName(name: string): boolean {
  return /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) && name.length <= 255 &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[rRcC]\d*$/.test(name);
}

function nameType(formula: string): string {
  const body = formula.replace(/^=/, "");
  if (/^".*"$/.test(body)) return "String";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (/^-?\d+$/.test(body)) return "Integer";
  if (/^-?\d*\.\d+(E[+-]?\d+)?$/i.test(body)) return "Double";
  if (/^#[A-Z/0!?]+/.test(body)) return "Error";
  if (parseAddress(body)) return "Range";
  return "Formula";
}

function nameValue(formula: string): unknown {
  const body = formula.replace(/^=/, "");
  switch (nameType(formula)) {
    case "String": return body.slice(1, -1).replace(/""/g, "\"");
    case "Boolean": return /^TRUE$/i.test(body);
    case "Integer": case "Double": return Number(body);
    default: return body;
  }
}

export class NamedItem extends HostObject<NameTarget> {
  constructor(ctx: HostContext, resolver: () => NameTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }
  protected scalars(): Record<string, Getter<NameTarget>> {
    return {
      name: (t) => t.item.name,
      formula: (t) => t.item.formula,
      value: (t) => nameValue(t.item.formula),
      type: (t) => nameType(t.item.formula),
      visible: (t) => t.item.visible,
      comment: (t) => t.item.comment ?? "",
      scope: (t) => (t.sheet ? "Worksheet" : "Workbook"),
    };
  }
  get name(): string { return this.get("name"); }
  get formula(): string { return this.get("formula"); }
  set formula(v: string) {
    this.write("formula", v, (t) => this.ctx.journal.set(t.item, "formula", v.startsWith("=") ? v : `=${v}`));
  }
  get value(): unknown { return this.get("value"); }
  get type(): string { return this.get("type"); }
  get visible(): boolean { return this.get("visible"); }
  set visible(v: boolean) { this.write("visible", v, (t) => this.ctx.journal.set(t.item, "visible", !!v)); }
  get comment(): string { return this.get("comment"); }
  set comment(v: string) {
    this.write("comment", v, (t) => {
      this.ctx.clearsUndo("NamedItem.comment", "web", "office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md");
      this.ctx.journal.set(t.item, "comment", v);
    });
  }
  get scope(): string { return this.get("scope"); }

  delete(): void {
    this.call("delete", [], (t) => {
      const i = t.list.indexOf(t.item);
      if (i >= 0) this.ctx.journal.remove(t.list, i);
    });
  }

  private rangeOf(t: NameTarget): RangeTarget | null {
    const p = parseAddress(t.item.formula);
    if (!p) return null;
    const sheet = p.sheetName !== undefined ? findSheet(this.ctx.model, p.sheetName) : t.sheet;
    return sheet ? { sheet, rect: p.rect } : null;
  }

  getRange(): Range {
    const r = new Range(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      const x = this.rangeOf(t);
      if (!x) throw richApiError("InvalidOperation", "The name does not refer to a range.");
      return x;
    }, this.nullable);
    return r.registerCreation({ call: "getRange", args: [] });
  }

  getRangeOrNullObject(): Range {
    const r = new Range(this.ctx, () => {
      const t = this.target();
      return t === null ? null : this.rangeOf(t);
    }, true);
    return r.registerCreation({ call: "getRangeOrNullObject", args: [] });
  }
}

export class NamedItemCollection extends HostCollection<NamesTarget, NamedItem> {
  private visibleItems(t: NamesTarget): NameModel[] {
    return t.list.filter((n) => !isBuiltInName(n.name));
  }

  protected itemProxies(t: NamesTarget): NamedItem[] {
    return this.visibleItems(t).map((item) => new NamedItem(this.ctx, () => ({ ...t, item })));
  }

  private find(name: string): NameTarget | null {
    const t = this.target();
    if (t === null) return null;
    const item = this.visibleItems(t).find((n) => n.name.toLowerCase() === name.toLowerCase());
    return item ? { ...t, item } : null;
  }

  getItem(name: string): NamedItem {
    const n = new NamedItem(this.ctx, () => {
      const x = this.find(name);
      if (!x) throw richApiError("ItemNotFound", undefined, `Names.getItem(${JSON.stringify(name)})`);
      return x;
    });
    return n.registerCreation({ call: "getItem", args: [name] });
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, () => this.find(name), true).registerCreation({ call: "getItemOrNullObject", args: [name] });
  }

  getCount(): HostClientResult<number> {
    return new HostClientResult(this.ctx, () => {
      const t = this.target();
      return t ? this.visibleItems(t).length : 0;
    });
  }

  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const n = new NamedItem(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      if (!validName(name)) throw richApiError("InvalidArgument", `'${name}' is not a valid name.`);
      if (t.list.some((x) => x.name.toLowerCase() === name.toLowerCase())) throw richApiError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const r = reference.target();
        if (!r) throw richApiError("InvalidArgument");
        formula = `=${quoteSheetName(r.sheet.name)}!${absoluteA1(r.rect)}`;
      }
      const item: NameModel = { name, formula, visible: true, comment };
      // A comment given here sets NamedItem.comment, which Excel on the web cannot undo.
      if (comment) this.ctx.clearsUndo("NamedItem.comment", "web", "office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md");
      this.ctx.journal.push(t.list, item);
      return { ...t, item };
    });
    return n.registerCreation({ call: "add", args: [name, typeof reference === "string" ? reference : "[Range]", comment] });
  }
}
