// What a Range stands for (a rectangle of a model sheet) and the checks every object over one shares.
import type { CellRect } from "../../core/snapshot";
import { richApiError } from "../errors";
import { rectsIntersect, usedRect } from "../model/sheet";
import type { SheetModel } from "../model/types";

export interface RangeTarget {
  sheet: SheetModel;
  rect: CellRect;
}

/** Excel refuses every change to a protected sheet, and the batch applies nothing. */
export function assertWritable(sheet: SheetModel): void {
  if (sheet.protected) throw richApiError("AccessDenied");
}

/** The used range within a range (as Excel's Range.getUsedRange), or null when it holds nothing. */
export function clipToUsed(t: RangeTarget, valuesOnly: boolean): RangeTarget | null {
  const used = usedRect(t.sheet, valuesOnly, t.rect);
  if (!used || !rectsIntersect(used, t.rect)) return null;
  const row = Math.max(used.row, t.rect.row), col = Math.max(used.col, t.rect.col);
  const bottom = Math.min(used.row + used.rowCount, t.rect.row + t.rect.rowCount);
  const right = Math.min(used.col + used.colCount, t.rect.col + t.rect.colCount);
  return { sheet: t.sheet, rect: { row, col, rowCount: bottom - row, colCount: right - col } };
}
