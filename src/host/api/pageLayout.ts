// Excel.PageLayout: print setup of a sheet (orientation, paper, fit to pages, print titles, margins).
import { richApiError } from "../errors";
import type { PageLayoutModel, SheetModel } from "../model/types";
import { absoluteA1, parseAddress } from "./addresses";
import { HostObject, type Getter, type Loadable } from "./base";
import { Range } from "./range";

/** Excel.PaperType names and their OOXML paper size codes. */
const PAPER: Record<string, number> = {
  Letter: 1, LetterSmall: 2, Tabloid: 3, Ledger: 4, Legal: 5, Statement: 6, Executive: 7, A3: 8, A4: 9, A4Small: 10,
  A5: 11, B4: 12, B5: 13, Folio: 14, Quatro: 15, Note: 18,
};
const PAPER_NAME = new Map(Object.entries(PAPER).map(([k, v]) => [v, k]));

/** Excel's default margins ("Normal"), in inches. */
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

type Sheet = SheetModel;

export class HeaderFooter extends HostObject<Sheet> {
  protected scalars(): Record<string, Getter<Sheet>> {
    return {
      centerHeader: (s) => s.pageLayout.centerHeader ?? "",
      centerFooter: (s) => s.pageLayout.centerFooter ?? "",
    };
  }
  get centerHeader(): string { return this.get("centerHeader"); }
  set centerHeader(v: string) { this.write("centerHeader", v, (s) => setLayout(this, s, { centerHeader: v })); }
  get centerFooter(): string { return this.get("centerFooter"); }
  set centerFooter(v: string) { this.write("centerFooter", v, (s) => setLayout(this, s, { centerFooter: v })); }
}

export class HeadersFooters extends HostObject<Sheet> {
  private def?: HeaderFooter;
  protected scalars(): Record<string, Getter<Sheet>> {
    return {};
  }
  protected override navigations() {
    return { defaultForAllPages: () => this.defaultForAllPages } as Record<string, () => Loadable>;
  }
  get defaultForAllPages(): HeaderFooter {
    if (!this.def) this.def = new HeaderFooter(this.ctx, () => this.target(), this.nullable);
    return this.def;
  }
}

function setLayout(obj: HostObject<Sheet>, s: Sheet, patch: Partial<PageLayoutModel>): void {
  obj.ctx.journal.set(s, "pageLayout", { ...s.pageLayout, ...patch });
}

export class PageLayout extends HostObject<Sheet> {
  private hf?: HeadersFooters;

  protected scalars(): Record<string, Getter<Sheet>> {
    const margin = (k: keyof typeof DEFAULT_MARGINS) => (s: Sheet) => (s.pageLayout.margins?.[k] ?? DEFAULT_MARGINS[k]) * 72;
    return {
      orientation: (s) => s.pageLayout.orientation ?? "Portrait",
      paperSize: (s) => PAPER_NAME.get(s.pageLayout.paperSize ?? 1) ?? "Letter",
      centerHorizontally: (s) => !!s.pageLayout.centerHorizontally,
      centerVertically: (s) => !!s.pageLayout.centerVertically,
      zoom: (s) => {
        const p = s.pageLayout;
        if (p.fitToWidth !== undefined || p.fitToHeight !== undefined) {
          return { horizontalFitToPages: p.fitToWidth ?? 1, verticalFitToPages: p.fitToHeight ?? 1 };
        }
        return { scale: p.zoomScale ?? 100 };
      },
      leftMargin: margin("left"), rightMargin: margin("right"), topMargin: margin("top"),
      bottomMargin: margin("bottom"), headerMargin: margin("header"), footerMargin: margin("footer"),
    };
  }
  protected override navigations() {
    return { headersFooters: () => this.headersFooters } as Record<string, () => Loadable>;
  }

  private setLayoutProp(prop: string, v: unknown, patch: (s: Sheet) => Partial<PageLayoutModel>): void {
    this.write(prop, v, (s) => setLayout(this, s, patch(s)));
  }

