// Commentary survives regeneration by being keyed to its KPI: sheet + reference, or sheet +
// measure where there is no reference. Matching falls back to the entry's sheet/ref/measure
// (ignoring case and spacing) so a change in key format does not lose what people wrote.
import { allowedAgeMonths } from "../stale";
import type { Kpi } from "../types";
import type { CommentaryEntry } from "./types";

function norm(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The KPI's stable key: the engine's `kpi.key` when it gives one, else sheet + "!" + (ref or measure). */
export function kpiKey(kpi: Kpi, tableSheet: string): string {
  if (kpi.key) return kpi.key;
  const sheet = kpi.sheet ?? tableSheet;
  return `${sheet}!${kpi.ref && kpi.ref.trim() ? kpi.ref.trim() : kpi.measure.replace(/\s+/g, " ").trim()}`;
}

export interface KeyedKpi {
  key: string;
  sheet: string;
  ref: string | null;
  measure: string;
}

/**
 * Match commentary to KPIs. Exact key first; then same sheet and reference; then same sheet and
 * measure (only for KPIs with no reference). Each entry goes to at most one KPI; entries with
 * empty text are dropped (nothing to keep). Returns commentary by KPI key and the entries left over.
 */
export function matchCommentary(
  kpis: readonly KeyedKpi[],
  entries: readonly CommentaryEntry[],
): { byKey: Map<string, string>; orphaned: CommentaryEntry[] } {
  const byKey = new Map<string, string>();
  const exact = new Map<string, KeyedKpi>();
  const byRef = new Map<string, KeyedKpi>();
  const byMeasure = new Map<string, KeyedKpi>();
  for (const k of kpis) {
    exact.set(k.key, k);
    if (k.ref) byRef.set(`${norm(k.sheet)}\u0000${norm(k.ref)}`, k);
    else byMeasure.set(`${norm(k.sheet)}\u0000${norm(k.measure)}`, k);
  }
  const orphaned: CommentaryEntry[] = [];
  for (const e of entries) {
    if (!e.text.trim()) continue;
    const target =
      exact.get(e.key) ??
      (e.ref ? byRef.get(`${norm(e.sheet)}\u0000${norm(e.ref)}`) : undefined) ??
      (!e.ref && e.measure ? byMeasure.get(`${norm(e.sheet)}\u0000${norm(e.measure)}`) : undefined);
    if (target && !byKey.has(target.key)) byKey.set(target.key, e.text);
    else if (target && byKey.get(target.key) === e.text) continue;
    else orphaned.push(e);
  }
  return { byKey, orphaned };
}

/**
 * Commentary read from the sheet at apply time over commentary given when the spec was built:
 * the sheet is what people typed most recently, so it wins for the same key.
 */
export function mergeCommentary(given: readonly CommentaryEntry[], fromSheet: readonly CommentaryEntry[]): CommentaryEntry[] {
  const out = new Map<string, CommentaryEntry>();
  for (const e of given) out.set(e.key, e);
  for (const e of fromSheet) out.set(e.key, e);
  return [...out.values()];
}

/**
 * The workbook's own commentary on a KPI (a comments, notes, narrative or progress-update column): what a board
 * reads beside the figures when nobody has typed commentary on the scorecard. A note that only says how often the
 * KPI is reported ("Monthly") is its frequency, not commentary; one that starts so ("Monthly, may include …")
 * keeps the rest.
 */
export function workbookCommentary(kpi: Pick<Kpi, "notes" | "frequency">): string {
  const notes = (kpi.notes ?? "").replace(/[ \t]+/g, " ").trim();
  if (!notes) return "";
  const m = /^([^,;:.\n]+)\s*[,;:.\n]\s*(.*)$/s.exec(notes);
  const head = (m ? m[1] : notes).trim();
  const saysFrequency = allowedAgeMonths(head) !== null && head.split(/\s+/).length <= 3 && (!kpi.frequency || norm(kpi.frequency) === norm(head));
  if (!saysFrequency) return notes;
  const rest = m ? m[2].trim() : "";
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : "";
}

/**
 * Each KPI's commentary: what people typed on the scorecard wins; else the workbook's own. Returns the text by key
 * and the keys whose text came from the workbook (so the next scorecard does not take it for typed commentary).
 */
export function kpiCommentary(kpis: readonly { key: string; kpi: Pick<Kpi, "notes" | "frequency"> }[], typed: ReadonlyMap<string, string>): { byKey: Map<string, string>; fromWorkbook: Set<string> } {
  const byKey = new Map<string, string>();
  const fromWorkbook = new Set<string>();
  for (const { key, kpi } of kpis) {
    const own = typed.get(key);
    if (own !== undefined) {
      byKey.set(key, own);
      continue;
    }
    const text = workbookCommentary(kpi);
    if (!text) continue;
    byKey.set(key, text);
    fromWorkbook.add(key);
  }
  return { byKey, fromWorkbook };
}
