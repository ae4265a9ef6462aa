// Excel.ConditionalFormatCollection and the rule kinds the scorecard uses: text comparison,
// custom (formula) and cell value. Other kinds are refused with InvalidArgument.
import { richApiError } from "../errors";
import { rectsIntersect } from "../model/sheet";
import { parseColor } from "../model/styles";
import type { ConditionalFormatModel, ConditionalFormatRule, ConditionalFormatStyle, SheetModel } from "../model/types";
import { sheetAddress } from "./addresses";
import { HostClientResult, HostCollection, HostContext, HostObject, type Getter, type Loadable } from "./base";
import { Range, assertWritable, type RangeTarget } from "./range";

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

const SUPPORTED = ["ContainsText", "Custom", "CellValue"] as const;
type SupportedType = (typeof SUPPORTED)[number];

function colorArg(v: unknown): string {
  const c = parseColor(v);
  if (!c) throw richApiError("InvalidArgument", `'${String(v)}' is not a colour.`);
  return `#${c}`;
}

/** Sets one field of a rule's format (journaled: the style object is replaced). */
function setStyle(ctx: HostContext, t: CfTarget, patch: Partial<ConditionalFormatStyle>): void {
  assertWritable(t.sheet);
  ctx.journal.set(t.cf, "style", { ...t.cf.style, ...patch });
}

export class ConditionalRangeFill extends HostObject<CfTarget> {
  protected scalars(): Record<string, Getter<CfTarget>> {
    return { color: (t) => t.cf.style.fillColor ?? null };
  }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.write("color", v, (t) => setStyle(this.ctx, t, { fillColor: colorArg(v) })); }
  clear(): void { this.call("clear", [], (t) => setStyle(this.ctx, t, { fillColor: undefined })); }
}

export class ConditionalRangeFont extends HostObject<CfTarget> {
  protected scalars(): Record<string, Getter<CfTarget>> {
    return { color: (t) => t.cf.style.fontColor ?? null, bold: (t) => !!t.cf.style.bold, italic: (t) => !!t.cf.style.italic };
  }
  get color(): string { return this.get("color"); }
  set color(v: string) { this.write("color", v, (t) => setStyle(this.ctx, t, { fontColor: colorArg(v) })); }
  get bold(): boolean { return this.get("bold"); }
  set bold(v: boolean) { this.write("bold", v, (t) => setStyle(this.ctx, t, { bold: !!v })); }
  get italic(): boolean { return this.get("italic"); }
  set italic(v: boolean) { this.write("italic", v, (t) => setStyle(this.ctx, t, { italic: !!v })); }
  clear(): void { this.call("clear", [], (t) => setStyle(this.ctx, t, { fontColor: undefined, bold: undefined, italic: undefined })); }
}

export class ConditionalRangeFormat extends HostObject<CfTarget> {
  private fillObj?: ConditionalRangeFill;
  private fontObj?: ConditionalRangeFont;
  protected scalars(): Record<string, Getter<CfTarget>> {
    return {};
  }
  protected override navigations() {
    return { fill: () => this.fill, font: () => this.font } as Record<string, () => Loadable>;
  }
  get fill(): ConditionalRangeFill {
    if (!this.fillObj) this.fillObj = new ConditionalRangeFill(this.ctx, () => this.target(), this.nullable);
    return this.fillObj;
  }
  get font(): ConditionalRangeFont {
    if (!this.fontObj) this.fontObj = new ConditionalRangeFont(this.ctx, () => this.target(), this.nullable);
    return this.fontObj;
  }
}

/** textComparison, custom and cellValue share this shape: a rule and a format. */
abstract class RuleFormat extends HostObject<CfTarget> {
  private formatObj?: ConditionalRangeFormat;
  protected override navigations() {
    return { format: () => this.format } as Record<string, () => Loadable>;
  }
  get format(): ConditionalRangeFormat {
    if (!this.formatObj) this.formatObj = new ConditionalRangeFormat(this.ctx, () => this.target(), this.nullable);
    return this.formatObj;
  }
  protected setRule(rule: ConditionalFormatRule): (t: CfTarget) => void {
    return (t) => {
      assertWritable(t.sheet);
      this.ctx.journal.set(t.cf, "rule", rule);
    };
  }
}

