// One KPI's live cells: its latest, previous and target in force chosen from its source cells as buildKpi
// chooses them (FigureCells), then its RAG and trend worked out from those as rag.ts and dot.ts do, each as a
// formula of references, functions and numbers. A figure the formula cannot follow as the add-in reads it
// (a number read out of text, a relative target, a figure on another scale, a correction) stays the value
// the add-in read: those cells are marked "read by the add-in".
import { addMonthsIso, isDateFormat } from "../dates";
import { allowedAgeMonths, staleness, STALE_AFTER_MONTHS } from "../stale";
import type { Settings } from "../settings";
import type { CellAt, Figure, IsoDate, Kpi, PeriodCells } from "../types";
import { bin, cellRef, fn, num, type Expr } from "../formula";
import { parseCellAddress } from "../address";
import { excelSerial } from "./numberFormat";
import type { SourceCells } from "./liveSource";
import { RAG_CODE, dotCode } from "./liveWords";
import { ragText, type PlacedKpi } from "./rows";
import { RAG_WORDS } from "./palette";
import { sameValue } from "./liveCheck";
import { AS_IS, sameScale, scaleExpr, scaleNumber, scaleOf, type Scale } from "./liveScale";

/** The helper cells of a KPI on the data sheet's live block, by column. */
export const H = Object.freeze({
  key: 0,
  L: 1,
  latest: 2,
  P: 3,
  previous: 4,
  TI: 5,
  target: 6,
  shown: 7,
  final: 8,
  rag: 9,
  dot: 10,
  stale: 11,
  group: 12,
  structure: 13,
  staleText: 14,
  ratedAt: 15,
  periodRead: 16,
});
/** Helpers, then the words each point of the series would add as out of date ("at Oct 2020 — out of date"). */
export const HELPER_COLUMNS = 17;
export type HelperName = keyof typeof H;

/** The cells of the live scorecard the formulas read: the visible settings, and the words. */
export interface LiveRefs {
  asOf: Expr;
  amberBand: Expr;
  noChangeBand: Expr;
  /** What the RAG cell adds for an out-of-date figure whose period is not named ("\nout of date"). */
  staleWords: Expr;
}

export interface LiveKpiInput {
  p: PlacedKpi;
  cells: SourceCells;
  settings: Settings;
  refs: LiveRefs;
  dataSheet: string;
  /** The KPI's row in the data sheet's live block. */
  row: number;
  /** The reporting date the add-in rated at. */
  asOf: IsoDate;
  /** The first column of the text copies of the series' points read from text (none: such a series is not followed). */
  heldCol?: number;
  /** The same for the targets read from text ("35 weeks", "Max. 2.0% of gross rent"). */
  heldTargetCol?: number;
}

/** A KPI's live formulas by helper; a helper without one holds the value the add-in worked out. */
export type LivePlan = Partial<Record<HelperName, Expr>>;

const EPS = num(1e-9);
/** 31 Dec 9999: a date no reporting date reaches (a candidate with no date is never out of date). */
const NEVER = 2958465;
/** Most candidates one formula chooses between (CHOOSE takes 254, MAX 255 arguments). */
const MAX_CANDIDATES = 250;

const isNum = (e: Expr) => fn("ISNUMBER", e);
const and = (...e: Expr[]) => fn("AND", ...e);
const blank = () => fn("T", num(0));

function key(sheet: string, a1: string): string {
  return `${sheet}\u0000${a1.replace(/\$/g, "").toUpperCase()}`;
}

/** Every figure the add-in read for the KPI, by its cell. */
function figuresByCell(kpi: Kpi, sheet: string): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const add = (f: Figure | null | undefined) => {
    if (f?.cell) out.set(key((f as Figure & { sheet?: string }).sheet ?? sheet, f.cell), f);
  };
  for (const m of kpi.milestones) {
    add(m.actual);
    add(m.target);
  }
  for (const f of [kpi.baseline, kpi.target, kpi.previous, kpi.latest]) add(f);
  return out;
}

export class KpiFormulas {
  private readonly kpi: Kpi;
  private readonly sheet: string;
  private readonly figures: Map<string, Figure>;

  constructor(private readonly input: LiveKpiInput) {
    this.kpi = input.p.kpi;
    this.sheet = input.p.sheet;
    this.figures = figuresByCell(this.kpi, this.sheet);
  }

