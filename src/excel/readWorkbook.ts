// Read the workbook into the core's WorkbookSnapshot: each sheet as the blocks of cells that hold
// something, with each cell's fill and font. Two syncs when it fits in Excel's limits (the sheets; then
// every used range with its cells, merges and tables). Otherwise, sheet by sheet as needed: the used
// range's size, where a large one is filled (findOccupied), the filled parts in row blocks (readDense),
// and merged areas apart (readMerges).
import type { CellBlock, CellRect, RawValue, SheetSnapshot, SheetVisibility, TableSnapshot, ValueType, WorkbookSnapshot } from "../core/snapshot";
import { parseStoredSetting, SETTINGS_KEY } from "../core/settings";
import { datesTo1900System } from "../core/dateSystem";
import { byReadingOrder, compactBlock, makeBlock } from "../core/snapshotBlocks";
import { CELL_PROPERTIES, StyleTable, type ReadCellProperties } from "./cellStyles";
import { findOccupied, PROBE_CELLS } from "./findOccupied";
import { isPayloadLimitError } from "./officeErrors";
import { newTarget, readDense, recordProperties, type DenseTarget } from "./readDense";
import { mergesOf, queueMerges, readMerges } from "./readMerges";
import { isSetSupported, REQUIREMENTS } from "./requirements";
import { OWNED_SHEET_NAME, sheetFromReference } from "./scorecardOwnership";
import { queueDateSystem, uses1904 } from "./dateSystem";

export interface ReadWorkbookOptions {
  /** Rows per block when a sheet must be read in blocks (default: sized from the payload budget). */
  blockRows?: number;
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
  /** Sync 2 failed with merges in it for a reason other than size: merges are read apart, halves first. */
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
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load("value");
  // The scorecard sheet the add-in owns, by its tag (it follows a rename), so the scan never reads it as KPIs.
  const owned = context.workbook.names.getItemOrNullObject(OWNED_SHEET_NAME);
  owned.load("formula");
  const dateProbe = queueDateSystem(context);
  await context.sync();
  const ownedSheet = owned.isNullObject ? null : sheetFromReference(String(owned.formula));

  const settings: Record<string, unknown> = {};
  if (!setting.isNullObject) settings[SETTINGS_KEY] = parseStoredSetting(setting.value);
  const metas: SheetMeta[] = worksheets.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility as SheetVisibility,
    protected: ws.protection.protected,
    ownedByAddin: ws.name === ownedSheet,
  }));
  const tableInfo: TableInfo[] = tables.items.map((t) => ({ name: t.name, showHeaders: t.showHeaders, sheet: t.worksheet.name }));
  const can: Abilities = {
    merges: isSetSupported(REQUIREMENTS.mergedAreas.name, REQUIREMENTS.mergedAreas.version),
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

  // Sync 2: every used range whole. Sheets it cannot carry are read in parts.
  const left = await readWhole(context, reading, tableInfo, can);
  if (left.length) await readParts(context, reading, left, tableInfo, can, options);
  if (can.merges && reading.merges.size < metas.length) {
    const pending = metas.map((_, i) => i).filter((i) => !reading.merges.has(i));
    const got = await readMerges(context, reading.names, pending, reading.mergesSuspect);
    for (const [i, m] of got.merges) reading.merges.set(i, m);
    for (const i of got.failed) {
      note(reading, i, "its merged cells could not be read (Excel returns at most 512 merged areas at a time), so merged headings and labels are read from their first cell only.");
    }
  }
  const snapshot: WorkbookSnapshot = { sheets: assemble(metas, reading, tableInfo), settings };
  if (uses1904(dateProbe)) datesTo1900System(snapshot);
  return snapshot;
}

/** The sheets whose used range sync 2 did not bring back, with its size when known. */
interface Left {
  sheet: number;
  /** The sheet's used range (values only); undefined when not yet known, null when the sheet is empty. */
  used?: CellRect | null;
}

/**
 * Sync 2: each used range with its cells and cell properties, the merged areas and the table ranges.
 * Over a limit (payload, cell count) or failing on merges, the whole sync fails, and every sheet is
 * left to readParts; a sheet whose cells come back null (Excel's other answer past its cell limit)
 * is left to it alone.
 */
async function readWhole(context: Excel.RequestContext, reading: Reading, tableInfo: TableInfo[], can: Abilities): Promise<Left[]> {
  // getUsedRange, not ...OrNullObject: an empty sheet gives A1, so the cell properties call is never on a null object.
  const used = reading.names.map((name, i) => {
    const r = context.workbook.worksheets.getItem(name).getUsedRange(true);
    r.load("rowIndex, columnIndex, rowCount, columnCount, values, text, numberFormat, valueTypes");
    return { range: r, props: reading.withProperties[i] ? r.getCellProperties(CELL_PROPERTIES) : null };
  });
  const merges = can.merges ? queueMerges(context, reading.names) : null;
  const tableRanges = queueTableRanges(context, tableInfo);
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) {
      if (!merges) throw e;
      reading.mergesSuspect = true;
    }
    return reading.names.map((_, sheet) => ({ sheet }));
  }
  reading.tables = tableRanges.map(rectOf);
  merges?.forEach((m, i) => reading.merges.set(i, mergesOf(m)));
  const left: Left[] = [];
  used.forEach(({ range, props }, sheet) => {
    const rect = rectOf(range);
    if (!range.values || !range.text || !range.numberFormat || !range.valueTypes || (props && !props.value)) {
      left.push({ sheet, used: rect });
      return;
    }
    const t = newTarget(sheet, rect, !!props);
    t.grids = { values: range.values as RawValue[][], text: range.text, numberFormats: range.numberFormat as string[][], valueTypes: range.valueTypes as ValueType[][] };
    recordProperties(t, rect.row, props ? (props.value as ReadCellProperties[][]) : null, reading.styles[sheet]);
    reading.targets.push(t);
  });
  return left;
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
    if (!rect) continue;
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
  const problems = await readDense(context, reading.names, dense, reading.styles, { blockRows: options.blockRows });
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
