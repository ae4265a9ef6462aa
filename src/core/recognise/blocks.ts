// Tables found by their shape, the way a reader spots them before reading a heading: a block of rows, each
// a label and some figures, under one or two heading rows (or none). Section rows, one blank row and note
// rows may sit inside the block. Used for the tables no heading row announced in words we know.
import { findPeriods } from "../periods";
import { COMMENT_LABEL } from "./titles";
import type { SheetGrid } from "./grid";
import type { CellKinds } from "./cellKinds";
import { MAX_SHEET_COLS } from "../snapshotBlocks";

/** A row that reads as a KPI: a label and at least one figure to its right. */
export interface KpiRowShape {
  row: number;
  /** Where the label is (the measure, or a group before it). */
  labelCol: number;
  firstCol: number;
  lastCol: number;
}

export interface Block {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  kpiRows: number;
}

/** The shape of one row: a label followed by figures, or null when the row is not a KPI row. */
export function kpiRowShape(grid: SheetGrid, kinds: CellKinds, row: number, fromCol: number, toCol: number): KpiRowShape | null {
  const span = fromCol * MAX_SHEET_COLS + toCol;
  let known = kinds.shapes.get(span) as Map<number, KpiRowShape | null> | undefined;
  if (!known) kinds.shapes.set(span, (known = new Map()));
  let shape = known.get(row);
  if (shape === undefined) known.set(row, (shape = readRowShape(grid, kinds, row, fromCol, toCol)));
  return shape;
}

function readRowShape(grid: SheetGrid, kinds: CellKinds, row: number, fromCol: number, toCol: number): KpiRowShape | null {
  const filled = grid.filledCols(row, fromCol, toCol);
  if (filled.length < 2) return null;
  let labelCol = -1;
  let numbers = 0;
  let missing = 0;
  let statuses = 0;
  let last = -1;
  let leading = 0;
  for (const c of filled) {
    const k = kinds.kind(row, c);
    if (labelCol < 0) {
      if (k === "label" || k === "long") labelCol = c;
      else if ((k === "number" || k === "error") && leading === 0 && c === filled[0]) leading++; // "304 | EHC plans issued | …"
      else if (k !== "code" && k !== "period") return null; // figures before any label: not a KPI row
      continue;
    }
    if (k === "number" || k === "error") numbers++;
    else if (k === "missing") missing++;
    else if (k === "status") statuses++;
    last = c;
  }
  numbers += leading;
  // An item tracked by its stated status alone ("Completion of inspections … | Green"), words before the status.
  // So is one rated period by period in words alone ("… | Achieved | Not Achieved", "… | n/a | Achieved"): statuses, or
  // words saying there is none, in every cell after the label.
  const tracked =
    numbers === 0 &&
    filled.length >= 3 &&
    ((statuses === 1 && kinds.kind(row, filled[filled.length - 1]) === "status") ||
      (statuses >= 1 && filled.every((c) => c <= labelCol || kinds.kind(row, c) === "status" || kinds.kind(row, c) === "missing")));
  if (labelCol < 0 || (numbers === 0 && missing < 2 && !tracked)) return null;
  // "Attainment | 2019 | 2020 | 2021" (or "… | 2010 | Trend"): a label over years is a heading row, not a KPI. The
  // first cell after the label that is neither a year nor a label settles it (most KPI rows: their first figure).
  let years = 0;
  let headings = true;
  for (const c of filled) {
    if (c <= labelCol) continue;
    if (isYearHeading(grid, kinds, row, c)) years++;
    else if (kinds.kind(row, c) !== "label") {
      headings = false;
      break;
    }
  }
  if (years >= 2 && headings) return null;
  return { row, labelCol, firstCol: filled[0], lastCol: Math.max(last, filled[filled.length - 1]) };
}

/** A year or period written as a heading: "2019", "2019/20", "Q1 2023/24", a date shown as a month. */
function isYearHeading(grid: SheetGrid, kinds: CellKinds, row: number, col: number): boolean {
  const k = kinds.kind(row, col);
  if (k === "period") return true;
  const t = grid.rawText(row, col);
  // Only a text opening "19" or "20" can be one: most cells are passed over on their first character.
  const first = t.charCodeAt(0);
  return (first === 49 || first === 50) && YEAR_HEADING.test(t);
}

const YEAR_HEADING = /^(?:19|20)\d{2}(?:\s?[/-]\s?(?:19|20)?\d{2})?$/;

/** A row with one short text alone: a section heading or a title. */
export function isSectionRow(grid: SheetGrid, row: number, fromCol: number, toCol: number): boolean {
  const filled = grid.filledCols(row, fromCol, toCol);
  if (filled.length !== 1) return false;
  const t = grid.rawText(row, filled[0]);
  return t.length > 0 && t.length <= 100 && /[A-Za-z]/.test(t);
}

/**
 * Blocks of KPI rows in the given rows and columns, skipping rows `taken` says another table holds. A block
 * runs on over section rows, note rows and one blank row when a KPI row follows; two blank rows end it.
 */