  /** A helper cell, from another helper on the data sheet (no sheet name: the formula's own sheet). */
  helper(name: HelperName): Expr {
    return { kind: "ref", sheet: null, rect: { row: this.input.row, col: H[name], rowCount: 1, colCount: 1 } };
  }

  /** A helper cell, from the scorecard. */
  helperFrom(name: HelperName): Expr {
    return cellRef(this.input.dataSheet, this.input.row, H[name]);
  }

  private sheetOf(at: CellAt): string {
    return at.sheet ?? this.sheet;
  }

  private ref(at: CellAt): Expr | null {
    const p = parseCellAddress(at.cell);
    return p ? cellRef(this.sheetOf(at), p.row, p.col) : null;
  }

  /**
   * Whether a formula reading the cell sees what the add-in read: a number the cell holds as that number, a
   * blank, or text the add-in read no number from. Not a number read out of text, a relative target, a
   * figure moved to another scale, a date, a boolean or an error.
   */
  followable(at: CellAt | null): boolean {
    return this.scaleAt(at) !== null;
  }

  /**
   * The scale rule a formula applies to the cell's number to read it as the add-in does (liveScale.ts): a whole
   * percentage typed as a plain number, a rate written as a percentage. Null where a formula cannot follow the cell.
   */
  scaleAt(at: CellAt | null): Scale | null {
    if (!at) return AS_IS;
    const sheet = this.sheetOf(at);
    if (!this.input.cells.hasSheet(sheet) || !parseCellAddress(at.cell)) return null;
    const raw = this.input.cells.cell(sheet, at.cell);
    const fig = this.figures.get(key(sheet, at.cell));
    const { unit } = this.kpi;
    const ratePer = this.kpi.ratePer ?? null;
    // A date is no figure to the add-in (figures/parse-figure.ts); a time of day with no date is a duration, in days.
    const isDate = (format: string) => isDateFormat(format);
    if (!raw) {
      if (fig && fig.value !== null) return null;
      // A number typed into the blank cell is read with the cell's own format.
      const format = this.input.cells.formatOf?.(sheet, at.cell) ?? "General";
      return isDate(format) ? AS_IS : scaleOf(unit, format, ratePer);
    }
    if (raw.valueType === "Double" || raw.valueType === "Integer") {
      if (typeof raw.value !== "number" || isDate(raw.numberFormat)) return null;
      const scale = scaleOf(unit, raw.numberFormat, ratePer);
      if (!fig) return scale;
      if (fig.value === null) return null;
      return fig.value === raw.value && scaleNumber(scale, raw.value) === raw.value ? scale : sameValue(scaleNumber(scale, raw.value), fig.value) ? scale : null;
    }
    if (raw.valueType === "String") return !fig || (fig.value === null && !fig.relative) ? scaleOf(unit, raw.numberFormat, ratePer) : null;
    return null;
  }

  /** The cell as a formula reads it on the KPI's scale (a number; the caller checks ISNUMBER of ref first). */
  followed(at: CellAt): { ref: Expr; value: Expr } | null {
    const scale = this.scaleAt(at);
    const ref = scale ? this.ref(at) : null;
    return ref && scale ? { ref, value: scaleExpr(scale, ref) } : null;
  }

  private serial(iso: IsoDate): number {
    const s = excelSerial(iso) ?? NEVER;
    return this.input.cells.date1904 ? s - 1462 : s;
  }

  /** A condition that a dated candidate counts at a date (the reporting date, unless said): from <= date. */
  private onOrBefore(from: IsoDate | null, date: Expr = this.input.refs.asOf): Expr | null {
    return from === null ? null : bin("<=", num(this.serial(from)), date);
  }

  /** IF(ISNUMBER(x),x,T(x)): the cell's number (on the KPI's scale), or its text, or blank — as the register shows a figure. */
  private shown(e: Expr, scale: Scale = AS_IS): Expr {
    return fn("IF", isNum(e), scaleExpr(scale, e), fn("T", e));
  }

  /** A cell's reference and scale, or null where a formula cannot follow it. */
  private cellOf(at: CellAt | null): { ref: Expr; scale: Scale } | null {
    const scale = at ? this.scaleAt(at) : null;
    const ref = scale ? this.ref(at!) : null;
    return ref && scale ? { ref, scale } : null;
  }

  /** MAX(cond1*1, cond2*2, ...): the last candidate whose condition holds, 0 for none. */
  private lastIndex(conds: Expr[]): Expr {
    return fn("MAX", ...conds.map((c, i) => bin("*", c, num(i + 1))));
  }

