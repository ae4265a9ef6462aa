// A KPI's cells read as figures, once each: every cell its draft names, parsed first without a unit to learn
// the KPI's unit, then again with that unit so bare numbers take it ("97.5" in a percentage row).
import type { Figure, Unit } from "../types";
import { parseFigure, type ParsedFigure } from "../figures";
import { chooseScale, onScale, type KpiScale } from "../figures/scale";
import { parsePeriodCell, type PeriodContext } from "../periods";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftKpi } from "../recognise/drafts";
import { gridOf } from "./context";
import { unitFromWord } from "../figures/unitWords";

export interface Parsed {
  fig: Figure;
  p: ParsedFigure;
  ref: CellRef;
}

/** The KPI's figures by cell, and the unit they were read in. */
export interface KpiCells {
  unit: Unit | null;
  /** For a rate: the base it is per, where stated. */
  ratePer: number | null;
  /** The figure at a cell of the draft (null for no cell). */
  get: (ref: CellRef | null) => Parsed | null;
  /** Every figure read, in the order the draft names its cells. */
  all: Parsed[];
}

/**
 * Parse every cell of the draft on one scale: the unit from a Unit column, a rate the KPI's words name, else the
 * majority of its cells, else the measure's words; then each cell again on that scale (bare numbers take it, a
 * cell written otherwise is read on it and marked).
 */
export function readKpiCells(d: DraftKpi, grid: SheetGrid, periodContext: PeriodContext): KpiCells {
  const cells = collectCells(d);
  const firstPass = cells.map((ref) => parseAt(grid, ref, periodContext, null));
  const statedText = d.unitCell ? gridOf(grid, d.unitCell).text(d.unitCell.row, d.unitCell.col) : "";
  const scale = chooseScale({
    stated: statedText ? unitFromWord(statedText) : null,
    statedText,
    measure: d.measure,
    measureUnit: d.unitHint,
    headings: d.figureHeadings ?? [],
    cells: firstPass.map((f) => f.p),
  });
  // A rate's bare numbers are already on its scale: there is no figure unit to give them.
  const expected = scale.unit === "rate" ? null : scale.unit;
  const byKey = new Map<string, Parsed>();
  for (const ref of cells) byKey.set(cellKey(ref), timesStated(onKpiScale(parseAt(grid, ref, periodContext, expected), scale), grid, d, scale.unit));
  return { unit: scale.unit, ratePer: scale.ratePer, get: (ref) => (ref ? (byKey.get(cellKey(ref)) ?? null) : null), all: [...byKey.values()] };
}

function onKpiScale(parsed: Parsed, scale: KpiScale): Parsed {
  const p = onScale(parsed.p, scale);
  if (p === parsed.p) return parsed;
  return { ...parsed, p, fig: { ...parsed.fig, value: p.value, unit: p.unit } };
}

/**
 * A number written in the multiple its table states ("Billions" over the table: 32.01 is £32.01bn) read as the
 * amount it stands for. Shares, rates, scores and durations are not written in multiples; a cell whose text carries
 * its own ("£609m") is read as written.
 */
export function timesStated(parsed: Parsed, home: SheetGrid, d: Pick<DraftKpi, "figureMultiple">, unit: Unit | null): Parsed {
  const k = d.figureMultiple;
  if (!k || parsed.p.value === null || !AMOUNT_UNITS.has(parsed.p.unit ?? unit)) return parsed;
  const vt = gridOf(home, parsed.ref).valueType(parsed.ref.row, parsed.ref.col);
  if (vt !== "Double" && vt !== "Integer") return parsed;
  const value = Number((parsed.p.value * k).toPrecision(15));
  return { ...parsed, p: { ...parsed.p, value }, fig: { ...parsed.fig, value } };
}

/** Units a figure may be written in multiples of: money and counts (or a figure with no unit of its own). */
const AMOUNT_UNITS = new Set<Unit | null>(["currency", "count", null]);

function collectCells(d: DraftKpi): CellRef[] {
  const out: CellRef[] = [];
  const push = (r: CellRef | null) => r && out.push(r);
  [d.baselineCell, d.targetCell, d.previousCell, d.latestCell].forEach(push);
  for (const m of d.milestones) [m.targetCell, m.actualCell].forEach(push);
  if (d.actualRow !== null && d.baselineCell) out.push({ row: d.actualRow, col: d.baselineCell.col });
  return out;
}

function cellKey(r: CellRef): string {
  return `${r.grid?.name ?? ""}!${r.row}:${r.col}`;
}

/** One cell as a figure. Data cells are read as Excel holds them: a merged cell's value belongs to its first row only. */
export function parseAt(home: SheetGrid, ref: CellRef, periodContext: PeriodContext, expectedUnit: Unit | null): Parsed {
  const grid = gridOf(home, ref);
  const c = grid.raw(ref.row, ref.col);
  const p = parseFigure({ text: c.text, value: c.value, numberFormat: c.numberFormat, valueType: c.valueType }, { expectedUnit, periodContext });
  const fig: Figure = {
    value: p.value,
    text: c.text,
    cell: grid.address(ref.row, ref.col),
    ...(grid.name !== home.name ? { sheet: grid.name } : {}),
    unit: p.unit,
    period: p.period?.label ?? null,
    periodStart: p.period?.start ?? null,
    periodEnd: p.period?.end ?? null,
    missing: p.missing,
    relative: p.relative,
    qualifier: p.qualifier,
    ...(p.several ? { several: p.several } : {}),
    ...(p.error ? { error: p.error } : {}),
  };
  return { fig, p, ref };
}

/** Words written in a cell (a target inside a measure's words) as a figure, at that cell. */
export function parseWords(home: SheetGrid, ref: CellRef, text: string, periodContext: PeriodContext, expectedUnit: Unit | null): Parsed {
  const at = parseAt(home, ref, periodContext, expectedUnit);
  const p = parseFigure({ text, value: text, numberFormat: "General", valueType: "String" }, { expectedUnit, periodContext });
  return { ...at, p, fig: { ...at.fig, value: p.value, text, unit: p.unit, missing: p.missing, relative: p.relative, qualifier: p.qualifier } };
}

/** The period a cell beside the figure names ("Previous period": "Q2 2023/24") becomes the figure's. */
export function attachPeriod(target: Parsed, grid: SheetGrid, cell: CellRef, ctx: PeriodContext): void {
  const c = grid.raw(cell.row, cell.col);
  if (!c.text) return;
  const period = parsePeriodCell({ text: c.text, value: c.value, numberFormat: c.numberFormat }, ctx);
  target.fig.period = c.text;
  target.fig.periodStart = period?.start ?? null;
  target.fig.periodEnd = period?.end ?? null;
}

/** A blank cell is no figure at all. */
export function nonBlank(p: Parsed | null): Parsed | null {
  return p && p.p.missing !== "blank" ? p : null;
}

/** A target's number: its own value, or what its relative wording resolved to. */
export function targetValue(t: Parsed): number | null {
  return t.p.value ?? t.p.relative?.resolved ?? null;
}
