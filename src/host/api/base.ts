// The proxy machinery every API object shares: queued actions, load(), sync(), PropertyNotLoaded,
// null objects. Objects resolve to their model target when the first queued action touching them
// runs (at sync, in queue order), as Excel resolves them on the server.
//
// A sync runs its commands in order and stops at the first that fails: what ran before it stays in the
// workbook, as in Excel, where a batch is no transaction ("the queued commands are dispatched to the Office
// application and run", office-js-docs-pr docs/develop/application-specific-api-model.md; there is no
// rollback in the API). Only the failing command itself is undone, and nothing loaded reaches the proxies.
import { richApiError, ExcelMessages } from "../errors";
import type { CellRect } from "../../core/snapshot";
import type { Journal } from "../model/journal";
import type { SheetModel, WorkbookModel } from "../model/types";
import type { SyncRecord, SyncStats, UndoClear, UndoPlatform } from "../contract";
import { jsonBytes } from "./bytes";
import { parseLoad, type LoadTree } from "./loadSpec";
import { recalculate } from "../calc/recalc";
import type { HostObjects } from "./objects";

export interface HostLimits {
  payloadLimitBytes: number;
  cellReadLimit: number;
  /** A read over cellReadLimit fails with RangeExceedsLimit ("error") or returns null ("null"). */
  overCellLimit: "error" | "null";
}

interface Action {
  payload: unknown;
  run(): void;
}

/**
 * Bytes of Excel's request envelope, as office.js serialises a batch (ClientRequestBase.
 * buildRequestMessageBodyAndRequestFlags: {"Actions":[…],"ObjectPaths":{…}}): each action is
 * {"Id":n,"ActionType":t,"Name":"…","ObjectPathId":n,"ArgumentInfo":{"Arguments":[…]}} and each object it
 * touches has an object path {"Id":n,"ObjectPathType":t,"Name":"…","ParentObjectPathId":n,"ArgumentInfo":…},
 * plus an Instantiate action for an object a method returned. Counted with four-digit ids.
 */
export const REQUEST_BYTES = { action: 80, path: 100, instantiate: 50 } as const;

/** What a sync changed, for the change events it raises. */
export interface SyncChanges {
  /** Cells whose values or formulas changed, by sheet: the rectangle around them. */
  cells: Map<SheetModel, CellRect>;
  settings: boolean;
}

/** A fault a test asks for: the sync with this number (as stats.syncs counts) fails at this command. */
export interface InjectedFault {
  sync: number;
  command: number;
  code: string;
}

/** What the session running a batch provides besides the model: counting, faults, change notices. */
export interface SessionHooks {
  stats: SyncStats;
  faults: InjectedFault[];
  /** Called after every sync with what its applied commands changed (a failed sync included). */
  applied(changes: SyncChanges): void;
  /** The session's event handlers (worksheets.onChanged, settings.onSettingsChanged). */
  events: import("./hostEvents").SessionEvents;
  /** This person's active sheet and selections. */
  view: import("./selection").SessionView;
  /** Every person's view of the workbook (a sheet deleted by one moves the others' off it). */
  views(): import("./selection").SessionView[];
}

/**
 * ExcelApi 1.20 "adds undo support for Excel JavaScript APIs" (office-js-docs-reference
 * docs/requirement-sets/excel/excel-api-1-20-requirement-set.md); an API without it clears the undo stack
 * (office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md).
 */
const UNDO_BEFORE_1_20 = "office-js-docs-reference excel-api-1-20-requirement-set.md; office-js-docs-pr excel-add-ins-undo-capabilities.md";

/** The state shared by the API objects of one Excel.run batch. */
export class HostContext {
  private queue: Action[] = [];
  private commits: (() => void)[] = [];
  private responseBytes = 0;
  private requestBytes = 0;
  /** Objects whose object path the pending request already carries. */
  private pathsSent = new Set<object>();
  private syncing = false;
  private changes: SyncChanges = { cells: new Map(), settings: false };
  readonly stats: SyncStats;
  /** The Excel.RequestContext of this batch (what an event handler result's `context` is). */
  requestContext: unknown = null;

