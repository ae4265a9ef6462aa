// Read the workbook into the core's WorkbookSnapshot: plain grids, in two syncs when it fits in
// Excel's payload limits, else in row blocks sized from what the first reads cost.
import type { CellBlock, CellRect, RawValue, SheetSnapshot, SheetVisibility, TableSnapshot, ValueType, WorkbookSnapshot } from "../core/snapshot";
import { SETTINGS_KEY } from "../core/settings";
import { compactBlock, makeBlock } from "../core/snapshotBlocks";
import { isPayloadLimitError } from "./officeErrors";
import { isSetSupported, REQUIREMENTS } from "./requirements";
import { OWNED_SHEET_NAME, sheetFromReference } from "./scorecardOwnership";

export interface ReadWorkbookOptions {
  /** Rows per block when a sheet must be read in blocks (default: sized from the payload budget). */
  blockRows?: number;
}

/** What one sync of the block reader may return: well under Excel on the web's 5 MB. */
const BLOCK_BUDGET_BYTES = 2 * 1024 * 1024;
/** And well under its 5,000,000-cell read limit. */
const BLOCK_CELL_LIMIT = 1_000_000;
/** Bytes per cell of values + text + numberFormat + valueTypes before anything is measured. */
const FIRST_GUESS_BYTES_PER_CELL = 64;

interface SheetMeta {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
  ownedByAddin: boolean;
}

interface Grid {
  values: RawValue[][];
  text: string[][];
  numberFormats: string[][];
  valueTypes: ValueType[][];
}

function emptySheet(meta: SheetMeta): SheetSnapshot {
  return { ...meta, blocks: [], font: { name: null, color: null }, merges: [], tables: [] };
}

/** A dense read of a rectangle at (row, col), cut down to the blocks that hold something. */
function blocksOf(row: number, col: number, g: Grid): CellBlock[] {
  return g.values.length ? compactBlock(makeBlock(row, col, g)) : [];
}

function rectOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): CellRect {
  return { row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount };
}

function parseSetting(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
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
  await context.sync();
  const ownedSheet = owned.isNullObject ? null : sheetFromReference(String(owned.formula));

  const settings: Record<string, unknown> = {};
  if (!setting.isNullObject) settings[SETTINGS_KEY] = parseSetting(setting.value);
  const metas: SheetMeta[] = worksheets.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility as SheetVisibility,
    protected: ws.protection.protected,
    ownedByAddin: ws.name === ownedSheet,
  }));
  const tableInfo = tables.items.map((t) => ({ name: t.name, showHeaders: t.showHeaders, sheet: t.worksheet.name }));
  const withMerges = isSetSupported(REQUIREMENTS.mergedAreas.name, REQUIREMENTS.mergedAreas.version);

  // Sync 2: every sheet's used range with its grids, merged areas and table ranges.
  const used = worksheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("rowIndex, columnIndex, rowCount, columnCount, values, text, numberFormat, valueTypes");
    return r;
  });
  const { merges, tableRanges } = queueGeometry(context, worksheets.items.map((ws) => ws.name), tableInfo.map((t) => t.name), withMerges);
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    return readInBlocks(context, metas, tableInfo, settings, withMerges, options);
  }

  const sheets = metas.map((meta, i) => {
    const snap = emptySheet(meta);
    const r = used[i];
    if (!r.isNullObject) {
      snap.blocks = blocksOf(r.rowIndex, r.columnIndex, {
        values: r.values as RawValue[][], text: r.text, numberFormats: r.numberFormat as string[][], valueTypes: r.valueTypes as ValueType[][],
      });
    }
    return snap;
  });
  attachGeometry(sheets, merges, tableRanges, tableInfo, withMerges);
  return { sheets, settings };
}

type MergeProxies = (Excel.RangeAreas | null)[];

