// Read rectangles of cells (values, text, formats, value types and each cell's fill and font) in as
// few syncs as Excel's limits allow: small rectangles several to a sync, a large one in row blocks,
// each sync sized from what the previous ones cost. A refused sync halves the blocks and retries.
// Formatting comes by row (getRowProperties) and, only for rows whose cells differ, by cell.
import type { CellRect, RawValue, ValueType } from "../core/snapshot";
import { CELL_PROPERTIES, type ReadCellProperties, type StyleTable } from "./cellStyles";
import { isPayloadLimitError } from "./officeErrors";

/** What one sync of the block reader may return: well under Excel on the web's 5 MB. */
const BLOCK_BUDGET_BYTES = 2 * 1024 * 1024;
/** And well under its 5,000,000-cell read limit. */
const BLOCK_CELL_LIMIT = 1_000_000;
/** Bytes per cell of values + text + numberFormat + valueTypes (and its row's properties) before anything is measured. */
const FIRST_GUESS_BYTES_PER_CELL = 64;
/** Bytes per cell of getCellProperties (fill colour, font name and colour) before anything is measured. */
const FIRST_GUESS_PROPERTIES_BYTES_PER_CELL = 80;

export interface Grid {
  values: RawValue[][];
  text: string[][];
  numberFormats: string[][];
  valueTypes: ValueType[][];
}

/** A rectangle to read, and what has been read of it so far (rows arrive top to bottom). */
export interface DenseTarget {
  /** Index of the sheet in the workbook's sheet list. */
  sheet: number;
  rect: CellRect;
  grids: Grid;
  /** Each cell's face in its sheet's StyleTable, row by row (-1 where not read); null when properties are not read. */
  ids: Int32Array | null;
}

export function newTarget(sheet: number, rect: CellRect, withProperties: boolean): DenseTarget {
  return {
    sheet,
    rect,
    grids: { values: [], text: [], numberFormats: [], valueTypes: [] },
    ids: withProperties ? new Int32Array(rect.rowCount * rect.colCount).fill(-1) : null,
  };
}

/** Record one cell-properties grid read for rows of a target starting at `row` (absolute). */
export function recordProperties(t: DenseTarget, row: number, props: ReadCellProperties[][] | null, styles: StyleTable): void {
  if (!t.ids || !props) return;
  const w = t.rect.colCount;
  for (let k = 0; k < props.length; k++) {
    const line = props[k];
    const base = (row - t.rect.row + k) * w;
    for (let c = 0; c < w; c++) t.ids[base + c] = styles.idOf(line[c]);
  }
}

/** Whether a row's properties say one face for all its cells (Excel gives null where they differ). */
function uniform(p: ReadCellProperties | null | undefined): boolean {
  const f = p?.format;
  return !!f && f.fill?.color != null && f.font?.name != null && f.font?.color != null;
}

/**
 * One piece of reading: rows [row, row + rowCount) of a target, all its columns. A "cells" piece reads
 * the cells and each row's properties; a row whose cells differ is read again, cell by cell, as a
 * "properties" piece in the next sync. Most rows are uniform, and a row's properties cost what one
 * cell's do, so most of a sheet's formatting costs almost nothing.
 */
interface Chunk {
  kind: "cells" | "properties";
  target: number;
  row: number;
  rowCount: number;
}

interface BlockState {
  pending: Chunk[];
  budget: number;
  /** Estimated response bytes per cell of each kind of piece, re-measured after every sync. */
  bytesPerCell: { cells: number; properties: number };
  /** Fewer cells than half of any batch that was refused: what failed once is never tried again. */
  cellCap: number;
  fixedRows?: number;
}

export interface DenseReadOptions {
  /** Rows per block (default: sized from the payload budget). */
  blockRows?: number;
  /** After each sync: cells read so far, of all the targets'. */
  onProgress?: (read: number, total: number) => void;
}

/**
 * A target this small (a sheet of ordinary size) reads each cell's properties with its cells (getCellProperties) in the same sync: no
 * second sync for rows whose cells differ. Larger targets read each row's properties (as cheap as one cell's).
 */
const DIRECT_PROPERTIES_CELLS = 10_000;

/**
 * Read every target, appending rows to its grids (and faces to its ids). Returns the sheets that could
 * not be read, with the reason: a single row too large for one request leaves its sheet out.
 */
