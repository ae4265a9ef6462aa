// .xlsx -> WorkbookModel. The package is read part by part (zipPackage.ts: checked, bounded, lazy),
// sheets are found through the workbook's relationships, cells are scanned straight into the sparse
// model (sheetData.ts), and the style sheet is read by our own parser (styles.ts). Anything wrong
// with the file becomes one sentence in the user's words (WorkbookOpenError); limits are checked
// before the work they would cost.
import { parseCellAddress } from "../../core/address";
import { WorkbookOpenError } from "../contract";
import { findSheet, newSheetModel } from "../model/sheet";
import type { CellModel, SheetModel, WorkbookModel } from "../model/types";
import { cellValueOf, parseSharedStrings, SharedFormulas } from "./cellValues";
import { parseDefinedNames } from "./definedNames";
import { openPackage } from "./detect";
import { readSheetDrawing } from "./drawingsPassthrough";
import { damageMessage, DEFAULT_LOAD_LIMITS, limitMessage, OverLimit, PackageDamage, type LoadLimits } from "./loadErrors";
import { readSheetPart } from "./sheetData";
import { readSheetFeatures, STATES } from "./sheetFeatures";
import { readStyles, type StyleSheet } from "./styles";
import { readWebExtensions, type LoadedWebExtensions } from "./webExtension";
import { findWorkbookPart, readWorkbookParts, type SheetEntry, type WorkbookParts } from "./workbookParts";
import type { ZipPackage } from "./zipPackage";

export interface LoadedWorkbook {
  model: WorkbookModel;
  webExtensions: LoadedWebExtensions;
}

export function emptyModel(): WorkbookModel {
  return { sheets: [], names: [], settings: new Map(), extraParts: new Map(), date1904: false, nextId: 1 };
}

/** What the sheets' parts will cost, checked against the limits before any of them is unpacked. */
export function checkSheetSizes(pkg: ZipPackage, parts: WorkbookParts, limits: LoadLimits): void {
  let total = 0;
  for (const s of parts.sheets) {
    if (s.kind !== "worksheet") continue;
    const size = pkg.entry(s.part)?.uncompressedSize ?? 0;
    if (size > limits.maxSheetPartBytes) throw new OverLimit("maxSheetPartBytes", limits.maxSheetPartBytes, size, s.part);
    total += size;
  }
  for (const p of [parts.sharedStringsPart, parts.stylesPart]) total += p ? pkg.entry(p)?.uncompressedSize ?? 0 : 0;
  if (total > limits.maxTotalBytes) throw new OverLimit("maxTotalBytes", limits.maxTotalBytes, total);
}

/** Counts cells over the whole workbook and stops the read as soon as there are too many. */
export class CellBudget {
  private count = 0;
  constructor(private readonly max: number) {}
  take(): void {
    if (++this.count > this.max) throw new OverLimit("maxCells", this.max, this.count);
  }
}

/** The shared text, the styles and the date system every sheet's cells are read with. */
export interface CellContext {
  sharedStrings: string[];
  styles: StyleSheet;
  date1904: boolean;
}

export async function readCellContext(pkg: ZipPackage, parts: WorkbookParts): Promise<CellContext> {
  const sharedStrings = parts.sharedStringsPart ? parseSharedStrings(pkg.textOf(parts.sharedStringsPart), parts.sharedStringsPart) : [];
  const styles = readStyles(parts.stylesPart ? pkg.textOf(parts.stylesPart) : null, parts.stylesPart ?? "xl/styles.xml");
  return { sharedStrings, styles, date1904: parts.date1904 };
}

