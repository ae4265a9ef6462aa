// The register's columns: which are shown (a column empty for every KPI is left out), their headings,
// and widths from what they hold, fitted to the printed page at a scale that keeps the text readable.
import type { CellOut } from "./rows";
import { CELL_PADDING, LONGEST_WHOLE_WORD, textWidth, widthNeeds, type FontSpec } from "./textFit";
import { MIN_SCALE, PRINT_WIDTH, REGISTER_FONT_SIZE, layoutWidthAtScale } from "./page";
import type { ColumnId, ColumnSpec } from "./types";

interface ColumnDef {
  id: ColumnId;
  header: string;
  /** Text wraps in the column (numbers never do: a number too wide for its column shows ####). */
  wrap: boolean;
  /** A width that reads comfortably, points; the column gives this up only when the page is full. */
  comfort: number;
  /** The widest the column is made for its content. */
  cap: number;
  /** When the page is too narrow, columns of lower priority give up width first (down to their minimum). */
  priority: 1 | 2 | 3 | 4;
  /**
   * The narrowest wrapped text may go: a longer word is broken, as Excel and LibreOffice do, but a
   * number never is (it would show ####) and a heading word sets the least width too.
   */
  floor?: number;
  /** Shown beside the printed columns, not printed. */
  offPage?: boolean;
  /**
   * When the page is full, columns leave the printed page (to stand on screen beside it) in this order: first
   * those ranked "spare" while the comfortable widths overflow the page, then those ranked "last" only while
   * even the narrowest widths do.
   */
  leaves?: { when: "spare" | "last"; order: number };
  /** Its lines are short and never wrap ("Green" / "out of date"): the column is as wide as its widest line. */
  wholeLines?: boolean;
  /** Shown even when empty: the measure, its RAG, the commentary people type into, the link back. */
  always?: boolean;
  hidden?: boolean;
}

/** In sheet order. The last two are hidden: what readCommentary needs to put commentary back on its KPI. */
const COLUMNS: readonly ColumnDef[] = Object.freeze([
  { id: "ref", header: "Ref", wrap: true, comfort: 50, cap: 90, priority: 4, floor: 30 },
  { id: "measure", header: "Measure", wrap: true, comfort: 190, cap: 300, always: true, priority: 4, floor: 110 },
  { id: "owner", header: "Owner", wrap: true, comfort: 80, cap: 120, priority: 2, floor: 55, leaves: { when: "last", order: 1 } },
  { id: "frequency", header: "Frequency", wrap: true, comfort: 60, cap: 80, priority: 1, floor: 50, leaves: { when: "spare", order: 1 } },
  { id: "baseline", header: "Baseline", wrap: true, comfort: 60, cap: 110, priority: 1, floor: 45, leaves: { when: "spare", order: 2 } },
  { id: "target", header: "Target", wrap: true, comfort: 60, cap: 110, priority: 2, floor: 45 },
  { id: "targetFor", header: "Target for", wrap: true, comfort: 70, cap: 110, priority: 1, floor: 50, leaves: { when: "last", order: 2 } },
  { id: "latest", header: "Latest", wrap: true, comfort: 60, cap: 110, priority: 3, floor: 45 },
  { id: "latestPeriod", header: "Latest period", wrap: true, comfort: 65, cap: 100, priority: 1, floor: 45 },
  { id: "previous", header: "Previous", wrap: true, comfort: 60, cap: 110, priority: 2, floor: 45, leaves: { when: "spare", order: 4 } },
  { id: "previousPeriod", header: "Previous period", wrap: true, comfort: 65, cap: 100, priority: 1, floor: 45, leaves: { when: "spare", order: 3 } },
  { id: "benchmarks", header: "Benchmarks", wrap: true, comfort: 100, cap: 160, priority: 2, floor: 70, leaves: { when: "spare", order: 5 } },
  { id: "dot", header: "Trend", wrap: true, wholeLines: true, comfort: 75, cap: 110, priority: 2, floor: 55 },
  // The word, and "out of date" beside it (on a second line) when the latest figure is stale.
  { id: "rag", header: "RAG", wrap: true, wholeLines: true, comfort: 52, cap: 80, always: true, priority: 4, floor: 44 },
  { id: "findings", header: "Findings", wrap: true, comfort: 110, cap: 200, priority: 3, floor: 70 },
  { id: "commentary", header: "Commentary", wrap: true, comfort: 170, cap: 280, always: true, priority: 3, floor: 100 },
  // The link back to the KPI's source cell, on one line (a link shows on one line whatever its format): its text is
  // the cell's address, so the printed page says where each figure came from.
  { id: "source", header: "Source", wrap: false, comfort: 40, cap: 160, always: true, priority: 3 },
  { id: "key", header: "Key (do not edit)", wrap: false, comfort: 0, cap: 0, always: true, hidden: true, priority: 1 },
  { id: "sourceSheet", header: "Source sheet", wrap: false, comfort: 0, cap: 0, always: true, hidden: true, priority: 1 },
] satisfies ColumnDef[]);

