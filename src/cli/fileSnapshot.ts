// The command line's scan builds the core's WorkbookSnapshot straight from the one workbook reader
// (src/host/xlsx/workbookReader.ts, which the headless host reads through too), without building the host's
// workbook model: what Excel.run + readWorkbook would give for the same file (tests/cli/fileSnapshot.test.ts
// holds them equal on every fixture), at the cost of reading the cells once. This file reads no part itself:
// it keeps the cells the reader hands over (flat, in sheetCells.ts) and cuts them into the snapshot's blocks.
import type { CellBlock, CellRect, CellStyle, RawValue, SheetSnapshot, TableSnapshot, ValueType, WorkbookSnapshot } from "../core/snapshot";
import { BLOCK_GAP, byReadingOrder } from "../core/snapshotBlocks";
import { storedItemsFrom } from "../core/settingsStore";
import { datesTo1900System } from "../core/dateSystem";
import { StyleTable, type ReadCellProperties } from "../excel/cellStyles";
import { OWNED_REGISTER_SHEET_NAME, OWNED_SHEET_NAME, sheetFromReference } from "../excel/scorecardOwnership";
import { DEFAULT_FONT, colorToHex, fillColorOf, fontOf } from "../host/model/styles";
import type { CellModel } from "../host/model/types";
import { numberFormatOf, textOfValue } from "../host/model/values";
import { parseDefinedNames } from "../host/xlsx/definedNames";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "../host/xlsx/loadErrors";
import { SHEET_COLS } from "../host/xlsx/sheetData";
import { isProtected, mergesOf, STATES, tablesOf } from "../host/xlsx/sheetFeatures";
import type { SheetEntry } from "../host/xlsx/workbookParts";
import { openErrorOf, WorkbookReader, type CellContext } from "../host/xlsx/workbookReader";
import { SheetCells } from "./sheetCells";

/** Excel's documented ceiling on merged areas returned at once; past it readWorkbook reads a sheet without merges. */
const MAX_MERGED_AREAS = 512;
const MERGES_UNREAD = "its merged cells could not be read (Excel returns at most 512 merged areas at a time), so merged headings and labels are read from their first cell only.";

/** What a cell format gives a cell in the snapshot, worked out once per format. */
interface Face {
  numberFormat: string;
  properties: ReadCellProperties;
  /** Whether the format fills the cell (a fill other than white): such a cell is occupied though empty. */
  filled: boolean;
  /** Its id in the sheet's StyleTable, once asked. */
  id?: number;
  /** Whether its number format can decorate text (has a text section, "@"): else text shows as it is. */
  decoratesText: boolean;
}

function faceOf(ctx: CellContext, index: number): Face {
  const style = index ? ctx.styles.cellStyle(index) : undefined;
  const cell: CellModel = { value: null, style };
  const font = fontOf(cell);
  const fill = fillColorOf(cell);
  const numberFormat = numberFormatOf(cell);
  return {
    numberFormat,
    decoratesText: numberFormat.includes("@"),
    properties: { format: { fill: { color: fill }, font: { name: font.name ?? DEFAULT_FONT.name, color: colorToHex(font.color as never) ?? "#000000" } } },
    filled: fill.toUpperCase() !== "#FFFFFF",
  };
}

/** Runs of the indexes flagged, joined across fewer than `gap` unflagged ones. */
function runsOf(present: Iterable<number>, gap: number): [number, number][] {
  const out: [number, number][] = [];
  for (const i of present) {
    const last = out[out.length - 1];
    if (last && i - last[1] - 1 < gap) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** The distinct values of a list, ascending; cheap when the list is already in order (rows as read). */
function distinctAscending(xs: ArrayLike<number> & Iterable<number>): number[] {
  const out: number[] = [];
  let sorted = true;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const last = out[out.length - 1];
    if (last === undefined || x > last) out.push(x);
    else if (x < last) sorted = false;
  }
  return sorted ? out : [...new Set(xs)].sort((a, b) => a - b);
}

/** The distinct columns of a list, ascending (at most 16,384 of them: flagged, not sorted). */
function distinctColumns(cols: ArrayLike<number>): number[] {
  const seen = new Uint8Array(SHEET_COLS);
  for (let i = 0; i < cols.length; i++) seen[cols[i]] = 1;
  const out: number[] = [];
  for (let c = 0; c < SHEET_COLS; c++) if (seen[c]) out.push(c);
  return out;
}

/**
 * The rectangles that hold the occupied cells, as compactBlock cuts a dense read: split along runs of
 * rows first, then each band along its own runs of columns, until neither splits. Works on the
 * occupied cells alone, so a far value costs its own 1x1 rectangle.
 */
function blockRects(rows: ArrayLike<number> & Iterable<number>, cols: ArrayLike<number>, out: CellRect[]): void {
  if (!rows.length) return;
  const rowRuns = runsOf(distinctAscending(rows), BLOCK_GAP);
  const colRuns = runsOf(distinctColumns(cols), BLOCK_GAP);
  if (rowRuns.length === 1 && colRuns.length === 1) {
    out.push({ row: rowRuns[0][0], col: colRuns[0][0], rowCount: rowRuns[0][1] - rowRuns[0][0] + 1, colCount: colRuns[0][1] - colRuns[0][0] + 1 });
    return;
  }
  const byRows = rowRuns.length > 1;
  for (const [from, to] of byRows ? rowRuns : colRuns) {
    const r: number[] = [], c: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const key = byRows ? rows[i] : cols[i];
      if (key >= from && key <= to) {
        r.push(rows[i]);
        c.push(cols[i]);
      }
    }
    blockRects(r, c, out);
  }
}

