// Merged areas, per sheet. Range.getMergedAreasOrNullObject fails on a range with more than 512 merged
// areas, and one failure fails its whole sync, so merges are queued apart from the cell reads when the
// first attempt fails: all sheets in one sync, and if that fails, each half of them again, until the
// sheet that fails is alone; it is read without merges, and the scan says so.
import type { CellRect } from "../core/snapshot";

/** Queue the merged areas of each named sheet's used range (with formats: merges are formatting). */
export function queueMerges(context: Excel.RequestContext, sheetNames: string[]): Excel.RangeAreas[] {
  return sheetNames.map((name) => {
    const areas = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject().getMergedAreasOrNullObject();
    areas.load("areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount");
    return areas;
  });
}

/** The merged areas a synced queueMerges proxy holds. */
export function mergesOf(areas: Excel.RangeAreas): CellRect[] {
  if (areas.isNullObject) return [];
  return areas.areas.items.map((r) => ({ row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount }));
}

export interface MergesRead {
  /** Merged areas by sheet index. */
  merges: Map<number, CellRect[]>;
  /** Sheets whose merged areas Excel would not return. */
  failed: number[];
}

/**
 * Read the merged areas of the given sheets (indexes into sheetNames), splitting the batch on failure;
 * `splitFirst` when they are known to fail together (so the first sync would be wasted).
 */
export async function readMerges(context: Excel.RequestContext, sheetNames: string[], sheets: number[], splitFirst = false): Promise<MergesRead> {
  const out: MergesRead = { merges: new Map(), failed: [] };
  if (splitFirst && sheets.length > 1) await split(context, sheetNames, sheets, out);
  else await readGroup(context, sheetNames, sheets, out);
  return out;
}

async function split(context: Excel.RequestContext, sheetNames: string[], group: number[], out: MergesRead): Promise<void> {
  const half = Math.ceil(group.length / 2);
  await readGroup(context, sheetNames, group.slice(0, half), out);
  return readGroup(context, sheetNames, group.slice(half), out);
}

async function readGroup(context: Excel.RequestContext, sheetNames: string[], group: number[], out: MergesRead): Promise<void> {
  if (!group.length) return;
  const proxies = queueMerges(context, group.map((i) => sheetNames[i]));
  try {
    await context.sync();
  } catch {
    // Whatever Excel's reason (the documented 512-area limit has no error code of its own), a sheet
    // without merges still scans; the rest are tried again without it.
    if (group.length === 1) {
      out.failed.push(group[0]);
      return;
    }
    return split(context, sheetNames, group, out);
  }
  group.forEach((sheet, i) => out.merges.set(sheet, mergesOf(proxies[i])));
}
