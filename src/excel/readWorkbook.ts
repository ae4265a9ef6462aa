// Read the workbook into the core's WorkbookSnapshot: each sheet as the blocks of cells that hold
// something, with each cell's fill and font. Sizes first, then cells in blocks of bounded size, on every
// host: Excel on the web refuses a response over 5 MB, and Excel on Windows and Mac, which has no such limit,
// would return a 130,000-row sheet as one response of hundreds of MB (office-js-docs-pr
// docs/concepts/resource-limits-and-performance-optimization.md; docs/excel/excel-add-ins-ranges-large.md).
//   1. the sheets, tables, settings, tags and date system;
//   2. each used range's size, the table ranges and the merged areas;
//   3. the cells, several small sheets to a sync, a large one in row blocks (readDense); where a large used
//      range is filled, probed first (findOccupied). Three syncs for a workbook of ordinary size.
import type { CellBlock, CellRect, SheetSnapshot, SheetVisibility, TableSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { datesTo1900System } from "../core/dateSystem";
import { byReadingOrder, compactBlock, makeBlock } from "../core/snapshotBlocks";
import { StyleTable } from "./cellStyles";
import { findOccupied, PROBE_CELLS } from "./findOccupied";
import { newTarget, readDense, type DenseTarget } from "./readDense";
import { mergesOf, queueMerges, readMerges } from "./readMerges";
import { isSetSupported, REQUIREMENTS } from "./requirements";
import { OWNED_REGISTER_SHEET_NAME, OWNED_SHEET_NAME, sheetFromReference } from "./scorecardOwnership";
import { queueDateSystem, uses1904 } from "./dateSystem";
import { queueStoredItems } from "./settingsStore";

export interface ReadWorkbookOptions {
  /** Rows per block when a sheet must be read in blocks (default: sized from the payload budget). */
  blockRows?: number;
  /**
   * Merged areas already known, by sheet name (from the last scan the person asked for): used instead of asking
   * Excel, whose Range.getMergedAreasOrNullObject clears the user's undo stack in Excel on Windows (office-js
   * issue 5918). The automatic re-scan reads with these; a sheet not in them is read without merges.
   */
  cachedMerges?: ReadonlyMap<string, CellRect[]>;
  /** After each block of cells: how many of the cells to read have been read. */
  onProgress?: (read: number, total: number) => void;
}

/** A rectangle read densely when nothing says where in it the cells are: past this, the sheet is refused. */
const MAX_DENSE_CELLS = 20_000_000;

interface SheetMeta {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  ownedByAddin: boolean;
}

interface TableInfo {
  name: string;
  showHeaders: boolean;
  sheet: string;
}

/** What the host can do, asked once. */
interface Abilities {
  merges: boolean;
  properties: boolean;
  specialCells: boolean;
}

/** What has been read of each sheet so far, by sheet index. */
interface Reading {
  names: string[];
  targets: DenseTarget[];
  styles: StyleTable[];
  merges: Map<number, CellRect[]>;
  notes: Map<number, string[]>;
  problems: Map<number, string>;
  tables: CellRect[] | null;
  /** The sizes' sync failed with merges in it: merges are read apart, halves first. */
  mergesSuspect: boolean;
  /** Whether each sheet's cell formats are read: not the add-in's own scorecard, which is never scanned. */
  withProperties: boolean[];
}

function rectOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): CellRect {
  return { row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount };
}