  /**
   * The index-th of the cells (blank for 0) on their scales: INDEX over a run of cells in a row or a column read on
   * one scale, else CHOOSE. `text`: the cell picked may hold text, shown as it is.
   */
  private pick(index: Expr, values: Expr[], scales: Scale[], text = false, held: (Expr | null)[] = []): Expr {
    const range = scales.every((sc) => sameScale(sc, scales[0])) && !held.some(Boolean) ? run(values) : null;
    const on = (sc: Scale, e: Expr) => (sc.kind === "as-is" ? e : text ? this.shown(e, sc) : scaleExpr(sc, e));
    return fn("IF", bin("=", index, num(0)), blank(), range ? on(scales[0], fn("INDEX", range, index)) : choose(index, values.map((v, i) => held[i] ?? on(scales[i], v))));
  }

  /** The series the latest and previous come from, oldest first: the baseline's actual, then the periods' actuals. */
  private series(): { refs: Expr[]; scales: Scale[]; held: (Expr | null)[]; conds: Expr[]; counted: Expr[]; periods: (PeriodCells | null)[] } | null {
    const c = this.kpi.figureCells!;
    const periods = c.periods.filter((p) => p.actual);
    // Periods dated and undated together are ordered by a rule a formula cannot follow.
    if (periods.some((p) => p.due === null) && periods.some((p) => p.due !== null)) return null;
    const refs: Expr[] = [];
    const scales: Scale[] = [];
    const held: (Expr | null)[] = [];
    const has: Expr[] = [];
    const conds: Expr[] = [];
    const list: (PeriodCells | null)[] = [];
    this.heldTexts = [];
    // A point followed, or one read from text held as read.
    const point = (at: CellAt | null): boolean => {
      const a = this.cellOf(at);
      const k = refs.length;
      const h = a ? null : this.heldPoint(at, k);
      const ref = a?.ref ?? h?.ref;
      if (!ref) return false;
      refs.push(ref);
      scales.push(a?.scale ?? h!.scale);
      held.push(h?.value ?? null);
      has.push(h?.has ?? isNum(ref));
      return true;
    };
    // Dates that only grow along the series: every point before the latest counted point counts too.
    const froms = periods.map((p) => p.actualFrom);
    const ordered = froms.every((f, i) => i === 0 || (f !== null && froms[i - 1] !== null && f >= froms[i - 1]!)) || froms.every((f) => f === null);
    if (c.baselineActual) {
      if (!point(c.baselineActual)) return null;
      conds.push(has[has.length - 1]);
      list.push(null);
    }
    for (const p of periods) {
      if (!point(p.actual)) return null;
      const when = this.onOrBefore(p.actualFrom);
      // A product of conditions rather than AND(): shorter, and TRUE*FALSE is 0 in Excel and LibreOffice alike.
      conds.push(when ? bin("*", has[has.length - 1], when) : has[has.length - 1]);
      list.push(p);
    }
    // Before the latest, a point counts when it holds a number (ordered dates), else as the latest's condition says.
    const counted = ordered ? has : conds;
    return refs.length <= MAX_CANDIDATES ? { refs, scales, held, conds, counted, periods: list } : null;
  }

  get heldColumn(): number | undefined {
    return this.input.heldCol;
  }

  /** The text of each target read from text, by its place among the targets (copies beside the helpers). */
  heldTargetTexts: { k: number; text: string }[] = [];

  get heldTargetColumn(): number | undefined {
    return this.input.heldTargetCol;
  }

  /** The text of each point of the series read from text, by its place in the series (copies beside the helpers). */
  heldTexts: { k: number; text: string }[] = [];

