// Issue 16, old figures: the sample workbook at 29 Feb 2024. Every KPI whose latest figure is from 2020 is out of
// date — whether or not a Frequency cell says how often it is reported — and is rated against the milestone in
// force at its own period, not one due after it. The scorecard shows it on page 1 and in the register.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { buildScorecardSpec } from "../../src/core/scorecard";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { Kpi, ScanResult } from "../../src/core/types";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");

async function scanSample(asOf: string): Promise<ScanResult> {
  const wb = await openWorkbook(await readFile(SAMPLE));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "send-board-kpis.xlsx", overrides: { asOf }, today: asOf }));
  return result;
}

const kpis = (r: ScanResult) => r.tables.flatMap((t) => t.kpis);
const from2020 = (k: Kpi) => (k.latest?.periodEnd ?? "").startsWith("2020");
const byRef = (r: ScanResult, ref: string) => kpis(r).find((k) => k.ref === ref)!;

describe("the sample at 29 Feb 2024: figures from 2020", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanSample("2024-02-29");
  });

  test("every one is out of date, with or without a Frequency cell, and has a stale-data finding", () => {
    const old = kpis(r).filter(from2020);
    expect(old.length).toBe(24);
    expect(old.filter((k) => !k.frequency).length).toBeGreaterThanOrEqual(10); // no frequency cell: read from the period
    for (const k of old) {
      expect({ ref: k.ref, stale: k.stale }).toEqual({ ref: k.ref, stale: true });
      expect(k.findings.some((f) => f.code === "stale-data")).toBe(true);
    }
    // Figures of 2023 and 2024 reported as often as they say are not.
    expect(kpis(r).filter((k) => (k.latest?.periodEnd ?? "") >= "2023-12").every((k) => !k.stale)).toBe(true);
  });

  test("each is rated against the milestone in force at its own period, never one due after it", () => {
    for (const k of kpis(r).filter(from2020)) {
      const m = k.milestones.find((x) => x.label === k.currentMilestone);
      if (m?.due) expect(m.due <= k.latest!.periodEnd!).toBe(true);
    }
    // KPI 2/1 met its October 2020 milestone of 7 exactly: Green then, not Red against June 2021's 11.
    const dco = byRef(r, "KPI 2/1");
    expect(dco).toMatchObject({ rag: "green", stale: true, currentMilestone: "Target for 18 months October 2020" });
    expect(dco.currentTarget?.value).toBe(7);
    expect(dco.ragExplanation).toMatch(/^Out of date, so rated at its own period \(October 2020\).*milestone in force, "Target for 18 months October 2020" \(7\)/);
  });

  test("the same KPIs read at 8 Dec 2020, when the figures were new, are current and rated at the reporting date", async () => {
    const then = await scanSample("2020-12-08");
    expect(kpis(then).filter(from2020).filter((k) => k.stale)).toEqual([]);
  });

  test("the scorecard counts them apart on page 1 and marks each in the register and among the exceptions", () => {
    const spec = buildScorecardSpec(r, { sheetName: "Scorecard", generatedAt: "2024-03-01T09:00:00Z", commentary: [], settings: { ...DEFAULT_SETTINGS } });
    const staleKeys = new Set(kpis(r).filter(from2020).map((k) => k.key));
    // The 24 from 2020 (the sample is one board's report as at 08.12.20: every dated figure is from 2020).
    expect(spec.tiles.find((t) => t.id === "stale")?.count).toBe(24);
    const staleRows = spec.rows.filter((x) => x.stale);
    expect(staleRows.filter((x) => staleKeys.has(x.key))).toHaveLength(24);
    const ragCol = spec.table.ragCol;
    for (const row of staleRows) {
      const v = spec.register.blocks.find((b) => b.id === "register")!;
      const text = String(v.values[row.row - v.row][ragCol - v.col]);
      expect(text).toMatch(/^(Red|Amber|Green|Grey)\nout of date$/);
    }
    const dco = spec.rows.find((x) => x.ref === "KPI 2/1")!;
    expect(dco.ragWord).toBe("Green");
    // Each out-of-date exception says its period: "50% against 95% (October 2020)" where the milestone is due in the
    // figure's own month, else both ("50% (October 2020) against 95% (by Dec 2020)").
    for (const e of spec.exceptions.filter((x) => staleKeys.has(x.key))) {
      expect(e.stale).toBe(true);
      expect(e.latestVsTarget).toMatch(/\((Oct|Nov|Dec)\w* 2020\) against .*2020|against .*\((Oct|Nov|Dec)\w* 2020\)$/);
    }
    // Every red is out of date: the sample is one board's report as at 08.12.20, so at 29 Feb 2024 none of its
    // figures is current. (Out-of-date exceptions following the current ones of the same RAG needs a workbook that
    // mixes both; the sample no longer does.)
    const reds = spec.exceptions.filter((e) => e.rag === "red");
    expect(reds.length).toBeGreaterThan(0);
    expect(reds.every((e) => e.stale)).toBe(true);
  });
});
