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
  /** A status heading's cell beside the figure ("Q1 status | Q1 actual | …"). */
  ragCol?: number | null;
}

export interface OneRowPlan {
  row: number;
  kpis: OneRowKpi[];
}

type Part = "kpi" | "target" | "benchmark" | "status" | "aside";

/**
 * What a heading says its figure is: the organisation's own (a KPI), a target, a comparator's, a status, or a figure
 * beside them that is none of these (a forecast, a variance).
 */
function partOf(cls: HeaderClass | null, cell: string): Part {
  if (cell === "status") return cls?.role === "rag" ? "status" : "aside";
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
  // Figures, and statuses where a heading says so ("Q1 status" over "Green"; "Year end forecast" over "Green" beside).
  if (cols.length < 2 || cols.length > 12 || cols.some((c) => (kinds.kind(r, c) !== "number" && kinds.kind(r, c) !== "status") || taken(r, c))) return null;
  if (!cols.some((c) => kinds.kind(r, c) === "number")) return null;
  // The row stands alone: headings right above it over the same columns, nothing right under it.
  const head = r - 1;
  const heads = grid.filledCols(head, region.firstCol, region.lastCol);
  if (heads.length !== cols.length || heads.some((c, i) => c !== cols[i]) || cols.some((c) => taken(head, c))) return null;
  if (heads.some((c) => kinds.kind(head, c) === "number" || kinds.kind(head, c) === "empty" || grid.rawText(head, c).length > 100)) return null;
  if (r + 1 <= region.lastRow && !grid.isBlankRow(r + 1, cols[0], cols[cols.length - 1])) return null;
  const classes = cols.map((c) => classifyHeading(grid.rawText(head, c), ctx));
  const parts = cols.map((c, i) => partOf(classes[i], kinds.kind(r, c)));
  // A status heading whose cell holds a figure is no status: not this shape.
  if (parts.some((p, i) => p !== "status" && p !== "aside" && kinds.kind(r, cols[i]) !== "number")) return null;
  if (classes.some((cls, i) => cls?.role === "rag" && parts[i] !== "status")) return null;
  // Something must say these are figures measured against something: a target, a comparator or a status beside them.
  const figures = parts.filter((p) => p !== "status" && p !== "aside");
  if (!figures.includes("kpi") || parts.every((p) => p === "kpi") || figures[0] !== "kpi") return null;
  const kpis: OneRowKpi[] = [];
  let statusBefore: number | null = null;
  cols.forEach((c, i) => {
    const k = kpis[kpis.length - 1];
    if (parts[i] === "kpi") {
      kpis.push({ name: grid.text(head, c), nameCell: { row: head, col: c }, latestCol: c, targetCol: null, benchmarkCols: [], ragCol: statusBefore });
      statusBefore = null;
    } else if (parts[i] === "status") {
      if (k && k.ragCol == null) k.ragCol = c;
      else if (!k) statusBefore = c;
    } else if (parts[i] === "target") {
      // The first target beside the figure is the one it is rated against ("Q1 target | 2024 to 2025 target").
      if (k.targetCol === null) k.targetCol = c;
    } else if (parts[i] === "benchmark") k.benchmarkCols.push(c);
  });
  const firstCol = cols[0];
  const lastCol = cols[cols.length - 1];
  const columns: ColumnInfo[] = cols.map((c, i) => ({
    col: c,
    label: grid.text(head, c),
    cls:
      parts[i] === "kpi"
        ? { role: "latest", source: "heading", strength: 0.6, words: "the organisation's own figure, one row under its heading" }
        : parts[i] === "aside"
          ? { role: "ignore", source: "heading", strength: 0.6, words: "beside the figure, none of its own, its target or a comparator" }
          : { ...(classes[i] as HeaderClass), role: parts[i] === "target" ? "target" : parts[i] === "status" ? "rag" : "benchmark" },
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
      ragCell: at(k.ragCol ?? null),
      unitHint: unitNamedBy(k.name, headings),
      benchmarkCells: k.benchmarkCols.map((c) => ({ label: grid.text(table.headerRow, c), cell: { row: plan.row, col: c } })),
      figureHeadings: headings,
      tableShape: table.columns.map((c) => c.label).join("|").toLowerCase(),
    });
  });
}
