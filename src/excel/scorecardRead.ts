// Reading what must survive a regeneration: which sheets the add-in owns (by their tags), whether the
// scorecard is protected, what it and its data sheet say (commentary, each KPI's RAG), their positions,
// and the names of all sheets. Two syncs at most, whatever the number of KPIs: one to find the tags and
// the sheet list, one to read the owned sheets.
import { readScorecardState, type CommentaryEntry, type Grid, type ScorecardState } from "../core/scorecard";
import { OWNED_DATA_SHEET_NAME, OWNED_SHEET_NAME, sheetFromReference } from "./scorecardOwnership";

export interface OwnedSheetState {
  /** Names of every sheet in the workbook, in order. */
  sheetNames: string[];
  /** Whether the tags exist (even if their sheets are gone). */
  tagExists: boolean;
  dataTagExists: boolean;
  owned: { name: string; position: number; protected: boolean; state: ScorecardState } | null;
  /** The hidden data sheet, when its tag still finds it. */
  dataSheet: { name: string } | null;
}

interface TaggedSheet {
  name: string;
  position: number;
}

function tagged(tag: Excel.NamedItem, sheets: Excel.WorksheetCollection): TaggedSheet | undefined {
  if (tag.isNullObject || tag.type !== "Range") return undefined;
  const name = sheetFromReference(tag.formula);
  return name === null ? undefined : sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export async function readOwnedSheet(context: Excel.RequestContext, countSync: () => void): Promise<OwnedSheetState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  const tag = context.workbook.names.getItemOrNullObject(OWNED_SHEET_NAME);
  tag.load("formula,type");
  const dataTag = context.workbook.names.getItemOrNullObject(OWNED_DATA_SHEET_NAME);
  dataTag.load("formula,type");
  await context.sync();
  countSync();

  const sheetNames = sheets.items.map((s) => s.name);
  const found = tagged(tag, sheets);
  const data = tagged(dataTag, sheets);
  const base = { sheetNames, tagExists: !tag.isNullObject, dataTagExists: !dataTag.isNullObject, dataSheet: data ? { name: data.name } : null };
  if (!found) return { ...base, owned: null };

  const protection = sheets.getItem(found.name).protection;
  protection.load("protected");
  const used = sheets.getItem(found.name).getUsedRangeOrNullObject(true);
  used.load("values");
  const dataUsed = data ? sheets.getItem(data.name).getUsedRangeOrNullObject(true) : null;
  dataUsed?.load("values");
  await context.sync();
  countSync();
  const grid = (r: Excel.Range | null): Grid | null => (r && !r.isNullObject ? (r.values as Grid) : null);
  return {
    ...base,
    owned: {
      name: found.name,
      position: found.position,
      protected: protection.protected,
      state: readScorecardState(grid(used) ?? [], grid(dataUsed)),
    },
  };
}

/** The commentary on the owned scorecard sheet, for the pane (empty when there is no scorecard yet). */
export async function readCommentary(context: Excel.RequestContext): Promise<CommentaryEntry[]> {
  const state = await readOwnedSheet(context, () => undefined);
  return state.owned?.state.commentary ?? [];
}
