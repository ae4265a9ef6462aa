// Plain views of a ScanResult for the pane: counts, flattened lists, grouped findings.
import type { Finding, Kpi, Rag, ScanResult, Severity } from "../core/types";
import type { WorkbookSnapshot } from "../core/snapshot";

export const RAG_ORDER: Rag[] = ["red", "amber", "green", "blue", "grey"];
export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export type RagCounts = Record<Rag, number>;

export function allKpis(scan: ScanResult): Kpi[] {
  return scan.tables.flatMap((t) => t.kpis);
}

export function ragCounts(kpis: readonly Kpi[]): RagCounts {
  const counts: RagCounts = { red: 0, amber: 0, green: 0, blue: 0, grey: 0 };
  for (const k of kpis) counts[k.rag ?? "grey"]++;
  return counts;
}

/** A finding with where it came from, so the Findings tab can say which KPI it is about. */
export interface LocatedFinding extends Finding {
  /** Unique within one scan: list key and test handle. */
  id: string;
  kpi?: string;
}

/** Workbook-level findings and every KPI's, grouped by severity in the order error, warning, info. */
export function findingsBySeverity(scan: ScanResult): Record<Severity, LocatedFinding[]> {
  const out: Record<Severity, LocatedFinding[]> = { error: [], warning: [], info: [] };
  let n = 0;
  for (const f of scan.findings) out[f.severity].push({ ...f, id: `f${n++}` });
  for (const k of allKpis(scan)) {
    for (const f of k.findings) out[f.severity].push({ ...f, sheet: f.sheet ?? k.sheet, id: `f${n++}`, kpi: k.ref ?? k.measure });
  }
  return out;
}

/** True when no sheet holds any value: the pane says "empty" rather than "no KPI tables found". */
export function isEmptyWorkbook(snapshot: Pick<WorkbookSnapshot, "sheets">): boolean {
  return snapshot.sheets.every((s) => s.blocks.every((b) => b.values.every((row) => row.every((v) => v === "" || v === null))));
}
