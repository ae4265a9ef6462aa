// .xlsx -> WorkbookModel, through the one workbook reader (workbookReader.ts: the package checked, bounded and
// lazy; sheets found through the workbook's relationships; each sheet's cells decoded in one pass) into the
// host's sparse model, then each sheet's features (sheetFeatures.ts), names, drawings and the add-in's
// settings. Anything wrong with the file becomes one sentence in the user's words (WorkbookOpenError).
import { parseCellAddress } from "../../core/address";
import { findSheet, newSheetModel } from "../model/sheet";
import type { CellModel, SheetModel, WorkbookModel } from "../model/types";
import { parseDefinedNames } from "./definedNames";
import { readSheetDrawing } from "./drawingsPassthrough";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./loadErrors";
import { readSheetFeatures, STATES } from "./sheetFeatures";
import type { LoadedWebExtensions } from "./webExtension";
import type { SheetEntry } from "./workbookParts";
import { carried, openErrorOf, WorkbookReader } from "./workbookReader";

export interface LoadedWorkbook {
  model: WorkbookModel;
  webExtensions: LoadedWebExtensions;
}

export function emptyModel(): WorkbookModel {
  return { sheets: [], names: [], settings: new Map(), extraParts: new Map(), date1904: false, nextId: 1 };
}

function readSheet(reader: WorkbookReader, model: WorkbookModel, entry: SheetEntry): SheetModel {
  const s = newSheetModel(model, entry.name);
  s.visibility = STATES[entry.state] ?? "Visible";
  const styles = reader.ctx.styles;
  const rest = reader.readWorksheet(entry, {
    row(row) {
      if (row.height !== undefined) s.rowHeights.set(row.row, row.height);
      if (row.hidden) s.hiddenRows.add(row.row);
    },
    cell(row, col, value, formula, style) {
      const cell: CellModel = { value };
      if (formula !== undefined) cell.formula = formula;
      if (style) cell.style = styles.cellStyle(style);
      (s.rows[row] ??= [])[col] = cell;
    },
  });
  readSheetFeatures(reader.pkg, s, entry.part, rest, styles);
  return s;
}

/**
 * Names from workbook.xml: workbook-scoped to the workbook, sheet-scoped to their sheet (localSheetId
 * counts every sheet workbook.xml lists); print titles and print area to page setup.
 */
function attachNames(model: WorkbookModel, workbookXml: string, entries: SheetEntry[]): void {
  for (const n of parseDefinedNames(workbookXml)) {
    const { localSheetId, ...name } = n;
    const entry = localSheetId !== undefined ? entries[localSheetId] : undefined;
    const sheet = entry ? findSheet(model, entry.name) : undefined;
    if (localSheetId !== undefined && !sheet) continue;
    if (sheet && name.name === "_xlnm.Print_Titles") {
      const m = /!(\$?\d+:\$?\d+)$/.exec(name.formula);
      if (m && !name.formula.includes(",")) {
        sheet.pageLayout.printTitleRows = m[1];
        continue;
      }
    }
    if (sheet && name.name === "_xlnm.Print_Area") {
      const m = /!([^!,]+)$/.exec(name.formula);
      if (m && !name.formula.includes(",")) {
        sheet.pageLayout.printArea = m[1];
        continue;
      }
    }
    (sheet ? sheet.names : model.names).push(name);
  }
}

async function readModel(reader: WorkbookReader): Promise<LoadedWorkbook> {
  const parts = reader.parts;
  const model = emptyModel();
  model.date1904 = parts.date1904;
  for (const entry of reader.worksheets) model.sheets.push(readSheet(reader, model, entry));
  const activeEntry = parts.sheets[parts.activeTab];
  const active = activeEntry ? findSheet(model, activeEntry.name) : undefined;
  model.activeSheetId = active?.id ?? model.sheets.find((s) => s.visibility === "Visible")?.id ?? model.sheets[0]?.id;
  attachNames(model, parts.workbookXml, parts.sheets);
  const types = reader.contentTypes();
  for (const sheet of model.sheets) {
    const part = parts.sheets.find((e) => e.name === sheet.name)?.part;
    if (!part) continue;
    const drawing = await carried(() => readSheetDrawing(reader.pkg, part, types), part, "its drawing cannot be read");
    if (drawing) sheet.passthrough.drawing = drawing;
  }
  const webExtensions = await reader.webExtensions();
  model.settings = webExtensions.settings;
  return { model, webExtensions };
}

export async function loadXlsx(bytes: Uint8Array, label = "The file", limits: LoadLimits = DEFAULT_LOAD_LIMITS): Promise<LoadedWorkbook> {
  try {
    return await readModel(WorkbookReader.open(bytes, label, limits));
  } catch (e) {
    throw openErrorOf(e, label);
  }
}

export { parseCellAddress };
