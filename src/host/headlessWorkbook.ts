// openWorkbook / newWorkbook: the HeadlessWorkbook other layers drive like Excel.run.
import type { HeadlessWorkbook, HostOptions, SyncStats } from "./contract";
import { HostContext } from "./api/base";
import { RequestContext } from "./api/workbook";
import { Journal } from "./model/journal";
import { recalculate } from "./calc/recalc";
import { newSheetModel } from "./model/sheet";
import type { WorkbookModel } from "./model/types";
import { emptyModel, loadXlsx } from "./xlsx/load";
import { DEFAULT_LOAD_LIMITS } from "./xlsx/loadErrors";
import { openedState, saveCopy, type OpenedWorkbook } from "./xlsx/patchPlan";
import type { LoadedWebExtensions } from "./xlsx/webExtension";

const FIVE_MB = 5 * 1024 * 1024;

/** Requirement sets the host implements (the subset src/excel uses), by name -> highest version. */
const SUPPORTED_SETS: Record<string, string> = { ExcelApi: "1.17" };

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number), b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

class Headless implements HeadlessWorkbook {
  private readonly journal = new Journal();
  readonly stats: SyncStats = { syncs: 0, largestRequestBytes: 0, largestResponseBytes: 0, log: [] };
  private running = Promise.resolve();

  constructor(
    private readonly model: WorkbookModel,
    private readonly webExtensions: Pick<LoadedWebExtensions, "parts" | "settingsPart">,
    private readonly options: HostOptions,
    /** The file as opened, for saveCopy; none for a workbook made in memory. */
    private readonly opened?: OpenedWorkbook,
  ) {}

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.largestRequestBytes = 0;
    this.stats.largestResponseBytes = 0;
    this.stats.log = [];
  }

  isSetSupported(name: string, minVersion = "1.1"): boolean {
    const unsupported = this.options.unsupportedRequirementSets ?? [];
    // "ExcelApi 1.13" in the list hides 1.13 and above; "ExcelApi" hides the set.
    for (const u of unsupported) {
      const [uName, uVersion] = u.split(/\s+/);
      if (uName !== name) continue;
      if (!uVersion || versionAtLeast(minVersion, uVersion)) return false;
    }
    const have = SUPPORTED_SETS[name];
    return have !== undefined && versionAtLeast(have, minVersion);
  }

  /** Batches run one at a time, like Excel.run calls against one workbook. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const go = async () => {
      const host = new HostContext(
        this.model,
        this.journal,
        {
          payloadLimitBytes: this.options.payloadLimitBytes ?? FIVE_MB,
          cellReadLimit: this.options.cellReadLimit ?? 5_000_000,
          overCellLimit: this.options.overCellLimit ?? "error",
        },
        this.stats,
        (n, v) => this.isSetSupported(n, v),
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

  save(): Promise<Uint8Array> {
    recalculate(this.model, new Journal());
    // Loaded when first needed, with ExcelJS: reading a workbook never pays for the writer.
    return import("./xlsx/save").then(({ saveXlsx }) => saveXlsx(this.model, this.webExtensions));
  }

  saveCopy(): Promise<Uint8Array> {
    recalculate(this.model, new Journal());
    return this.opened ? saveCopy(this.model, this.opened, this.webExtensions) : this.save();
  }
}

/** Open an .xlsx; throws WorkbookOpenError (plain words) for anything that is not a usable workbook. */
export async function openWorkbook(bytes: Uint8Array | ArrayBuffer, options: HostOptions = {}): Promise<HeadlessWorkbook> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const { model, webExtensions } = await loadXlsx(data, options.label, { ...DEFAULT_LOAD_LIMITS, ...options.loadLimits });
  // Taken before the stand-in sheet below, which the file does not have (a workbook of chart sheets only).
  const opened = openedState(model, data);
  if (model.sheets.length === 0) model.sheets.push(newSheetModel(model, "Sheet1"));
  return new Headless(model, webExtensions, options, opened);
}

/** An empty workbook with one sheet, "Sheet1". */
export function newWorkbook(options: HostOptions = {}): HeadlessWorkbook {
  const model = emptyModel();
  const sheet = newSheetModel(model, "Sheet1");
  model.sheets.push(sheet);
  model.activeSheetId = sheet.id;
  return new Headless(model, { parts: new Map() }, options);
}