  /**
   * A point of the series the add-in read a number from text ("12.1% (academic year 22/23)"): a formula cannot read
   * that number (it would parse workbook text), so the point keeps the add-in's number while the cell still says
   * what it said (compared with a copy of its text beside the helpers), and is followed once a number is typed.
   */
  private heldPoint(at: CellAt | null, k: number, target = false): { ref: Expr; scale: Scale; value: Expr; has: Expr } | null {
    const col = target ? this.input.heldTargetCol : this.input.heldCol;
    if (!at || col === undefined) return null;
    const sheet = this.sheetOf(at);
    const raw = this.input.cells.hasSheet(sheet) ? this.input.cells.cell(sheet, at.cell) : null;
    const fig = this.figures.get(key(sheet, at.cell));
    const ref = this.ref(at);
    if (!ref || raw?.valueType !== "String" || typeof raw.value !== "string" || !fig || fig.value === null || fig.relative || /[\uD800-\uDFFF]/.test(raw.value)) return null;
    const scale = scaleOf(this.kpi.unit, raw.numberFormat, this.kpi.ratePer ?? null);
    const copy: Expr = { kind: "ref", sheet: null, rect: { row: this.input.row, col: col + k, rowCount: 1, colCount: 1 } };
    (target ? this.heldTargetTexts : this.heldTexts).push({ k, text: raw.value });
    // IFERROR: an error typed into the cell makes the comparison an error; the point then has no figure.
    const has = fn("IFERROR", fn("IF", isNum(ref), num(1), fn("IF", bin("=", ref, copy), num(1), num(0))), num(0));
    // A target is shown whatever it holds: other text typed over it is shown as it is (regenerate to read it).
    const value = fn("IF", isNum(ref), scaleExpr(scale, ref), target ? fn("IF", bin("=", ref, copy), num(fig.value), fn("T", ref)) : num(fig.value));
    return { ref, scale, value, has };
  }

  /** Latest, previous and their indices, as buildKpi chooses them; null where a formula cannot follow. */
  plan(): LivePlan {
    const plan: LivePlan = {};
    const c = this.kpi.figureCells;
    if (!c) return plan;
    const s = c.latest && c.previous ? null : this.series();
    this.labelled = s?.periods ?? null;
    // Latest: the Latest column's cell whatever it holds, else the newest counted point of the series.
    if (c.latest) {
      const r = this.cellOf(c.latest);
      if (r) plan.latest = this.shown(r.ref, r.scale);
      if (r) this.planStaleAtPeriod(plan);
    } else if (s && s.refs.length) {
      plan.L = this.lastIndex(s.conds);
      plan.latest = this.pick(this.helper("L"), s.refs, s.scales, false, s.held);
      this.points = s.periods;
      this.planStale(plan, s.periods);
    } else if (s) {
      plan.latest = blank();
    }
    // Previous: the Previous column's cell, else the point before the latest.
    if (c.previous) {
      const r = this.cellOf(c.previous);
      if (r) plan.previous = this.shown(r.ref, r.scale);
    } else if (s && c.latest) {
      // With a Latest column, the newest point of the series is the previous.
      if (s.refs.length) {
        plan.P = this.lastIndex(s.conds);
        plan.previous = this.pick(this.helper("P"), s.refs, s.scales, false, s.held);
      } else plan.previous = blank();
    } else if (s && plan.L) {
      const before = this.pick(this.helper("P"), s.refs, s.scales, false, s.held);
      // A numeric baseline is the point before a series of one (tables without ACTUAL rows).
      const leads = c.baselineLeads && c.baseline;
      const base = leads ? this.cellOf(c.baseline) : null;
      if (!leads || base) {
        plan.P = this.lastIndex(s.counted.map((cond, i) => bin("*", cond, bin(">", this.helper("L"), num(i + 1)))));
        plan.previous = base
          ? fn("IF", bin(">", this.helper("P"), num(0)), before, fn("IF", and(bin(">", this.helper("L"), num(0)), isNum(base.ref)), scaleExpr(base.scale, base.ref), blank()))
          : before;
      }
    } else if (s) {
      plan.previous = blank();
    }
    this.planTargets(plan);
    return plan;
  }

  /**
   * Out of date (stale.ts): the chosen point's period ended longer ago than the frequency allows, or 18 months;
   * then it is rated at its own period (ratedAt), and the RAG cell names that period.
   */
  private planStale(plan: LivePlan, points: (PeriodCells | null)[]): void {
    const { kpi } = this;
    const frequency = staleness({ frequency: kpi.frequency, latest: kpi.latest, previous: kpi.previous, milestones: kpi.milestones }, this.input.asOf).frequency;
    const allowed = frequency ? allowedAgeMonths(frequency) : null;
    const months = Math.min(allowed ?? STALE_AFTER_MONTHS, STALE_AFTER_MONTHS);
    const end = (p: PeriodCells | null) => p?.periodEnd ?? null;
    const limits = points.map((p) => (end(p) ? num(this.serial(addMonthsIso(end(p)!, months))) : num(NEVER)));
    const L = this.helper("L");
    plan.stale = fn("IF", bin("=", L, num(0)), num(0), fn("IF", bin("<", choose(L, limits), this.input.refs.asOf), num(1), num(0)));
    const stale = bin("=", this.helper("stale"), num(1));
    plan.ratedAt = fn("IF", and(stale, bin(">", L, num(0))), choose(L, points.map((p) => (end(p) ? num(this.serial(end(p)!)) : this.input.refs.asOf))), this.input.refs.asOf);
    this.staleTexts = points.map(() => ragText({ rag: "green", stale: true }).slice(RAG_WORDS.green.length));
    const texts = { kind: "ref", sheet: null, rect: { row: this.input.row, col: HELPER_COLUMNS, rowCount: 1, colCount: points.length } } as Expr;
    plan.staleText = fn("IF", and(stale, bin(">", L, num(0))), fn("INDEX", texts, L), this.input.refs.staleWords);
  }

