// The live scorecard: where a figure can be followed by a formula over its source cells, the register's
// latest, previous, target, RAG and trend are formulas, so they recalculate in Excel (and for co-authors)
// without the add-in; page 1's counts count them. The formulas read helper cells on the hidden data sheet
// (one row per KPI: which figure is the latest, the target in force, the RAG and trend as numbers) and
// three visible, labelled cells on page 1 (reporting date, amber band, no-change band). Every formula is
// worked out on the workbook as read before it is written, and kept only where it gives what the add-in
// gave; elsewhere the cell holds the add-in's value, in italics: "read by the add-in — regenerate to update".
import { cellRef, evaluateFormula, fn, bin, num, rangeRef, type Expr } from "../formula";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../address";
import type { Settings } from "../settings";
import type { Rag, ScanResult } from "../types";
import { BlockBuilder, span } from "./grid";
import { literal, unquote } from "./literal";
import { sameValue, VirtualCells } from "./liveCheck";
import { liveFormulaText } from "./liveFormula";
import { H, HELPER_COLUMNS, KpiFormulas, type HelperName, type LivePlan, type LiveRefs } from "./liveKpi";
import type { SourceCells } from "./liveSource";
import { DOT_CODES, RAG_BY_CODE, RAG_CODE, STRUCTURE_CHANGED, STRUCTURE_LABEL, STRUCTURE_OK, dotCode, dotWord, staleSuffix } from "./liveWords";
import { DATE_FORMAT, GENERAL, excelSerial } from "./numberFormat";
import { COMMENTARY_FILL, NOTE_COLOUR, RAG_WORDS } from "./palette";
import { FINAL_TARGET, figureCell, ragText, trendText, type CellOut, type PlacedKpi } from "./rows";
import { figureFormat } from "./sourceFormat";
import { SCORECARD_FONT } from "./textFit";
import { HEADING_WORDS, groupCounts, headingFormula } from "./liveHeadings";
import { readableDate } from "./summary";
import type { ChartSpec, ColumnId, RangeFormatSpec, ScorecardSummaryRow, SpecValue } from "./types";
import type { CellAt } from "../types";

/** Most formula text the live cells of one scorecard may come to: the write batch stays well under 5 MB. */
export const LIVE_BUDGET_CHARS = 2_500_000;

/** The register's judged cells: shown in italics, with the key, when they are not live. */
const LIVE_COLUMNS = ["latest", "previous", "target", "rag", "dot"] as const;
/** The periods of the latest and previous figures: live for a series (the point picked), else as read. */
const PERIOD_COLUMNS = ["latestPeriod", "previousPeriod"] as const;
const PERIOD_FORMAT = "mmm yyyy";
export type LiveColumn = (typeof LIVE_COLUMNS)[number] | (typeof PERIOD_COLUMNS)[number] | "targetFor";

/** Page-1 text for the live cells, and the key to the cells that are not live. */
export const LIVE_LABELS = Object.freeze({
  title: "Live settings (not printed): the register's formulas read these",
  asOf: "Reporting date",
  amberRelative: "Amber band (share of target)",
  amberPoints: "Amber band (percentage points)",
  noChange: "No-change band",
  structure: STRUCTURE_LABEL,
});
export const NOT_LIVE_KEY = "Figures in italics were read by the add-in (from text, or relative to another figure, or corrected by hand): regenerate to update them.";


export interface LiveInput {
  /** KPIs in the workbook's order (page 1 groups them in this order) and in the register's. */
  scanOrder: readonly PlacedKpi[];
  registerOrder: readonly PlacedKpi[];
  cells: SourceCells;
  settings: Settings;
  scan: ScanResult;
  sheetName: string;
  dataSheetName: string;
  /** The live block's first row on the data sheet. */
  dataRow: number;
  register: ReadonlyMap<string, Record<ColumnId, CellOut>>;
  /** The first column right of the register's: the live settings stand there, on screen but not printed. */
  settingsCol: number;
  generatedAt: string;
}

export interface LiveOutcome {
  block: BlockBuilder;
  /** The register's live cells of each KPI, as formula text. */
  formulas: Map<string, Partial<Record<LiveColumn, string>>>;
  /** The register's cells that hold the add-in's value though the scorecard is live. */
  marked: Map<string, LiveColumn[]>;
  /** KPIs with at least one live cell, and live cells in all. */
  liveKpis: number;
  liveCells: number;
  /**
   * A group heading of the register as a formula counting the live RAGs, given its fixed words ("Name — 3 KPIs: ")
   * and the text the add-in wrote; null where the formula would not give that text.
   */
  heading?: (group: string, prefix: string, rags: readonly Rag[], text: string) => string | null;
}

interface SettingsCells {
  asOf: Expr;
  amberBand: Expr;
  noChangeBand: Expr;
  values: { row: number; col: number; value: number }[];
}

