// What building a KPI needs to know beyond its draft: the sheet, the settings, the reporting date, how the
// table's periods read, and what the table as a whole says (ACTUAL rows, arrows that mean better/worse).
import type { IsoDate, Polarity } from "../types";
import type { Settings } from "../settings";
import type { PeriodContext } from "../periods";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef } from "../recognise/drafts";
import type { DraftKpi } from "../recognise/drafts";

export interface BuildContext {
  grid: SheetGrid;
  settings: Settings;
  asOf: IsoDate;
  periodContext: PeriodContext;
  /** Whether the table has ACTUAL(S) rows: then every KPI row holds targets. */
  tableHasActualRows: boolean;
  /** The table's arrows state judgements (a legend says "↑ = improving"), not directions. */
  trendAsJudgement?: boolean;
  /** The table's first and last data rows: where a status column's other cells are. */
  dataRows?: readonly [number, number];
  /** The polarity a KPI measured the same way in the same table states (see assess/consistency.ts). */
  siblingPolarity?: ReadonlyMap<DraftKpi, { polarity: Polarity; how: string }>;
}

/** The sheet a cell is on: its own where the KPI was assembled from several, else the KPI's. */
export function gridOf(grid: SheetGrid, ref: CellRef): SheetGrid {
  return ref.grid ?? grid;
}
