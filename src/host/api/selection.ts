// What Excel shows selected: on each sheet the range last selected there (A1 until something is), so that
// Workbook.getSelectedRange and getActiveCell answer what a user selected (in the preview, in its grid, which
// selects through Range.select as an add-in would). Kept beside the model, not in it: a selection is the
// session's view of the workbook, not part of the file.
import type { CellRect } from "../../core/snapshot";
import type { SheetModel, WorkbookModel } from "../model/types";
import type { HostContext } from "./base";

const bySheet = new WeakMap<WorkbookModel, Map<string, CellRect>>();

function selections(model: WorkbookModel): Map<string, CellRect> {
  let m = bySheet.get(model);
  if (!m) {
    m = new Map();
    bySheet.set(model, m);
  }
  return m;
}

/** The range selected on a sheet: A1 until something is selected there. */
export function selectionOn(model: WorkbookModel, sheet: SheetModel): CellRect {
  return selections(model).get(sheet.id) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
}

/** Select a range (undone with the rest of its batch if the sync fails), making its sheet the active one. */
export function select(ctx: HostContext, sheet: SheetModel, rect: CellRect): void {
  ctx.journal.view(() => {
    ctx.journal.set(ctx.model, "activeSheetId", sheet.id);
    ctx.journal.mapSet(selections(ctx.model), sheet.id, { ...rect });
  });
}