export class LiveScorecard {
  readonly endRow: number;
  private readonly wordsRow: number;
  private readonly helperRow: number;
  private readonly tableRow: number;
  /** The group headings' rows: a row of words, then a row per group of the register. */
  private readonly headingRow: number;
  private readonly groups: string[];
  private readonly n: number;
  private readonly groupNo = new Map<string, number>();
  /** The workbook as read with the live cells laid over it, to check each formula before it is written. */
  private readonly virtual: VirtualCells;
  /** Each KPI's helper row and what of it is a formula. */
  private readonly followed = new Map<string, { row: number; plan: LivePlan; kf: KpiFormulas | null }>();

  constructor(private readonly input: LiveInput) {
    this.n = input.registerOrder.length;
    this.wordsRow = input.dataRow + 1;
    this.helperRow = input.dataRow + 5;
    this.tableRow = this.helperRow + this.n + 1;
    this.headingRow = this.tableRow + input.scan.tables.length + 1;
    this.groups = [...new Set(input.registerOrder.map((p) => p.group))];
    this.endRow = this.headingRow + 1 + this.groups.length + 1;
    for (const p of input.scanOrder) if (!this.groupNo.has(p.group)) this.groupNo.set(p.group, this.groupNo.size + 1);
    this.virtual = new VirtualCells(input.cells);
  }

  private data(row: number, col: number): Expr {
    return cellRef(this.input.dataSheetName, row, col);
  }

  private helperRange(col: number): Expr {
    return rangeRef(this.input.dataSheetName, { row: this.helperRow, col, rowCount: this.n, colCount: 1 });
  }

  /** A page-1 RAG tile's count as a formula over the register's live RAGs (null: the total, which is fixed). */
  tileFormula(id: Rag | "stale" | "total"): string | null {
    if (this.n === 0 || id === "total") return null;
    if (id === "stale") return liveFormulaText(fn("COUNTIFS", this.helperRange(H.stale), num(1)));
    return liveFormulaText(fn("COUNTIFS", this.helperRange(H.rag), num(RAG_CODE[id])));
  }

  /** A cell of page 1's group × RAG table: its group (by name; "Total" row: null) and what it counts. */
  groupFormula(group: string | null, what: Rag | "stale" | "total"): string | null {
    if (this.n === 0 || what === "total") return null;
    const criteria: Expr[] = what === "stale" ? [this.helperRange(H.stale), num(1)] : [this.helperRange(H.rag), num(RAG_CODE[what])];
    if (group === null) return liveFormulaText(fn("COUNTIFS", ...criteria));
    const g = this.groupNo.get(group);
    return g === undefined ? null : liveFormulaText(fn("COUNTIFS", this.helperRange(H.group), num(g), ...criteria));
  }

  /**
   * The live settings, on screen beside page 1 but outside the print area (the printed paper keeps its page 1):
   * the reporting date, the amber band and the no-change band as labelled cells the formulas read, and whether the
   * source tables still have the shape the scorecard follows. Rows 0–4 of the two columns right of the register's.
   */
  settingsBlock(): { block: BlockBuilder; formats: RangeFormatSpec[]; widths: { col: number; width: number }[] } | null {
    const at = this.settingsAt();
    if (!at) return null;
    const { settings } = this.input;
    const col = this.input.settingsCol;
    const block = new BlockBuilder("liveSettings", 0, col, 2);
    block.set(0, col, literal(LIVE_LABELS.title));
    const band = settings.amberBand;
    const rows: [string, SpecValue, string, string | undefined][] = [
      // A date in the 1900 system, as the core writes every date: src/excel moves it to a 1904 workbook's (the formulas' dates are moved already).
      [LIVE_LABELS.asOf, excelSerial(this.input.scan.asOf)!, DATE_FORMAT, undefined],
      [settings.amberMode === "points" ? LIVE_LABELS.amberPoints : LIVE_LABELS.amberRelative, band, Number.isInteger(Math.round(band * 1e6) / 1e4) ? "0%" : "0.0#%", undefined],
      [LIVE_LABELS.noChange, settings.noChangeBand, GENERAL, undefined],
      [LIVE_LABELS.structure, STRUCTURE_OK, GENERAL, this.structureFormula()],
    ];
    rows.forEach(([label, value, format, formula], i) => {
      block.set(1 + i, col, literal(label));
      block.setLive(1 + i, col + 1, formula, value, format);
    });
    const formats: RangeFormatSpec[] = [
      { address: span(0, col, 4, col + 1), fontName: SCORECARD_FONT, fontSize: 10, verticalAlignment: "Center" },
      { address: span(0, col, 0, col), bold: true, fontColour: NOTE_COLOUR, italic: true },
      { address: span(1, col, 4, col), bold: true, horizontalAlignment: "Right" },
      { address: span(1, col + 1, 4, col + 1), fill: COMMENTARY_FILL, horizontalAlignment: "Left", border: { colour: NOTE_COLOUR, inside: true } },
    ];
    return { block, formats, widths: [{ col, width: 150 }, { col: col + 1, width: 170 }] };
  }