  /**
   * Out of date for a Latest column: its period is the one the add-in read beside it (fixed), but whether that
   * period is out of date moves with the reporting date cell, as stale.ts judges it.
   */
  private planStaleAtPeriod(plan: LivePlan): void {
    const { kpi } = this;
    const end = kpi.latest?.periodEnd;
    if (!end || excelSerial(end) === null) return;
    const frequency = staleness({ frequency: kpi.frequency, latest: kpi.latest, previous: kpi.previous, milestones: kpi.milestones }, this.input.asOf).frequency;
    const months = Math.min((frequency ? allowedAgeMonths(frequency) : null) ?? STALE_AFTER_MONTHS, STALE_AFTER_MONTHS);
    const old = fn("IF", bin("<", num(this.serial(addMonthsIso(end, months))), this.input.refs.asOf), num(1), num(0));
    // A period typed over the one read is a newer figure's: a formula cannot read its end (that would parse workbook
    // text), so it is taken as not out of date until the scorecard is regenerated.
    const asRead = this.periodAsRead("L");
    plan.stale = asRead ? fn("IF", asRead, old, num(0)) : old;
    const stale = bin("=", this.helper("stale"), num(1));
    plan.ratedAt = fn("IF", stale, num(this.serial(end)), this.input.refs.asOf);
    // The words are a text cell beside the helpers (never a constant in a formula).
    this.staleTexts = [ragText({ rag: "green", stale: true }).slice(RAG_WORDS.green.length)];
    plan.staleText = fn("IF", stale, { kind: "ref", sheet: null, rect: { row: this.input.row, col: HELPER_COLUMNS, rowCount: 1, colCount: 1 } } as Expr, this.input.refs.staleWords);
  }

  /** For a series, what the RAG cell adds when each point is the latest and out of date; written after the helpers. */
  staleTexts: string[] = [];

  /** The date the target in force is read at when the latest is out of date by the figures the add-in read (a Latest column's period). */
  ratedAtFixed(stale: boolean): Expr {
    const end = this.kpi.latest?.periodEnd;
    return stale && end ? num(this.serial(end)) : this.input.refs.asOf;
  }

