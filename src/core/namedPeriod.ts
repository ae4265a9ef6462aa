// The period a table's figures are of, when the figures themselves carry no year but the sheet's name
// or the title lines above the table name it ("Q3 2021-22", "Year end 2023-24", "Aug 2020"): what a
// reader takes as the reporting period of a pack whose columns say only "Q3 Performance" or "Result".
import type { IsoDate, Kpi, Period, ScanResult } from "./types";
import type { WorkbookSnapshot, SheetSnapshot } from "./snapshot";
import { findPeriods, type PeriodContext } from "./periods";
import { parseRangeAddress } from "./address";
import { compareIso } from "./dates";

/**
 * Lines that name a date which is not the period of the figures: when the report was published or
 * updated, when a plan or strategy starts or runs to, a baseline, a deadline, a forecast, a target.
 */
const NOT_THE_FIGURES_PERIOD =
  /\b(?:publish\w*|updated?|printed|produced|issued|created|next|start\w*|from|since|until|changed?|baseline|due|deadline|forecast\w*|budget\w*|projection|target\w*|plan|strategy|aim\w*)\b/i;

/** Words of schooling: year pairs there are academic years; elsewhere (housing, councils, NHS) financial years. */
const SCHOOLING = /\b(?:school\w*|pupils?|academic|key stage|KS[1-5]|GCSE\w*|A[- ]levels?|term|SEND|EHC\w*)\b/i;

/** Whether a KPI has a figure of its own (latest or a milestone's actual). */
function hasFigures(k: Kpi): boolean {
  return (k.latest !== null && k.latest.value !== null) || k.milestones.some((m) => m.actual !== null && m.actual.value !== null);
}

/** "2024 to 2025" as a year pair, "2024/2025": the way a year's name is spelled out in prose ("quarter 3, 2024 to 2025"). */
function yearPairsSpelled(text: string): string {
  return text.replace(/\b(\d{4})\s+to\s+(\d{4})\b/g, (all, a: string, b: string) => (Number(b) === Number(a) + 1 ? `${a}/${b}` : all));
}

/** The text cells of a sheet's rows from `fromRow` up to (not including) `toRow`, in reading order. */
function textsOfRows(sheet: SheetSnapshot, fromRow: number, toRow: number): string[] {
  const out: string[] = [];
  for (const b of sheet.blocks) {
    for (let r = Math.max(fromRow, b.row); r < Math.min(toRow, b.row + b.rowCount); r++) {
      for (let c = 0; c < b.colCount; c++) {
        if (b.valueTypes[r - b.row][c] !== "String") continue;
        const t = b.text[r - b.row][c].trim();
        if (t) out.push(t);
      }
    }
  }
  return out;
}

/** A period found contains another when it spans it and more ("2024/25" around "Q2 2024-25"): the narrower one is meant. */
function containsAnother(p: Period, all: Period[]): boolean {
  return all.some((o) => o !== p && o.start !== null && o.end !== null && compareIso(p.start!, o.start) <= 0 && compareIso(o.end, p.end!) <= 0 && (p.start !== o.start || p.end !== o.end));
}

/**
 * The end of the latest period named by a sheet's name or the title lines above a table with figures (the rows
 * between the table and the one above it on its sheet); null when none (the caller keeps today when it is not past).
 * Lines about publication, plans, baselines or targets are not read; of periods one inside another, the inner.
 */
export function latestPeriodNamed(snapshot: WorkbookSnapshot, scan: Pick<ScanResult, "tables">, financialYearStartMonth = 4): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const table of scan.tables) {
    if (!(table.kpis as Kpi[]).some(hasFigures)) continue;
    const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
    const rect = parseRangeAddress(table.range);
    if (!sheet || !rect) continue;
    const above = scan.tables
      .filter((t) => t.sheet === table.sheet)
      .map((t) => parseRangeAddress(t.range))
      .filter((r): r is NonNullable<typeof r> => r !== null && r.row + r.rowCount <= rect.row)
      .reduce((top, r) => Math.max(top, r.row + r.rowCount), 0);
    const texts = [sheet.name, ...textsOfRows(sheet, above, rect.row)].filter((t) => !NOT_THE_FIGURES_PERIOD.test(t)).map(yearPairsSpelled);
    const ctx: PeriodContext = { financialYearStartMonth, yearPairKind: texts.some((t) => SCHOOLING.test(t)) ? "academic-year" : "financial-year" };
    const periods = texts
      .flatMap((t) => findPeriods(t, ctx, { years: true }).map((f) => f.period))
      .filter((p) => p.start !== null && p.end !== null);
    for (const p of periods) {
      if (containsAnother(p, periods)) continue;
      if (latest === null || compareIso(p.end!, latest) > 0) latest = p.end;
    }
  }
  return latest;
}
