// A column role the user set, in the recogniser's own terms: "milestone" and a typed period become a time
// column, "status" a RAG column, "trend" a direction-of-travel column.
import { parseMilestoneHeading, parsePeriod, type PeriodContext } from "../periods";
import type { RoleCorrection } from "../corrections";
import type { ColumnRole, HeaderClass } from "./headers";

const DIRECT: Partial<Record<RoleCorrection["role"], ColumnRole>> = {
  measure: "measure",
  ref: "ref",
  group: "group",
  latest: "latest",
  previous: "previous",
  target: "target",
  baseline: "baseline",
  status: "rag",
  trend: "dot",
  polarity: "polarity",
  benchmark: "benchmark",
  notes: "notes",
  owner: "owner",
  unit: "unit",
  frequency: "frequency",
  ignore: "ignore",
};

export function userClass(role: RoleCorrection, heading: string, ctx: PeriodContext): HeaderClass {
  const words = `set by the user${role.period ? ` (period ${role.period})` : ""}`;
  const base = { source: "user" as const, strength: 1, words };
  // A period the user typed, else the one the heading names, for the roles that hold figures for a period.
  const periodText = role.period ?? null;
  const fromHeading = !periodText && heading ? parseMilestoneHeading(heading, ctx) : null;
  const period = periodText ? parsePeriod(periodText, ctx) : (fromHeading?.period ?? null);
  const timed = (headingRole: "target" | "actual" | "baseline"): HeaderClass => ({
    role: "time",
    ...base,
    heading: { label: heading || periodText || "", role: headingRole, period: period ? { ...period, label: periodText ?? period.label } : null, relativeMonths: fromHeading?.relativeMonths ?? null },
  });
  if (role.role === "milestone") return timed("target");
  if (period && (role.role === "latest" || role.role === "target" || role.role === "baseline")) return timed(role.role === "latest" ? "actual" : role.role);
  return { role: DIRECT[role.role] ?? "ignore", ...base };
}
