// One scorecard row per KPI: the cell values and number formats, from the scan.
import { quoteSheetName } from "../address";
import type { Figure, Kpi, Rag, ScanResult } from "../types";
import { kpiKey } from "./commentary";
import { dotText } from "./dot";
import { literal } from "./literal";
import { GENERAL, numberFormatFor } from "./numberFormat";
import { RAG_WORDS } from "./palette";
import type { ColumnId, SpecValue } from "./types";

/** A KPI with where it came from and its unique key on this scorecard. */
export interface PlacedKpi {
  kpi: Kpi;
  sheet: string;
  key: string;
  group: string;
  rag: Rag;
  /** Cell the Source link goes to, on `sheet`. */
  sourceCell: string;
}

export const NO_GROUP = "(no group)";

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
      out.push({
        kpi,
        sheet: kpi.sheet ?? table.sheet,
        key: n === 1 ? base : `${base} #${n}`,
        group: kpi.group?.trim() || NO_GROUP,
        rag: kpi.rag ?? "grey",
        sourceCell: kpi.sourceCell ?? kpi.latest?.cell ?? kpi.baseline?.cell ?? firstCell,
      });
    }
  }
  return out;
}

export interface CellOut {
  value: SpecValue;
  format: string;
}

const EMPTY: CellOut = { value: "", format: GENERAL };

function text(s: string | null | undefined): CellOut {
  return s ? { value: literal(s), format: GENERAL } : EMPTY;
}

/** A figure as a number in the KPI's unit, or its text as written (tbc, n/a, National average). */
export function figureCell(fig: Figure | null | undefined, kpiUnit: Kpi["unit"]): CellOut {
  if (!fig) return EMPTY;
  const value = fig.value ?? fig.relative?.resolved ?? null;
  if (value !== null && Number.isFinite(value)) return { value, format: numberFormatFor(fig.unit ?? kpiUnit, value) };
  return text(fig.text);
}

/** Long text cut at a word boundary with an ellipsis, so a row stays a readable height. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Findings are listed in full in the pane; the sheet gives the count and the first, clipped. */
const FINDING_CHARS = 90;
/** Group names are sometimes whole objectives; the row shows the start, the summary the rest. */
const GROUP_CHARS = 70;

function findingsText(kpi: Kpi): string {
  const n = kpi.findings.length;
  if (n === 0) return "";
  const first = kpi.findings[0];
  return `${n} finding${n === 1 ? "" : "s"}: ${clip(first.message, FINDING_CHARS)}`;
}

/** The document reference of a cell for a hyperlink: 'My sheet'!B7. */
export function sourceReference(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** The displayed text of the Source link. */
export function sourceLabel(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

export function rowCells(p: PlacedKpi, commentary: string): Record<ColumnId, CellOut> {
  const { kpi } = p;
  const target = kpi.currentTarget ?? kpi.target;
  const milestone = kpi.currentMilestone ?? (kpi.currentTarget ? "" : kpi.target ? "Final target" : "");
  return {
    ref: text(kpi.ref),
    measure: text(kpi.measure),
    group: text(p.group === NO_GROUP ? "" : clip(p.group, GROUP_CHARS)),
    frequency: text(kpi.frequency),
    baseline: figureCell(kpi.baseline, kpi.unit),
    milestone: text(milestone),
    milestoneTarget: figureCell(target, kpi.unit),
    latest: figureCell(kpi.latest, kpi.unit),
    latestPeriod: text(kpi.latest?.period),
    previous: figureCell(kpi.previous, kpi.unit),
    previousPeriod: text(kpi.previous?.period),
    dot: text(dotText(kpi.dot)),
    rag: { value: RAG_WORDS[p.rag], format: GENERAL },
    findings: text(findingsText(kpi)),
    commentary: text(commentary),
    source: text(sourceLabel(p.sheet, p.sourceCell)),
    key: text(p.key),
    sourceSheet: text(p.sheet),
  };
}