export async function readDense(
  context: Excel.RequestContext,
  sheetNames: string[],
  targets: DenseTarget[],
  styles: StyleTable[],
  options: DenseReadOptions,
): Promise<Map<number, string>> {
  const state: BlockState = {
    pending: targets.map((t, i): Chunk => ({ kind: "cells", target: i, row: t.rect.row, rowCount: t.rect.rowCount })),
    budget: BLOCK_BUDGET_BYTES,
    bytesPerCell: { cells: FIRST_GUESS_BYTES_PER_CELL, properties: FIRST_GUESS_PROPERTIES_BYTES_PER_CELL },
    cellCap: BLOCK_CELL_LIMIT,
    fixedRows: options.blockRows,
  };
  const problems = new Map<number, string>();
  const progress = { read: 0, total: targets.reduce((n, t) => n + t.rect.rowCount * t.rect.colCount, 0), report: options.onProgress };
  await readPending({ context, sheetNames, targets, styles, progress }, state, problems);
  return problems;
}

/** Join pieces of a target that follow on from each other, so a retried block is one range again. */
function coalesce(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    if (last && last.kind === c.kind && last.target === c.target && last.row + last.rowCount === c.row) out[out.length - 1] = { ...last, rowCount: last.rowCount + c.rowCount };
    else out.push({ ...c });
  }
  return out;
}

/** Take the next pieces for one sync: whole pieces while they fit, then the head of the next one to fill it. */
function nextBatch(state: BlockState, targets: DenseTarget[]): Chunk[] {
  const batch: Chunk[] = [];
  let bytes = 0;
  let cells = 0;
  while (state.pending.length) {
    const c = state.pending[0];
    const cols = targets[c.target].rect.colCount;
    const rowBytes = cols * state.bytesPerCell[c.kind];
    const roomRows = Math.min(Math.floor((state.budget - bytes) / rowBytes), Math.floor((state.cellCap - cells) / cols));
    let rows = Math.min(c.rowCount, state.fixedRows ?? Infinity);
    if (rows > roomRows) {
      if (batch.length && roomRows < 1) break; // this piece goes in the next sync
      rows = Math.max(1, roomRows); // fill the sync with the head of this piece
    }
    batch.push({ ...c, rowCount: rows });
    bytes += rows * rowBytes;
    cells += rows * cols;
    state.pending.shift();
    if (rows < c.rowCount) {
      state.pending.unshift({ ...c, row: c.row + rows, rowCount: c.rowCount - rows });
      break;
    }
    if (state.fixedRows !== undefined && c.kind === "cells") break; // fixed block size: one block per sync
  }
  return batch;
}

/** Rows measured per grid to size the next blocks: enough for an estimate, far cheaper than the whole response. */
const SAMPLE_ROWS = 200;

/** The JSON length of a grid's rows, estimated from up to SAMPLE_ROWS rows spread through it. */
function jsonLength(rows: unknown[]): number {
  if (rows.length <= SAMPLE_ROWS) return JSON.stringify(rows).length;
  const step = rows.length / SAMPLE_ROWS;
  let sampled = 0;
  for (let i = 0; i < SAMPLE_ROWS; i++) sampled += JSON.stringify(rows[Math.floor(i * step)]).length + 1;
  return Math.ceil((sampled * rows.length) / SAMPLE_ROWS);
}

/** A read that came back without its cells (Excel returns null past its cell limit) counts as refused. */
class NullRead extends Error {}

interface Reader {
  context: Excel.RequestContext;
  sheetNames: string[];
  targets: DenseTarget[];
  styles: StyleTable[];
  progress: { read: number; total: number; report?: (read: number, total: number) => void };
}

