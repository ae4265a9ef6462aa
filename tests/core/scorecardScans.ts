// Hand-built ScanResults for the scorecard tests (the engine is not needed to test the sheet).
import type { Figure, Kpi, Milestone, Rag, ScanResult, Unit } from "../../src/core/types";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";

export function fig(value: number | null, text: string, cell: string, unit: Unit | null = "percent", period: string | null = null): Figure {
  return { value, text, cell, unit, period, periodStart: null, periodEnd: null, missing: value === null ? "text" : null, relative: null };
}

export function kpi(over: Partial<Kpi> & { measure: string }): Kpi {
  return {
    ref: null,
    group: null,
    frequency: "Monthly",
    unit: "percent",
    polarity: "higher-is-better",
    polaritySource: "stated",
    baseline: null,
    target: null,
    currentTarget: null,
    previous: null,
    latest: null,
    milestones: [],
    dot: { direction: null, judgement: null },
    rag: null,
    statedRag: null,
    findings: [],
    ...over,
  };
}

export function milestone(label: string, target: number | null, actual: number | null, col: string): Milestone {
  return {
    label,
    due: null,
    target: target === null ? null : fig(target, `${target * 100}%`, `${col}5`),
    actual: actual === null ? null : fig(actual, `${actual * 100}%`, `${col}6`),
    rag: null,
    statedRag: null,
  };
}

export function scan(tables: { sheet: string; kpis: Kpi[]; range?: string }[], workbook = "board.xlsx"): ScanResult {
  return {
    workbook,
    asOf: "2024-02-29",
    settings: {},
    findings: [],
    tables: tables.map((t) => ({ sheet: t.sheet, range: t.range ?? "A3:G20", layout: "previous-latest", headerRows: 1, confidence: 0.9, kpis: t.kpis })),
  };
}

const RAGS: Rag[] = ["green", "amber", "red", "grey"];

/** n KPIs spread over groups, with every RAG and direction, some with milestone series. */
export function syntheticScan(n: number, sheet = "KPIs"): ScanResult {
  const kpis: Kpi[] = [];
  for (let i = 0; i < n; i++) {
    const row = i + 4;
    kpis.push(
      kpi({
        ref: `K${i + 1}`,
        measure: `Measure number ${i + 1}: proportion of plans issued within 20 weeks in area ${i % 7}`,
        group: `Priority ${(i % 5) + 1}`,
        sheet,
        sourceCell: `B${row}`,
        baseline: fig(0.4, "40%", `C${row}`),
        currentTarget: fig(0.6, "60%", `D${row}`),
        currentMilestone: "By 6 months",
        previous: fig(0.5, "50%", `E${row}`, "percent", "Dec 23"),
        latest: fig(0.55 + (i % 3) * 0.01, "55%", `F${row}`, "percent", "Jan 24"),
        dot: { direction: (["up", "down", "flat"] as const)[i % 3], judgement: (["improving", "worsening", "no-change"] as const)[i % 3] },
        rag: RAGS[i % 4],
        milestones: i % 10 === 0 ? [milestone("3 months", 0.5, 0.45, "D"), milestone("6 months", 0.6, 0.55, "E"), milestone("12 months", 0.7, null, "F")] : [],
        findings: i % 4 === 0 ? [{ code: "target-missing", severity: "warning", message: "The final target is missing.", sheet, cell: `G${row}` }] : [],
      }),
    );
  }
  return scan([{ sheet, kpis, range: `A3:H${n + 3}` }]);
}

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, polarityOverrides: {}, excludedTables: [], ...over };
}
