// A found table's columns by the role each plays, as the row reader needs them: the name columns, the
// figure columns, the status column that rates the KPI as a whole, and the time columns that make milestones.
import type { ColumnInfo, FoundTable } from "./findTables";

export interface TableRoles {
  ref?: ColumnInfo;
  measure?: ColumnInfo;
  group?: ColumnInfo;
  section?: ColumnInfo;
  frequency?: ColumnInfo;
  baseline?: ColumnInfo;
  target?: ColumnInfo;
  previous?: ColumnInfo;
  latest?: ColumnInfo;
  dot?: ColumnInfo;
  notes?: ColumnInfo;
  polarity?: ColumnInfo;
  unit?: ColumnInfo;
  owner?: ColumnInfo;
  benchmarks: ColumnInfo[];
  periods: ColumnInfo[];
  /** The status column that rates the KPI as a whole (not one milestone). */
  kpiRag?: ColumnInfo;
  /** The time columns that become milestones, one per heading. */
  time: ColumnInfo[];
  /** The reference and measure columns the table has. */
  names: ColumnInfo[];
}

export function tableRoles(table: FoundTable): TableRoles {
  const byRole = (role: string) => table.columns.filter((c) => c.cls?.role === role);
  const first = (role: string): ColumnInfo | undefined => byRole(role)[0];
  const ref = first("ref");
  const measure = first("measure");
  return {
    ref,
    measure,
    group: first("group"),
    section: first("section"),
    frequency: first("frequency"),
    baseline: first("baseline"),
    // The last of several: "Target 2022/23 | Target 2023/24" states the one in force last.
    target: byRole("target").slice(-1)[0],
    previous: first("previous"),
    latest: byRole("latest").slice(-1)[0],
    dot: first("dot"),
    notes: first("notes"),
    polarity: first("polarity"),
    unit: first("unit"),
    owner: first("owner"),
    benchmarks: byRole("benchmark"),
    periods: byRole("period"),
    kpiRag: kpiRagColumn(table),
    time: usedTimeColumns(table),
    names: [ref, measure].filter((c): c is ColumnInfo => !!c),
  };
}

/**
 * A stated RAG for the KPI as a whole: a RAG column that does not follow a time column — or the table's only RAG
 * column ("... | Target 2023/24 | RAG | DoT"), unless the heading row pairs every milestone with a RAG column.
 */
function kpiRagColumn(table: FoundTable): ColumnInfo | undefined {
  const ragCols = table.columns.filter((c) => c.cls?.role === "rag");
  return ragCols.length === 1 ? ragCols[0] : table.columns.find((c, i) => c.cls?.role === "rag" && table.columns[i - 1]?.cls?.role !== "time");
}

/**
 * Under a two-level heading keep the first sub-column of each time heading (the "Positive" share), not its
 * complement; a sub-heading that names a role ("2014/15" over "Target" and "Actual") makes a column of its own.
 */
function usedTimeColumns(table: FoundTable): ColumnInfo[] {
  const seen = new Set<string>();
  return table.columns
    .filter((c) => c.cls?.role === "time" && c.cls.heading)
    .filter((c) => {
      const h = c.cls!.heading!;
      const key = c.sub ? `${c.label.replace(/ \/ [^/]*$/, "")}|${h.role}|${h.period?.label ?? ""}` : `${c.col}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The column of the milestone that is a baseline ("Baseline 2019"), if any. */
export function baselineTimeCol(cols: ColumnInfo[]): ColumnInfo | undefined {
  return cols.find((c) => c.cls?.heading?.role === "baseline");
}
