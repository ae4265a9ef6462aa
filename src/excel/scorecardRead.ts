// Reading what a regeneration needs before its first write: which sheets the add-in owns (by their tags),
// their ids, positions, visibility and protection, whether the workbook's structure is protected, the
// area the last scorecard wrote, the charts it drew, what it and its data sheet say (commentary, each
// KPI's RAG), and the names of all sheets. Two syncs at most, whatever the number of KPIs: one for the tags
// and the sheet list, one for the owned sheets.
import { readScorecardState, type CommentaryEntry, type Grid, type ScorecardState } from "../core/scorecard";
import type { CellRect } from "../core/snapshot";
import { parseRangeAddress } from "../core/address";
import { isSetSupported } from "./requirements";
import { queueDateSystem, uses1904 } from "./dateSystem";
import { CHART_NAME_PREFIX, OWNED_DATA_SHEET_NAME, OWNED_REGISTER_SHEET_NAME, OWNED_SHEET_NAME, REGISTER_AREA_TAG, SHEET_NAME_TAG, WRITTEN_AREA_TAG, sheetFromReference } from "./scorecardOwnership";

export interface SheetInfo {
  id: string;
  name: string;
  position: number;
  visibility: string;
}

export interface OwnedScorecard extends SheetInfo {
  /** False for an empty sheet of the scorecard's name with no tag: one a write that stopped part-way made. */
  tagged: boolean;
  /** Nothing was written yet, on it or on its data sheet (a first write stopped before its first value). */
  blank: boolean;
  protected: boolean;
  state: ScorecardState;
  /** The area the last write covered (its tag, or the used range of a scorecard from an older version). */
  written: CellRect | null;
  /** Charts the add-in drew there, by name. */
  charts: string[];
  /** The sheet name the settings asked for when it was last written ("" when not recorded). */
  configuredName: string;
}

export interface OwnedSheetState {
  sheets: SheetInfo[];
  /** Names of every sheet in the workbook, in order. */
  sheetNames: string[];
  /** Whether each tag exists (even if its sheet is gone). */
  tags: { owned: boolean; data: boolean; written: boolean; sheetName: boolean; register: boolean; registerArea: boolean };
  /** The workbook's structure is protected: no sheet can be added (ExcelApi 1.7; false where unknown). */
  structureProtected: boolean;
  /** The workbook counts dates from 1904: dates are written in its serials. */
  date1904: boolean;
  owned: OwnedScorecard | null;
  /** The hidden data sheet, when its tag still finds it (or an empty untagged one of its name, as above). */
  dataSheet: (SheetInfo & { protected: boolean; tagged: boolean; area: CellRect | null }) | null;
  /** The register's own sheet, when its tag still finds it (or an empty untagged one of its name), and what it last wrote there. */
  register: (SheetInfo & { protected: boolean; tagged: boolean; area: CellRect | null }) | null;
}

/** The names the write would give new sheets: an empty, untagged sheet of such a name is taken over, not doubled. */
export interface Adoptable {
  sheet: string;
  data: string;
  register: string;
}

