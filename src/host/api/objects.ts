// The host's object model builds its objects from one another: a Range gives its Worksheet, its format,
// its conditional formats and its areas, and a Worksheet gives Ranges (as do tables, names and charts). So that
// no module imports a class that imports it back, the objects a Range or a Table hands out are made through
// this one factory, which every request's HostContext carries; the class modules see one another's types only.
import { ConditionalFormatCollection } from "./conditionalFormats";
import { RangeFormat } from "./format";
import { RangeAreas } from "./rangeAreas";
import { Worksheet } from "./worksheet";

/** A constructor's arguments, made into a function: the factory's entries build exactly what `new` would. */
type Make<C extends abstract new (...args: never[]) => unknown> = (...args: ConstructorParameters<C>) => InstanceType<C>;

export interface HostObjects {
  worksheet: Make<typeof Worksheet>;
  rangeFormat: Make<typeof RangeFormat>;
  conditionalFormats: Make<typeof ConditionalFormatCollection>;
  rangeAreas: Make<typeof RangeAreas>;
}

export const hostObjects: HostObjects = {
  worksheet: (...a) => new Worksheet(...a),
  rangeFormat: (...a) => new RangeFormat(...a),
  conditionalFormats: (...a) => new ConditionalFormatCollection(...a),
  rangeAreas: (...a) => new RangeAreas(...a),
};