const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];

export class TextConditionalFormat extends RuleFormat {
  protected scalars(): Record<string, Getter<CfTarget>> {
    return { rule: (t) => (t.cf.rule.type === "ContainsText" ? { operator: t.cf.rule.operator, text: t.cf.rule.text } : null) };
  }
  get rule(): { operator: string; text: string } { return this.get("rule"); }
  set rule(v: { operator: string; text: string }) {
    this.write("rule", v, (t) => {
      if (!v || !TEXT_OPERATORS.includes(v.operator) || typeof v.text !== "string") throw richApiError("InvalidArgument");
      this.setRule({ type: "ContainsText", operator: v.operator as "Contains", text: v.text })(t);
    });
  }
}

const VALUE_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

export class CellValueConditionalFormat extends RuleFormat {
  protected scalars(): Record<string, Getter<CfTarget>> {
    return {
      rule: (t) => (t.cf.rule.type === "CellValue" ? { operator: t.cf.rule.operator, formula1: t.cf.rule.formula1, formula2: t.cf.rule.formula2 } : null),
    };
  }
  get rule(): { operator: string; formula1: string; formula2?: string } { return this.get("rule"); }
  set rule(v: { operator: string; formula1: string; formula2?: string }) {
    this.write("rule", v, (t) => {
      if (!v || !VALUE_OPERATORS.includes(v.operator) || v.formula1 === undefined) throw richApiError("InvalidArgument");
      this.setRule({ type: "CellValue", operator: v.operator, formula1: String(v.formula1), formula2: v.formula2 === undefined ? undefined : String(v.formula2) })(t);
    });
  }
}

/** custom.rule is an object whose formula is set in place: cf.custom.rule.formula = "=...". */
export class ConditionalFormatRuleObject extends HostObject<CfTarget> {
  protected scalars(): Record<string, Getter<CfTarget>> {
    return { formula: (t) => (t.cf.rule.type === "Custom" ? `=${t.cf.rule.formula}` : "") };
  }
  get formula(): string { return this.get("formula"); }
  set formula(v: string) {
    this.write("formula", v, (t) => {
      if (typeof v !== "string" || !v) throw richApiError("InvalidArgument");
      assertWritable(t.sheet);
      this.ctx.journal.set(t.cf, "rule", { type: "Custom", formula: v.replace(/^=/, "") });
    });
  }
}

export class CustomConditionalFormat extends RuleFormat {
  private ruleObj?: ConditionalFormatRuleObject;
  protected scalars(): Record<string, Getter<CfTarget>> {
    return {};
  }
  protected override navigations() {
    return { ...super.navigations(), rule: () => this.rule } as Record<string, () => Loadable>;
  }
  get rule(): ConditionalFormatRuleObject {
    if (!this.ruleObj) this.ruleObj = new ConditionalFormatRuleObject(this.ctx, () => this.target(), this.nullable);
    return this.ruleObj;
  }
}

export class ConditionalFormat extends HostObject<CfTarget> {
  private parts = new Map<string, Loadable>();

