// openWorkbook / newWorkbook: the HeadlessWorkbook other layers drive like Excel.run. One workbook can have
// several sessions (coauthor()): each is one person's Excel, with its own batches, counts, faults and event
// handlers, over the one shared model.
import type { HeadlessWorkbook, HostOptions, HostRunOptions, SyncStats } from "./contract";
import { HostContext, type InjectedFault, type SessionHooks, type SyncChanges } from "./api/base";
import { sheetAddress } from "./api/addresses";
import { RequestContext } from "./api/workbook";
import { hostObjects } from "./api/objects";
import { Journal } from "./model/journal";
import { recalculate } from "./calc/recalc";
import { newSheetModel } from "./model/sheet";
import type { WorkbookModel } from "./model/types";
import { emptyModel, loadXlsx } from "./xlsx/load";
import { DEFAULT_LOAD_LIMITS } from "./xlsx/loadErrors";
import { openedState, saveCopy, type OpenedWorkbook } from "./xlsx/patchPlan";
import type { LoadedWebExtensions } from "./xlsx/webExtension";
import { SessionEvents } from "./api/hostEvents";
import { openingView, type SessionView } from "./api/selection";
import { richApiError } from "./errors";

const FIVE_MB = 5 * 1024 * 1024;

/**
 * Requirement sets the host implements (the subset src/excel uses), by name -> highest version. 1.20 is
 * undo support for the API's own changes: with "ExcelApi 1.20" unsupported, every change clears undo.
 */
const SUPPORTED_SETS: Record<string, string> = { ExcelApi: "1.20" };

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number), b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** What the sessions of one workbook share: the model, the file it came from, and one another. */
interface Shared {
  model: WorkbookModel;
  webExtensions: Pick<LoadedWebExtensions, "parts" | "settingsPart">;
  options: HostOptions;
  opened?: OpenedWorkbook;
  sessions: Session[];
}