  /** The page-1 key's words about the live cells (printed): what follows the source, and what does not. */
  keyNote(outcome: LiveOutcome | null): string {
    if (!outcome || this.n === 0) return "";
    const marked = outcome.marked.size > 0 ? ` ${NOT_LIVE_KEY}` : "";
    return ` Live: in Excel the register's figures, RAG and trend, and these counts, follow the source cells; the exceptions and the changes are as generated on ${readableDate(this.input.generatedAt)}.${marked}`;
  }

  /** Where the settings cells are (rows 1–3 of the settings column's right neighbour), with their values. */
  private settingsAt(): SettingsCells | null {
    const serial = excelSerial(this.input.scan.asOf);
    if (serial === null) return null;
    const asOf = this.input.cells.date1904 ? serial - 1462 : serial;
    const col = this.input.settingsCol + 1;
    const at = (row: number) => cellRef(this.input.sheetName, row, col);
    return {
      asOf: at(1),
      amberBand: at(2),
      noChangeBand: at(3),
      values: [
        { row: 1, col, value: asOf },
        { row: 2, col, value: this.input.settings.amberBand },
        { row: 3, col, value: this.input.settings.noChangeBand },
      ],
    };
  }

  private structureFormula(): string | undefined {
    const ok = this.data(this.wordsRow + 2, 2);
    const changed = this.data(this.wordsRow + 2, 3);
    const checks: Expr[] = [];
    if (this.n) checks.push(bin("=", fn("MIN", this.helperRange(H.structure)), num(1)));
    if (this.input.scan.tables.length)
      checks.push(bin("=", fn("MIN", rangeRef(this.input.dataSheetName, { row: this.tableRow, col: 1, rowCount: this.input.scan.tables.length, colCount: 1 })), num(1)));
    if (!checks.length) return undefined;
    return liveFormulaText(fn("IFERROR", fn("IF", fn("AND", ...checks), ok, changed), changed));
  }