  private planTargets(plan: LivePlan): void {
    const { kpi } = this;
    const c = kpi.figureCells!;
    const current = kpi.currentTarget;
    // A target the user set, or one written relative to something else, is the add-in's own reading.
    if (current && (current.qualifier === "set by the user" || current.relative)) return;
    const withTarget = c.periods.filter((p) => p.target);
    this.heldTargetTexts = [];
    if (withTarget.length === 0) {
      if (c.target) {
        const r = this.cellOf(c.target);
        const held = r ? null : this.heldPoint(c.target, 0, true);
        if (r || held) {
          plan.target = r ? this.shown(r.ref, r.scale) : held!.value;
          plan.shown = this.helper("target");
          plan.final = this.helper("target");
        }
      }
      return;
    }
    // Every target cell must read as it stands; a "not applicable" that gives a reason supersedes older targets.
    const figs = withTarget.map((p) => this.figures.get(key(p.target!.sheet ?? this.sheet, p.target!.cell)) ?? null);
    if (figs.some((f) => f?.missing === "not-applicable" && f.text.replace(/[^a-z]/gi, "").length > 3)) return;
    const dated = withTarget.every((p) => p.targetFrom !== null);
    if (!dated && withTarget.some((p) => p.targetFrom !== null)) return;
    const order = withTarget.map((p, i) => ({ p, f: figs[i] })).sort((a, b) => (dated ? cmp(a.p.due, b.p.due) : 0));
    if (order.length > MAX_CANDIDATES) return;
    // Each target cell read as it stands, or (a number read from text) held as read while its text is unchanged.
    const followed: ({ ref: Expr; scale: Scale; value?: Expr; has?: Expr } | null)[] = order.map((o, k) => this.cellOf(o.p.target) ?? this.heldPoint(o.p.target, k, true));
    if (followed.some((r) => !r)) return;
    const cells = followed.map((f) => f!.ref);
    const scales = followed.map((f) => f!.scale);
    const held = followed.map((f) => f!.value ?? null);
    const numeric = followed.map((f, i) => f!.has ?? isNum(cells[i]));
    // A target that says "N/A" counts only once a number is typed over it (buildKpi leaves such milestones out).
    const has = order.map((o, i) => (o.f?.missing === "not-applicable" ? isNum(cells[i]) : bin(">", fn("LEN", cells[i]), num(0))));
    const conds = order.map((o, i) => {
      // In force at the reporting date, or at an out-of-date figure's own period.
      const when = dated ? this.onOrBefore(o.p.targetFrom, this.helper("ratedAt")) : null;
      return when ? bin("*", has[i], when) : has[i];
    });
    plan.TI = this.lastIndex(conds);
    this.targetLabels = order.map((o) => o.p.label);
    plan.target = this.pick(this.helper("TI"), cells, scales, true, held);
    // The final target: the last one that is a number.
    plan.final = this.pick(this.lastIndex(numeric), cells, scales, false, held);
    plan.shown = fn("IF", bin(">", this.helper("TI"), num(0)), this.helper("target"), this.helper("final"));
    if (dated) this.ownPeriodWithoutTarget(plan, order.map((o) => o.p));
  }

  /**
   * inForce.ts: when the latest figure's own period says it has no target ("n/a", "tbc"), that period is in force
   * (unless a later milestone is), so the figure is not rated against an earlier period's target. Which periods
   * say so is read from the workbook as it was: a flag per point of the series.
   */
  private ownPeriodWithoutTarget(plan: LivePlan, targets: PeriodCells[]): void {
    const points = this.points;
    if (!points || !plan.L) return;
    const own = points.map((p) => {
      if (!p) return null;
      const period = p.target ? p : this.kpi.figureCells!.periods.find((q) => q.target && q.due === p.due && q.actualFrom === p.actualFrom);
      const fig = period?.target ? this.figures.get(key(period.target.sheet ?? this.sheet, period.target.cell)) : null;
      return fig && (fig.missing === "not-applicable" || fig.missing === "to-be-confirmed") && period?.due ? { cell: period.target!, due: period.due } : null;
    });
    if (!own.some(Boolean)) return;
    const cellsOf = own.map((o) => (o ? this.cellOf(o.cell) : null));
    if (own.some((o, i) => o && !cellsOf[i])) return;
    const refs = cellsOf.map((x) => (x ? (x.scale.kind === "as-is" ? x.ref : this.shown(x.ref, x.scale)) : null));
    // Whether the latest's own period is in force, from the helpers (on the data sheet, or named from the scorecard).
    const applies = (h: (name: HelperName) => Expr) => {
      const L = h("L");
      const TI = h("TI");
      // The period still says it has no target: text there (a number typed over it is its target; emptied, no milestone).
      const flag = choose(L, cellsOf.map((c) => (c ? fn("IF", isNum(c.ref), num(0), fn("IF", bin(">", fn("LEN", c.ref), num(0)), num(1), num(0))) : num(0))));
      const ownDue = choose(L, own.map((o) => num(o ? this.serial(o.due) : 0)));
      const tiDue = choose(TI, targets.map((t) => num(t.due ? this.serial(t.due) : 0)));
      // Nested IFs: CHOOSE with an index of 0 is an error, and AND and OR evaluate every argument.
      return fn("IF", bin(">", L, num(0)), fn("IF", bin("=", flag, num(1)), fn("IF", bin("=", TI, num(0)), num(1), fn("IF", bin(">=", ownDue, tiDue), num(1), num(0))), num(0)), num(0));
    };
    const ownRef = choose(this.helper("L"), refs.map((r) => r ?? num(0)));
    const normal = plan.target!;
    const here = applies((n) => this.helper(n));
    plan.target = fn("IF", bin("=", here, num(1)), ownRef, normal);
    plan.shown = fn("IF", bin("=", here, num(1)), this.helper("target"), plan.shown!);
    // "Target for" then names the latest's own period: its place among the targets.
    const place = own.map((o) => (o ? targets.findIndex((t) => t.target?.cell === o.cell.cell && (t.target?.sheet ?? null) === (o.cell.sheet ?? null)) + 1 : 0));
    if (own.some((o, i) => o && place[i] < 1)) return;
    this.targetIndex = (h) => fn("IF", bin("=", applies(h), num(1)), choose(h("L"), place.map((k) => num(k))), h("TI"));
  }