/** Queue the merged areas of every sheet and the range of every table (fetched by the next sync). */
function queueGeometry(context: Excel.RequestContext, sheetNames: string[], tableNames: string[], withMerges: boolean) {
  const merges: MergeProxies = sheetNames.map((name) => {
    if (!withMerges) return null;
    // Merges are formatting, so the used range with formats holds them all (and is far smaller than the sheet).
    const areas = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject().getMergedAreasOrNullObject();
    areas.load("areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount");
    return areas;
  });
  const tableRanges = tableNames.map((name) => {
    const r = context.workbook.tables.getItem(name).getRange();
    r.load("rowIndex, columnIndex, rowCount, columnCount");
    return r;
  });
  return { merges, tableRanges };
}

function attachGeometry(
  sheets: SheetSnapshot[],
  merges: MergeProxies,
  tableRanges: Excel.Range[],
  tableInfo: { name: string; showHeaders: boolean; sheet: string }[],
  withMerges: boolean,
): void {
  sheets.forEach((snap, i) => {
    const areas = merges[i];
    if (areas && !areas.isNullObject) snap.merges = areas.areas.items.map(rectOf);
    if (!withMerges) snap.merges = [];
  });
  tableInfo.forEach((t, i) => {
    const snap = sheets.find((s) => s.name === t.sheet);
    if (!snap) return;
    const table: TableSnapshot = { name: t.name, rect: rectOf(tableRanges[i]), showHeaders: t.showHeaders };
    snap.tables.push(table);
  });
}

/** One piece of reading: rows [row, row + rowCount) of a sheet's used columns. */
interface Chunk {
  sheet: number;
  row: number;
  rowCount: number;
  col: number;
  colCount: number;
}

interface BlockState {
  pending: Chunk[];
  grids: Grid[];
  budget: number;
  bytesPerCell: number;
  /** Fewer cells than half of any batch that was refused: what failed once is never tried again. */
  cellCap: number;
  fixedRows?: number;
  problems: Map<number, string>;
}

/**
 * The fallback when one sync cannot carry the used ranges: one sync for their sizes, then row blocks,
 * several small pieces per sync or one block of a large sheet, each sized to stay under the budget.
 * A payload error halves the budget and retries the same rows.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  metas: SheetMeta[],
  tableInfo: { name: string; showHeaders: boolean; sheet: string }[],
  settings: Record<string, unknown>,
  withMerges: boolean,
  options: ReadWorkbookOptions,
): Promise<WorkbookSnapshot> {
  const dims = metas.map((m) => {
    const r = context.workbook.worksheets.getItem(m.name).getUsedRangeOrNullObject(true);
    r.load("rowIndex, columnIndex, rowCount, columnCount");
    return r;
  });
  const { merges, tableRanges } = queueGeometry(context, metas.map((m) => m.name), tableInfo.map((t) => t.name), withMerges);
  await context.sync();

  const sheets = metas.map(emptySheet);
  const origins = metas.map(() => ({ row: 0, col: 0 }));
  const state: BlockState = {
    pending: [],
    grids: metas.map(() => ({ values: [], text: [], numberFormats: [], valueTypes: [] })),
    budget: BLOCK_BUDGET_BYTES,
    bytesPerCell: FIRST_GUESS_BYTES_PER_CELL,
    cellCap: BLOCK_CELL_LIMIT,
    fixedRows: options.blockRows,
    problems: new Map(),
  };
  dims.forEach((r, i) => {
    if (r.isNullObject) return;
    origins[i] = { row: r.rowIndex, col: r.columnIndex };
    state.pending.push({ sheet: i, row: r.rowIndex, rowCount: r.rowCount, col: r.columnIndex, colCount: r.columnCount });
  });
  await readPending(context, metas, state);

  sheets.forEach((snap, i) => {
    snap.blocks = blocksOf(origins[i].row, origins[i].col, state.grids[i]);
    const problem = state.problems.get(i);
    if (problem) snap.readProblem = problem;
  });
  attachGeometry(sheets, merges, tableRanges, tableInfo, withMerges);
  return { sheets, settings };
}

/** Join pieces of a sheet that follow on from each other, so a retried block is one range again. */
function coalesce(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    if (last && last.sheet === c.sheet && last.col === c.col && last.colCount === c.colCount && last.row + last.rowCount === c.row) {
      out[out.length - 1] = { ...last, rowCount: last.rowCount + c.rowCount };
    } else out.push({ ...c });
  }
  return out;
}