  /** The data sheet's live block and the register's formulas, each checked against what the add-in worked out. */
  finish(): LiveOutcome {
    const { input } = this;
    // Wide enough for the out-of-date words of the longest series.
    const points = input.registerOrder.reduce((n, p) => Math.max(n, 1 + (p.kpi.figureCells?.periods.length ?? 0)), 1);
    const width = Math.min(points, 250);
    // Beside the helpers: the out-of-date words of each point, the period words of each point, and (where a series has
    // points read from text) the text of each such point as read, and (where KPIs have milestones) their labels.
    let arrays = 2;
    const heldCol = input.registerOrder.some((p) => this.hasTextPoints(p)) ? HELPER_COLUMNS + arrays++ * width : undefined;
    const labelCol = input.registerOrder.some((p) => p.kpi.figureCells?.periods.some((x) => x.target)) ? HELPER_COLUMNS + arrays++ * width : undefined;
    const heldTargetCol = input.registerOrder.some((p) => this.hasTextTargets(p)) ? HELPER_COLUMNS + arrays++ * width : undefined;
    const block = new BlockBuilder("live", input.dataRow, 0, HELPER_COLUMNS + arrays * width);
    const out: LiveOutcome = { block, formulas: new Map(), marked: new Map(), liveKpis: 0, liveCells: 0 };
    const cells = this.virtual;
    const text = (row: number, col: number, t: string) => {
      block.set(row, col, literal(t));
      if (col > 0) cells.set(input.dataSheetName, row, col, t);
    };
    text(input.dataRow, 0, "Live scorecard: what the scorecard's formulas read (written by the add-in; do not edit)");
    text(this.wordsRow, 0, "RAG words");
    RAG_BY_CODE.forEach((r, i) => text(this.wordsRow, 1 + i, RAG_WORDS[r]));
    text(this.wordsRow + 1, 0, "Trend words");
    DOT_CODES.forEach((_, i) => text(this.wordsRow + 1, 1 + i, dotWord(i + 1)));
    text(this.wordsRow + 2, 0, "Other words");
    [staleSuffix(), STRUCTURE_OK, STRUCTURE_CHANGED, FINAL_TARGET].forEach((t, i) => text(this.wordsRow + 2, 1 + i, t));
    const headers: Record<HelperName, string> = {
      key: "Key", L: "Latest (which)", latest: "Latest", P: "Previous (which)", previous: "Previous", TI: "Target (which)", target: "Target in force",
      shown: "Target shown", final: "Final target", rag: "RAG (1 Blue 2 Green 3 Amber 4 Red 5 Grey)", dot: "Trend", stale: "Out of date", group: "Group", structure: "Row as generated",
      staleText: "Out of date (words)",
      ratedAt: "Rated at",
      periodRead: "Latest period as read",
    };
    for (const [name, col] of Object.entries(H)) block.set(this.helperRow - 1, col, headers[name as HelperName]);
    block.set(this.tableRow - 1, 0, "Table");
    block.set(this.tableRow - 1, 1, "As generated");

    const page1 = this.settingsAt();
    if (page1) for (const v of page1.values) cells.set(input.sheetName, v.row, v.col, v.value);
    // The settings, copied beside the helpers: each helper formula then names them in a few characters.
    let refs: LiveRefs | null = null;
    if (page1) {
      const row = this.wordsRow + 2;
      text(row, 5, "Settings (from the scorecard):");
      const copies = [page1.asOf, page1.amberBand, page1.noChangeBand].map((e, i) => {
        const col = 6 + i;
        // General, not a date: a hidden helper, and a block all General is written without a formats request.
        block.setLive(row, col, liveFormulaText(e), page1.values[i].value);
        cells.set(input.dataSheetName, row, col, e);
        return { kind: "ref", sheet: null, rect: { row, col, rowCount: 1, colCount: 1 } } as Expr;
      });
      const words = { kind: "ref", sheet: null, rect: { row: this.wordsRow + 2, col: 1, rowCount: 1, colCount: 1 } } as Expr;
      refs = { asOf: copies[0], amberBand: copies[1], noChangeBand: copies[2], staleWords: words };
    }

    let budget = LIVE_BUDGET_CHARS;
    input.registerOrder.forEach((p, i) => {
      const row = this.helperRow + i;
      const reg = input.register.get(p.key)!;
      const kf = refs ? new KpiFormulas({ p, cells: input.cells, settings: input.settings, refs, dataSheet: input.dataSheetName, row, asOf: input.scan.asOf, heldCol, heldTargetCol }) : null;
      const result = kf && budget > 0 ? this.settle(kf, p, reg, row, cells) : null;
      const plan = result?.plan ?? {};
      const statics = this.statics(p, reg, i);
      const live = new Set<LiveColumn>();
      for (const [name, col] of Object.entries(H) as [HelperName, number][]) {
        const e = plan[name];
        const formula = e ? liveFormulaText(e) : null;
        if (formula) budget -= formula.length;
        block.setLive(row, col, formula, statics[name]);
      }
      if (plan.staleText && kf) kf.staleTexts.forEach((t, k) => block.set(row, HELPER_COLUMNS + k, literal(t)));
      if ((plan.L || plan.P) && kf && heldCol !== undefined) kf.heldTexts.forEach(({ k, text: t }) => k < width && block.set(row, heldCol + k, literal(t)));
      if (plan.target && kf && heldTargetCol !== undefined) kf.heldTargetTexts.forEach(({ k, text: t }) => k < width && block.set(row, heldTargetCol + k, literal(t)));
      if (result && kf) {
        const f: Partial<Record<LiveColumn, string>> = {};
        const helper = (name: HelperName) => liveFormulaText(kf.helperFrom(name));
        if (plan.latest) f.latest = helper("latest");
        if (plan.previous) f.previous = helper("previous");
        if (plan.shown) f.target = helper("shown");
        if (result.ragText) f.rag = liveFormulaText(this.ragCell(kf));
        if (plan.dot) f.dot = liveFormulaText(fn("IF", bin("=", kf.helperFrom("dot"), num(0)), fn("T", num(0)), fn("INDEX", this.wordRange(1, DOT_CODES.length), kf.helperFrom("dot"))));
        for (const c of Object.values(f)) budget -= c.length;
        out.formulas.set(p.key, f);
        for (const c of LIVE_COLUMNS) if (f[c]) live.add(c);
      }
      // What every helper holds, for the charts' check (a KPI left static past the budget included).
      for (const [name, col] of Object.entries(H) as [HelperName, number][]) cells.set(input.dataSheetName, row, col, plan[name] ?? unquoted(statics[name]));
      if (result && kf) Object.assign(out.formulas.get(p.key)!, this.periodCells(kf, plan, reg, row, HELPER_COLUMNS + width, width, block));
      if (result && kf && labelCol !== undefined) Object.assign(out.formulas.get(p.key)!, this.targetForCell(kf, plan, reg, row, labelCol, width, block));
      this.followed.set(p.key, { row, plan, kf });
      if (live.size) out.liveKpis++;
      out.liveCells += live.size;
      if (refs) {
        const marked = LIVE_COLUMNS.filter((c) => !live.has(c) && reg[c].shown !== "");
        if (marked.length) out.marked.set(p.key, marked);
      }
    });
    input.scan.tables.forEach((t, i) => {
      const row = this.tableRow + i;
      block.set(row, 0, literal(`${t.sheet}!${t.range}`));
      const e = this.tableCheck(t.sheet, t.range);
      let formula: string | null = null;
      if (e) {
        cells.set(input.dataSheetName, row, 1, e);
        if (sameValue(cells.cell(input.dataSheetName, row, 1), 1)) formula = liveFormulaText(e);
      }
      block.setLive(row, 1, formula, 1);
    });
    this.headingCounts(block);
    out.heading = (group, prefix, rags, text) => this.headingCell(block, group, prefix, rags, text);
    return out;
  }

