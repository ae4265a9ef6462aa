// A found table's columns in the scan contract's words: the role each column plays, the period it holds,
// where that reading came from (heading, content, position, user) and how sure it is, with the evidence in
// words for the pane. Also the finding that names the columns a reader should check.
import { columnLetters } from "../address";
import type { ColumnRoleName, Finding, TableColumn } from "../types";
import { FINDING_CODES } from "../validate/codes";
import type { ColumnInfo, FoundTable } from "./findTables";
import type { ColumnRole } from "./headers";

const ROLE_NAMES: Record<ColumnRole, ColumnRoleName> = {
  ref: "ref",
  measure: "measure",
  group: "group",
  frequency: "frequency",
  baseline: "baseline",
  target: "target",
  previous: "previous",
  latest: "latest",
  time: "milestone",
  dot: "trend",
  rag: "status",
  notes: "notes",
  polarity: "polarity",
  unit: "unit",
  period: "ignore",
  section: "group",
  benchmark: "benchmark",
  owner: "owner",
  ignore: "ignore",
};

/** A time column holds staged targets (a milestone), a baseline, or actuals for its period (a point of the series). */
function roleName(c: ColumnInfo): ColumnRoleName {
  const cls = c.cls;
  if (!cls) return "ignore";
  if (cls.role === "time" && cls.heading) {
    if (cls.heading.role === "baseline") return "baseline";
    if (cls.heading.role === "actual" || cls.heading.role === "period") return "latest";
    return "milestone";
  }
  return ROLE_NAMES[cls.role];
}

function evidence(c: ColumnInfo): string {
  const cls = c.cls;
  if (!cls) return c.label ? `heading "${c.label}" names nothing the add-in reads; the column is left out` : "no heading, and nothing the add-in reads";
  if (cls.source === "content" || cls.source === "position" || cls.source === "user") return cls.words ?? "";
  if (cls.role === "time" && cls.heading) return `heading "${c.label}" names ${cls.heading.period ? `the period ${cls.heading.period.label}` : "a point of a series"}`;
  return `heading says "${c.label || cls.words}"`;
}

export function tableColumns(table: FoundTable): TableColumn[] {
  return table.columns.map((c) => {
    const period = c.cls?.heading?.period?.label ?? null;
    return {
      column: columnLetters(c.col),
      heading: c.label || null,
      role: roleName(c),
      period,
      source: c.cls?.source ?? "heading",
      confidence: Math.round(Math.min(1, Math.max(0, c.cls ? (c.cls.strength ?? 0.8) : 0.3)) * 100) / 100,
      evidence: evidence(c),
    };
  });
}

/** Roles a KPI's reading stands on: when one of these was guessed, the reader should check it. */
const KEY_ROLES: ReadonlySet<ColumnRoleName> = new Set(["measure", "ref", "latest", "previous", "target", "baseline", "milestone", "status", "trend", "polarity"]);

/** An info finding naming the columns read from content or position rather than their headings, or null. */
export function guessedColumnsFinding(sheet: string, range: string, columns: TableColumn[]): Finding | null {
  const guessed = columns.filter((c) => (c.source === "content" || c.source === "position") && KEY_ROLES.has(c.role));
  if (!guessed.length) return null;
  const list = guessed.map((c) => `${c.column} as ${c.role} (${c.evidence})`).join("; ");
  return {
    code: "columns-guessed",
    severity: FINDING_CODES["columns-guessed"].severity,
    message: `The table at ${range} was read partly from what its columns hold rather than their headings: ${list}. Check these in the Tables tab and correct any that are wrong.`,
    sheet,
    cell: range.split(":")[0],
  };
}
