// The KPI table's columns, in order. Widths are in points (Excel's columnWidth unit).
import type { ColumnId, ColumnSpec } from "./types";

export const KPI_COLUMNS: readonly ColumnSpec[] = Object.freeze([
  { id: "ref", header: "Ref", width: 55 },
  { id: "measure", header: "Measure", width: 220 },
  { id: "group", header: "Group", width: 95 },
  { id: "frequency", header: "Frequency", width: 65 },
  { id: "baseline", header: "Baseline", width: 60 },
  { id: "milestone", header: "Current milestone", width: 80 },
  { id: "milestoneTarget", header: "Milestone target", width: 62 },
  { id: "latest", header: "Latest", width: 60 },
  { id: "latestPeriod", header: "Latest period", width: 70 },
  { id: "previous", header: "Previous", width: 60 },
  { id: "previousPeriod", header: "Previous period", width: 70 },
  { id: "dot", header: "Direction of travel", width: 85 },
  { id: "rag", header: "RAG", width: 50 },
  { id: "findings", header: "Findings", width: 190 },
  { id: "commentary", header: "Commentary", width: 170 },
  { id: "source", header: "Source", width: 95 },
  // Hidden: what readCommentary needs to put commentary back on the right KPI.
  { id: "key", header: "Key (do not edit)", width: 0, hidden: true },
  { id: "sourceSheet", header: "Source sheet", width: 0, hidden: true },
] satisfies ColumnSpec[]);

export function columnOf(id: ColumnId): number {
  const i = KPI_COLUMNS.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`Unknown scorecard column ${id}`);
  return i;
}

/** Header text readCommentary looks for to find the KPI table again, even after rows are inserted. */
export const COMMENTARY_HEADER = "Commentary";
export const REF_HEADER = "Ref";
export const MEASURE_HEADER = "Measure";
export const KEY_HEADER = "Key (do not edit)";
export const SHEET_HEADER = "Source sheet";