function emptyStats(): SyncStats {
  return { syncs: 0, largestRequestBytes: 0, largestResponseBytes: 0, log: [], undoClears: [] };
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

class Session implements HeadlessWorkbook, SessionHooks {
  private readonly journal = new Journal();
  readonly stats: SyncStats = emptyStats();
  readonly faults: InjectedFault[] = [];
  readonly events = new SessionEvents();
  readonly view: SessionView;
  private running = Promise.resolve();
  private editing = false;
  private editEnded: (() => void)[] = [];

  constructor(private readonly shared: Shared) {
    this.view = openingView(shared.model);
    shared.sessions.push(this);
  }

  views(): SessionView[] {
    return this.shared.sessions.map((s) => s.view);
  }

  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }

  coauthor(): HeadlessWorkbook {
    return new Session(this.shared);
  }

  setCellEditing(editing: boolean): void {
    this.editing = editing;
    if (!editing) for (const done of this.editEnded.splice(0)) done();
  }

  injectFault(sync: number, command: number, code = "GeneralException"): void {
    this.faults.push({ sync, command, code });
  }

  /**
   * Before each sync: in cell edit mode a batch fails with InvalidOperation, or with delayForCellEdit waits
   * until the edit ends (office-js-docs-pr docs/excel/excel-add-ins-delay-in-cell-edit.md).
   */
  async beforeSync(delay: boolean): Promise<void> {
    if (!this.editing) return;
    if (!delay) throw richApiError("InvalidOperation", undefined, "The user is editing a cell");
    await new Promise<void>((resolve) => this.editEnded.push(resolve));
  }

  /** Change events for what a sync of this session changed: "Local" here, "Remote" in the co-authors' sessions. */
  applied(changes: SyncChanges): void {
    for (const s of this.shared.sessions) {
      const source = s === this ? "Local" : "Remote";
      for (const [sheet, rect] of changes.cells) {
        s.events.emitChanged({ type: "WorksheetChanged", changeType: "RangeEdited", source, worksheetId: sheet.id, address: sheetAddress(sheet.name, rect).split("!").pop() ?? "" });
      }
      if (changes.settings) s.events.emitSettings(source);
    }
  }

  isSetSupported(name: string, minVersion = "1.1"): boolean {
    const unsupported = this.shared.options.unsupportedRequirementSets ?? [];
    // "ExcelApi 1.13" in the list hides 1.13 and above; "ExcelApi" hides the set.
    for (const u of unsupported) {
      const [uName, uVersion] = u.split(/\s+/);
      if (uName !== name) continue;
      if (!uVersion || versionAtLeast(minVersion, uVersion)) return false;
    }
    const have = SUPPORTED_SETS[name];
    return have !== undefined && versionAtLeast(have, minVersion);
  }

  /** Batches run one at a time in a session, like Excel.run calls against one workbook; a co-author's interleave. */
  run<T>(a: HostRunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
    const options: HostRunOptions = typeof a === "function" ? {} : a;
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    const go = async () => {
      const o = this.shared.options;
      const host = new HostContext(
        this.shared.model,
        this.journal,
        {
          payloadLimitBytes: o.payloadLimitBytes ?? FIVE_MB,
          cellReadLimit: o.cellReadLimit ?? 5_000_000,
          overCellLimit: o.overCellLimit ?? "error",
        },
        this,
        (n, v) => this.isSetSupported(n, v),
        hostObjects,
        () => this.beforeSync(!!options.delayForCellEdit),
      );
      const context = new RequestContext(host);
      const result = await batch(context as unknown as Excel.RequestContext);
      // Excel.run sends what the batch queued but did not sync when the batch's promise resolves.
      if (host.hasPending) await host.sync();
      return result;
    };
    const result = this.running.then(go, go);
    this.running = result.then(() => undefined, () => undefined);
    return result;
  }

  /** The file records the active sheet of whoever saves it. */
  private saving(): void {
    this.shared.model.activeSheetId = this.view.activeSheetId ?? this.shared.model.activeSheetId;
  }

  save(): Promise<Uint8Array> {
    this.saving();
    recalculate(this.shared.model, new Journal());
    // Loaded when first needed, with ExcelJS: reading a workbook never pays for the writer.
    return import("./xlsx/save").then(({ saveXlsx }) => saveXlsx(this.shared.model, this.shared.webExtensions));
  }

  saveCopy(): Promise<Uint8Array> {
    this.saving();
    const { model, opened, webExtensions } = this.shared;
    recalculate(model, new Journal());
    return opened ? saveCopy(model, opened, webExtensions) : this.save();
  }
}

function shared(model: WorkbookModel, webExtensions: Shared["webExtensions"], options: HostOptions, opened?: OpenedWorkbook): Session {
  if (options.structureProtected) model.structureProtected = true;
  return new Session({ model, webExtensions, options, opened, sessions: [] });
}

/** Open an .xlsx; throws WorkbookOpenError (plain words) for anything that is not a usable workbook. */
export async function openWorkbook(bytes: Uint8Array | ArrayBuffer, options: HostOptions = {}): Promise<HeadlessWorkbook> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const { model, webExtensions } = await loadXlsx(data, options.label, { ...DEFAULT_LOAD_LIMITS, ...options.loadLimits });
  // Taken before the stand-in sheet below, which the file does not have (a workbook of chart sheets only).
  const opened = openedState(model, data);
  if (model.sheets.length === 0) model.sheets.push(newSheetModel(model, "Sheet1"));
  return shared(model, webExtensions, options, opened);
}

/** An empty workbook with one sheet, "Sheet1". */
export function newWorkbook(options: HostOptions = {}): HeadlessWorkbook {
  const model = emptyModel();
  const sheet = newSheetModel(model, "Sheet1");
  model.sheets.push(sheet);
  model.activeSheetId = sheet.id;
  return shared(model, { parts: new Map() }, options);
}