/** Take the next pieces for one sync: whole small pieces while they fit, or the head of a large one. */
function nextBatch(state: BlockState): Chunk[] {
  const batch: Chunk[] = [];
  let bytes = 0;
  let cells = 0;
  while (state.pending.length) {
    const c = state.pending[0];
    const rowBytes = c.colCount * state.bytesPerCell;
    const roomRows = Math.min(Math.floor((state.budget - bytes) / rowBytes), Math.floor((state.cellCap - cells) / c.colCount));
    let rows = Math.min(c.rowCount, state.fixedRows ?? Infinity);
    if (rows > roomRows) {
      if (batch.length) break; // this piece goes in the next sync
      rows = Math.max(1, roomRows);
    }
    const piece = { ...c, rowCount: rows };
    batch.push(piece);
    bytes += rows * rowBytes;
    cells += rows * c.colCount;
    state.pending.shift();
    if (rows < c.rowCount) {
      state.pending.unshift({ ...c, row: c.row + rows, rowCount: c.rowCount - rows });
      break;
    }
    if (state.fixedRows !== undefined) break; // fixed block size: one block per sync
  }
  return batch;
}

function jsonLength(v: unknown): number {
  return JSON.stringify(v).length;
}

/** One sync per batch of blocks; recursion rather than a loop, so each sync is its own step. */
async function readPending(context: Excel.RequestContext, metas: SheetMeta[], state: BlockState): Promise<void> {
  if (!state.pending.length) return;
  const batch = nextBatch(state);
  const ranges = batch.map((c) => {
    const r = context.workbook.worksheets.getItem(metas[c.sheet].name).getRangeByIndexes(c.row, c.col, c.rowCount, c.colCount);
    r.load("values, text, numberFormat, valueTypes");
    return r;
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    const single = batch.length === 1 && batch[0].rowCount === 1;
    if (single) {
      // Even one row is too large: leave the sheet out and say so.
      const bad = batch[0];
      state.problems.set(bad.sheet, `Sheet "${metas[bad.sheet].name}" has a row too large to read (row ${bad.row + 1}).`);
      state.pending = state.pending.filter((c) => c.sheet !== bad.sheet);
    } else {
      // Retry the same rows in halves. Counting in cells, not estimated bytes, keeps a wrong
      // bytes-per-cell guess from growing the blocks back over the limit after a success.
      state.pending = coalesce([...batch, ...state.pending]);
      const cells = batch.reduce((n, c) => n + c.rowCount * c.colCount, 0);
      state.cellCap = Math.max(1, Math.floor(cells / 2));
      if (state.fixedRows !== undefined) state.fixedRows = Math.max(1, Math.floor(state.fixedRows / 2));
    }
    return readPending(context, metas, state);
  }
  let bytes = 0;
  let cells = 0;
  batch.forEach((c, i) => {
    const r = ranges[i];
    const g = state.grids[c.sheet];
    // One row at a time: spreading a block's rows into push() overflows the stack past ~100,000 rows.
    const values = r.values as RawValue[][], numberFormats = r.numberFormat as string[][], valueTypes = r.valueTypes as ValueType[][];
    for (let k = 0; k < values.length; k++) {
      g.values.push(values[k]);
      g.text.push(r.text[k]);
      g.numberFormats.push(numberFormats[k]);
      g.valueTypes.push(valueTypes[k]);
    }
    bytes += jsonLength(r.values) + jsonLength(r.text) + jsonLength(r.numberFormat) + jsonLength(r.valueTypes);
    cells += c.rowCount * c.colCount;
  });
  // Size the next blocks from what this one cost.
  if (cells) state.bytesPerCell = Math.max(1, Math.ceil((bytes / cells) * 1.1));
  return readPending(context, metas, state);
}
