// The KPIs as the scorecard shows them: each placed (key, group, RAG, stale), and its register cells
// with the values, number formats and the text a reader sees (for sizing columns and rows).
import * as numfmt from "numfmt";
import { quoteSheetName } from "../address";
import { isStale } from "../stale";
import type { Figure, Kpi, Rag, ScanResult, Unit } from "../types";
import { kpiKey } from "./commentary";
import { DOT_NOT_AVAILABLE, dotText } from "./dot";
import { literal } from "./literal";
import { GENERAL } from "./numberFormat";
import { RAG_WORDS } from "./palette";
import { figureFormat } from "./sourceFormat";
import type { ColumnId, SpecValue } from "./types";

/** A KPI with where it came from and its unique key on this scorecard. */
export interface PlacedKpi {
  kpi: Kpi;
  sheet: string;
  key: string;
  /** The register group: the KPI's own group, else the sheet it is on. */
  group: string;
  rag: Rag;
  stale: boolean;
  /** Cell the Source link goes to, on `sheet`. */
  sourceCell: string;
  /** Position in the workbook's order. */
  order: number;
}

/** Every KPI of every table, in scan order, with keys made unique (duplicate refs get " #2", " #3"). */
export function placeKpis(scan: ScanResult): PlacedKpi[] {
  const seen = new Map<string, number>();
  const out: PlacedKpi[] = [];
  for (const table of scan.tables) {
    const firstCell = table.range.split(":")[0] || "A1";
    for (const kpi of table.kpis) {
      const base = kpiKey(kpi, table.sheet);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const sheet = kpi.sheet ?? table.sheet;
      out.push({
        kpi,
        sheet,
        key: n === 1 ? base : `${base} #${n}`,
        group: kpi.group?.replace(/\s+/g, " ").trim() || sheet,
        rag: kpi.rag ?? "grey",
        stale: kpi.stale ?? isStale(kpi, scan.asOf),
        sourceCell: kpi.sourceCell ?? kpi.latest?.cell ?? kpi.baseline?.cell ?? firstCell,
        order: out.length,
      });
    }
  }
  return out;
}

/** Worst first: Red, Amber, Green, Blue, then Grey (not rated). */
export const RAG_RANK: Readonly<Record<Rag, number>> = Object.freeze({ red: 0, amber: 1, green: 2, blue: 3, grey: 4 });

function figureValue(f: Figure | null | undefined): number | null {
  const v = f ? (f.value ?? f.relative?.resolved ?? null) : null;
  return v !== null && Number.isFinite(v) ? v : null;
}

/** How far the latest figure misses its target, relative to the target (positive = a miss); null when either is unknown. */
export function shortfall(kpi: Kpi): number | null {
  const target = figureValue(kpi.currentTarget ?? kpi.target);
  const latest = figureValue(kpi.latest);
  if (target === null || latest === null) return null;
  // A KPI with no better direction misses on the side its targets imply.
  const side = kpi.polarity ?? kpi.noBetterDirection?.ratedAs ?? null;
  const miss = side === "lower-is-better" ? latest - target : target - latest;
  // Relative to the larger of the two, so a target of 0 still compares (418 against 0 is a 100% miss).
  return miss / Math.max(Math.abs(target), Math.abs(latest), 1e-9);
}

/** Worst RAG first; within a RAG current figures before out-of-date ones, the bigger miss first; then workbook order. */
export function worstFirst(a: PlacedKpi, b: PlacedKpi): number {
  const byRag = RAG_RANK[a.rag] - RAG_RANK[b.rag];
  if (byRag !== 0) return byRag;
  if (a.stale !== b.stale) return a.stale ? 1 : -1;
  const sa = shortfall(a.kpi);
  const sb = shortfall(b.kpi);
  if (sa !== null && sb !== null && sa !== sb) return sb - sa;
  if (sa !== null && sb === null) return -1;
  if (sa === null && sb !== null) return 1;
  return a.order - b.order;
}

export interface CellOut {
  value: SpecValue;
  format: string;
  /** What a reader sees in the cell. */
  shown: string;
}

export const EMPTY: CellOut = { value: "", format: GENERAL, shown: "" };

export function textCell(s: string | null | undefined): CellOut {
  return s ? { value: literal(s), format: GENERAL, shown: s } : EMPTY;
}

/** A number shown as Excel would show it in a format (for sizing; numfmt is Excel's formatter). */
export function shownNumber(value: number, format: string): string {
  return numfmt.format(format, value, { nbsp: false, throws: false, leap1900: true });
}

