// Layouts officers keep (tests/fixtures/history-layouts-more.xlsx, built by `npm run fixtures` from
// scripts/fixtures/build-layouts-more.ts): quarters written as months with no year ("April to June"), the year only in
// a title above, in a case-management export keyed by service and measure and in quarter tables stacked on one sheet;
// comparison tables under a two-row heading with signed changes.
import { allKpis, scanFixture } from "../helpers/scan";
import type { Kpi, ScanResult } from "../../src/core/types";

const due = (k: Kpi) => k.milestones.map((m) => (m.due ?? "").slice(0, 7));
const actuals = (k: Kpi) => k.milestones.map((m) => m.actual?.value ?? null);
const summary = (k: Kpi) => [k.group, k.measure, k.latest?.value, k.previous?.value, k.dot.direction];

describe("quarters as months with no year", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("history-layouts-more.xlsx", { asOf: "2021-03-31" });
  });

  it("a long export keyed by service and measure: one KPI per service and measure, its quarters one history", () => {
    const ks = allKpis(r, "Quarterly export");
    expect(ks.map(summary)).toEqual([
      ["EHC needs assessments", "Requests received", 140, 117, "up"],
      ["EHC needs assessments", "Completed in time", 66, 58, "up"],
      ["Annual reviews", "Requests received", 342, 295, "up"],
      ["Annual reviews", "Completed in time", 0.63, 0.58, "up"],
    ]);
    for (const k of ks) expect(due(k)).toEqual(["2020-06", "2020-09", "2020-12"]);
    expect(actuals(ks[0])).toEqual([131, 117, 140]);
    // Kept with its newest row, assembled from the three.
    expect(ks[0].sources?.map((s) => s.cell)).toEqual(["B12", "B4", "B8"]);
  });

  it("quarter tables stacked under one heading row: each found, dated from the year above it, filed under the line that tells it apart", () => {
    const ks = allKpis(r, "Stacked quarters");
    expect(ks.map(summary)).toEqual([
      ["EHC needs assessments, financial year 2020/21", "Requests", 122, 140, "down"],
      ["EHC needs assessments, financial year 2020/21", "Completed", 61, 66, "down"],
      ["EHC needs assessments, financial year 2020/21", "Completed on time", 43, 42, "up"],
      ["Annual reviews of EHC plans, financial year 2020/21", "Requests", 340, 365, "down"],
      ["Annual reviews of EHC plans, financial year 2020/21", "Completed", 288, 342, "down"],
      ["Annual reviews of EHC plans, financial year 2020/21", "Completed on time", 164, 215, "down"],
    ]);
    for (const k of ks) expect(due(k)).toEqual(["2020-06", "2020-09", "2020-12", "2021-03"]);
    // The same words under two subjects stay two KPIs; things done "on time" are counted, not timed.
    expect(ks.map((k) => k.unit)).toEqual(Array(6).fill("count"));
  });

  it("a heading that only shares a word with 'Plan' ('Plans issued') holds figures, not targets", () => {
    const ks = allKpis(r, "Plans by quarter");
    expect(ks.map((k) => [k.measure, k.latest?.value])).toEqual([
      ["Assessments agreed", 102],
      ["Plans issued", 66],
      ["Plans issued within 20 weeks", 0.64],
    ]);
    expect(ks.every((k) => k.milestones.length === 3 && k.milestones.every((m) => m.target === null))).toBe(true);
  });

  it("a two-row heading over area rows: names headed in the top row, periods and 'Numeric | Percentage' under it", () => {
    const r2020 = allKpis(r, "Two-row heading");
    expect(r2020.map((k) => [k.group, k.measure, k.latest?.value, k.previous?.value, k.unit])).toEqual([
      ["Anti-social behaviour", "England", 1350000, 1380000, "count"],
      ["Anti-social behaviour", "Region", 171400, 160200, "count"],
      ["Anti-social behaviour", "Force area", 30100, 30100, "count"],
      ["Burglary", "England", 356000, 402000, "count"],
      ["Burglary", "Region", 44100, 48900, "count"],
      ["Burglary", "Force area", 6350, 6200, "count"],
    ]);
    // The later period's span ends in March 2020; the changes written with their sign ("- 30,000", "+ 0") state the trend.
    expect(r2020.map((k) => k.milestones.map((m) => m.due))).toEqual(Array(6).fill(["2019-03-31", "2020-03-31"]));
    expect(r2020.map((k) => k.dot.stated)).toEqual(["down", "up", "flat", "down", "down", "up"]);
    const table = r.tables.find((t) => t.sheet === "Two-row heading")!;
    expect(table.headerRows).toBe(2);
    expect(table.columns?.map((c) => c.role)).toEqual(["measure", "latest", "latest", "trend", "trend"]);
  });

  it("a text month column between the target and the figure: rows are KPIs, each figure dated by its row's month", () => {
    const ks = allKpis(r, "Diagnostic waits");
    expect(ks.map((k) => [k.measure, k.target?.value, k.latest?.value, k.latest?.period, k.group])).toEqual([
      ["Patients waiting under six weeks for a diagnostic test", 0.99, 0.962, "March 2020", null],
      ["Endoscopy: patients waiting under six weeks", 0.99, 0.981, "February 2020", null],
      ["Imaging: patients waiting under six weeks", 0.99, 0.994, "March 2020", null],
    ]);
    // The sheet's first line only repeats its name: the page's title, not a section (group null above).
    expect(r.tables.filter((t) => t.sheet === "Diagnostic waits")).toHaveLength(1);
  });

  it("a report card: the theme in the names column's heading is the section; the nation's latest average is a comparator", async () => {
    const card = await scanFixture("history-layouts-more.xlsx", { asOf: "2023-03-31" });
    const ks = allKpis(card, "Report card");
    expect(ks.map((k) => [k.group, k.latest?.value, k.previous?.value, k.unit, k.dot.statedJudgement])).toEqual([
      ["Tenancy Sustainment & Lettings", 0.934, 0.897, "percent", "improving"],
      ["Tenancy Sustainment & Lettings", 52.1, 48.5, "days", "worsening"],
      ["Tenancy Sustainment & Lettings", 3.45, 3.9, "hours", "improving"],
    ]);
    expect(ks.map((k) => k.benchmarks?.map((b) => b.value.value))).toEqual([[0.905], [35.7], [4.1]]);
  });

  it("'Before | Now | Comment': a comment of trend words is the note and the stated trend; 'million' spelled out counts", async () => {
    const now = await scanFixture("history-layouts-more.xlsx", { asOf: "2023-12-31" });
    const ks = allKpis(now, "Before and now");
    expect(ks.map((k) => [k.latest?.value, k.previous?.value, k.notes, k.dot.stated ?? k.dot.statedJudgement])).toEqual([
      [0.834, 0.801, "Improvement", "improving"],
      [1250000, 1200000, "4 % rise in volume", "up"],
      [0.74, 0.775, "Decline", "worsening"],
    ]);
  });
});