export function findBlocks(grid: SheetGrid, kinds: CellKinds, fromRow: number, toRow: number, fromCol: number, toCol: number, taken: (row: number) => boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let gap = 0;
  const close = () => {
    if (current && current.kpiRows >= 1) blocks.push(current);
    current = null;
    gap = 0;
  };
  for (let r = fromRow; r <= toRow; r++) {
    if (taken(r)) {
      close();
      continue;
    }
    const shape = kpiRowShape(grid, kinds, r, fromCol, toCol);
    if (shape) {
      if (!current) current = { firstRow: r, lastRow: r, firstCol: shape.firstCol, lastCol: shape.lastCol, kpiRows: 0 };
      current.lastRow = r;
      current.kpiRows++;
      current.firstCol = Math.min(current.firstCol, shape.firstCol);
      current.lastCol = Math.max(current.lastCol, shape.lastCol);
      gap = 0;
      continue;
    }
    if (!current) continue;
    const blank = grid.isBlankRow(r, fromCol, toCol);
    if (blank) {
      if (++gap >= 2) close();
      continue;
    }
    // Another heading row starts another table (its years typed as numbers too: " | 2008 | 2009 | 2010").
    const cells = grid.filledCols(r, fromCol, toCol);
    if ((cells.length >= 2 && !kinds.isValue(r, cells[1]) && looksLikeHeadings(grid, kinds, r, fromCol, toCol)) || yearsHeadingRow(grid, kinds, r, cells)) {
      close();
      continue;
    }
    // "Comments: …" under a KPI row is that KPI's note: the block holds it, whatever follows.
    if (cells.length === 1 && current.lastRow === r - 1 && COMMENT_LABEL.test(grid.rawText(r, cells[0]))) {
      current.lastRow = r;
      continue;
    }
    // A section row, a note row or a row of figures with no label of its own: the block may go on.
    if (nextKpiRow(grid, kinds, r + 1, Math.min(toRow, r + 2), fromCol, toCol, taken) === null) {
      close();
      continue;
    }
    gap = 0;
  }
  close();
  return blocks;
}

function nextKpiRow(grid: SheetGrid, kinds: CellKinds, from: number, to: number, fromCol: number, toCol: number, taken: (row: number) => boolean): number | null {
  for (let r = from; r <= to; r++) {
    if (taken(r)) return null;
    if (kpiRowShape(grid, kinds, r, fromCol, toCol)) return r;
  }
  return null;
}

/** A row of two or more years (or year spans) and at most short words beside them: the headings of a table below. */
function yearsHeadingRow(grid: SheetGrid, kinds: CellKinds, row: number, filled: number[]): boolean {
  // One pass, left to right: the first cell that is neither a year nor a short label settles it.
  let years = 0;
  for (const c of filled) {
    if (isYearHeading(grid, kinds, row, c)) years++;
    else if (kinds.kind(row, c) !== "label" || grid.rawText(row, c).length > 60) return false;
  }
  return years >= 2;
}

/** Two or more short texts and no figures: the headings of a table below. */
function looksLikeHeadings(grid: SheetGrid, kinds: CellKinds, row: number, fromCol: number, toCol: number): boolean {
  const filled = grid.filledCols(row, fromCol, toCol);
  if (filled.length < 2) return false;
  // A row that opens with a reference ("RP02") is a KPI whose figure is words, not a heading; so is one whose cells
  // write figures in words ("Every 11th vehicle", "70/per 1,000"): headings hold no numbers but periods.
  if (kinds.kind(row, filled[0]) === "code") return false;
  if (filled.slice(1).filter((c) => figureInWords(grid.rawText(row, c))).length >= 2) return false;
  return filled.every((c) => {
    const k = kinds.kind(row, c);
    return (k === "label" || k === "period" || k === "code") && grid.rawText(row, c).length <= 60;
  });
}

/** A cell that writes a figure among words ("Every 11th vehicle"), not a period ("FY18/19 Actual", "Q1 2020"). */
function figureInWords(text: string): boolean {
  return /\d/.test(text) && /\p{L}{3,}/u.test(text) && !findPeriods(text).length;
}

/**
 * Whether a row reads as headings over the block's columns: two or more short texts or period labels (a year
 * typed as a number counts), no figures, at least one of them over a figure column of the block.
 */
export function isHeadingRow(grid: SheetGrid, kinds: CellKinds, row: number, fromCol: number, toCol: number, valueCols: ReadonlySet<number>): boolean {
  const filled = grid.filledCols(row, fromCol, toCol);
  if (filled.length < 2) return false;
  let overValues = false;
  for (const c of filled) {
    const t = grid.rawText(row, c);
    const k = kinds.kind(row, c);
    const yearLike = /^(?:19|20)\d{2}$/.test(t);
    if ((k === "number" && !yearLike) || k === "error" || k === "status" || t.length > 120) return false;
    if (valueCols.has(c)) overValues = true;
  }
  return overValues;
}