  constructor(ctx: HostContext, resolver: () => CfTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  private part<P extends Loadable>(key: string, type: SupportedType, make: (r: () => CfTarget | null) => P): P {
    let p = this.parts.get(key);
    if (!p) {
      // Reading the wrong kind's part (custom of a text rule) gives a null object, as in Excel.
      p = make(() => {
        const t = this.target();
        return t && t.cf.rule.type === type ? t : null;
      });
      this.parts.set(key, p);
    }
    return p as P;
  }

  protected scalars(): Record<string, Getter<CfTarget>> {
    return {
      type: (t) => t.cf.rule.type,
      priority: (t) => t.cf.priority,
      stopIfTrue: (t) => !!t.cf.stopIfTrue,
      id: (t) => `${t.sheet.id}/cf${t.sheet.conditionalFormats.indexOf(t.cf)}`,
    };
  }
  protected override navigations() {
    return { textComparison: () => this.textComparison, custom: () => this.custom, cellValue: () => this.cellValue } as Record<string, () => Loadable>;
  }

  get type(): string { return this.get("type"); }
  get priority(): number { return this.get("priority"); }
  get stopIfTrue(): boolean { return this.get("stopIfTrue"); }
  set stopIfTrue(v: boolean) { this.write("stopIfTrue", v, (t) => this.ctx.journal.set(t.cf, "stopIfTrue", !!v)); }
  get id(): string { return this.get("id"); }

  get textComparison(): TextConditionalFormat {
    return this.part("text", "ContainsText", (r) => new TextConditionalFormat(this.ctx, r, true));
  }
  get custom(): CustomConditionalFormat {
    return this.part("custom", "Custom", (r) => new CustomConditionalFormat(this.ctx, r, true));
  }
  get cellValue(): CellValueConditionalFormat {
    return this.part("cellValue", "CellValue", (r) => new CellValueConditionalFormat(this.ctx, r, true));
  }

  getRange(): Range {
    const r = new Range(this.ctx, () => {
      const t = this.target();
      return t === null ? null : { sheet: t.sheet, rect: t.cf.ranges[0] };
    }, this.nullable);
    return r.registerCreation({ call: "getRange", args: [] });
  }

  delete(): void {
    this.call("delete", [], (t) => {
      assertWritable(t.sheet);
      const i = t.sheet.conditionalFormats.indexOf(t.cf);
      if (i >= 0) this.ctx.journal.remove(t.sheet.conditionalFormats, i);
    });
  }
}

export class ConditionalFormatCollection extends HostCollection<RangeTarget, ConditionalFormat> {
  private on(t: RangeTarget): ConditionalFormatModel[] {
    return t.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => rectsIntersect(r, t.rect)));
  }

  protected itemProxies(t: RangeTarget): ConditionalFormat[] {
    return this.on(t).map((cf) => new ConditionalFormat(this.ctx, () => ({ sheet: t.sheet, cf })));
  }

  add(type: string): ConditionalFormat {
    const cf = new ConditionalFormat(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      if (!SUPPORTED.includes(type as SupportedType)) throw richApiError("InvalidArgument", `Conditional format type '${type}' is not supported by this host.`);
      assertWritable(t.sheet);
      const rule: ConditionalFormatRule =
        type === "ContainsText" ? { type: "ContainsText", operator: "Contains", text: "" }
        : type === "Custom" ? { type: "Custom", formula: "" }
        : { type: "CellValue", operator: "EqualTo", formula1: "0" };
      // A new rule takes the top priority, as in Excel.
      for (const other of t.sheet.conditionalFormats) this.ctx.journal.set(other, "priority", other.priority + 1);
      const model: ConditionalFormatModel = { ranges: [t.rect], rule, style: {}, priority: 0 };
      this.ctx.journal.push(t.sheet.conditionalFormats, model);
      return { sheet: t.sheet, cf: model };
    });
    return cf.registerCreation({ call: "add", args: [type] });
  }

  getCount(): HostClientResult<number> {
    return new HostClientResult(this.ctx, () => {
      const t = this.target();
      return t ? this.on(t).length : 0;
    });
  }

  getItemAt(index: number): ConditionalFormat {
    const cf = new ConditionalFormat(this.ctx, () => {
      const t = this.target();
      if (t === null) return null;
      const m = this.on(t)[index];
      if (!m) throw richApiError("ItemNotFound");
      return { sheet: t.sheet, cf: m };
    });
    return cf.registerCreation({ call: "getItemAt", args: [index] });
  }

  clearAll(): void {
    this.call("clearAll", [], (t) => {
      assertWritable(t.sheet);
      this.ctx.journal.replaceAll(t.sheet.conditionalFormats, t.sheet.conditionalFormats.filter((cf) => !cf.ranges.some((r) => rectsIntersect(r, t.rect))));
    });
  }
}

export { sheetAddress };