function readSheet(pkg: ZipPackage, model: WorkbookModel, entry: SheetEntry, ctx: CellContext, budget: CellBudget): SheetModel {
  const s = newSheetModel(model, entry.name);
  s.visibility = STATES[entry.state] ?? "Visible";
  const part = entry.part;
  const formulas = new SharedFormulas();
  const split = readSheetPart(pkg.textOf(part), part, {
    row(row) {
      if (row.height !== undefined) s.rowHeights.set(row.row, row.height);
      if (row.hidden) s.hiddenRows.add(row.row);
    },
    cell(raw) {
      const value = cellValueOf(raw, ctx.sharedStrings, ctx.date1904, part);
      const formula = formulas.formulaOf(raw);
      if (raw.style >= ctx.styles.cellFormatCount && raw.style > 0) {
        throw new PackageDamage("part", part, `a cell uses a format the workbook does not have`);
      }
      const style = raw.style ? ctx.styles.cellStyle(raw.style) : undefined;
      if (value === null && formula === undefined && !style) return;
      budget.take();
      const cell: CellModel = { value };
      if (formula !== undefined) cell.formula = formula;
      if (style) cell.style = style;
      (s.rows[raw.row] ??= [])[raw.col] = cell;
    },
  });
  readSheetFeatures(pkg, s, part, split.rest, ctx.styles);
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

async function readModel(pkg: ZipPackage, label: string, limits: LoadLimits): Promise<LoadedWorkbook> {
  const workbookPart = findWorkbookPart(pkg);
  if (!workbookPart) {
    throw new WorkbookOpenError(`${label} is damaged or is not an Excel workbook (.xlsx): it has no workbook part (xl/workbook.xml).`, "corrupt");
  }
  const parts = readWorkbookParts(pkg, workbookPart);
  checkSheetSizes(pkg, parts, limits);
  pkg.budget = limits.maxTotalBytes;
  const ctx = await readCellContext(pkg, parts);
  const model = emptyModel();
  model.date1904 = parts.date1904;
  const budget = new CellBudget(limits.maxCells);
  for (const entry of parts.sheets) {
    if (entry.kind === "worksheet") model.sheets.push(readSheet(pkg, model, entry, ctx, budget));
  }
  const activeEntry = parts.sheets[parts.activeTab];
  const active = activeEntry ? findSheet(model, activeEntry.name) : undefined;
  model.activeSheetId = active?.id ?? model.sheets.find((s) => s.visibility === "Visible")?.id ?? model.sheets[0]?.id;
  attachNames(model, parts.workbookXml, parts.sheets);
  const zip = pkg.asJsZip();
  const typesXml = pkg.textOrNull("[Content_Types].xml") ?? "";
  for (const sheet of model.sheets) {
    const part = parts.sheets.find((e) => e.name === sheet.name)?.part;
    if (!part) continue;
    const drawing = await carried(() => readSheetDrawing(zip, part, typesXml), part, "its drawing cannot be read");
    if (drawing) sheet.passthrough.drawing = drawing;
  }
  const webExtensions = await carried(() => readWebExtensions(zip), "xl/webextensions/webextension1.xml");
  model.settings = webExtensions.settings;
  return { model, webExtensions };
}

/**
 * Parts read only to be carried through (drawings, web extensions): a part there that is not well formed
 * is damage to the file, named as nearly as the reader can, not a fault of ours.
 */
export async function carried<T>(read: () => Promise<T>, part: string, detail?: string): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof PackageDamage || e instanceof OverLimit) throw e;
    if (e instanceof Error && /^Malformed XML/.test(e.message)) throw new PackageDamage("part", part, detail);
    throw e;
  }
}

/** Turn what went wrong into one sentence for the user; our own faults are owned as ours. */
export function openErrorOf(e: unknown, label: string): WorkbookOpenError {
  if (e instanceof WorkbookOpenError) return e;
  if (e instanceof PackageDamage) return new WorkbookOpenError(damageMessage(label, e), "corrupt");
  if (e instanceof OverLimit) return Object.assign(new WorkbookOpenError(limitMessage(label, e), "too-large"), { limit: e.limit });
  if (e instanceof RangeError && /memory|allocation|string length|array length/i.test(e.message)) {
    return new WorkbookOpenError(`${label} is too large to read in the memory available. Split the workbook, or delete what it does not need, save, and try again.`, "too-large");
  }
  return new WorkbookOpenError(
    `${label} could not be read: KPI Scorecard met something in it that it cannot handle (a fault in KPI Scorecard, not in your file or in Excel). Open the file in Excel, save it again and try again; if it still fails, please report it.`,
    "unreadable",
  );
}

export async function loadXlsx(bytes: Uint8Array, label = "The file", limits: LoadLimits = DEFAULT_LOAD_LIMITS): Promise<LoadedWorkbook> {
  try {
    return await readModel(openPackage(bytes, label), label, limits);
  } catch (e) {
    throw openErrorOf(e, label);
  }
}

export { parseCellAddress };
