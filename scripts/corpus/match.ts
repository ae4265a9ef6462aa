// Matching the scan's KPIs to the publisher's: by the rows a KPI was read from. A KPI kept in several rows
// (period sheets, long-format rows) is one expected KPI with `also` rows; a scan KPI matches it when its own
// row or any of its `sources` lies on one of them. A second scan KPI on the same expected KPI is a duplicate.
import type { Kpi, ScanResult } from "../../src/core/types";
import type { CorpusEntry, ExpectedKpi } from "./entry";

export interface ScanKpi {
  k: Kpi;
  sheet: string;
  row: number | null;
  /** Every "sheet!row" the KPI was read from: its own row first, then its sources. */
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

const place = (sheet: string, row: number | null) => `${sheet}!${row ?? "?"}`;

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
        const row = rowOf(k.sourceCell);
        const places = [place(sheet, row), ...sourcesOf(k).map((s) => place(s.sheet, rowOf(s.cell)))];
        return { k, sheet, row, places: [...new Set(places)] };
      }),
    );
}

export function matchKpis(entry: CorpusEntry, result: ScanResult): Matching {
  const kpis = scanKpis(entry, result);
  const own = entry.expected.map((e) => place(e.sheet, e.row));
  const rowsOf = entry.expected.map((e) => new Set([place(e.sheet, e.row), ...(e.also ?? []).map((a) => place(a.sheet, a.row))]));
  // Each scan KPI goes to one expected KPI: the one whose own row is the KPI's own row, else the first it touches.
  const claims: ScanKpi[][] = entry.expected.map(() => []);
  const extra: ScanKpi[] = [];
  for (const x of kpis) {
    let i = own.indexOf(x.places[0]);
    if (i < 0) i = rowsOf.findIndex((rows) => x.places.some((p) => rows.has(p)));
    if (i < 0) extra.push(x);
    else claims[i].push(x);
  }
  // Of several, the match is the one read from the expected KPI's own row, else the first; the rest are duplicates.
  const matched: (ScanKpi | undefined)[] = [];
  const duplicates: Matching["duplicates"] = [];
  claims.forEach((xs, i) => {
    const best = xs.find((x) => x.places[0] === own[i]) ?? xs[0];
    matched.push(best);
    for (const x of xs) if (x !== best) duplicates.push({ of: entry.expected[i], x });
  });
  return { kpis, matched, duplicates, extra };
}