  constructor(
    readonly model: WorkbookModel,
    readonly journal: Journal,
    readonly limits: HostLimits,
    readonly session: SessionHooks,
    readonly isSetSupported: (name: string, version?: string) => boolean,
    /** Makes the objects a Range or a Table hands out (objects.ts says why they are not made with `new`). */
    readonly objects: HostObjects,
    /** Waits (or fails) while the user edits a cell, before a sync is sent. */
    private readonly beforeSync: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.stats = session.stats;
  }

  /** Whether operations are queued that no sync has sent yet. */
  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Queue a command; its request bytes count Excel's envelope and the object paths it needs. */
  enqueue(payload: unknown, run: () => void, owner?: PathOwner): void {
    this.requestBytes += REQUEST_BYTES.action + jsonBytes(payload);
    for (let o = owner; o && !this.pathsSent.has(o); o = o.parentPath) {
      this.pathsSent.add(o);
      this.requestBytes += o.pathBytes;
    }
    this.queue.push({ payload, run });
  }

  /**
   * The command running now clears the user's undo stack on these platforms (office-js-docs-pr
   * docs/excel/excel-add-ins-undo-capabilities.md, "Unsupported APIs", or an issue in the office-js tracker).
   */
  clearsUndo(api: string, platforms: UndoPlatform, source: string): void {
    const entry: UndoClear = { api, platforms, source };
    this.stats.undoClears.push(entry);
  }

  /** Cells of a sheet got new values or formulas (worksheet onChanged). */
  noteCellsChanged(sheet: SheetModel, rect: CellRect): void {
    const old = this.changes.cells.get(sheet);
    if (!old) {
      this.changes.cells.set(sheet, { ...rect });
      return;
    }
    const row = Math.min(old.row, rect.row), col = Math.min(old.col, rect.col);
    const bottom = Math.max(old.row + old.rowCount, rect.row + rect.rowCount), right = Math.max(old.col + old.colCount, rect.col + rect.colCount);
    this.changes.cells.set(sheet, { row, col, rowCount: bottom - row, colCount: right - col });
  }

  /** The add-in's settings changed (SettingCollection.onSettingsChanged). */
  noteSettingsChanged(): void {
    this.changes.settings = true;
  }

  /** Run after the whole batch succeeded: makes loaded values visible on the proxies. */
  onCommit(fn: () => void): void {
    this.commits.push(fn);
  }

  addResponse(data: unknown): void {
    this.responseBytes += jsonBytes(data);
    // Stop computing a response that has already failed: the load fails, and with it the sync.
    if (this.responseBytes > this.limits.payloadLimitBytes) throw this.responseTooLarge();
  }

  private responseTooLarge(): Error {
    return richApiError("ResponsePayloadSizeLimitExceeded");
  }

  async sync(): Promise<void> {
    if (this.syncing) throw richApiError("InvalidOperation", "context.sync() called while another sync is running.");
    await this.beforeSync();
    const queue = this.queue;
    this.queue = [];
    const record: SyncRecord = { requestBytes: this.requestBytes, responseBytes: 0, commands: queue.length };
    this.requestBytes = 0;
    this.pathsSent = new Set();
    this.stats.syncs++;
    this.stats.log.push(record);
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, record.requestBytes);
    if (record.requestBytes > this.limits.payloadLimitBytes) throw richApiError("RequestPayloadSizeLimitExceeded");
    const fault = this.session.faults.find((f) => f.sync === this.stats.syncs);
    this.syncing = true;
    this.commits = [];
    this.responseBytes = 0;
    this.changes = { cells: new Map(), settings: false };
    let failure: unknown = undefined;
    // Before ExcelApi 1.20 nothing an add-in changes can be undone: the first change clears the person's undo stack.
    const undoable = this.isSetSupported("ExcelApi", "1.20");
    let clearedThisSync = false;
    try {
      for (let i = 0; i < queue.length; i++) {
        // Each command applies whole or not at all; the commands before a failing one stay applied.
        this.journal.begin();
        try {
          if (fault && fault.command === i) throw richApiError(fault.code, undefined, `command ${i} of sync ${this.stats.syncs} (injected)`);
          queue[i].run();
          if (this.journal.edited && !undoable && !clearedThisSync) {
            this.clearsUndo("any change to the workbook (before ExcelApi 1.20)", "all", UNDO_BEFORE_1_20);
            clearedThisSync = true;
          }
          this.journal.commit();
        } catch (e) {
          this.journal.rollback();
          record.failedAt = i;
          failure = e;
          break;
        }
      }
      // Automatic calculation: what the commands changed is calculated before the sync returns (a failed
      // command's changes were undone, so only what was applied is calculated).
      recalculate(this.model, this.journal);
    } finally {
      this.syncing = false;
    }
    record.responseBytes = this.responseBytes;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, record.responseBytes);
    const commits = this.commits;
    this.commits = [];
    this.session.applied(this.changes);
    // A failed request returns an error, not its loads: no proxy sees a value from it.
    if (record.failedAt !== undefined) throw failure;
    for (const c of commits) c();
    // Yield like a real round trip, so callers cannot rely on synchronous completion.
    await Promise.resolve();
  }
}