/** A figure as a number in its source's format, or its text as written (tbc, n/a, National average). */
export function figureCell(fig: Figure | null | undefined, kpiUnit: Unit | null): CellOut {
  if (!fig) return EMPTY;
  const value = figureValue(fig);
  if (value !== null) {
    const format = figureFormat(fig, value, kpiUnit);
    return { value, format, shown: shownNumber(value, format) };
  }
  return textCell(fig.text);
}

/** A figure as its source shows it, for sentences ("13% vs 60%"); a relative target with what it came to. */
export function figureText(fig: Figure | null | undefined, kpiUnit: Unit | null): string {
  if (!fig) return "";
  const written = fig.text.replace(/\s+/g, " ").trim();
  const plain = (v: number) => shownNumber(v, figureFormat({ text: "", unit: fig.unit }, v, kpiUnit));
  const resolved = fig.value === null ? (fig.relative?.resolved ?? null) : null;
  if (resolved !== null && Number.isFinite(resolved)) return written ? `${written} (${plain(resolved)})` : plain(resolved);
  if (written) return written;
  return fig.value !== null && Number.isFinite(fig.value) ? plain(fig.value) : "";
}

/** The document reference of a cell for a hyperlink: 'My sheet'!B7. */
export function sourceReference(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** The displayed text of the Source link. */
export function sourceLabel(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/**
 * The Source link's text for each KPI: its cell's address alone where its register group is on one sheet (the
 * group's heading names the sheet), else the sheet and the cell.
 */
export function sourceTexts(groups: readonly { kpis: readonly PlacedKpi[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groups) {
    const oneSheet = new Set(g.kpis.map((p) => p.sheet)).size === 1;
    for (const p of g.kpis) out.set(p.key, oneSheet ? p.sourceCell : sourceLabel(p.sheet, p.sourceCell));
  }
  return out;
}

export const FINAL_TARGET = "Final target";

/** The milestone the target in force belongs to ("By 6 months"), or "Final target". */
export function targetFor(kpi: Kpi): string {
  return kpi.currentMilestone ?? (kpi.currentTarget ? "" : kpi.target ? FINAL_TARGET : "");
}

/** "England 62%; Statistical neighbours 58%". */
export function benchmarksText(kpi: Kpi): string {
  return (kpi.benchmarks ?? [])
    .map((b) => `${b.label.replace(/\s+/g, " ").trim()} ${figureText(b.value, kpi.unit)}`.trim())
    .filter(Boolean)
    .join("; ");
}

export function trendText(kpi: Kpi): string {
  const t = dotText(kpi.dot);
  return t === DOT_NOT_AVAILABLE ? "" : t;
}

/**
 * The RAG word, with the out-of-date marker on a second line: "Green" / "out of date". The period it holds for
 * stands beside it (the latest figure's period), so the marker is the same words for every KPI.
 */
export function ragText(p: Pick<PlacedKpi, "rag" | "stale">): string {
  return p.stale ? `${RAG_WORDS[p.rag]}\n${STALE_MARKER}` : RAG_WORDS[p.rag];
}

export const STALE_MARKER = "out of date";

/**
 * The register's cells for one KPI. `findings` is the Findings column's text (built with the findings block);
 * `source` the text of the link to its source cell (sourceText).
 */
export function registerCells(p: PlacedKpi, commentary: string, findings: string, source: string): Record<ColumnId, CellOut> {
  const { kpi } = p;
  return {
    ref: textCell(kpi.ref),
    measure: textCell(kpi.measure),
    owner: textCell(kpi.owner),
    frequency: textCell(kpi.frequency),
    baseline: figureCell(kpi.baseline, kpi.unit),
    target: figureCell(kpi.currentTarget ?? kpi.target, kpi.unit),
    targetFor: textCell(targetFor(kpi)),
    latest: figureCell(kpi.latest, kpi.unit),
    latestPeriod: textCell(kpi.latest?.period),
    previous: figureCell(kpi.previous, kpi.unit),
    previousPeriod: textCell(kpi.previous?.period),
    benchmarks: textCell(benchmarksText(kpi)),
    dot: textCell(trendText(kpi)),
    rag: { value: ragText(p), format: GENERAL, shown: ragText(p) },
    findings: textCell(findings),
    commentary: textCell(commentary),
    source: textCell(source),
    key: textCell(p.key),
    sourceSheet: textCell(p.sheet),
  };
}