  /** Per group of the register, its counts by RAG and out of date, counting the helper codes. */
  private headingCounts(block: BlockBuilder): void {
    const sheet = this.input.dataSheetName;
    block.set(this.headingRow, 0, "Group headings");
    HEADING_WORDS.forEach((w, i) => {
      block.set(this.headingRow, 1 + i, literal(w));
      this.virtual.set(sheet, this.headingRow, 1 + i, w);
    });
    if (this.n === 0) return;
    this.groups.forEach((g, i) => {
      const no = this.groupNo.get(g);
      if (no === undefined) return;
      const row = this.headingRow + 1 + i;
      const counts = groupCounts(this.helperRange(H.group), this.helperRange(H.rag), this.helperRange(H.stale), no);
      counts.forEach((e, k) => {
        this.virtual.set(sheet, row, 1 + k, e);
        const v = this.virtual.cell(sheet, row, 1 + k);
        block.setLive(row, 1 + k, liveFormulaText(e), typeof v === "number" ? v : 0);
      });
    });
    this.virtual.reset();
  }

  /** A group heading's formula, kept where it gives the heading the add-in wrote. */
  private headingCell(block: BlockBuilder, group: string, prefix: string, rags: readonly Rag[], text: string): string | null {
    const i = this.groups.indexOf(group);
    if (i < 0 || this.n === 0 || !this.groupNo.has(group)) return null;
    const sheet = this.input.dataSheetName;
    const row = this.headingRow + 1 + i;
    block.set(row, 0, literal(prefix));
    this.virtual.set(sheet, row, 0, prefix);
    const e = headingFormula(
      {
        prefix: this.data(row, 0),
        count: (code) => this.data(row, code),
        stale: this.data(row, 1 + RAG_BY_CODE.length),
        word: (k) => this.data(this.headingRow, 1 + k),
        ragWord: (code) => this.data(this.wordsRow, code),
      },
      rags,
    );
    return sameValue(evaluateFormula(e, this.virtual, sheet), text) ? liveFormulaText(e) : null;
  }

  /**
   * The latest's and previous's period cells of a series KPI: the words of the point picked, from text cells
   * beside the helpers (the add-in's own words for each point), kept where they give what the add-in shows.
   */
  private periodCells(kf: KpiFormulas, plan: LivePlan, reg: Record<ColumnId, CellOut>, row: number, col: number, width: number, block: BlockBuilder): Partial<Record<LiveColumn, string>> {
    const out: Partial<Record<LiveColumn, string>> = {};
    const sheet = this.input.dataSheetName;
    // A Latest or Previous column: the period cell beside it, when it holds text.
    const beside: [(typeof PERIOD_COLUMNS)[number], "L" | "P", boolean][] = [
      ["latestPeriod", "L", !!plan.latest],
      ["previousPeriod", "P", !!plan.previous],
    ];
    for (const [id, which, followed] of beside) {
      const e = followed ? kf.periodCellFormula(which) : null;
      if (e && sameValue(evaluateFormula(e, this.virtual, sheet), unquoted(reg[id].value))) out[id] = liveFormulaText(e);
    }
    const labels = kf.periodLabels();
    if (!labels?.length || labels.length > width) return out;
    const range = rangeRef(sheet, { row, col, rowCount: 1, colCount: labels.length });
    labels.forEach((t, k) => {
      block.set(row, col + k, literal(t));
      this.virtual.set(sheet, row, col + k, t);
    });
    this.virtual.reset();
    const wanted: [(typeof PERIOD_COLUMNS)[number], "L" | "P", boolean][] = [
      ["latestPeriod", "L", !!(plan.L && plan.latest)],
      ["previousPeriod", "P", !!(plan.P && plan.previous)],
    ];
    for (const [id, which, followed] of wanted) {
      const e = followed && !out[id] ? kf.periodFormula(which, range) : null;
      if (!e || !sameValue(evaluateFormula(e, this.virtual, sheet), unquoted(reg[id].value))) continue;
      out[id] = liveFormulaText(e);
    }
    return out;
  }

  /** "Target for": the label of the milestone in force, picked as the target in force is (text cells beside the helpers). */
  private targetForCell(kf: KpiFormulas, plan: LivePlan, reg: Record<ColumnId, CellOut>, row: number, col: number, width: number, block: BlockBuilder): Partial<Record<LiveColumn, string>> {
    const labels = kf.targetLabels;
    if (!plan.TI || !plan.shown || !plan.final || !labels?.length || labels.length > width || !reg.targetFor) return {};
    const sheet = this.input.dataSheetName;
    labels.forEach((t, k) => {
      block.set(row, col + k, literal(t));
      this.virtual.set(sheet, row, col + k, t);
    });
    this.virtual.reset();
    const range = rangeRef(sheet, { row, col, rowCount: 1, colCount: labels.length });
    const e = kf.targetForFormula(range, this.data(this.wordsRow + 2, 4));
    return sameValue(evaluateFormula(e, this.virtual, sheet), unquoted(reg.targetFor.value)) ? { targetFor: liveFormulaText(e) } : {};
  }

