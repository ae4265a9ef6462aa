// Excel.RangeAreas (what getMergedAreasOrNullObject returns) and Excel.RangeCollection.
import type { CellRect } from "../../core/snapshot";
import type { SheetModel } from "../model/types";
import { sheetAddress } from "./addresses";
import { HostCollection, HostContext, HostObject, type Getter, type Loadable } from "./base";
import { Range } from "./range";

export interface AreasTarget {
  sheet: SheetModel;
  rects: CellRect[];
}

export class RangeCollection extends HostCollection<AreasTarget, Range> {
  protected itemProxies(t: AreasTarget): Range[] {
    return t.rects.map((rect) => new Range(this.ctx, () => ({ sheet: t.sheet, rect })));
  }
}

export class RangeAreas extends HostObject<AreasTarget> {
  private areasObj?: RangeCollection;

  constructor(ctx: HostContext, resolver: () => AreasTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected scalars(): Record<string, Getter<AreasTarget>> {
    return {
      address: (t) => t.rects.map((r) => sheetAddress(t.sheet.name, r)).join(","),
      addressLocal: (t) => t.rects.map((r) => sheetAddress(t.sheet.name, r)).join(","),
      areaCount: (t) => t.rects.length,
      cellCount: (t) => t.rects.reduce((n, r) => n + r.rowCount * r.colCount, 0),
    };
  }

  protected override navigations() {
    return { areas: () => this.areas } as Record<string, () => Loadable>;
  }

  get address(): string { return this.get("address"); }
  get addressLocal(): string { return this.get("addressLocal"); }
  get areaCount(): number { return this.get("areaCount"); }
  get cellCount(): number { return this.get("cellCount"); }

  get areas(): RangeCollection {
    if (!this.areasObj) this.areasObj = new RangeCollection(this.ctx, () => this.target(), this.nullable);
    return this.areasObj;
  }
}