/** An object in a request: the bytes of its object path, and the object it was reached from. */
export interface PathOwner {
  pathBytes: number;
  parentPath?: PathOwner;
}

export type Getter<T> = (target: T) => unknown;

/** What load paths and set() need of any API object, whatever its target type. */
export interface Loadable {
  execLoad(tree: LoadTree | null): void;
  set(props: Record<string, unknown>): void;
}

/** An API object (Range, Worksheet, ...) over a model target of type T. */
export abstract class HostObject<T> implements PathOwner {
  private cache?: { t: T | null };
  /** Bytes of this object's path in a request (a navigation property's by default; a method's when it made the object). */
  pathBytes: number = REQUEST_BYTES.path;
  /** The object this one was reached from by a navigation property (format, fill...), whose path a request also carries. */
  parentPath?: PathOwner = undefined;
  /** Child objects (format, protection, pageLayout...) made once and handed out again, as Excel's proxies are. */
  private readonly childParts = new Map<string, Loadable>();
  protected readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly ctx: HostContext,
    private readonly resolver: () => T | null,
    /** Created by an *OrNullObject method (or below one): may turn out to be a null object. */
    protected readonly nullable = false,
  ) {
    // Assigning a property the host does not implement would silently do nothing; say so instead,
    // so a gap in the host shows up as a failing test rather than a missing format in the file.
    // (Relies on ES2022 class fields, target of tsconfig.json: subclass fields are defined, not
    // assigned, so they do not pass through this trap.)
    return new Proxy(this, {
      set(target, prop, value, receiver) {
        if (typeof prop === "string" && !(prop in target)) {
          throw new TypeError(`The headless Excel host does not implement ${target.constructor.name}.${prop}.`);
        }
        return Reflect.set(target, prop, value, receiver);
      },
    });
  }

  /** Scalar properties that load() can fetch, with how to compute each from the target. */
  protected abstract scalars(): Record<string, Getter<T>>;

  /** Navigation properties load paths may go through ("format/fill/color"). */
  /** The child object under `key`, made by `make` the first time it is asked for. */
  protected child<P extends Loadable>(key: string, make: () => P): P {
    let p = this.childParts.get(key);
    if (!p) {
      p = make();
      if (p instanceof HostObject) {
        p.parentPath = this;
        p.pathBytes = REQUEST_BYTES.path + key.length;
      }
      this.childParts.set(key, p);
    }
    return p as P;
  }

  protected navigations(): Record<string, () => Loadable> {
    return {};
  }

  /** The model target, resolved once; null for a null object. Throws ItemNotFound and the like. */
  target(): T | null {
    if (!this.cache) this.cache = { t: this.resolver() };
    return this.cache.t;
  }

  /** Queue the resolution now, so a missing item fails at this sync (getItem) or becomes a null object. */
  registerCreation(payload: unknown): this {
    // A method's result: an object path with the method's arguments, and an Instantiate action.
    this.pathBytes = REQUEST_BYTES.path + jsonBytes(payload);
    this.ctx.enqueue(payload, () => {
      const t = this.target();
      if (this.nullable) this.ctx.onCommit(() => (this.nullState = t === null));
    }, this);
    return this;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw richApiError("PropertyNotLoaded", ExcelMessages.PropertyNotLoaded("isNullObject"));
    return this.nullState;
  }

  /** Read a loaded property (Excel's PropertyNotLoaded when it was not loaded and synced). */
  protected get<V>(name: string): V {
    if (this.nullState === true) return undefined as V;
    if (!this.loadedValues.has(name)) throw richApiError("PropertyNotLoaded", ExcelMessages.PropertyNotLoaded(name));
    return this.loadedValues.get(name) as V;
  }

  /** Queue a property write; the proxy forgets any loaded value of it until it is loaded again. */
  protected write(name: string, value: unknown, apply: (t: T) => void): void {
    this.loadedValues.delete(name);
    this.ctx.enqueue({ set: name, value }, () => {
      const t = this.target();
      if (t !== null) apply(t);
    }, this);
  }

  /** Queue a method call on the target. */
  protected call(method: string, args: unknown[], run: (t: T) => void): void {
    this.ctx.enqueue({ call: method, args }, () => {
      const t = this.target();
      if (t !== null) run(t);
    }, this);
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this.ctx.enqueue({ load: spec ?? "*" }, () => this.execLoad(tree), this);
    return this;
  }

  /** Compute the requested properties now (during sync) and make them visible on commit. */
  execLoad(tree: LoadTree | null): void {
    const t = this.target();
    if (t === null) {
      this.ctx.onCommit(() => (this.nullState = true));
      return;
    }
    const scalars = this.scalars();
    const navs = this.navigations();
    const data: Record<string, unknown> = {};
    const names = tree ? [...tree.keys()] : Object.keys(scalars);
    for (const name of names) {
      if (name in scalars) {
        data[name] = scalars[name](t);
        this.ctx.addResponse(data[name]); // counted property by property, so an oversized read stops early
      }
      else if (name in navs) navs[name]().execLoad(tree?.get(name) ?? null);
      else if (!this.loadSpecial(name, tree?.get(name) ?? null, data)) {
        throw richApiError("PropertyNotLoaded", `Cannot load the property '${name}': it is not supported by this host.`);
      }
    }
    this.ctx.onCommit(() => {
      this.nullState = false;
      for (const [k, v] of Object.entries(data)) this.loadedValues.set(k, v);
    });
  }

  /** Hook for properties that need more than a getter (collections' items). */
  protected loadSpecial(_name: string, _tree: LoadTree | null, _data: Record<string, unknown>): boolean {
    return false;
  }

  /** Office.js set(): assign several properties, nested objects included. */
  set(props: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(props)) {
      if (v && typeof v === "object" && !Array.isArray(v) && k in this.navigations()) {
        this.navigations()[k]().set(v as Record<string, unknown>);
      } else {
        (this as unknown as Record<string, unknown>)[k] = v;
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

/** A collection (WorksheetCollection, TableCollection, ...): load() fetches its items. */
export abstract class HostCollection<T, I extends Loadable> extends HostObject<T> {
  /** Proxies for the items the target holds now. */
  protected abstract itemProxies(target: T): I[];

  protected scalars(): Record<string, Getter<T>> {
    return {};
  }

  get items(): I[] {
    return this.get<I[]>("items");
  }

  override execLoad(tree: LoadTree | null): void {
    const t = this.target();
    if (t === null) return;
    const own = this.scalars();
    const data: Record<string, unknown> = {};
    let itemTree: LoadTree | null = null;
    let loadItems = !tree;
    if (tree) {
      const rest: LoadTree = new Map();
      for (const [k, v] of tree) {
        if (k === "items") {
          loadItems = true;
          itemTree = v;
        } else if (k in own) data[k] = own[k](t);
        else {
          loadItems = true;
          rest.set(k, v);
        }
      }
      if (rest.size) itemTree = itemTree ? new Map([...itemTree, ...rest]) : rest;
    }
    let items: I[] | undefined;
    if (loadItems) {
      items = this.itemProxies(t);
      for (const item of items) item.execLoad(itemTree);
    }
    this.ctx.addResponse(data);
    this.ctx.onCommit(() => {
      for (const [k, v] of Object.entries(data)) this.loadedValues.set(k, v);
      if (items) this.loadedValues.set("items", items);
    });
  }
}

/** A value returned by a method (getCount()), readable after sync. */
export class HostClientResult<V> {
  private v: { value: V } | undefined;
  constructor(ctx: HostContext, compute: () => V, payload: unknown = { call: "result" }) {
    ctx.enqueue(payload, () => {
      const value = compute();
      ctx.addResponse(value);
      ctx.onCommit(() => (this.v = { value }));
    });
  }
  get value(): V {
    if (!this.v) throw richApiError("PropertyNotLoaded", ExcelMessages.PropertyNotLoaded("value"));
    return this.v.value;
  }
}