  /**
   * The charts' data follows the source too: a point plotted from a cell the add-in read as it stands becomes
   * that cell (#N/A, a gap, when it is emptied); a KPI's latest, previous and target follow its live helpers;
   * the RAG-by-group bars count the register. Each formula is kept only where it gives the value plotted.
   */
  followCharts(charts: readonly ChartSpec[], data: BlockBuilder, placed: ReadonlyMap<string, PlacedKpi>, summary: readonly ScorecardSummaryRow[]): number {
    const sheet = this.input.dataSheetName;
    let followed = 0;
    for (const chart of charts) {
      const cats = parseRangeAddress(chart.categories);
      if (!cats) continue;
      const labels = Array.from({ length: cats.colCount }, (_, j) => data.get(cats.row, cats.col + j));
      for (const series of chart.series) {
        const at = parseRangeAddress(series.values);
        if (!at) continue;
        for (let j = 0; j < at.colCount; j++) {
          const value = data.get(at.row, at.col + j);
          if (typeof value !== "number") continue;
          const label = typeof labels[j] === "string" ? unquote(labels[j] as string) : "";
          const source = this.pointSource(chart, series.name, label, placed, summary);
          if (!source) continue;
          const e = "ref" in source ? fn("IF", fn("ISNUMBER", source.ref), source.value, fn("NA")) : source.count;
          this.virtual.set(sheet, at.row, at.col + j, e);
          if (!sameValue(this.virtual.cell(sheet, at.row, at.col + j), value)) continue;
          data.setLive(at.row, at.col + j, liveFormulaText(e), value, data.formatAt(at.row, at.col + j));
          followed++;
        }
      }
    }
    return followed;
  }

  /** Where a plotted point comes from: a reference and its value on the KPI's scale (or a count), or null when it cannot be followed. */
  private pointSource(
    chart: ChartSpec,
    series: string,
    label: string,
    placed: ReadonlyMap<string, PlacedKpi>,
    summary: readonly ScorecardSummaryRow[],
  ): { ref: Expr; value: Expr } | { count: Expr } | null {
    if (chart.kind === "rag-by-group") {
      const rag = RAG_BY_CODE.find((r) => RAG_WORDS[r] === series);
      const group = summary.find((s) => s.group === label);
      const g = group ? this.groupNo.get(group.group) : undefined;
      if (!rag || g === undefined || this.n === 0) return null;
      return { count: fn("COUNTIFS", this.helperRange(H.group), num(g), this.helperRange(H.rag), num(RAG_CODE[rag])) };
    }
    const p = chart.kpiKey ? placed.get(chart.kpiKey) : undefined;
    const f = p && this.followed.get(p.key);
    if (!p || !f?.kf) return null;
    const own = (name: HelperName) => (f.plan[name] ? { ref: f.kf!.helper(name), value: f.kf!.helper(name) } : null);
    if (chart.kind === "actual-vs-target") {
      if (/^Latest\b/.test(label) && series === "Actual") return own("latest");
      if (/^Previous\b/.test(label) && series === "Actual") return own("previous");
      if (/^Target\b/.test(label) && series === "Target") return own("shown");
      return null;
    }
    const { kpi } = p;
    // "Target", or "Target (97%)" for one target drawn flat across the milestones (none of which carries it).
    const target = /^Target\b/.test(series);
    const fig = /^Baseline\b/.test(label) && series === "Actual" ? kpi.baseline : (() => {
      const m = kpi.milestones.find((x) => x.label === label && (target ? x.target : x.actual));
      return m ? (target ? m.target : m.actual) : null;
    })();
    if (!fig?.cell || fig.relative) return null;
    const at: CellAt = { cell: fig.cell, ...((fig as { sheet?: string }).sheet ? { sheet: (fig as { sheet?: string }).sheet } : {}) };
    return f.kf.followed(at);
  }

  private wordRange(row: number, count: number): Expr {
    return rangeRef(this.input.dataSheetName, { row: this.wordsRow + row, col: 1, rowCount: 1, colCount: count });
  }

  private ragCell(kf: KpiFormulas): Expr {
    const word = fn("INDEX", this.wordRange(0, RAG_BY_CODE.length), kf.helperFrom("rag"));
    if (!staleSuffix()) return word;
    return bin("&", word, fn("IF", bin("=", kf.helperFrom("stale"), num(1)), kf.helperFrom("staleText"), fn("T", num(0))));
  }

