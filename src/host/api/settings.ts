// Excel.SettingCollection / Excel.Setting: the add-in's settings stored in the workbook.
import { richApiError } from "../errors";
import type { WorkbookModel } from "../model/types";
import { HostClientResult, HostCollection, HostContext, HostObject, type Getter } from "./base";
import { HostEventHandlers, type SettingsArgs } from "./hostEvents";

interface SettingTarget {
  model: WorkbookModel;
  key: string;
}

/** Settings are stored as JSON, so what is read back is what JSON gives back. */
function jsonCopy(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

export class Setting extends HostObject<SettingTarget> {
  constructor(ctx: HostContext, resolver: () => SettingTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }
  protected scalars(): Record<string, Getter<SettingTarget>> {
    return { key: (t) => t.key, value: (t) => jsonCopy(t.model.settings.get(t.key)) };
  }
  get key(): string { return this.get("key"); }
  get value(): unknown { return this.get("value"); }
  set value(v: unknown) {
    const copy = jsonCopy(v);
    this.write("value", copy, (t) => {
      this.ctx.journal.mapSet(t.model.settings, t.key, copy);
      this.ctx.noteSettingsChanged();
    });
  }
  delete(): void {
    this.call("delete", [], (t) => {
      this.ctx.journal.mapDelete(t.model.settings, t.key);
      this.ctx.noteSettingsChanged();
    });
  }
}

export class SettingCollection extends HostCollection<WorkbookModel, Setting> {
  protected itemProxies(model: WorkbookModel): Setting[] {
    return [...model.settings.keys()].map((key) => new Setting(this.ctx, () => ({ model, key })));
  }

  getItem(key: string): Setting {
    const s = new Setting(this.ctx, () => {
      if (!this.ctx.model.settings.has(key)) throw richApiError("ItemNotFound", undefined, `Settings.getItem(${JSON.stringify(key)})`);
      return { model: this.ctx.model, key };
    });
    return s.registerCreation({ call: "getItem", args: [key] });
  }

  getItemOrNullObject(key: string): Setting {
    const s = new Setting(this.ctx, () => (this.ctx.model.settings.has(key) ? { model: this.ctx.model, key } : null), true);
    return s.registerCreation({ call: "getItemOrNullObject", args: [key] });
  }

  add(key: string, value: unknown): Setting {
    const copy = jsonCopy(value);
    const s = new Setting(this.ctx, () => {
      if (typeof key !== "string" || key === "") throw richApiError("InvalidArgument");
      this.ctx.journal.mapSet(this.ctx.model.settings, key, copy);
      this.ctx.noteSettingsChanged();
      return { model: this.ctx.model, key };
    });
    return s.registerCreation({ call: "add", args: [key, copy] });
  }

  getCount(): HostClientResult<number> {
    return new HostClientResult(this.ctx, () => this.ctx.model.settings.size);
  }

  /** SettingCollection.onSettingsChanged (ExcelApi 1.4): any change to the settings, this person's or a co-author's. */
  get onSettingsChanged(): HostEventHandlers<SettingsArgs> {
    return new HostEventHandlers(this.ctx, "onSettingsChanged", (c) => c.session.events.settings, () => this.ctx.requestContext);
  }
}
