// Range.getCellProperties and Range.getRowProperties (ExcelApi 1.9): each cell's (or row's) format as
// plain objects, holding only what the load options ask for, as Excel returns them. A row's property
// is null where its cells differ. Options the host does not implement are refused by name, so a gap
// shows up as a failing test rather than a silently missing property.
import type { Fill, Font } from "exceljs";
import type { CellRect } from "../../core/snapshot";
import { getCell } from "../model/sheet";
import { colorToHex, DEFAULT_FONT, fillColorOf, fontOf } from "../model/styles";
import type { CellModel, SheetModel } from "../model/types";
import { sheetAddress } from "./addresses";

/** OOXML pattern types by Excel.FillPattern name. */
const PATTERNS: Record<string, string> = {
  none: "None", solid: "Solid", mediumGray: "Gray50", darkGray: "Gray75", lightGray: "Gray25",
  darkHorizontal: "Horizontal", darkVertical: "Vertical", darkDown: "Down", darkUp: "Up", darkGrid: "Checker",
  darkTrellis: "SemiGray75", lightHorizontal: "LightHorizontal", lightVertical: "LightVertical", lightDown: "LightDown",
  lightUp: "LightUp", lightGrid: "Grid", lightTrellis: "CrissCross", gray125: "Gray16", gray0625: "Gray8",
};

function patternOf(cell: CellModel | undefined): string {
  const fill = cell?.style?.fill as Fill | undefined;
  if (!fill) return "None";
  if (fill.type === "gradient") return (fill as { gradient?: string }).gradient === "path" ? "RectangularGradient" : "LinearGradient";
  return PATTERNS[fill.pattern ?? "none"] ?? "None";
}

const FILL: Record<string, (c: CellModel | undefined) => unknown> = {
  color: fillColorOf,
  pattern: patternOf,
};

const FONT: Record<string, (f: Partial<Font>) => unknown> = {
  name: (f) => f.name ?? DEFAULT_FONT.name,
  color: (f) => colorToHex(f.color as never) ?? "#000000",
  bold: (f) => !!f.bold,
  italic: (f) => !!f.italic,
  size: (f) => f.size ?? DEFAULT_FONT.size,
  strikethrough: (f) => !!f.strike,
};

type Options = Record<string, unknown>;

function unsupported(path: string): never {
  throw new TypeError(`The headless Excel host does not implement ${path} in getCellProperties/getRowProperties.`);
}

function isObject(v: unknown): v is Options {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/** One property the options ask for under `format`: where it goes, and how a cell gives it. */
interface Leaf {
  group: "fill" | "font";
  name: string;
  get: (cell: CellModel | undefined) => unknown;
}

/** The `format` options as a list of leaves, checked once per call rather than once per cell. */
function formatLeaves(opts: unknown): Leaf[] {
  if (!isObject(opts)) unsupported("format: true (name the properties wanted)");
  const leaves: Leaf[] = [];
  for (const [group, want] of Object.entries(opts)) {
    if (!want) continue;
    if (group !== "fill" && group !== "font") unsupported(`format.${group}`);
    if (!isObject(want)) unsupported(`format.${group}: true (name the properties wanted)`);
    for (const [name, w] of Object.entries(want)) {
      if (!w) continue;
      if (group === "fill") leaves.push({ group, name, get: FILL[name] ?? unsupported(`format.fill.${name}`) });
      else {
        const f = FONT[name] ?? unsupported(`format.font.${name}`);
        leaves.push({ group, name, get: (cell) => f(fontOf(cell)) });
      }
    }
  }
  return leaves;
}

/** The `format` object of the given leaf values, shaped as Excel returns it. */
function formatObject(leaves: Leaf[], values: unknown[], groups: Set<string>): Options {
  const out: Options = {};
  for (const g of groups) out[g] = {};
  leaves.forEach((l, i) => ((out[l.group] as Options)[l.name] = values[i]));
  return out;
}

interface Compiled {
  address: string[];
  leaves: Leaf[] | null;
  groups: Set<string>;
}

function compile(options: Options, extra: string[]): Compiled {
  const out: Compiled = { address: [], leaves: null, groups: new Set() };
  for (const [key, want] of Object.entries(options)) {
    if (!want) continue;
    if (key === "address" || key === "addressLocal" || extra.includes(key)) out.address.push(key);
    else if (key === "format") {
      out.leaves = formatLeaves(want);
      for (const l of out.leaves) out.groups.add(l.group);
    } else unsupported(key);
  }
  return out;
}

/** Excel.Range.getCellProperties over a rectangle: each cell's properties, holding what `options` asks for. */
export function cellPropertiesOf(sheet: SheetModel, rect: CellRect, options: Options): Options[][] {
  const { address, leaves, groups } = compile(options, []);
  const out: Options[][] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    const line: Options[] = new Array(rect.colCount);
    for (let c = 0; c < rect.colCount; c++) {
      const cell = getCell(sheet, r, rect.col + c);
      const o: Options = {};
      for (const a of address) o[a] = sheetAddress(sheet.name, { row: r, col: rect.col + c, rowCount: 1, colCount: 1 });
      if (leaves) o.format = formatObject(leaves, leaves.map((l) => l.get(cell)), groups);
      line[c] = o;
    }
    out.push(line);
  }
  return out;
}

/** Excel.Range.getRowProperties over a rectangle: one entry per row, null where the row's cells differ. */
export function rowPropertiesOf(sheet: SheetModel, rect: CellRect, options: Options): Options[] {
  const { address, leaves, groups } = compile(options, ["rowIndex"]);
  const out: Options[] = [];
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    const row: Options = {};
    for (const a of address) row[a] = a === "rowIndex" ? r : sheetAddress(sheet.name, { ...rect, row: r, rowCount: 1 });
    if (leaves) {
      let values: unknown[] | null = null;
      for (let c = rect.col; c < rect.col + rect.colCount; c++) {
        const cell = getCell(sheet, r, c);
        if (values === null) values = leaves.map((l) => l.get(cell));
        else for (let i = 0; i < leaves.length; i++) if (values[i] !== null && values[i] !== leaves[i].get(cell)) values[i] = null;
      }
      row.format = formatObject(leaves, values ?? [], groups);
    }
    out.push(row);
  }
  return out;
}