  /** What each helper holds when it is not a formula: what the add-in worked out. */
  private statics(p: PlacedKpi, reg: Record<ColumnId, CellOut>, i: number): Record<HelperName, SpecValue> {
    const { kpi } = p;
    return {
      key: literal(p.key),
      L: 0,
      latest: reg.latest.value,
      P: 0,
      previous: reg.previous.value,
      TI: 0,
      target: figureCell(kpi.currentTarget, kpi.unit).value,
      shown: reg.target.value,
      final: figureCell(kpi.target, kpi.unit).value,
      rag: RAG_CODE[p.rag],
      dot: expectedDot(p),
      stale: p.stale ? 1 : 0,
      group: this.groupNo.get(p.group) ?? i + 1,
      structure: 1,
      // What the RAG cell adds when the figure is out of date (its own period, when the add-in names it).
      staleText: literal(p.stale ? ragText(p).slice(RAG_WORDS[p.rag].length) : staleSuffix()),
      ratedAt: this.serialOf(p.stale && kpi.latest?.periodEnd ? kpi.latest.periodEnd : this.input.scan.asOf),
      periodRead: literal(this.periodRead(p) ?? ""),
    };
  }

  /** The text of the cell naming a Latest column's period, as read (a helper keeps it to tell when it is typed over). */
  private periodRead(p: PlacedKpi): string | null {
    const at = p.kpi.figureCells?.latest ? p.kpi.figureCells.latestPeriod : null;
    const raw = at ? this.input.cells.cell(at.sheet ?? p.sheet, at.cell) : null;
    return raw?.valueType === "String" && typeof raw.value === "string" ? raw.value : null;
  }

  /** A date as a serial in the workbook's date system. */
  private serialOf(iso: string): number {
    const s = excelSerial(iso) ?? 0;
    return this.input.cells.date1904 ? s - 1462 : s;
  }

  /**
   * The KPI's plan, its pieces dropped one by one until every formula left gives, on the workbook as read, what
   * the add-in gave: a piece that would show something else keeps the add-in's value.
   */
  private settle(kf: KpiFormulas, p: PlacedKpi, reg: Record<ColumnId, CellOut>, row: number, cells: VirtualCells): { plan: LivePlan; ragText: boolean } {
    const plan = kf.plan();
    const statics = this.statics(p, reg, 0);
    // Read at the reporting date cell, or at a fixed period when the add-in found the latest out of date.
    if (!plan.ratedAt) {
      const at = kf.ratedAtFixed(p.stale);
      if (at.kind === "ref") plan.ratedAt = at;
    }
    kf.staleTexts.forEach((t, k) => cells.set(this.input.dataSheetName, row, HELPER_COLUMNS + k, t));
    const heldCol = kf.heldColumn;
    if (heldCol !== undefined) kf.heldTexts.forEach(({ k, text }) => cells.set(this.input.dataSheetName, row, heldCol + k, text));
    const heldTargetCol = kf.heldTargetColumn;
    if (heldTargetCol !== undefined) kf.heldTargetTexts.forEach(({ k, text }) => cells.set(this.input.dataSheetName, row, heldTargetCol + k, text));
    const structure = this.rowCheck(p);
    if (structure) plan.structure = structure;
    const { kpi } = p;
    const numeric = (v: SpecValue) => typeof v === "number";
    const bothNow = numeric(statics.latest) && numeric(statics.target);
    const ragFallback = bothNow ? RAG_CODE[kpi.statedRag ?? "grey"] : RAG_CODE[p.rag];
    const dotFallback = dotCode(null, null, kpi.dot.stated ?? null);
    const words = trendText(kpi) === dotWord(statics.dot as number) || (statics.dot === 0 && trendText(kpi) === "");
    let ragShown = false;
    for (let round = 0; round < 5; round++) {
      // The RAG and the trend judge the latest figure: they follow the figures when it does (against a target the
      // add-in read, if the target cannot be followed), and hold the add-in's judgement when it does not.
      // Against a target the add-in read, only when the target in force cannot move with the figures or the date.
      const fixedTarget = !kpi.figureCells?.periods.some((x) => x.target && x.targetFrom !== null);
      if (plan.latest && (plan.target || fixedTarget)) {
        // rating.ts: a RAG stated for the KPI stands only while there is no actual figure (a milestone's, while it is in force).
        const e = kf.ragFormula(ragFallback, kpi.milestones.length === 0 && kpi.statedRag ? RAG_CODE.grey : ragFallback);
        if (e) plan.rag = e;
      } else delete plan.rag;
      if (plan.latest && plan.previous && words) plan.dot = kf.dotFormula(dotFallback);
      else delete plan.dot;
      for (const [name, col] of Object.entries(H) as [HelperName, number][]) cells.set(this.input.dataSheetName, row, col, plan[name] ?? unquoted(statics[name]));
      cells.reset();
      const got = (name: HelperName) => cells.cell(this.input.dataSheetName, row, H[name]);
      const same = (name: HelperName) => sameValue(got(name), unquoted(statics[name]));
      let changed = false;
      const drop = (...names: HelperName[]) => {
        for (const n of names) if (plan[n]) {
          delete plan[n];
          changed = true;
        }
      };
      if (plan.latest && !same("latest")) drop("latest", "L", "stale", "ratedAt", "staleText");
      if (plan.ratedAt && !same("ratedAt")) drop("ratedAt");
      if (plan.previous && !same("previous")) drop("previous", "P");
      if ((plan.target || plan.shown || plan.final) && (!same("target") || !same("shown") || !same("final"))) drop("target", "TI", "shown", "final");
      if (plan.stale && !same("stale")) drop("stale");
      if (plan.structure && !sameValue(got("structure"), 1)) drop("structure");
      if (!changed && plan.rag && !same("rag")) drop("rag");
      if (!changed && plan.dot && !same("dot")) drop("dot");
      if (changed) continue;
      // The RAG cell as shown: the word, and the out-of-date marker.
      const code = got("rag");
      const stale = got("stale");
      const suffix = got("staleText");
      const shown = typeof code === "number" ? `${RAG_WORDS[RAG_BY_CODE[code - 1]]}${stale === 1 && typeof suffix === "string" ? suffix : ""}` : null;
      ragShown = !!plan.rag && shown === ragText(p);
      break;
    }
    return { plan, ragText: ragShown };
  }