function note(reading: Reading, sheet: number, text: string): void {
  const list = reading.notes.get(sheet) ?? [];
  list.push(text);
  reading.notes.set(sheet, list);
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadWorkbookOptions = {}): Promise<WorkbookSnapshot> {
  // Sync 1: the sheets, the tables and the add-in's settings.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/visibility, items/protection/protected");
  const tables = context.workbook.tables;
  tables.load("items/name, items/showHeaders, items/worksheet/name");
  const storedItems = queueStoredItems(context);
  // The scorecard and register sheets the add-in owns, by their tags (they follow a rename), so the scan never reads them as KPIs.
  const ownedTags = [OWNED_SHEET_NAME, OWNED_REGISTER_SHEET_NAME].map((n) => context.workbook.names.getItemOrNullObject(n));
  ownedTags.forEach((t) => t.load("formula"));
  const dateProbe = queueDateSystem(context);
  await context.sync();
  const ownedSheets = new Set(ownedTags.map((t) => (t.isNullObject ? null : sheetFromReference(String(t.formula)))).filter((n): n is string => n !== null));

  const settings = storedItems();
  const metas: SheetMeta[] = worksheets.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility as SheetVisibility,
    protected: ws.protection.protected,
    ownedByAddin: ownedSheets.has(ws.name),
  }));
  const tableInfo: TableInfo[] = tables.items.map((t) => ({ name: t.name, showHeaders: t.showHeaders, sheet: t.worksheet.name }));
  const can: Abilities = {
    merges: !options.cachedMerges && isSetSupported(REQUIREMENTS.mergedAreas.name, REQUIREMENTS.mergedAreas.version),
    properties: isSetSupported(REQUIREMENTS.cellProperties.name, REQUIREMENTS.cellProperties.version),
    specialCells: isSetSupported(REQUIREMENTS.specialCells.name, REQUIREMENTS.specialCells.version),
  };
  const reading: Reading = {
    names: metas.map((m) => m.name),
    targets: [],
    styles: metas.map(() => new StyleTable()),
    merges: new Map(),
    notes: new Map(),
    problems: new Map(),
    tables: null,
    mergesSuspect: false,
    withProperties: metas.map((m) => can.properties && !m.ownedByAddin),
  };

  // Sync 2: the sizes (with the tables and the merged areas); then the cells, in bounded blocks.
  await readParts(context, reading, reading.names.map((_, sheet) => ({ sheet })), tableInfo, can, options);
  if (can.merges && reading.merges.size < metas.length) {
    const pending = metas.map((_, i) => i).filter((i) => !reading.merges.has(i));
    const got = await readMerges(context, reading.names, pending, reading.mergesSuspect);
    for (const [i, m] of got.merges) reading.merges.set(i, m);
    for (const i of got.failed) {
      note(reading, i, "its merged cells could not be read (Excel returns at most 512 merged areas at a time), so merged headings and labels are read from their first cell only.");
    }
  }
  if (options.cachedMerges) metas.forEach((m, i) => reading.merges.set(i, [...(options.cachedMerges!.get(m.name) ?? [])]));
  const snapshot: WorkbookSnapshot = { sheets: assemble(metas, reading, tableInfo), settings };
  if (uses1904(dateProbe)) {
    datesTo1900System(snapshot);
    snapshot.date1904 = true;
  }
  return snapshot;
}

/** A sheet to read, with its used range once known. */
interface Left {
  sheet: number;
  /** The sheet's used range (values only); undefined when not yet known, null when the sheet is empty. */
  used?: CellRect | null;
}

function queueTableRanges(context: Excel.RequestContext, tableInfo: TableInfo[]): Excel.Range[] {
  return tableInfo.map((t) => {
    const r = context.workbook.tables.getItem(t.name).getRange();
    r.load("rowIndex, columnIndex, rowCount, columnCount");
    return r;
  });
}

/**
 * The sheets sync 2 could not carry: their used ranges' sizes (one sync, with the table ranges if they
 * are still wanted); a large used range probed for where it is filled; then the filled parts in blocks.
 */
async function readParts(context: Excel.RequestContext, reading: Reading, left: Left[], tableInfo: TableInfo[], can: Abilities, options: ReadWorkbookOptions): Promise<void> {
  const unknown = left.filter((l) => l.used === undefined);
  if (unknown.length || !reading.tables) await readSizes(context, reading, unknown, tableInfo, can.merges && !reading.mergesSuspect);

  const dense: DenseTarget[] = [];
  const probes: { sheet: number; rect: CellRect }[] = [];
  for (const l of left) {
    const rect = l.used;
    // An empty sheet: only A1's face, which tells the sheet's font as Excel gives it (a cell with nothing in it).
    if (!rect) {
      if (reading.withProperties[l.sheet]) dense.push(newTarget(l.sheet, { row: 0, col: 0, rowCount: 1, colCount: 1 }, true));
      continue;
    }
    const cells = rect.rowCount * rect.colCount;
    if (cells > PROBE_CELLS && can.specialCells) probes.push({ sheet: l.sheet, rect });
    else if (cells > MAX_DENSE_CELLS) reading.problems.set(l.sheet, tooLarge(rect));
    else dense.push(newTarget(l.sheet, rect, reading.withProperties[l.sheet]));
  }
  if (probes.length) {
    const { located, unresolved } = await findOccupied(context, reading.names, probes);
    for (const { sheet, rects } of located) for (const rect of rects) dense.push(newTarget(sheet, rect, reading.withProperties[sheet]));
    for (const u of unresolved) reading.problems.set(u.sheet, tooLarge(u.rect));
  }
  const problems = await readDense(context, reading.names, dense, reading.styles, { blockRows: options.blockRows, onProgress: options.onProgress });
  for (const [sheet, why] of problems) reading.problems.set(sheet, why);
  for (const t of dense) reading.targets.push(t);
}