  get orientation(): string { return this.get("orientation"); }
  set orientation(v: string) {
    this.setLayoutProp("orientation", v, () => {
      if (v !== "Portrait" && v !== "Landscape") throw richApiError("InvalidArgument");
      return { orientation: v };
    });
  }
  get paperSize(): string { return this.get("paperSize"); }
  set paperSize(v: string) {
    this.setLayoutProp("paperSize", v, () => {
      if (!(v in PAPER)) throw richApiError("InvalidArgument");
      return { paperSize: PAPER[v] };
    });
  }
  get centerHorizontally(): boolean { return this.get("centerHorizontally"); }
  set centerHorizontally(v: boolean) { this.setLayoutProp("centerHorizontally", v, () => ({ centerHorizontally: !!v })); }
  get centerVertically(): boolean { return this.get("centerVertically"); }
  set centerVertically(v: boolean) { this.setLayoutProp("centerVertically", v, () => ({ centerVertically: !!v })); }
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } { return this.get("zoom"); }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.setLayoutProp("zoom", v, () => {
      if (!v) throw richApiError("InvalidArgument");
      if (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined) {
        return { fitToWidth: v.horizontalFitToPages ?? 1, fitToHeight: v.verticalFitToPages ?? 1, zoomScale: undefined };
      }
      if (!(typeof v.scale === "number" && v.scale >= 10 && v.scale <= 400)) throw richApiError("InvalidArgument");
      return { zoomScale: v.scale, fitToWidth: undefined, fitToHeight: undefined };
    });
  }
  get headersFooters(): HeadersFooters {
    if (!this.hf) this.hf = new HeadersFooters(this.ctx, () => this.target(), this.nullable);
    return this.hf;
  }

  setPrintTitleRows(rows: Range | string): void {
    const arg = typeof rows === "string" ? rows : "[Range]";
    this.call("setPrintTitleRows", [arg], (s) => {
      let row: number, count: number;
      if (typeof rows === "string") {
        const p = parseAddress(rows);
        if (!p) throw richApiError("InvalidArgument");
        row = p.rect.row;
        count = p.rect.rowCount;
      } else {
        const t = rows.target();
        if (!t) throw richApiError("InvalidArgument");
        row = t.rect.row;
        count = t.rect.rowCount;
      }
      setLayout(this, s, { printTitleRows: `$${row + 1}:$${row + count}` });
    });
  }

  private layoutRange(method: string, pick: (s: Sheet) => string | undefined): Range {
    const r = new Range(this.ctx, () => {
      const s = this.target();
      const ref = s ? pick(s) : undefined;
      const p = ref ? parseAddress(ref) : null;
      return s && p ? { sheet: s, rect: p.rect } : null;
    }, true);
    return r.registerCreation({ call: method, args: [] });
  }

  getPrintTitleRowsOrNullObject(): Range {
    return this.layoutRange("getPrintTitleRowsOrNullObject", (s) => s.pageLayout.printTitleRows);
  }

  getPrintAreaOrNullObject(): Range {
    return this.layoutRange("getPrintAreaOrNullObject", (s) => s.pageLayout.printArea);
  }

  setPrintArea(area: Range | string): void {
    const arg = typeof area === "string" ? area : "[Range]";
    this.call("setPrintArea", [arg], (s) => {
      const rect = typeof area === "string" ? parseAddress(area)?.rect : area.target()?.rect;
      if (!rect) throw richApiError("InvalidArgument");
      setLayout(this, s, { printArea: absoluteA1(rect) });
    });
  }
  /** Margins are points in the API and inches in the file. */
  private setMargin(prop: string, key: keyof typeof DEFAULT_MARGINS, points: number): void {
    this.setLayoutProp(prop, points, (s) => {
      if (!(points >= 0)) throw richApiError("InvalidArgument");
      return { margins: { ...(s.pageLayout.margins ?? {}), [key]: points / 72 } };
    });
  }
  get leftMargin(): number { return this.get("leftMargin"); }
  set leftMargin(v: number) { this.setMargin("leftMargin", "left", v); }
  get rightMargin(): number { return this.get("rightMargin"); }
  set rightMargin(v: number) { this.setMargin("rightMargin", "right", v); }
  get topMargin(): number { return this.get("topMargin"); }
  set topMargin(v: number) { this.setMargin("topMargin", "top", v); }
  get bottomMargin(): number { return this.get("bottomMargin"); }
  set bottomMargin(v: number) { this.setMargin("bottomMargin", "bottom", v); }
  get headerMargin(): number { return this.get("headerMargin"); }
  set headerMargin(v: number) { this.setMargin("headerMargin", "header", v); }
  get footerMargin(): number { return this.get("footerMargin"); }
  set footerMargin(v: number) { this.setMargin("footerMargin", "footer", v); }
}
