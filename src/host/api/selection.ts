// What one person sees of the workbook: their active sheet and, on each sheet, the range they last selected
// there (A1 until something is), so that Workbook.getSelectedRange and getActiveCell answer what that person
// selected (in the preview, in its grid, which selects through Range.select as an add-in would). Excel keeps
// these per person: a co-author's selecting or activating never moves them. Kept beside the model, not in it
// (only the active sheet of whoever saves goes into the file).
import type { CellRect } from "../../core/snapshot";
import type { SheetModel, WorkbookModel } from "../model/types";
import type { HostContext } from "./base";

export interface SessionView {
  activeSheetId?: string;
  selections: Map<string, CellRect>;
}

/** A person's view as they open the workbook: the file's active sheet, nothing selected yet. */
export function openingView(model: WorkbookModel): SessionView {
  return { activeSheetId: model.activeSheetId, selections: new Map() };
}

/** The range selected on a sheet: A1 until something is selected there. */
export function selectionOn(view: SessionView, sheet: SheetModel): CellRect {
  return view.selections.get(sheet.id) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
}

/** The sheet a person sees: the one they last activated, else the first visible one. */
export function activeSheetOf(model: WorkbookModel, view: SessionView): SheetModel | undefined {
  return model.sheets.find((s) => s.id === view.activeSheetId) ?? model.sheets.find((s) => s.visibility === "Visible");
}

/** Make a sheet this person's active one (undone with the rest of its batch if the sync fails). */
export function activate(ctx: HostContext, sheet: SheetModel): void {
  ctx.journal.view(() => ctx.journal.set(ctx.session.view, "activeSheetId", sheet.id));
}

/** Select a range, making its sheet the active one. */
export function select(ctx: HostContext, sheet: SheetModel, rect: CellRect): void {
  activate(ctx, sheet);
  ctx.journal.view(() => ctx.journal.mapSet(ctx.session.view.selections, sheet.id, { ...rect }));
}

/** A sheet went: whoever had it active now sees the first visible sheet. */
export function sheetRemoved(ctx: HostContext, sheet: SheetModel): void {
  const next = ctx.model.sheets.find((x) => x !== sheet && x.visibility === "Visible")?.id;
  for (const view of ctx.session.views()) {
    if (view.activeSheetId === sheet.id) ctx.journal.view(() => ctx.journal.set(view, "activeSheetId", next));
  }
}
