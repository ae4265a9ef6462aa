// A heading row over ONE row of figures, no label on it: a school's "School | Local Authority Average | England
// Average" under a line naming the measure, or "School attendance 2016/17 | School attendance target 2016/17 |
// National average attendance 2017 | School authorised absence | …" across. A reader reads each heading as what the
// figure under it is: the organisation's own figures are KPIs, a target beside one is its target, and the national or
// local averages are what it is compared with. A lone line above a table of one KPI names that KPI.
import type { SheetGrid, GridRegion } from "./grid";
import type { CellKinds } from "./cellKinds";
import { namedKpiDraft, unitNamedBy, type CellRef, type DraftKpi } from "./drafts";
import type { FoundTable } from "./findTables";
import type { ColumnInfo } from "./columnRoles";
import type { PeriodContext } from "../periods";
import { classifyHeading, type HeaderClass } from "./headers";
import { measureLineAbove } from "./comparatorRows";

export interface OneRowKpi {
  name: string;
  nameCell: CellRef;
  latestCol: number;
  targetCol: number | null;
  benchmarkCols: number[];
}

export interface OneRowPlan {
  row: number;
  kpis: OneRowKpi[];
}

type Part = "kpi" | "target" | "benchmark";

/** What a heading says its figure is: the organisation's own (a KPI), a target, or a comparator's. */
function partOf(cls: HeaderClass | null): Part {
  if (cls?.role === "benchmark") return "benchmark";
  if (cls?.role === "target" || (cls?.role === "time" && (cls.heading?.role === "target" || cls.heading?.role === "final-target"))) return "target";
  return "kpi";
}

/** Every such table in the region, as found tables (their rows not taken by another table). */
export function findOneRowTables(grid: SheetGrid, kinds: CellKinds, region: GridRegion, ctx: PeriodContext, taken: (row: number, col: number) => boolean): FoundTable[] {
  const out: FoundTable[] = [];
  for (let r = region.firstRow + 1; r <= region.lastRow; r++) {
    // A row shaped like its neighbours is inside a run of data (a long export): it stands alone under nothing.
    if (kinds.dataRows.interior(r)) continue;
    const t = oneRowTable(grid, kinds, region, r, ctx, taken);
    if (t) out.push(t);
  }
  return out;
}

function oneRowTable(grid: SheetGrid, kinds: CellKinds, region: GridRegion, r: number, ctx: PeriodContext, taken: (row: number, col: number) => boolean): FoundTable | null {
  const cols = grid.filledCols(r, region.firstCol, region.lastCol);
  if (cols.length < 2 || cols.length > 12 || cols.some((c) => kinds.kind(r, c) !== "number" || taken(r, c))) return null;
  // The row stands alone: headings right above it over the same columns, nothing right under it.
  const head = r - 1;
  const heads = grid.filledCols(head, region.firstCol, region.lastCol);
  if (heads.length !== cols.length || heads.some((c, i) => c !== cols[i]) || cols.some((c) => taken(head, c))) return null;
  if (heads.some((c) => kinds.kind(head, c) === "number" || kinds.kind(head, c) === "empty" || grid.rawText(head, c).length > 100)) return null;
  if (r + 1 <= region.lastRow && !grid.isBlankRow(r + 1, cols[0], cols[cols.length - 1])) return null;
  const classes = cols.map((c) => classifyHeading(grid.rawText(head, c), ctx));
  const parts = classes.map(partOf);
  // Something must say these are figures measured against something: a target or a comparator beside them.
  if (!parts.includes("kpi") || parts.every((p) => p === "kpi") || parts[0] !== "kpi") return null;
  const kpis: OneRowKpi[] = [];
  cols.forEach((c, i) => {
    if (parts[i] === "kpi") kpis.push({ name: grid.text(head, c), nameCell: { row: head, col: c }, latestCol: c, targetCol: null, benchmarkCols: [] });
    else if (parts[i] === "target") {
      const k = kpis[kpis.length - 1];
      if (k.targetCol === null) k.targetCol = c;
    } else kpis[kpis.length - 1].benchmarkCols.push(c);
  });
  const firstCol = cols[0];
  const lastCol = cols[cols.length - 1];
  const columns: ColumnInfo[] = cols.map((c, i) => ({
    col: c,
    label: grid.text(head, c),
    cls:
      parts[i] === "kpi"
        ? { role: "latest", source: "heading", strength: 0.6, words: "the organisation's own figure, one row under its heading" }
        : { ...(classes[i] as HeaderClass), role: parts[i] === "target" ? "target" : "benchmark" },
    sub: null,
  }));
  const table: FoundTable = {
    headerRow: head,
    headerRows: 1,
    firstCol,
    lastCol,
    firstDataRow: r,
    lastRow: r,
    columns,
    excelTable: null,
    title: null,
    headerScore: classes.filter((c) => !!c).length / cols.length,
    periodContext: ctx,
    foundBy: "shape",
    oneRow: { row: r, kpis },
  };
  // One KPI under a lone line naming it ("Percentage of pupils achieving the expected standard in reading, writing and
  // mathematics:" over "School | Local Authority Average | England Average"): the line is its measure.
  if (kpis.length === 1) {
    const line = measureLineAbove(grid, table);
    if (line) kpis[0] = { ...kpis[0], name: line.text, nameCell: line.cell };
  }
  return table;
}

/** The drafts of a one-row table: each KPI's figure, its target and its comparators from the one row. */
export function oneRowDrafts(grid: SheetGrid, table: FoundTable, plan: OneRowPlan): DraftKpi[] {
  return plan.kpis.map((k) => {
    const at = (col: number | null): CellRef | null => (col === null ? null : { row: plan.row, col });
    const headings = [k.latestCol, k.targetCol].flatMap((c) => (c === null ? [] : [grid.text(table.headerRow, c)]));
    return namedKpiDraft({
      row: k.nameCell.row,
      measure: k.name,
      measureCell: k.nameCell,
      targetCell: at(k.targetCol),
      latestCell: at(k.latestCol),
      unitHint: unitNamedBy(k.name, headings),
      benchmarkCells: k.benchmarkCols.map((c) => ({ label: grid.text(table.headerRow, c), cell: { row: plan.row, col: c } })),
      figureHeadings: headings,
      tableShape: table.columns.map((c) => c.label).join("|").toLowerCase(),
    });
  });
}
