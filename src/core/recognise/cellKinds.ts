// What kind of thing a cell holds, as a reader sees it at a glance: a figure, a word that says there is no
// figure ("n/a", "tbc"), a status (RAG word, symbol or a filled cell with no text), a trend arrow, a polarity
// word, a short label, a code, long text, a period. Column roles and table shapes are read from these.
import { isDateFormat } from "../dates";
import { missingPhrase } from "../figures/missing-phrases";
import { readNumberText } from "../figures/number-text";
import { parsePeriod } from "../periods";
import { readPolarityCell } from "../stated/polarity";
import { readStatedStatus } from "../stated/status";
import { readStatedTrend } from "../stated/trend";
import { trimmed, type SheetGrid } from "./grid";
import type { CellBlock } from "../snapshot";
import { DataRows } from "./dataRows";

/** A month's name in a text (the cheap test before a period is parsed: codes such as "REF-10234" name none). */
const MONTH_WORD = /(?:^|[^a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

export type CellKind = "empty" | "number" | "missing" | "status" | "trend" | "polarity" | "label" | "code" | "long" | "period" | "error";
const KINDS: readonly CellKind[] = ["empty", "number", "missing", "status", "trend", "polarity", "label", "code", "long", "period", "error"];

/** A reference such as "KPI 1/2", "CP01", "TP01", "1.1", "BV12a", "NI 117", "HR-3", "1.1.2.PI". */
export const CODE_LIKE = /^(?:[A-Za-z]{1,6}[\s.-]?)?\d{1,4}(?:[./-]\d{1,4}){0,3}(?:[a-z]|[./-][A-Za-z]{1,4})?$|^[A-Za-z]{1,4}\d{1,4}[A-Za-z]{0,2}$/;

/** A reference in one token, letters then digits ("REF-10234", "LPI0538", "KPI_12"), that is not a period ("Jan-24", "Q3", "FY24"). */
const LONG_CODE = /^(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q|qtr|fy|ay|ht|yr|year|week|wk|month|p)[-_./ ]?\d)[A-Za-z]{1,8}[-_./]?\d{1,8}[A-Za-z]?$/i;

/**
 * A word and a small number ("Year 1", "Step 2", "Class 3"): a name a reader says aloud, not a reference. Codes are
 * written in capitals or run together ("NI 117", "KPI 3", "CP01"); the reference words are codes whatever their case.
 */
const NUMBERED_NAME = /^(?!(?:kpi|pi|lpi|ref|id|no|nr|num)\b)[A-Z][a-z]{2,}\s\d{1,2}$/;

/** A year and then words, no other digit ("2024 LDSM results", "2019 Outturn"), or its sign ("2019 %"). */
const YEAR_OPENS_WORDS = /^(?:19|20)\d{2}\s+(?:(?=\p{L}{2})[^\d]*|%)$/u;

/** A span of years written with a dash or "to" ("1999–2000", "2019-20", "2024 to 2025"). */
const YEAR_SPAN = /(^|\D)(?:19|20)\d{2}(?:\s?[–—-]\s?|\s+to\s+)(?:(?:19|20)\d{2}|\d{2})(?!\d)/gi;

/** An error's text as Excel shows it. */
const ERROR_TEXT = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;

/** A typed number is a figure, or a period when its date format shows it as one. */
function numberKind(format: string): CellKind {
  return format && isDateFormat(format) ? "period" : "number";
}

/** Long enough to be a sentence or a note rather than a label. */
const LONG = 110;

export class CellKinds {
  /** Rows inside a run of data, where no heading is looked for. */
  readonly dataRows: DataRows;

  constructor(private readonly grid: SheetGrid) {
    this.dataRows = new DataRows(grid);
  }

  /** Each cell's kind once worked out, beside its block (a cell is looked at from rows, columns and tables). */
  private readonly known = new Map<CellBlock, Uint8Array>();

  /** The block last looked in and its memo: a row's cells, and the rows under it, mostly share one block. */
  private lastBlock: CellBlock | null = null;
  private lastMemo: Uint8Array = new Uint8Array(0);

  kind(row: number, col: number): CellKind {
    const b = this.grid.blockAt(row, col);
    if (!b) return this.grid.fill(row, col) ? this.emptyWithFill(row, col) : "empty";
    let memo: Uint8Array | undefined;
    if (b === this.lastBlock) memo = this.lastMemo;
    else {
      memo = this.known.get(b);
      if (!memo) this.known.set(b, (memo = new Uint8Array(b.rowCount * b.colCount)));
      this.lastBlock = b;
      this.lastMemo = memo;
    }
    const r = row - b.row;
    const c = col - b.col;
    const at = r * b.colCount + c;
    const seen = memo[at];
    if (seen) return KINDS[seen - 1];
    const k = this.kindOf(b, r, c, row, col);
    memo[at] = KINDS.indexOf(k) + 1;
    return k;
  }

  /**
   * The kind of the cell at (r, c) of block b (row, col on the sheet), read from the block's own grids — what the
   * grid's accessors give for the cell (its trimmed text, value, value type and number format), with no search.
   */
  private kindOf(b: CellBlock, r: number, c: number, row: number, col: number): CellKind {
    // Figures and words are told apart on the spot (a typed number needs no cache; words are cached by their
    // text in classify); only empty cells with a fill need the cell's own look-up.
    const text = trimmed(b.text[r][c]);
    if (text === "") return this.grid.fill(row, col) ? this.emptyWithFill(row, col) : "empty";
    const value = b.values[r][c] ?? "";
    const valueType = b.valueTypes[r]?.[c] ?? "Unknown";
    if (typeof value === "number" && valueType !== "Error") return numberKind(b.numberFormats[r]?.[c] ?? "General");
    // An error value, or its text typed ("#N/A"): "#" opens every one.
    if (valueType === "Error" || (text.charCodeAt(0) === 35 && ERROR_TEXT.test(text))) return "error";
    if (typeof value === "boolean") return "label";
    return this.classify(row, col, text);
  }

  private emptyWithFill(row: number, col: number): CellKind {
    return readStatedStatus({ text: "", fill: this.grid.fill(row, col) }) ? "status" : "empty";
  }

  /** Memo for row shapes (blocks.ts), by span of columns then row: the same row is looked at from several places. */
  readonly shapes = new Map<number, unknown>();

  /** A figure or a word standing for one: what a KPI row has beside its label. */
  isValue(row: number, col: number): boolean {
    const k = this.kind(row, col);
    return k === "number" || k === "missing" || k === "error";
  }

  /** Text cells by their text (and, for one or two characters, their font and colour): sheets repeat words. */
  private readonly byText = new Map<string, CellKind>();

  private classify(row: number, col: number, text: string): CellKind {
    const g = this.grid;
    // Longer words read the same in any font; one or two characters may be a symbol font's arrow or tick.
    if (text.length > 2) {
      let k = this.byText.get(text);
      if (k === undefined) this.byText.set(text, (k = this.classifyText(row, col, text, g.fontName(row, col))));
      return k;
    }
    // A short text in the sheet's own font, colour and no fill (most of them: "No", "G", "↑") is known by its
    // text alone, with no key made for each cell.
    const plain = !g.hasOwnStyle(row, col);
    let k = plain ? this.plainShort.get(text) : undefined;
    if (k !== undefined) return k;
    const font = g.fontName(row, col);
    const key = `${text}\u0000${font ?? ""}\u0000${g.fontColor(row, col) ?? ""}\u0000${g.fill(row, col) ?? ""}`;
    k = this.byText.get(key);
    if (k === undefined) {
      k = this.classifyText(row, col, text, font);
      this.byText.set(key, k);
    }
    if (plain) this.plainShort.set(text, k);
    return k;
  }

  /** Short texts in a cell with the sheet's own look, by their text. */
  private readonly plainShort = new Map<string, CellKind>();

  private classifyText(row: number, col: number, text: string, font: string | null): CellKind {
    return codeToken(text) ?? textKind(text, font, this.grid.fontColor(row, col), this.grid.fill(row, col));
  }
}

/**
 * A reference in one token — letters, at most one separator, digits ("CR-123456", "REF-10234", "LPI0538") — known
 * as a code at a glance, as the full reading (textKind) would know it; null for any other text. Such a token says
 * no trend, status or missing figure (every word those readings know is a word without digits, read whole or before
 * a space) unless its letters are one of the few words they read before a "-", "/" or "." ("NA-", "Red-", "TBC.");
 * it names a period only with a month's name in it; what is left is the code test itself. Ids fill whole columns
 * of raw data, each different, so this is most texts' only look.
 */
export function codeToken(text: string): "code" | null {
  const m = CODE_TOKEN.exec(text);
  if (!m || WORD_BEFORE_MARK.test(m[1]) || MONTH_WORD.test(text)) return null;
  return (CODE_LIKE.test(text) || LONG_CODE.test(text)) && !NUMBERED_NAME.test(text) ? "code" : null;
}

/** Letters, at most one separator, digits and perhaps a letter: the shape of an id. */
const CODE_TOKEN = /^([A-Za-z]{1,8})[-_./]?\d{1,8}[A-Za-z]?$/;

/** Letters that a status ("Red - ...", "Green/..."), or a missing figure ("NA - ...", "TBC."), reads before a mark. */
const WORD_BEFORE_MARK = /^(?:green|amber|red|blue|grey|gray|na|tbc|tbd|tba|pending|unknown)$/i;

/**
 * What a cell's text is, read in full: a trend, a status, a missing figure, a period, a code, a number written as
 * text, a polarity word, a label or long text. The font and colours matter to one or two characters only.
 */
export function textKind(text: string, font: string | null, fontColor: string | null, fill: string | null): CellKind {
  if (text.length <= 40) {
    const trend = readStatedTrend(text, font);
    const status = readStatedStatus({ text, fontName: font, fontColor, fill });
    // A face or a tick says how things stand more often than which way they moved: a status, unless it is an arrow.
    if (trend && trend.direction && (trend.arrow || !/\d/.test(text))) return "trend";
    if (status && status !== "grey") return "status";
    if (trend && (trend.arrow || !/\d/.test(text))) return "trend";
  }
  const missing = missingPhrase(text);
  if (missing && missing.reason !== "text") return "missing";
  if (missing && text.length <= 16) return "missing";
  if (/\d/.test(text)) {
    // A month or a span of months written in words with its year ("March 2020", "May-13 to Apr-14") is a period,
    // not a code or the figure its digits might read as.
    const span = text.length <= 60 && MONTH_WORD.test(text) ? parsePeriod(text) : null;
    if (span?.start && span.end && span.kind !== "date") return "period";
    if ((CODE_LIKE.test(text) || LONG_CODE.test(text)) && !NUMBERED_NAME.test(text)) return "code";
    if (text.length <= 60) {
      const { reading, sentence } = readNumberText(text);
      // "Progress 8", "Year 6", "Key Stage 2": words before the number that are neither a figure's label
      // ("Target 90%"), an operator ("c. 45%", "< 5") nor a period ("Sep – 37.5%") make a name, not a figure.
      const namesIt =
        (!!reading && reading.before !== "" && !reading.beforeIsLabel && !reading.operator && !parsePeriod(reading.before.replace(/[\s:–—-]+$/, ""))) ||
        (!!reading && !reading.unit && durationOpensName(reading.after)) ||
        LETTER_NUMBERED_NAME.test(text) ||
        NUMBERED_CAPTION.test(text);
      // "2024 LDSM results", "2022 %": a year opening words (or a unit's sign) heads a period's column; not a figure.
      if (reading && !sentence && !namesIt && YEAR_OPENS_WORDS.test(text)) return "period";
      // "Target 1999–2000 (working days)": the digits are a span of years the words are about, not a figure.
      const yearsOnly = /\d/.test(text) && !/\d/.test(text.replace(YEAR_SPAN, "$1"));
      if (reading && !sentence && !namesIt && !yearsOnly) return "number";
      if (parsePeriod(text)) return "period";
    }
  } else if (text.length <= 20 && readPolarityCell(text) && readPolarityCell(text) !== "neutral" && !/^[+-]$/.test(text)) {
    return "polarity";
  }
  return text.length > LONG ? "long" : "label";
}

/** A section or measure numbered with a letter ("1.A Empathy - Cultural Competence", "3b Reduce re-offending"): a name. */
const LETTER_NUMBERED_NAME = /^\d{1,3}(?:\.\d{1,3})*\.?[A-Za-z][.)]?\s+\p{L}{2,}(?:[^\d%]*)$/u;

