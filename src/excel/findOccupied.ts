// Where a large used range actually holds something. One stray value in XFD1048576 makes a sheet's used
// range 17 billion cells; reading it densely is impossible, so ask Excel where the values and formulas
// are (Range.getSpecialCells, ExcelApi 1.9): first how many cells and areas a rectangle holds, then the
// areas themselves where they are few, halving a rectangle whose areas are too many to list.
import type { CellRect } from "../core/snapshot";
import { BLOCK_GAP } from "../core/snapshotBlocks";

/** A used range above this many cells is probed before it is read; below, reading it whole is cheaper than asking. */
export const PROBE_CELLS = 200_000;
/** Areas one probe may list (each costs ~70 bytes of response); more, and the rectangle is halved. */
const MAX_AREAS_PER_PROBE = 2_000;
/** Areas listed in one sync, across probes: keeps the response far under 5 MB. */
const MAX_AREAS_PER_SYNC = 20_000;
/** A rectangle whose cells are at least this share filled is read whole. */
const DENSE_SHARE = 0.25;
/** Halvings before giving up on a sheet (2^40 covers 17 billion cells down to one). */
const MAX_ROUNDS = 48;

export interface Located {
  sheet: number;
  /** Rectangles to read, each holding values or formulas; disjoint within a sheet. */
  rects: CellRect[];
}

interface Probe {
  sheet: number;
  rect: CellRect;
}

interface Counted extends Probe {
  constants: Excel.RangeAreas;
  formulas: Excel.RangeAreas;
}

const cellsOf = (r: CellRect) => r.rowCount * r.colCount;

/** The two halves of a rectangle, across its longer side. */
function halves(r: CellRect): CellRect[] {
  if (r.rowCount >= r.colCount && r.rowCount > 1) {
    const top = Math.floor(r.rowCount / 2);
    return [{ ...r, rowCount: top }, { ...r, row: r.row + top, rowCount: r.rowCount - top }];
  }
  const left = Math.floor(r.colCount / 2);
  return [{ ...r, colCount: left }, { ...r, col: r.col + left, colCount: r.colCount - left }];
}

/** Whether two rectangles are within BLOCK_GAP - 1 empty rows and columns of each other. */
function near(a: CellRect, b: CellRect): boolean {
  const g = BLOCK_GAP;
  return a.row - g < b.row + b.rowCount && b.row - g < a.row + a.rowCount && a.col - g < b.col + b.colCount && b.col - g < a.col + a.colCount;
}

function union(a: CellRect, b: CellRect): CellRect {
  const row = Math.min(a.row, b.row), col = Math.min(a.col, b.col);
  const bottom = Math.max(a.row + a.rowCount, b.row + b.rowCount), right = Math.max(a.col + a.colCount, b.col + b.colCount);
  return { row, col, rowCount: bottom - row, colCount: right - col };
}

/**
 * Group areas that lie close together into the rectangles to read: a table's cells come back as many
 * areas (its gaps split them), and reading its bounding rectangle once is cheaper than each area apart.
 * A group whose rectangle would be mostly empty is read area by area instead.
 */
export function clusterAreas(areas: CellRect[]): CellRect[] {
  let groups = areas.map((a) => ({ rect: a, filled: cellsOf(a), parts: [a] }));
  let merged = true;
  while (merged) {
    merged = false;
    groups.sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
    const out: typeof groups = [];
    for (const g of groups) {
      const into = out.find((o) => near(o.rect, g.rect));
      if (into) {
        into.rect = union(into.rect, g.rect);
        into.filled += g.filled;
        for (const p of g.parts) into.parts.push(p);
        merged = true;
      } else out.push(g);
    }
    groups = out;
  }
  const rects: CellRect[] = [];
  for (const g of groups) {
    if (cellsOf(g.rect) > PROBE_CELLS && g.filled / cellsOf(g.rect) < DENSE_SHARE) for (const p of g.parts) rects.push(p);
    else rects.push(g.rect);
  }
  return rects;
}

/**
 * Locate the filled parts of each probed rectangle, in one sync per round: each round counts the
 * cells and areas of new probes and lists the areas of probes counted in the round before.
 */
export async function findOccupied(context: Excel.RequestContext, sheetNames: string[], probes: Probe[]): Promise<{ located: Located[]; unresolved: Probe[] }> {
  const bySheet = new Map<number, CellRect[]>();
  const add = (sheet: number, rects: CellRect[]) => {
    const list = bySheet.get(sheet) ?? [];
    for (const r of rects) list.push(r);
    bySheet.set(sheet, list);
  };
  const unresolved = await round(context, sheetNames, probes, [], add, 0);
  return { located: [...bySheet].map(([sheet, rects]) => ({ sheet, rects })), unresolved };
}

/** One round (one sync): count `toCount`, list the areas of `toList`; then decide and go again. */
async function round(
  context: Excel.RequestContext,
  sheetNames: string[],
  toCount: Probe[],
  toList: Counted[],
  add: (sheet: number, rects: CellRect[]) => void,
  depth: number,
): Promise<Probe[]> {
  if (!toCount.length && !toList.length) return [];
  if (depth >= MAX_ROUNDS) return toCount.concat(toList.map(({ sheet, rect }) => ({ sheet, rect })));
  const counted: Counted[] = toCount.map((p) => {
    const range = context.workbook.worksheets.getItem(sheetNames[p.sheet]).getRangeByIndexes(p.rect.row, p.rect.col, p.rect.rowCount, p.rect.colCount);
    const constants = range.getSpecialCellsOrNullObject("Constants");
    const formulas = range.getSpecialCellsOrNullObject("Formulas");
    constants.load("cellCount, areaCount");
    formulas.load("cellCount, areaCount");
    return { ...p, constants, formulas };
  });
  const AREAS = "areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount";
  for (const l of toList) {
    if (!l.constants.isNullObject) l.constants.load(AREAS);
    if (!l.formulas.isNullObject) l.formulas.load(AREAS);
  }
  await context.sync();

  for (const l of toList) {
    const areas: CellRect[] = [];
    for (const ra of [l.constants, l.formulas]) {
      if (ra.isNullObject) continue;
      for (const a of ra.areas.items) areas.push({ row: a.rowIndex, col: a.columnIndex, rowCount: a.rowCount, colCount: a.columnCount });
    }
    add(l.sheet, clusterAreas(areas));
  }

  const nextCount: Probe[] = [];
  const nextList: Counted[] = [];
  let listed = 0;
  for (const c of counted) {
    const count = (ra: Excel.RangeAreas) => (ra.isNullObject ? { cells: 0, areas: 0 } : { cells: ra.cellCount, areas: ra.areaCount });
    const k = count(c.constants), f = count(c.formulas);
    const cells = k.cells + f.cells, areas = k.areas + f.areas;
    if (cells === 0) continue;
    if (cells / cellsOf(c.rect) >= DENSE_SHARE) add(c.sheet, [c.rect]);
    else if (areas <= MAX_AREAS_PER_PROBE && listed + areas <= MAX_AREAS_PER_SYNC) {
      nextList.push(c);
      listed += areas;
    } else if (areas <= MAX_AREAS_PER_PROBE) nextCount.push({ sheet: c.sheet, rect: c.rect }); // counted again next round, listed then
    else for (const h of halves(c.rect)) nextCount.push({ sheet: c.sheet, rect: h });
  }
  return round(context, sheetNames, nextCount, nextList, add, depth + 1);
}