function tagged(tag: Excel.NamedItem, sheets: SheetInfo[]): SheetInfo | undefined {
  if (tag.isNullObject || tag.type !== "Range") return undefined;
  const name = sheetFromReference(tag.formula);
  return name === null ? undefined : sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** The rectangle a tag's formula names on the given sheet ("=Scorecard!$A$1:$P$240"), or null (elsewhere, or gone). */
function taggedRect(tag: Excel.NamedItem, sheet: SheetInfo): CellRect | null {
  if (tag.isNullObject || tag.type !== "Range") return null;
  if (sheetFromReference(String(tag.formula))?.toLowerCase() !== sheet.name.toLowerCase()) return null;
  const f = String(tag.formula).replace(/^=/, "");
  return parseRangeAddress(f.slice(f.lastIndexOf("!") + 1).replace(/\$/g, ""));
}

/** The text of a name holding a string ("=\"Scorecard\""), or "". */
function taggedText(tag: Excel.NamedItem): string {
  return tag.isNullObject || typeof tag.value !== "string" ? "" : tag.value;
}

function loadTag(context: Excel.RequestContext, name: string): Excel.NamedItem {
  const tag = context.workbook.names.getItemOrNullObject(name);
  tag.load("formula,type,value");
  return tag;
}

export async function readOwnedSheet(context: Excel.RequestContext, countSync: () => void, adoptable?: Adoptable): Promise<OwnedSheetState> {
  const collection = context.workbook.worksheets;
  collection.load("items/id,items/name,items/position,items/visibility");
  const tag = loadTag(context, OWNED_SHEET_NAME);
  const dataTag = loadTag(context, OWNED_DATA_SHEET_NAME);
  const writtenTag = loadTag(context, WRITTEN_AREA_TAG);
  const nameTag = loadTag(context, SHEET_NAME_TAG);
  const registerTag = loadTag(context, OWNED_REGISTER_SHEET_NAME);
  const registerAreaTag = loadTag(context, REGISTER_AREA_TAG);
  const protection = isSetSupported("ExcelApi", "1.7") ? context.workbook.protection : null;
  protection?.load("protected");
  const dates = queueDateSystem(context);
  await context.sync();
  countSync();

  const sheets: SheetInfo[] = collection.items.map((s) => ({ id: s.id, name: s.name, position: s.position, visibility: s.visibility }));
  const found = tagged(tag, sheets);
  const data = tagged(dataTag, sheets);
  const register = tagged(registerTag, sheets);
  const named = (name: string | undefined) => (name === undefined ? undefined : sheets.find((x) => x.name.toLowerCase() === name.toLowerCase() && x !== found && x !== data && x !== register));
  const sheetCandidate = found ? undefined : named(adoptable?.sheet);
  const dataCandidate = data ? undefined : named(adoptable?.data);
  const registerCandidate = register ? undefined : named(adoptable?.register);
  const base = {
    sheets,
    sheetNames: sheets.map((s) => s.name),
    tags: {
      owned: !tag.isNullObject,
      data: !dataTag.isNullObject,
      written: !writtenTag.isNullObject,
      sheetName: !nameTag.isNullObject,
      register: !registerTag.isNullObject,
      registerArea: !registerAreaTag.isNullObject,
    },
    structureProtected: protection?.protected ?? false,
    date1904: uses1904(dates),
  };
  if (!found && !data && !register && !sheetCandidate && !dataCandidate && !registerCandidate) return { ...base, owned: null, dataSheet: null, register: null };

  // Sync 2: the owned sheets' protection and contents, and the charts drawn on the scorecard.
  const items = context.workbook.worksheets;
  const ws = found ? items.getItem(found.id) : null;
  ws?.protection.load("protected");
  const used = ws?.getUsedRangeOrNullObject(true) ?? null;
  used?.load("values");
  // Formats count as written too: the area an older scorecard (with no tag for it) covered.
  const formatted = ws?.getUsedRangeOrNullObject(false) ?? null;
  formatted?.load("rowIndex,columnIndex,rowCount,columnCount");
  ws?.charts.load("items/name");
  const dataWs = data ? items.getItem(data.id) : null;
  dataWs?.protection.load("protected");
  const dataUsed = dataWs?.getUsedRangeOrNullObject(true) ?? null;
  dataUsed?.load("values,rowIndex,columnIndex,rowCount,columnCount");
  const registerWs = register ? items.getItem(register.id) : null;
  registerWs?.protection.load("protected");
  const registerUsed = registerWs?.getUsedRangeOrNullObject(true) ?? null;
  registerUsed?.load("values");
  const registerFormatted = registerWs?.getUsedRangeOrNullObject(false) ?? null;
  registerFormatted?.load("rowIndex,columnIndex,rowCount,columnCount");
  // An untagged sheet of the name the write would give: taken over only when it is empty (no value, format or chart).
  const probes = [sheetCandidate, dataCandidate, registerCandidate].map((c) => {
    if (!c) return null;
    const probeWs = items.getItem(c.id);
    const probeUsed = probeWs.getUsedRangeOrNullObject(false);
    probeUsed.load("address");
    const charts = probeWs.charts.getCount();
    probeWs.protection.load("protected");
    return { c, probeWs, probeUsed, charts };
  });
  await context.sync();
  countSync();
  const [sheetAdopted, dataAdopted, registerAdopted] = probes.map((p) => (p && p.probeUsed.isNullObject && p.charts.value === 0 && !p.probeWs.protection.protected ? p.c : undefined));
  const registerSheet =
    register && registerWs
      ? { ...register, protected: registerWs.protection.protected, tagged: true, area: taggedRect(registerAreaTag, register) ?? rectOf(registerFormatted) }
      : registerAdopted
        ? { ...registerAdopted, protected: false, tagged: false, area: null }
        : null;
  if (!found && sheetAdopted)
    return {
      ...base,
      owned: adopted(sheetAdopted),
      dataSheet: dataOf(data, dataWs, dataUsed) ?? (dataAdopted ? { ...dataAdopted, protected: false, tagged: false, area: null } : null),
      register: registerSheet,
    };
  const grid = (r: Excel.Range | null): Grid | null => (r && !r.isNullObject ? (r.values as Grid) : null);
  const usedRect = rectOf(formatted);
  // The scorecard's cells, then the register's (read by their headers, so one grid under the other).
  const sheetGrid = [...(grid(used) ?? []), ...(grid(registerUsed) ?? [])];
  return {
    ...base,
    dataSheet: dataOf(data, dataWs, dataUsed) ?? (dataAdopted ? { ...dataAdopted, protected: false, tagged: false, area: null } : null),
    register: registerSheet,
    owned: found && ws ? {
      ...found,
      tagged: true,
      blank: grid(used) === null && grid(dataUsed) === null,
      protected: ws.protection.protected,
      state: readScorecardState(sheetGrid, grid(dataUsed)),
      written: taggedRect(writtenTag, found) ?? usedRect,
      charts: ws.charts.items.map((c) => c.name).filter((n) => n.startsWith(CHART_NAME_PREFIX)),
      configuredName: taggedText(nameTag),
    } : null,
  };
}

/** A used range's rectangle, or null (an empty sheet, or none read). */
function rectOf(r: Excel.Range | null): CellRect | null {
  return r && !r.isNullObject ? { row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount } : null;
}

function dataOf(data: SheetInfo | undefined, ws: Excel.Worksheet | null, used: Excel.Range | null): OwnedSheetState["dataSheet"] {
  if (!data || !ws) return null;
  const area = used && !used.isNullObject ? { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount } : null;
  return { ...data, protected: ws.protection.protected, tagged: true, area };
}

/** An empty untagged sheet taken over as the scorecard: nothing to keep, nothing to clear. */
function adopted(sheet: SheetInfo): OwnedScorecard {
  return { ...sheet, tagged: false, blank: true, protected: false, state: readScorecardState([], null), written: null, charts: [], configuredName: "" };
}

/** The commentary on the owned scorecard sheet, for the pane (empty when there is no scorecard yet). */
export async function readCommentary(context: Excel.RequestContext): Promise<CommentaryEntry[]> {
  const state = await readOwnedSheet(context, () => undefined);
  return state.owned?.state.commentary ?? [];
}