/**
 * A caption numbered as a list is ("1) % All cases concluded", "2. Number of properties at risk"): the number and its
 * stop or bracket open words, no figure after them — a name, not the figure 1.
 */
const NUMBERED_CAPTION = /^\(?\d{1,3}(?:\.\d{1,3})*[.)]\s+(?=\D*\p{L}{3,}\s+\p{L}{2,})\D+$/u;

/**
 * A number that opens a name with the span it counts ("3 yr survival rate - Staffordshire", "2 year olds in funded
 * early education", "5 year survival rate"): a duration word and two words more, no other figure — a name, not a figure
 * with a qualifier ("60% interim target").
 */
function durationOpensName(after: string): boolean {
  const words = after.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return !/\d/.test(after) && /^(?:yrs?|years?|months?|mths?)\b/i.test(after) && words.length >= 3;
}

/** How a column's data cells divide among the kinds, for reading its role from what it holds. */
export interface ColumnProfile {
  col: number;
  /** Cells with something in them (text or a status fill). */
  filled: number;
  counts: Record<CellKind, number>;
  /** Distinct texts among the label-like cells. */
  distinctLabels: number;
  labelCells: number;
  /** Average length of the label-like cells' text. */
  averageLabelLength: number;
  /** Number cells shown as percentages. */
  percents: number;
}

export function profileColumn(grid: SheetGrid, kinds: CellKinds, col: number, rows: readonly number[]): ColumnProfile {
  const counts: Record<CellKind, number> = { empty: 0, number: 0, missing: 0, status: 0, trend: 0, polarity: 0, label: 0, code: 0, long: 0, period: 0, error: 0 };
  const labels = new Set<string>();
  let labelCells = 0;
  let labelLength = 0;
  let percents = 0;
  for (const r of rows) {
    const k = kinds.kind(r, col);
    counts[k]++;
    if (k === "label" || k === "long" || k === "code") {
      const t = grid.rawText(r, col);
      labels.add(t.toLowerCase());
      labelCells++;
      labelLength += t.length;
    } else if (k === "number" && /%/.test(grid.rawText(r, col))) percents++;
  }
  const filled = rows.length - counts.empty;
  return { col, filled, counts, distinctLabels: labels.size, labelCells, averageLabelLength: labelCells ? labelLength / labelCells : 0, percents };
}

/** Share of the filled cells that are of the given kinds (0 when nothing is filled). */
export function share(p: ColumnProfile, ...ks: CellKind[]): number {
  if (p.filled === 0) return 0;
  return ks.reduce((n, k) => n + p.counts[k], 0) / p.filled;
}
