// Reading what must survive a regeneration: which sheet the add-in owns (by its tag), whether it
// is protected, its commentary, its position, and the names of all sheets. Two syncs at most,
// whatever the number of KPIs: one to find the tag and the sheet list, one to read the owned sheet.
import { commentaryFromGrid, type CommentaryEntry } from "../core/scorecard";
import { OWNED_SHEET_NAME, sheetFromReference } from "./scorecardOwnership";

export interface OwnedSheetState {
  /** Names of every sheet in the workbook, in order. */
  sheetNames: string[];
  /** Whether the tag name exists (even if its sheet is gone). */
  tagExists: boolean;
  owned: { name: string; position: number; protected: boolean; commentary: CommentaryEntry[] } | null;
}

export async function readOwnedSheet(context: Excel.RequestContext, countSync: () => void): Promise<OwnedSheetState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  const tag = context.workbook.names.getItemOrNullObject(OWNED_SHEET_NAME);
  tag.load("formula,type");
  await context.sync();
  countSync();

  const sheetNames = sheets.items.map((s) => s.name);
  if (tag.isNullObject) return { sheetNames, tagExists: false, owned: null };
  const taggedName = tag.type === "Range" ? sheetFromReference(tag.formula) : null;
  const found = taggedName === null ? undefined : sheets.items.find((s) => s.name.toLowerCase() === taggedName.toLowerCase());
  if (!found) return { sheetNames, tagExists: true, owned: null };

  const protection = sheets.getItem(found.name).protection;
  protection.load("protected");
  const used = sheets.getItem(found.name).getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  countSync();
  return {
    sheetNames,
    tagExists: true,
    owned: {
      name: found.name,
      position: found.position,
      protected: protection.protected,
      commentary: used.isNullObject ? [] : commentaryFromGrid(used.values as (string | number | boolean)[][]),
    },
  };
}

/** The commentary on the owned scorecard sheet, for the pane (empty when there is no scorecard yet). */
export async function readCommentary(context: Excel.RequestContext): Promise<CommentaryEntry[]> {
  const state = await readOwnedSheet(context, () => undefined);
  return state.owned?.commentary ?? [];
}