  /** Whether a series point of the KPI holds text (a number may have been read from it: its text is copied beside the helpers). */
  private hasTextPoints(p: PlacedKpi): boolean {
    const c = p.kpi.figureCells;
    if (!c || (c.latest && c.previous)) return false;
    return [c.baselineActual, ...c.periods.map((x) => x.actual)].some((at) => at && this.input.cells.cell(at.sheet ?? p.sheet, at.cell)?.valueType === "String");
  }

  /** Whether a target cell of the KPI holds text (a number may have been read from it: its text is copied beside the helpers). */
  private hasTextTargets(p: PlacedKpi): boolean {
    const c = p.kpi.figureCells;
    return !!c && [c.target, ...c.periods.map((x) => x.target)].some((at) => at && this.input.cells.cell(at.sheet ?? p.sheet, at.cell)?.valueType === "String");
  }

  /** The KPI's measure cell still says what it said: a check that the row has not moved or been sorted. */
  private rowCheck(p: PlacedKpi): Expr | null {
    const raw = this.input.cells.cell(p.sheet, p.sourceCell);
    const at = parseCellAddress(p.sourceCell);
    if (!raw || !at || raw.valueType !== "String" || typeof raw.value !== "string" || /[\uD800-\uDFFF]/.test(raw.value)) return null;
    return fn("IF", bin("=", fn("LEN", cellRef(p.sheet, at.row, at.col)), num(raw.value.length)), num(1), num(0));
  }

  /** A table still has its rows and columns, and nothing new stands just below it or just right of it. */
  private tableCheck(sheet: string, range: string): Expr | null {
    const rect = parseRangeAddress(range);
    if (!rect || !this.input.cells.hasSheet(sheet)) return null;
    const count = (row: number, col: number, rowCount: number, colCount: number) => {
      let n = 0;
      for (let r = row; r < row + rowCount; r++) for (let c = col; c < col + colCount; c++) if (this.input.cells.cell(sheet, cellAddress(r, c))) n++;
      return n;
    };
    const conds: Expr[] = [bin("=", fn("ROWS", rangeRef(sheet, rect)), num(rect.rowCount)), bin("=", fn("COLUMNS", rangeRef(sheet, rect)), num(rect.colCount))];
    const below = { row: rect.row + rect.rowCount, col: rect.col, rowCount: 1, colCount: rect.colCount };
    if (below.row < 1048576) conds.push(bin("=", fn("COUNTA", rangeRef(sheet, below)), num(count(below.row, below.col, 1, below.colCount))));
    const right = { row: rect.row, col: rect.col + rect.colCount, rowCount: rect.rowCount, colCount: 1 };
    if (right.col < 16384) conds.push(bin("=", fn("COUNTA", rangeRef(sheet, right)), num(count(right.row, right.col, right.rowCount, 1))));
    return fn("IF", fn("AND", ...conds), num(1), num(0));
  }
}

function unquoted(v: SpecValue): string | number {
  return typeof v === "string" ? unquote(v) : v;
}

/** The trend code of what the register shows. */
function expectedDot(p: PlacedKpi): number {
  const { dot } = p.kpi;
  return dotCode(dot.direction, dot.judgement, dot.stated ?? null);
}

/** A number format for a live figure that is text today but may be a number tomorrow: the KPI's own figures'. */
export function liveFigureFormat(p: PlacedKpi, current: CellOut, column?: ColumnId): string {
  // A period cell shows text as it is, and a date typed in its source cell as a month.
  if ((PERIOD_COLUMNS as readonly string[]).includes(column ?? "")) return PERIOD_FORMAT;
  if (column === "targetFor") return GENERAL;
  if (current.format !== GENERAL || typeof current.value === "number") return current.format;
  const { kpi } = p;
  const sample = [kpi.latest, kpi.previous, kpi.currentTarget, kpi.target, ...kpi.milestones.flatMap((m) => [m.actual, m.target])].find((f) => f && f.value !== null);
  return sample && sample.value !== null ? figureFormat(sample, sample.value, kpi.unit) : GENERAL;
}