function readSheet(reader: WorkbookReader, entry: SheetEntry): SheetSnapshot {
  const ctx = reader.ctx;
  // A formula flag says the cell holds a formula (one with no cached value is in the used range, and reads as "").
  const cells = new SheetCells();
  const rest = reader.readWorksheet(entry, {
    cell(row, col, value, formula, style) {
      cells.add(row, col, value, style, formula !== undefined);
    },
  });
  const merges = mergesOf(rest);
  cells.finish();
  clearMergedFollowers(cells, merges);

  // By cell format index (the reader has checked each against the style sheet's count).
  const faces: (Face | undefined)[] = new Array(ctx.styles.cellFormatCount + 1);
  const face = (i: number): Face => (faces[i] ??= faceOf(ctx, i));
  // The used range of values, as readWorkbook reads it: the smallest rectangle around every value or formula.
  let top = Infinity, bottom = -1, left = Infinity, right = -1;
  for (let k = 0; k < cells.count; k++) {
    const i = cells.at(k);
    if (cells.value(i) === null && !cells.formula(i)) continue;
    const r = cells.row(i), c = cells.col(i);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  // Typed, as the cells are: one row and one column number for each occupied cell, possibly millions.
  const occupiedRows = new Int32Array(cells.count), occupiedCols = new Int32Array(cells.count);
  let occupied = 0;
  // Each cell of the used range votes for its look (readWorkbook reads them all); the commonest font is the sheet's.
  // Counted by cell format, each format entered in the order first met (the style table's order).
  const counts = new Float64Array(faces.length), voted = new Uint8Array(faces.length), voteOrder: number[] = [];
  const vote = (index: number, n: number) => {
    if (!voted[index]) {
      voted[index] = 1;
      voteOrder.push(index);
    }
    counts[index] += n;
  };
  let inRange = 0;
  if (bottom >= 0) {
    for (let k = 0; k < cells.count; k++) {
      const i = cells.at(k);
      const r = cells.row(i), c = cells.col(i);
      if (r < top || r > bottom || c < left || c > right) continue;
      const v = cells.value(i);
      const index = cells.style(i);
      if ((v !== null && v !== "") || face(index).filled) {
        occupiedRows[occupied] = r;
        occupiedCols[occupied++] = c;
      }
      vote(index, 1);
      inRange++;
    }
    vote(0, (bottom - top + 1) * (right - left + 1) - inRange);
  } else {
    vote(0, 1); // an empty sheet reads as one empty cell, A1
  }
  const table = new StyleTable();
  for (const index of voteOrder) face(index).id = table.idOf(face(index).properties, counts[index]);
  const font = table.defaultFont();
  const rects: CellRect[] = [];
  blockRects(occupiedRows.subarray(0, occupied), occupiedCols.subarray(0, occupied), rects);
  const blocks = rects.sort(byReadingOrder).map((rect) => blockOf(rect, cells, face, table, font, ctx.date1904));

  const snapshot: SheetSnapshot = {
    name: entry.name,
    visibility: STATES[entry.state] ?? "Visible",
    protected: isProtected(rest),
    blocks,
    font,
    merges: merges.length > MAX_MERGED_AREAS ? [] : merges,
    tables: [],
  };
  if (merges.length > MAX_MERGED_AREAS) snapshot.readNotes = [MERGES_UNREAD];
  snapshot.tables = tablesOf(reader.pkg, entry.part).map(({ name, rect, showHeaders }): TableSnapshot => ({ name, rect, showHeaders }));
  return snapshot;
}

/** Only the top-left cell of a merged area holds a value, as on the host. */
function clearMergedFollowers(cells: SheetCells, merges: CellRect[]): void {
  if (!merges.length) return;
  for (let k = 0; k < cells.count; k++) {
    const i = cells.at(k);
    if (cells.value(i) === null && !cells.formula(i)) continue;
    const r = cells.row(i), c = cells.col(i);
    if (merges.some((m) => r >= m.row && r < m.row + m.rowCount && c >= m.col && c < m.col + m.colCount && (r !== m.row || c !== m.col))) cells.clear(i);
  }
}

/** A dense block over a rectangle: the cells read, and the empty ones between as Excel gives them. */
function blockOf(rect: CellRect, cells: SheetCells, face: (i: number) => Face, table: StyleTable, font: ReturnType<StyleTable["defaultFont"]>, date1904: boolean): CellBlock {
  const values: RawValue[][] = [], text: string[][] = [], numberFormats: string[][] = [], valueTypes: ValueType[][] = [];
  const idOf = (f: Face) => (f.id ??= table.idOf(f.properties, 0));
  const plain = face(0);
  const ids = new Int32Array(rect.rowCount * rect.colCount).fill(idOf(plain));
  for (let r = 0; r < rect.rowCount; r++) {
    const v: RawValue[] = new Array(rect.colCount).fill("");
    const t: string[] = new Array(rect.colCount).fill("");
    const n: string[] = new Array(rect.colCount).fill(plain.numberFormat);
    const y: ValueType[] = new Array(rect.colCount).fill("Empty");
    const [from, end] = cells.rowFrom(rect.row + r, rect.col);
    for (let k = from; k < end; k++) {
      const i = cells.at(k);
      if (cells.col(i) >= rect.col + rect.colCount) break;
      const c = cells.col(i) - rect.col;
      const f = face(cells.style(i));
      const value = cells.value(i);
      v[c] = value === null ? "" : typeof value === "object" ? value.error : value;
      // Text shows as it is unless its format has a text section: textOfValue's own first answer, without the call.
      t[c] = typeof value === "string" && !f.decoratesText ? value : textOfValue(value, f.numberFormat, date1904);
      n[c] = f.numberFormat;
      y[c] = value === null || value === "" ? "Empty" : typeof value === "object" ? "Error" : typeof value === "boolean" ? "Boolean" : typeof value === "number" ? "Double" : "String";
      ids[r * rect.colCount + c] = idOf(f);
    }
    values.push(v);
    text.push(t);
    numberFormats.push(n);
    valueTypes.push(y);
  }
  const block: CellBlock = { ...rect, values, text, numberFormats, valueTypes };
  const styles: CellStyle[] = table.stylesOf(ids, rect.colCount, font);
  if (styles.length) block.styles = styles;
  return block;
}

async function readFileSnapshot(reader: WorkbookReader): Promise<WorkbookSnapshot> {
  // The scorecard and its register's sheet, by their tags: never read as KPIs.
  const ownedNames = parseDefinedNames(reader.parts.workbookXml).filter((n) => n.localSheetId === undefined && (n.name === OWNED_SHEET_NAME || n.name === OWNED_REGISTER_SHEET_NAME));
  const ownedSheets = new Set(ownedNames.map((n) => sheetFromReference(n.formula)));
  const sheets = reader.worksheets.map((e) => readSheet(reader, e));
  for (const sheet of sheets) sheet.ownedByAddin = ownedSheets.has(sheet.name);
  const settings = storedItemsFrom((await reader.webExtensions()).settings);
  const snapshot: WorkbookSnapshot = { sheets, settings };
  if (reader.parts.date1904) datesTo1900System(snapshot); // as readWorkbook does
  return snapshot;
}

/** Read a workbook file's snapshot; throws WorkbookOpenError (one sentence in the user's words). */
export async function readSnapshotFromFile(bytes: Uint8Array, label = "The file", limits: LoadLimits = DEFAULT_LOAD_LIMITS): Promise<WorkbookSnapshot> {
  try {
    return await readFileSnapshot(WorkbookReader.open(bytes, label, limits));
  } catch (e) {
    throw openErrorOf(e, label);
  }
}