  /** Which of the targets' labels "Target for" shows, from the helpers: TI, or the latest's own period's place. */
  private targetIndex: (h: (name: HelperName) => Expr) => Expr = (h) => h("TI");

  /** The milestones' labels, in the order TI counts them, once plan() has read the targets. */
  targetLabels: string[] | null = null;

  /**
   * "Target for" (rows.ts targetFor): the label of the milestone in force (text cells beside the helpers), else
   * "Final target" (a words cell) when there is a final target, else blank.
   */
  targetForFormula(labels: Expr, finalWord: Expr): Expr {
    const TI = this.targetIndex((n) => this.helperFrom(n));
    const final = this.helperFrom("final");
    return fn("IF", bin(">", TI, num(0)), fn("T", fn("INDEX", labels, TI)), fn("IF", bin(">", fn("LEN", final), num(0)), finalWord, fn("T", num(0))));
  }

  /** The cell naming the period of the Latest (L) or Previous (P) column's figure, when it holds text. */
  periodTextCell(which: "L" | "P"): { at: CellAt; text: string } | null {
    const c = this.kpi.figureCells!;
    const at = which === "L" ? (c.latest ? c.latestPeriod : null) : c.previous ? c.previousPeriod : null;
    const raw = at ? this.input.cells.cell(this.sheetOf(at), at.cell) : null;
    return at && raw?.valueType === "String" && typeof raw.value === "string" ? { at, text: raw.value } : null;
  }

  /** The Latest column's period cell still says what it said (compared with its copy in a helper cell). */
  private periodAsRead(which: "L"): Expr | null {
    const cell = this.periodTextCell(which);
    const r = cell ? this.ref(cell.at) : null;
    return r ? bin("=", r, this.helper("periodRead")) : null;
  }

  /**
   * The register's period cell for a Latest or Previous column: what the cell beside it holds (text; or a date, as
   * Excel makes "Feb 24" typed into a cell, shown by the register cell's date format).
   */
  periodCellFormula(which: "L" | "P"): Expr | null {
    const cell = this.periodTextCell(which);
    const r = cell ? this.ref(cell.at) : null;
    return r ? fn("IF", fn("ISNUMBER", r), r, fn("T", r)) : null;
  }

  /** The series' points, for their period words, whichever of latest and previous they give. */
  private labelled: (PeriodCells | null)[] | null = null;

  /** The period each point of the series is shown with, as the latest or the previous (text cells beside the helpers). */
  periodLabels(): string[] | null {
    return this.labelled?.map((p) => p?.periodLabel ?? "") ?? null;
  }

  /**
   * The register's period cell of the latest (L) or the previous (P) point, picked from the period words; null
   * where the point is not picked from the series (a Latest or Previous column; a baseline standing before it).
   */
  periodFormula(which: "L" | "P", labels: Expr): Expr | null {
    const c = this.kpi.figureCells!;
    if (which === "L" && c.latest) return null;
    if (which === "P" && (c.previous || (c.baselineLeads && c.baseline))) return null;
    const i = this.helperFrom(which);
    // T(): a point with no period words is an empty cell, which INDEX would show as 0.
    return fn("IF", bin("=", i, num(0)), fn("T", num(0)), fn("T", fn("INDEX", labels, i)));
  }

  /** The series' points, oldest first (null for the baseline's actual), once plan() has read them. */
  private points: (PeriodCells | null)[] | null = null;

