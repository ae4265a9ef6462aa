// Excel.RequestContext, Excel.Workbook and Excel.Application for one batch.
import type { WorkbookModel } from "../model/types";
import { HostContext, HostObject, type Getter, type Loadable } from "./base";
import { NamedItemCollection } from "./names";
import { SettingCollection } from "./settings";
import { TableCollection } from "./tables";
import { WorksheetCollection } from "./worksheet";
import { Range } from "./range";
import { findSheet } from "../model/sheet";
import { activeSheetOf, selectionOn } from "./selection";
import { Functions } from "./functions";

export class Application extends HostObject<WorkbookModel> {
  protected scalars(): Record<string, Getter<WorkbookModel>> {
    return { calculationMode: () => "Automatic" };
  }
  get calculationMode(): string { return this.get("calculationMode"); }
  /** No calculation engine in the host: nothing to suspend, but the call must exist and be queued. */
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
  calculate(calculationType?: string): void {
    this.call("calculate", [calculationType], () => undefined);
  }
}

/** Workbook.protection (ExcelApi 1.7): whether sheets can be added, moved or deleted. */
export class WorkbookProtection extends HostObject<WorkbookModel> {
  protected scalars(): Record<string, Getter<WorkbookModel>> {
    return { protected: (m) => !!m.structureProtected };
  }
  get protected(): boolean { return this.get("protected"); }
}

export class Workbook extends HostObject<WorkbookModel> {
  protected scalars(): Record<string, Getter<WorkbookModel>> {
    // Not use1904DateSystem: a preview API, absent from the production office.js (functions.date tells the system).
    return { name: () => "Workbook.xlsx" };
  }
  protected override navigations() {
    return {
      worksheets: () => this.worksheets, tables: () => this.tables, names: () => this.names,
      settings: () => this.settings, application: () => this.application, protection: () => this.protection,
    } as Record<string, () => Loadable>;
  }
  get name(): string { return this.get("name"); }
  get protection(): WorkbookProtection { return this.child("protection", () => new WorkbookProtection(this.ctx, () => this.ctx.model)); }
  /** Worksheet functions (ExcelApi 1.2); the host evaluates DATE. */
  get functions(): Functions { return this.child("functions", () => new Functions(this.ctx, () => this.ctx.model)); }
  get worksheets(): WorksheetCollection { return this.child("worksheets", () => new WorksheetCollection(this.ctx, () => this.ctx.model)); }
  get tables(): TableCollection { return this.child("tables", () => new TableCollection(this.ctx, () => ({}))); }
  get names(): NamedItemCollection { return this.child("names", () => new NamedItemCollection(this.ctx, () => ({ list: this.ctx.model.names }))); }
  get settings(): SettingCollection { return this.child("settings", () => new SettingCollection(this.ctx, () => this.ctx.model)); }
  get application(): Application { return this.child("application", () => new Application(this.ctx, () => this.ctx.model)); }

  /** The active cell of the active sheet: the top-left cell of what is selected there (A1 until something is). */
  getActiveCell(): Range {
    const r = new Range(this.ctx, () => {
      const sheet = this.activeSheet();
      const at = selectionOn(this.ctx.session.view, sheet);
      return { sheet, rect: { row: at.row, col: at.col, rowCount: 1, colCount: 1 } };
    });
    return r.registerCreation({ call: "getActiveCell", args: [] });
  }

  /** The range selected on the active sheet. (Excel fails for a selection of several areas, which the host never has.) */
  getSelectedRange(): Range {
    const r = new Range(this.ctx, () => {
      const sheet = this.activeSheet();
      return { sheet, rect: selectionOn(this.ctx.session.view, sheet) };
    });
    return r.registerCreation({ call: "getSelectedRange", args: [] });
  }

  private activeSheet() {
    return activeSheetOf(this.ctx.model, this.ctx.session.view) ?? this.ctx.model.sheets[0];
  }
}

/** What Excel.run hands the batch. */
export class RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };

  constructor(private readonly host: HostContext) {
    host.requestContext = this;
    this.workbook = new Workbook(host, () => host.model);
    this.application = this.workbook.application;
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    return this.host.sync().then(() => passThroughValue as T);
  }
}

export { findSheet };