/**
 * One sync: the used ranges' sizes, the table ranges if sync 2 did not bring them, and the merged areas
 * beside them; if that sync fails, once more without the merges (readMerges then finds the sheet that fails).
 */
async function readSizes(context: Excel.RequestContext, reading: Reading, unknown: Left[], tableInfo: TableInfo[], withMerges: boolean): Promise<void> {
  const dims = unknown.map((l) => {
    const r = context.workbook.worksheets.getItem(reading.names[l.sheet]).getUsedRangeOrNullObject(true);
    r.load("rowIndex, columnIndex, rowCount, columnCount");
    return r;
  });
  const tableRanges = reading.tables ? null : queueTableRanges(context, tableInfo);
  const mergeSheets = withMerges ? reading.names.map((_, i) => i).filter((i) => !reading.merges.has(i)) : [];
  const merges = mergeSheets.length ? queueMerges(context, mergeSheets.map((i) => reading.names[i])) : null;
  try {
    await context.sync();
  } catch (e) {
    if (!merges) throw e;
    // Whatever Excel's reason (512 merged areas at most have no error code of their own), the sizes come again
    // without merges, which are then read apart, sheet by sheet as it takes (readMerges).
    reading.mergesSuspect = true;
    return readSizes(context, reading, unknown, tableInfo, false);
  }
  unknown.forEach((l, i) => (l.used = dims[i].isNullObject ? null : rectOf(dims[i])));
  if (tableRanges) reading.tables = tableRanges.map(rectOf);
  merges?.forEach((m, i) => reading.merges.set(mergeSheets[i], mergesOf(m)));
}

function tooLarge(rect: CellRect): string {
  const cells = rect.rowCount * rect.colCount;
  return `its used range holds ${cells.toLocaleString("en-GB")} cells, too many to read, and where its values are could not be found. Clear the cells far from the data and scan again.`;
}

/** Each sheet's snapshot from what was read: blocks cut to what they hold, the default font, merges, tables. */
function assemble(metas: SheetMeta[], reading: Reading, tableInfo: TableInfo[]): SheetSnapshot[] {
  const blocks: CellBlock[][] = metas.map(() => []);
  const fonts = reading.styles.map((s) => s.defaultFont());
  for (const t of reading.targets) {
    if (reading.problems.has(t.sheet) || !t.grids.values.length) continue;
    const styles = t.ids ? reading.styles[t.sheet].stylesOf(t.ids, t.rect.colCount, fonts[t.sheet]) : undefined;
    for (const b of compactBlock(makeBlock(t.rect.row, t.rect.col, t.grids, styles))) blocks[t.sheet].push(b);
  }
  const sheets = metas.map((meta, i): SheetSnapshot => {
    const snap: SheetSnapshot = { ...meta, blocks: blocks[i].sort(byReadingOrder), font: fonts[i], merges: reading.merges.get(i) ?? [], tables: [] };
    const problem = reading.problems.get(i);
    if (problem) snap.readProblem = problem;
    const notes = reading.notes.get(i);
    if (notes) snap.readNotes = notes;
    return snap;
  });
  tableInfo.forEach((t, i) => {
    const snap = sheets.find((s) => s.name === t.sheet);
    const rect = reading.tables?.[i];
    if (!snap || !rect) return;
    const table: TableSnapshot = { name: t.name, rect, showHeaders: t.showHeaders };
    snap.tables.push(table);
  });
  return sheets;
}