  /**
   * The RAG code (RAG_CODE) from the latest, the target in force and the final target, as rag.ts rates it; without
   * both figures, the fallback (withLatest: when the latest is a number but the target is not).
   */
  ragFormula(fallback: number, withLatest = fallback): Expr | null {
    const { kpi } = this;
    const { settings } = this.input;
    // A KPI with no better direction is rated on the side its targets imply (rating.ts), or not at all.
    const side = kpi.polarity ?? kpi.noBetterDirection?.ratedAs ?? null;
    if (!side) return null;
    // "50% or national average, whichever is higher": rated against its floor by the add-in alone.
    const t0 = kpi.currentTarget;
    if (t0?.relative && t0.value === null && t0.relative.resolved === null) return null;
    const a = this.helper("latest");
    const t = this.helper("target");
    const higher = side === "higher-is-better";
    const short = (target: Expr) => (higher ? bin("-", target, a) : bin("-", a, target));
    const points = settings.amberMode === "points" && kpi.unit === "percent";
    const limit = points ? this.input.refs.amberBand : bin("*", fn("ABS", t), this.input.refs.amberBand);
    let rated: Expr = fn("IF", bin("<=", short(t), EPS), num(RAG_CODE.green), fn("IF", bin("<=", short(t), bin("+", limit, EPS)), num(RAG_CODE.amber), num(RAG_CODE.red)));
    if (settings.blueWhenFinalTargetMet) {
      const f = this.helper("final");
      // Nested, not AND(): Excel evaluates every argument of AND, and a final target that is text would make it #VALUE!.
      rated = fn("IF", isNum(f), fn("IF", bin("<=", short(f), EPS), num(RAG_CODE.blue), rated), rated);
    }
    const missing = withLatest === fallback ? num(fallback) : fn("IF", isNum(a), num(withLatest), num(fallback));
    let code: Expr = fn("IF", and(isNum(a), isNum(t)), rated, missing);
    if (settings.staleRatesGrey) code = fn("IF", bin("=", this.helper("stale"), num(1)), num(RAG_CODE.grey), code);
    return code;
  }

  /** The trend code (liveWords.ts) from the latest and previous, as dot.ts computes it. */
  dotFormula(fallback: number): Expr {
    const a = this.helper("latest");
    const p = this.helper("previous");
    const pol = this.kpi.polarity;
    const up = dotCode("up", pol ? (pol === "higher-is-better" ? "improving" : "worsening") : null);
    const down = dotCode("down", pol ? (pol === "lower-is-better" ? "improving" : "worsening") : null);
    const moved = fn("IF", bin(">", a, p), num(up), num(down));
    const flat = fn("IF", bin("<=", fn("ABS", bin("-", a, p)), bin("+", this.input.refs.noChangeBand, EPS)), num(dotCode("flat", "no-change")), moved);
    return fn("IF", and(isNum(a), isNum(p)), flat, num(fallback));
  }
}

/** Most values one CHOOSE picks from: LibreOffice counts CHOOSE's choices as jumps and gives #VALUE! past about 30. */
const CHOOSE_MAX = 29;

/**
 * CHOOSE(index, values…) for any number of values: past CHOOSE_MAX, in runs of CHOOSE_MAX, the run picked by IFs on
 * the index (index - start picks within it).
 */
export function choose(index: Expr, values: readonly Expr[]): Expr {
  if (values.length <= CHOOSE_MAX) return fn("CHOOSE", index, ...values);
  const run = (start: number): Expr => {
    const part = values.slice(start, start + CHOOSE_MAX);
    const within = start === 0 ? index : bin("-", index, num(start));
    const picked = fn("CHOOSE", within, ...part);
    return start + CHOOSE_MAX >= values.length ? picked : fn("IF", bin("<=", index, num(start + CHOOSE_MAX)), picked, run(start + CHOOSE_MAX));
  };
  return run(0);
}

/** The references as one range, when they are consecutive cells of one row or one column, in order. */
function run(values: readonly Expr[]): Expr | null {
  const refs = values.map((v) => (v.kind === "ref" && v.rect.rowCount === 1 && v.rect.colCount === 1 ? v : null));
  if (refs.length < 2 || refs.some((r) => !r || r.sheet !== refs[0]!.sheet)) return null;
  const first = refs[0]!.rect;
  const along = (dr: number, dc: number) => refs.every((r, i) => r!.rect.row === first.row + dr * i && r!.rect.col === first.col + dc * i);
  if (along(0, 1)) return { kind: "ref", sheet: refs[0]!.sheet, rect: { row: first.row, col: first.col, rowCount: 1, colCount: refs.length } };
  if (along(1, 0)) return { kind: "ref", sheet: refs[0]!.sheet, rect: { row: first.row, col: first.col, rowCount: refs.length, colCount: 1 } };
  return null;
}

function cmp(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
