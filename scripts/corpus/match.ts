// Matching the scan's KPIs to the publisher's: by the rows a KPI was read from. A KPI kept in several rows
// (period sheets, long-format rows) is one expected KPI with `also` rows; a scan KPI matches it when its own
// row or any of its `sources` lies on one of them (on the very cell, where the entry names a column). A second
// scan KPI on the same expected KPI is a duplicate.
import type { Kpi, ScanResult } from "../../src/core/types";
import type { CorpusEntry, ExpectedKpi } from "./entry";

export interface ScanKpi {
  k: Kpi;
  sheet: string;
  row: number | null;
  /** Every cell the KPI was read from, as "sheet!A1": its own first, then its sources. */
  places: string[];
}

export interface Matching {
  /** KPIs the scan returned on the entry's sheets. */
  kpis: ScanKpi[];
  /** The scan KPI matched to each expected KPI (by index in entry.expected), or undefined. */
  matched: (ScanKpi | undefined)[];
  duplicates: { of: ExpectedKpi; x: ScanKpi }[];
  extra: ScanKpi[];
}

export function rowOf(cell: string | undefined): number | null {
  const m = /(\d+)$/.exec(cell ?? "");
  return m ? Number(m[1]) : null;
}

const cellPlace = (sheet: string, cell: string | undefined) => `${sheet}!${(cell ?? "?").replace(/\$/g, "").toUpperCase()}`;

/**
 * Whether a scan cell lies on an expected place: its row, or, where the entry names a column (KPIs that share
 * one heading row, as when periods run down the rows), that very cell.
 */
function onPlace(scanPlace: string, p: { sheet: string; row: number; col?: string }): boolean {
  const m = /^(.*)!([A-Z]*)(\d+)$/.exec(scanPlace);
  if (!m || m[1] !== p.sheet || Number(m[3]) !== p.row) return false;
  return p.col === undefined || m[2] === p.col.toUpperCase();
}

/** The scan contract's optional Kpi.sources (contract-additions.md); older scans have none. */
function sourcesOf(k: Kpi): { sheet: string; cell: string }[] {
  const s = (k as { sources?: unknown }).sources;
  return Array.isArray(s) ? (s as { sheet: string; cell: string }[]).filter((x) => x && typeof x.sheet === "string") : [];
}

export function scanKpis(entry: CorpusEntry, result: ScanResult): ScanKpi[] {
  const sheets = new Set(entry.sheets.map((s) => s.name));
  return result.tables
    .filter((t) => sheets.has(t.sheet))
    .flatMap((t) =>
      t.kpis.map((k) => {
        const sheet = k.sheet ?? t.sheet;
        const places = [cellPlace(sheet, k.sourceCell), ...sourcesOf(k).map((s) => cellPlace(s.sheet, s.cell))];
        return { k, sheet, row: rowOf(k.sourceCell), places: [...new Set(places)] };
      }),
    );
}

export function matchKpis(entry: CorpusEntry, result: ScanResult): Matching {
  const kpis = scanKpis(entry, result);
  const all = entry.expected.map((e) => [e, ...(e.also ?? [])]);
  const isOwn = (x: ScanKpi, i: number) => onPlace(x.places[0], entry.expected[i]);
  // Each scan KPI goes to one expected KPI: the one whose own row is the KPI's own row, else the first it touches.
  const claims: ScanKpi[][] = entry.expected.map(() => []);
  const extra: ScanKpi[] = [];
  for (const x of kpis) {
    let i = entry.expected.findIndex((_, j) => isOwn(x, j));
    if (i < 0) i = all.findIndex((ps) => x.places.some((sp) => ps.some((p) => onPlace(sp, p))));
    if (i < 0) extra.push(x);
    else claims[i].push(x);
  }
  // Of several, the match is the one read from the expected KPI's own row, else the first; the rest are duplicates.
  const matched: (ScanKpi | undefined)[] = [];
  const duplicates: Matching["duplicates"] = [];
  claims.forEach((xs, i) => {
    const best = xs.find((x) => isOwn(x, i)) ?? xs[0];
    matched.push(best);
    for (const x of xs) if (x !== best) duplicates.push({ of: entry.expected[i], x });
  });
  return { kpis, matched, duplicates, extra };
}