/** Header text readCommentary looks for to find the tables again, even after rows or columns are inserted. */
export const COMMENTARY_HEADER = "Commentary";
export const REF_HEADER = "Ref";
export const MEASURE_HEADER = "Measure";
export const RAG_HEADER = "RAG";
export const KEY_HEADER = "Key (do not edit)";
export const SHEET_HEADER = "Source sheet";

export const REGISTER_FONT: FontSpec = { size: REGISTER_FONT_SIZE };
export const REGISTER_HEADER_FONT: FontSpec = { size: REGISTER_FONT_SIZE, bold: true };

/** Periods (or milestones) every KPI shares are said once, in the heading, rather than on every row. */
const FOLDED: Partial<Record<ColumnId, { into: ColumnId; header: string }>> = {
  latestPeriod: { into: "latest", header: "Latest" },
  previousPeriod: { into: "previous", header: "Previous" },
  targetFor: { into: "target", header: "Target" },
};

export interface RegisterColumns {
  /** Printed columns from A, then the hidden ones. */
  columns: ColumnSpec[];
  /** The scale (per cent) the page is laid out for; the sheet prints one page wide, which comes to this in Excel. */
  scale: number;
}

/** Columns, widths and scale for the register's cells (one record per KPI). */
export function registerColumns(cells: readonly Record<ColumnId, CellOut>[]): RegisterColumns {
  const header = new Map<ColumnId, string>(COLUMNS.map((c) => [c.id, c.header]));
  const dropped = new Set<ColumnId>();
  for (const [id, fold] of Object.entries(FOLDED) as [ColumnId, { into: ColumnId; header: string }][]) {
    const shown = new Set(cells.filter((c) => c[fold.into].shown !== "").map((c) => c[id].shown));
    const only = [...shown][0];
    if (shown.size === 1 && only) {
      header.set(fold.into, `${fold.header} (${only})`);
      dropped.add(id);
    }
  }
  const used = COLUMNS.filter((c) => !dropped.has(c.id) && (c.always || cells.some((k) => k[c.id].shown !== "")));
  const needsOf = new Map(used.map((c) => [c.id, columnNeeds(c, header.get(c.id)!, cells)]));
  const printed = printedColumns(used.filter((c) => !c.hidden && !c.offPage), (c) => needsOf.get(c.id)!);
  const needs = printed.map((c) => needsOf.get(c.id)!);
  const { widths, scale } = fitWidths(needs, printed.map((c) => c.id));
  const columns: ColumnSpec[] = printed.map((c, i) => ({ id: c.id, header: header.get(c.id)!, width: widths[i] }));
  // What the printed page has no room for stands on screen beside it, in sheet order.
  for (const c of used.filter((x) => !x.hidden && !printed.includes(x))) columns.push({ id: c.id, header: header.get(c.id)!, width: px(needsOf.get(c.id)!.natural), offPage: true });
  for (const c of used.filter((x) => x.hidden)) columns.push({ id: c.id, header: c.header, width: 0, hidden: true });
  return { columns, scale };
}

/**
 * The columns that print: all of them when they fit the page at the smallest readable scale; else the spare ones
 * leave first (while the comfortable widths overflow), then the last ones (while even the narrowest widths do).
 */
function printedColumns(candidates: readonly ColumnDef[], needs: (c: ColumnDef) => Needs): ColumnDef[] {
  const room = layoutWidthAtScale(MIN_SCALE) - SAFETY;
  let printed = [...candidates];
  for (const [when, width] of [["spare", (n: Needs) => n.comfort], ["last", (n: Needs) => n.min]] as const) {
    const leaving = printed.filter((c) => c.leaves?.when === when).sort((a, b) => a.leaves!.order - b.leaves!.order);
    for (const c of leaving) {
      if (sum(printed.map((x) => width(needs(x)))) <= room) break;
      printed = printed.filter((x) => x !== c);
    }
  }
  return printed;
}

interface Needs {
  /** Narrowest the column can be: its longest word or number. */
  min: number;
  comfort: number;
  natural: number;
  priority: number;
}

/** The comfortable, capped and floor widths above are for 10 pt text; the register's font is this much larger. */
const FONT_RATIO = REGISTER_FONT_SIZE / 10;