interface Queued {
  range: Excel.Range;
  rows: OfficeExtension.ClientResult<Excel.RowProperties[]> | null;
  cells: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

function queue(rd: Reader, c: Chunk): Queued {
  const t = rd.targets[c.target];
  const range = rd.context.workbook.worksheets.getItem(rd.sheetNames[t.sheet]).getRangeByIndexes(c.row, t.rect.col, c.rowCount, t.rect.colCount);
  if (c.kind === "properties") return { range, rows: null, cells: range.getCellProperties(CELL_PROPERTIES) };
  range.load("values, text, numberFormat, valueTypes");
  if (t.ids && t.rect.rowCount * t.rect.colCount <= DIRECT_PROPERTIES_CELLS) return { range, rows: null, cells: range.getCellProperties(CELL_PROPERTIES) };
  return { range, rows: t.ids ? range.getRowProperties(CELL_PROPERTIES) : null, cells: null };
}

function cameBack(c: Chunk, q: Queued): boolean {
  if (c.kind === "properties") return !!q.cells?.value;
  const r = q.range;
  return !!r.values && !!r.text && !!r.numberFormat && !!r.valueTypes && (!q.rows || !!q.rows.value) && (!q.cells || !!q.cells.value);
}

/** One sync per batch of blocks; recursion rather than a loop, so each sync is its own step. */
async function readPending(rd: Reader, state: BlockState, problems: Map<number, string>): Promise<void> {
  if (!state.pending.length) return;
  const { targets } = rd;
  const batch = nextBatch(state, targets);
  const queued = batch.map((c) => queue(rd, c));
  try {
    await rd.context.sync();
    if (batch.some((c, i) => !cameBack(c, queued[i]))) throw new NullRead();
  } catch (e) {
    if (!(e instanceof NullRead) && !isPayloadLimitError(e)) throw e;
    if (batch.length === 1 && batch[0].rowCount === 1) {
      // Even one row is too large: leave the sheet out and say so.
      const bad = batch[0];
      const sheet = targets[bad.target].sheet;
      problems.set(sheet, `it has a row too large to read (row ${bad.row + 1}).`);
      state.pending = state.pending.filter((c) => targets[c.target].sheet !== sheet);
    } else {
      // Retry the same rows in halves. Counting in cells, not estimated bytes, keeps a wrong
      // bytes-per-cell guess from growing the blocks back over the limit after a success.
      state.pending = coalesce([...batch, ...state.pending]);
      const cells = batch.reduce((n, c) => n + c.rowCount * targets[c.target].rect.colCount, 0);
      state.cellCap = Math.max(1, Math.floor(cells / 2));
      if (state.fixedRows !== undefined) state.fixedRows = Math.max(1, Math.floor(state.fixedRows / 2));
    }
    return readPending(rd, state, problems);
  }
  const bytes = { cells: 0, properties: 0 };
  const cells = { cells: 0, properties: 0 };
  const mixed: Chunk[] = [];
  batch.forEach((c, i) => {
    const q = queued[i];
    const t = targets[c.target];
    cells[c.kind] += c.rowCount * t.rect.colCount;
    if (c.kind === "properties") {
      const props = q.cells!.value as ReadCellProperties[][];
      recordProperties(t, c.row, props, rd.styles[t.sheet]);
      bytes.properties += jsonLength(props);
      return;
    }
    const g = t.grids;
    const range = q.range;
    // One row at a time: spreading a block's rows into push() overflows the stack past ~100,000 rows.
    const values = range.values as RawValue[][], numberFormats = range.numberFormat as string[][], valueTypes = range.valueTypes as ValueType[][];
    for (let k = 0; k < values.length; k++) {
      g.values.push(values[k]);
      g.text.push(range.text[k]);
      g.numberFormats.push(numberFormats[k]);
      g.valueTypes.push(valueTypes[k]);
    }
    bytes.cells += jsonLength(values) + jsonLength(range.text) + jsonLength(numberFormats) + jsonLength(valueTypes);
    if (q.cells && t.ids) {
      const props = q.cells.value as ReadCellProperties[][];
      recordProperties(t, c.row, props, rd.styles[t.sheet]);
      bytes.cells += jsonLength(props);
    }
    if (q.rows && t.ids) {
      const rows = q.rows.value as ReadCellProperties[];
      bytes.cells += jsonLength(rows);
      const w = t.rect.colCount;
      rows.forEach((p, k) => {
        if (!uniform(p)) {
          const last = mixed[mixed.length - 1];
          if (last && last.target === c.target && last.row + last.rowCount === c.row + k) last.rowCount++;
          else mixed.push({ kind: "properties", target: c.target, row: c.row + k, rowCount: 1 });
          return;
        }
        const id = rd.styles[t.sheet].idOf(p, w);
        t.ids!.fill(id, (c.row - t.rect.row + k) * w, (c.row - t.rect.row + k + 1) * w);
      });
    }
  });
  rd.progress.read += cells.cells;
  rd.progress.report?.(rd.progress.read, rd.progress.total);
  // Rows whose cells differ go first in the next sync, beside the next block of cells.
  for (let k = mixed.length - 1; k >= 0; k--) state.pending.unshift(mixed[k]);
  // Size the next blocks from what this one cost.
  for (const kind of ["cells", "properties"] as const) {
    if (cells[kind]) state.bytesPerCell[kind] = Math.max(1, Math.ceil((bytes[kind] / cells[kind]) * 1.1));
  }
  return readPending(rd, state, problems);
}
