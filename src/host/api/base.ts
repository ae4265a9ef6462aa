// The proxy machinery every API object shares: queued actions, load(), sync(), PropertyNotLoaded,
// null objects. Objects resolve to their model target when the first queued action touching them
// runs (at sync, in queue order), as Excel resolves them on the server.
import { richApiError, ExcelMessages } from "../errors";
import type { Journal } from "../model/journal";
import type { WorkbookModel } from "../model/types";
import type { SyncRecord, SyncStats } from "../contract";
import { jsonBytes } from "./bytes";
import { parseLoad, type LoadTree } from "./loadSpec";
import { recalculate } from "../calc/recalc";

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

/** The state shared by the API objects of one Excel.run batch. */
export class HostContext {
  private queue: Action[] = [];
  private commits: (() => void)[] = [];
  private responseBytes = 0;
  private syncing = false;

  constructor(
    readonly model: WorkbookModel,
    readonly journal: Journal,
    readonly limits: HostLimits,
    readonly stats: SyncStats,
    readonly isSetSupported: (name: string, version?: string) => boolean,
  ) {}

  /** Whether operations are queued that no sync has sent yet. */
  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ payload, run });
  }

  /** Run after the whole batch succeeded: makes loaded values visible on the proxies. */
  onCommit(fn: () => void): void {
    this.commits.push(fn);
  }

  addResponse(data: unknown): void {
    this.responseBytes += jsonBytes(data);
    // Stop computing a response that has already failed (the batch is rolled back by sync).
    if (this.responseBytes > this.limits.payloadLimitBytes) throw this.responseTooLarge();
  }

  private responseTooLarge(): Error {
    return richApiError("ResponsePayloadSizeLimitExceeded");
  }

  async sync(): Promise<void> {
    if (this.syncing) throw richApiError("InvalidOperation", "context.sync() called while another sync is running.");
    const queue = this.queue;
    this.queue = [];
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0 };
    for (const a of queue) record.requestBytes += jsonBytes(a.payload);
    this.stats.syncs++;
    this.stats.log.push(record);
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, record.requestBytes);
    if (record.requestBytes > this.limits.payloadLimitBytes) throw richApiError("RequestPayloadSizeLimitExceeded");
    this.syncing = true;
    this.commits = [];
    this.responseBytes = 0;
    this.journal.begin();
    try {
      for (const a of queue) a.run();
      // Automatic calculation: what the batch changed is calculated before the sync returns.
      recalculate(this.model, this.journal);
    } catch (e) {
      record.responseBytes = this.responseBytes;
      this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, record.responseBytes);
      this.journal.rollback();
      this.commits = [];
      throw e;
    } finally {
      this.syncing = false;
    }
    record.responseBytes = this.responseBytes;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, record.responseBytes);
    this.journal.commit();
    const commits = this.commits;
    this.commits = [];
    for (const c of commits) c();
    // Yield like a real round trip, so callers cannot rely on synchronous completion.
    await Promise.resolve();
  }
}

export type Getter<T> = (target: T) => unknown;

/** What load paths and set() need of any API object, whatever its target type. */
export interface Loadable {
  execLoad(tree: LoadTree | null): void;
  set(props: Record<string, unknown>): void;
}

/** An API object (Range, Worksheet, ...) over a model target of type T. */
export abstract class HostObject<T> {
  private cache?: { t: T | null };
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
    this.ctx.enqueue(payload, () => {
      const t = this.target();
      if (this.nullable) this.ctx.onCommit(() => (this.nullState = t === null));
    });
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
    });
  }

  /** Queue a method call on the target. */
  protected call(method: string, args: unknown[], run: (t: T) => void): void {
    this.ctx.enqueue({ call: method, args }, () => {
      const t = this.target();
      if (t !== null) run(t);
    });
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this.ctx.enqueue({ load: spec ?? "*" }, () => this.execLoad(tree));
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