function columnNeeds(raw: ColumnDef, header: string, cells: readonly Record<ColumnId, CellOut>[]): Needs {
  const def = { ...raw, comfort: raw.comfort * FONT_RATIO, cap: raw.cap * FONT_RATIO, floor: raw.floor === undefined ? undefined : raw.floor * FONT_RATIO };
  const headerWord = widthNeeds(header, REGISTER_HEADER_FONT).min;
  let hard = headerWord; // numbers and unwrapped text
  let words = 0; // the longest word of wrapped text, which may be broken below the floor
  let natural = 0;
  const font = def.id === "rag" ? REGISTER_HEADER_FONT : REGISTER_FONT;
  for (const c of cells) {
    const cell = c[def.id];
    if (!cell.shown) continue;
    if (typeof cell.value === "number" || !def.wrap) {
      const w = textWidth(cell.shown, font) + CELL_PADDING;
      hard = Math.max(hard, w);
      natural = Math.max(natural, w);
    } else {
      const n = widthNeeds(cell.shown, font);
      // Whole lines, with a pixel to spare: widths are rounded down to whole pixels.
      words = Math.max(words, def.wholeLines ? n.natural + 0.75 : n.min);
      natural = Math.max(natural, n.natural);
    }
  }
  // A word is never split inside a column ("Performanc / e"), unless it is longer than any column should be (a
  // web address): then it may break at the column's floor. Commentary keeps room to type in, whatever it holds;
  // a word wider than its cap is broken (wrapped text breaks an unbroken word anywhere), so it never widens past the cap.
  const whole = words <= LONGEST_WHOLE_WORD ? words : Math.min(words, def.floor ?? words);
  const min = def.id === "commentary" ? Math.max(hard, Math.min(words, def.cap), def.floor ?? 0) : Math.max(hard, whole);
  // A column holding little is still wide enough for its heading on two lines.
  natural = Math.max(natural, min, Math.min(def.comfort, widthNeeds(header, REGISTER_HEADER_FONT).natural));
  if (def.id === "commentary") natural = Math.max(natural, def.comfort); // room to type
  natural = Math.max(min, Math.min(natural, def.cap));
  const comfort = Math.max(min, Math.min(natural, def.comfort));
  return { min, comfort, natural, priority: def.priority };
}

const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);

/**
 * Widths from `from` down towards `to`, lowest priority first, until they total `room` (or every column
 * is at `to`): a column of priority 1 is squeezed to its longest word before the measure gives up a point.
 */
function squeeze(from: readonly number[], to: readonly number[], priority: readonly number[], room: number): number[] {
  const w = [...from];
  for (const p of [1, 2, 3, 4]) {
    const over = sum(w) - room;
    if (over <= 0) break;
    const idx = w.map((_, i) => i).filter((i) => priority[i] === p);
    const give = sum(idx.map((i) => w[i] - to[i]));
    if (give <= 0) continue;
    const f = Math.min(1, over / give);
    for (const i of idx) w[i] -= (w[i] - to[i]) * f;
  }
  return w;
}

/** Widths a little under what the page takes, in whole pixels (0.75 pt), so rounding in a file never pushes a column onto a second page. */
const SAFETY = 3;
const px = (pt: number) => Math.floor(pt / 0.75) * 0.75;

function fitWidths(needs: readonly Needs[], ids: readonly ColumnId[]): { widths: number[]; scale: number } {
  const natural = needs.map((n) => n.natural);
  const comfort = needs.map((n) => n.comfort);
  const min = needs.map((n) => n.min);
  const priority = needs.map((n) => n.priority);
  const full = layoutWidthAtScale(100) - SAFETY;
  let widths: number[];
  let room: number;
  if (sum(comfort) <= full) {
    room = full;
    widths = squeeze(natural, comfort, priority, room);
  } else {
    // Smaller print, down to the smallest readable scale, before the comfortable widths give way.
    const scale = Math.max(MIN_SCALE, Math.floor((layoutWidthAtScale(100) / sum(comfort)) * 100));
    room = layoutWidthAtScale(scale) - SAFETY;
    widths = sum(comfort) <= room ? squeeze(natural, comfort, priority, room) : squeeze(comfort, min, priority, room);
  }
  widths = widths.map(px);
  // Fill the page: what is left over goes to the measure and the commentary.
  const spare = room - sum(widths);
  if (spare > 0) {
    const grow = [ids.indexOf("measure"), ids.indexOf("commentary")].filter((i) => i >= 0);
    for (const i of grow) widths[i] = px(widths[i] + spare / grow.length);
  }
  // The scale a one-page-wide printout comes to in Excel (never above 100%; LibreOffice's is about 10% less).
  return { widths, scale: Math.min(100, Math.floor((PRINT_WIDTH / sum(widths)) * 100)) };
}
