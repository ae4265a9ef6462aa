// Excel's events on the host: worksheets.onChanged (ExcelApi 1.9) and settings.onSettingsChanged (ExcelApi 1.4).
// A handler is added (and removed) by a queued command, so it takes effect at the next sync, as in Excel.
// Events are raised after the sync that made the change, asynchronously, in every session of the workbook:
// with source "Local" in the session that made it and "Remote" in a co-author's
// (office-js-docs-pr docs/excel/excel-add-ins-events.md, "Events and coauthoring"). A change the add-in
// makes raises them too ("Office Add-in (JavaScript) code that changes the workbook", same article).
import type { HostContext } from "./base";

export interface ChangedArgs {
  type: "WorksheetChanged";
  changeType: "RangeEdited";
  source: "Local" | "Remote";
  worksheetId: string;
  address: string;
}

export interface SettingsArgs {
  type: "SettingsChanged";
  /** Not in Excel's SettingsChangedEventArgs (which says nothing of who changed them): for tests only. */
  source: "Local" | "Remote";
}

type Handler<A> = (args: A) => unknown;

/** The handlers one session registered. */
export class SessionEvents {
  readonly changed = new Set<Handler<ChangedArgs>>();
  readonly settings = new Set<Handler<SettingsArgs>>();

  emitChanged(args: ChangedArgs): void {
    for (const h of [...this.changed]) deliver(h, args);
  }

  emitSettings(source: "Local" | "Remote"): void {
    for (const h of [...this.settings]) deliver(h, { type: "SettingsChanged", source });
  }
}

/** After the sync that raised it has returned, as Excel delivers events; a handler's failure is its own. */
function deliver<A>(h: Handler<A>, args: A): void {
  void Promise.resolve().then(() => h(args)).catch(() => undefined);
}

export interface HandlerResult {
  context: unknown;
  remove(): void;
}

/** OfficeExtension.EventHandlers for one kind of event. */
export class HostEventHandlers<A> {
  constructor(
    private readonly ctx: HostContext,
    private readonly name: string,
    private readonly set: (ctx: HostContext) => Set<Handler<A>>,
    private readonly requestContext: () => unknown,
  ) {}

  add(handler: Handler<A>): HandlerResult {
    this.ctx.enqueue({ call: `${this.name}.add`, args: [] }, () => void this.set(this.ctx).add(handler));
    return {
      context: this.requestContext(),
      remove: () => this.ctx.enqueue({ call: `${this.name}.remove`, args: [] }, () => void this.set(this.ctx).delete(handler)),
    };
  }
}
