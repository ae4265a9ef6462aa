// One finding per table for a repeated cause: when several KPIs of a table carry the same finding for the same
// reason (their milestone columns are out of order, no plan start is set, nothing says which way is better), a
// reader needs it once, naming the KPIs, not once a row.
import type { Finding, Kpi } from "../types";
import type { FindingCode } from "./codes";

// Causes that belong to the table or the settings, not to a cell of the KPI: the order of the period columns, the
// plan start, the reporting date before the first milestone, what nothing states about polarity. A finding about a
// KPI's own cell (a "tbc" target) stays with the KPI, however many rows say the same: each cell is to be fixed.
const TABLE_CAUSES: ReadonlySet<string> = new Set<FindingCode>(["periods-out-of-order", "plan-start-needed", "no-milestone-due", "polarity-assumed", "no-better-direction"]);

/** The finding's cause: its message without the KPI's name in front ("5/11: …", "\"Measure…\": …"); null if none. */
function causeOf(message: string, k: Kpi): string | null {
  if (k.ref && message.startsWith(`${k.ref}: `)) return message.slice(k.ref.length + 2);
  if (message.startsWith('"')) {
    const end = message.indexOf('": ');
    if (end > 0 && k.measure.startsWith(message.slice(1, end).replace(/…$/, ""))) return message.slice(end + 3);
  }
  return null;
}

function nameOf(k: Kpi): string {
  return k.ref ?? `"${k.measure.length > 50 ? `${k.measure.slice(0, 47)}…` : k.measure}"`;
}

function listNames(kpis: readonly Kpi[]): string {
  const names = kpis.slice(0, 4).map(nameOf);
  return kpis.length > 4 ? `${names.join(", ")} and ${kpis.length - 4} more` : names.join(", ");
}

/**
 * Takes the findings that two or more KPIs of one table share (same code, same cause) off those KPIs and returns
 * one finding for each such cause, naming the KPIs; the KPIs keep every finding of their own.
 */
export function mergeRepeatedFindings(kpis: readonly Kpi[], sheet: string, range: string): Finding[] {
  const groups = new Map<string, { first: Finding; cause: string; kpis: Kpi[]; found: Set<Finding> }>();
  for (const k of kpis) {
    for (const f of k.findings) {
      if (!TABLE_CAUSES.has(f.code)) continue;
      const cause = causeOf(f.message, k);
      if (cause === null) continue;
      const key = `${f.code}\u0000${cause}`;
      const g = groups.get(key) ?? { first: f, cause, kpis: [], found: new Set<Finding>() };
      groups.set(key, g);
      if (!g.kpis.includes(k)) g.kpis.push(k);
      g.found.add(f);
    }
  }
  const merged: Finding[] = [];
  for (const g of groups.values()) {
    if (g.kpis.length < 2) continue;
    for (const k of g.kpis) k.findings = k.findings.filter((f) => !g.found.has(f));
    merged.push({
      code: g.first.code,
      severity: g.first.severity,
      message: `${g.kpis.length} KPIs of the table at ${range} (${listNames(g.kpis)}): ${g.cause}`,
      sheet,
      ...(g.first.cell ? { cell: g.first.cell } : {}),
    });
  }
  return merged;
}
