// One KPI kept in many shapes (issue 15 items 3–5), on real workbooks built by `npm run fixtures`
// (scripts/fixtures/build-history.ts): a history assembled across sheets, export rows and tables; a target and an
// actual paired by their period; one scale per KPI.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allKpis, codes, FIXTURES, kpi, scanFixture } from "../helpers/scan";
import { HISTORY_FILES } from "../../scripts/build-fixtures";
import { workbookBytes } from "../../scripts/fixtures/workbook";
import type { Kpi, ScanResult } from "../../src/core/types";

const months = (k: Kpi) => k.milestones.map((m) => (m.due ?? "").slice(0, 7));
const cells = (k: Kpi) => k.milestones.map((m) => [m.target ? `${m.target.sheet ?? k.sheet}!${m.target.cell}` : null, m.actual ? `${m.actual.sheet ?? k.sheet}!${m.actual.cell}` : null]);

it("the committed workbooks are built from their sheets (npm run fixtures)", async () => {
  for (const [file, build] of HISTORY_FILES) {
    const committed = readFileSync(join(FIXTURES, "..", "..", file));
    expect(Buffer.from(await workbookBytes(build())).equals(committed)).toBe(true);
  }
});

describe("the Devon plan as two period sheets (APP KPIs Nov 23 / Nov 24)", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("history-devon-app.xlsx", { asOf: "2024-11-30" });
  });

  it("scans to 9 KPIs, each once, kept with its newest sheet and assembled from both", () => {
    const ks = allKpis(r);
    expect(ks).toHaveLength(9);
    expect(ks.every((k) => k.sheet === "APP KPIs Nov 24")).toBe(true);
    expect(ks.map((k) => k.sources?.map((s) => `${s.sheet}!${s.cell}`))).toEqual(ks.map((k) => [`APP KPIs Nov 24!${k.sourceCell}`, `APP KPIs Nov 23!${k.sourceCell}`]));
    // The older sheet's table is still listed (its columns can be corrected), its rows now in the KPIs' history.
    const older = r.tables.find((t) => t.sheet === "APP KPIs Nov 23")!;
    expect(older.kpis).toEqual([]);
    expect(r.findings.filter((f) => f.code === "rows-assembled").map((f) => f.sheet)).toEqual(["APP KPIs Nov 23"]);
  });

  it("each with 5 milestones in date order, target and actual of each period paired, each figure in its own cell", () => {
    for (const k of allKpis(r)) expect(months(k)).toEqual(["2023-07", "2023-11", "2024-03", "2024-07", "2024-11"]);
    const attendance = kpi(r, "Percentage of children and young people absent from school with SEN support");
    expect(attendance.milestones.map((m) => m.label)).toEqual(["Milestone 1 – Jul 23", "Milestone 2 – Nov 23", "Milestone 3 – Mar 24", "Milestone 4 – Jul 24", "Milestone 5 – Nov 24"]);
    expect(cells(attendance)).toEqual([
      ["APP KPIs Nov 23!D5", "APP KPIs Nov 23!E5"],
      ["APP KPIs Nov 23!F5", "APP KPIs Nov 23!G5"],
      ["APP KPIs Nov 24!D5", "APP KPIs Nov 24!E5"],
      ["APP KPIs Nov 24!F5", "APP KPIs Nov 24!G5"],
      ["APP KPIs Nov 24!H5", "APP KPIs Nov 24!I5"],
    ]);
    expect(attendance.milestones.map((m) => [m.target?.value, m.actual?.value, m.rag])).toEqual([
      [0.109, 0.121, "red"],
      [0.105, 0.113, "amber"],
      [0.102, 0.127, "red"],
      [0.1, 0.122, "red"],
      [0.1, 0.103, "amber"],
    ]);
    // Latest and previous from the newest periods; the target in force is Milestone 5's.
    expect([attendance.latest?.value, attendance.previous?.value, attendance.currentTarget?.cell, attendance.currentMilestone]).toEqual([0.103, 0.122, "H5", "Milestone 5 – Nov 24"]);
    // Every KPI with figures has both halves of every milestone; the parent carer KPI has its baseline and target only.
    for (const k of allKpis(r).slice(0, 8)) expect(k.milestones.every((m) => m.target && m.actual)).toBe(true);
    const carers = kpi(r, "Parent carers rate");
    expect([carers.baseline?.text, carers.target?.value, carers.milestones.length]).toEqual(["8% (May 23)", 0.9, 5]);
  });

  it("every KPI on one scale: rates stay rates, a cell written with a stray % is read on the rate's scale and named", () => {
    const units = allKpis(r).map((k) => k.unit);
    expect(units).toEqual(["percent", "percent", "rate", "rate", "rate", "rate", "percent", "percent", "percent"]);
    // Suspension and exclusion rates are per 100 pupils (as England's school statistics give them).
    expect(allKpis(r).filter((k) => k.unit === "rate").map((k) => k.ratePer)).toEqual([100, 100, 100, 100]);
    const suspensions = kpi(r, "Suspension rate of children and young people with an EHC plan");
    const nov23 = suspensions.milestones[1].actual!;
    expect([nov23.text, nov23.value, nov23.sheet, nov23.cell]).toEqual(["13.02%", 13.02, "APP KPIs Nov 23", "G8"]);
    const exclusions = kpi(r, "Permanent exclusion rate of children and young people with SEN support");
    expect(exclusions.milestones.map((m) => [m.target?.value, m.actual?.value])).toEqual([
      [0.45, 0.66],
      [0.45, 0.16],
      [0.45, 0.36],
      [0.45, 0.56],
      [0.4, 0.14],
    ]);
    const named = exclusions.findings.filter((f) => f.code === "scale-mismatch");
    expect(named.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["APP KPIs Nov 23!D9", "APP KPIs Nov 23!G9"]);
    expect(named[0].message).toMatch(/"0\.45%" where the other figures are rates per 100; it was read as 0\.45/);
    // No staged target "goes the wrong way" for a scale mix (0.45% then 0.45 is the same target).
    expect(codes(exclusions.findings)).not.toContain("staged-targets-wrong-way");
  });

  it("a '(Demand)' measure, which has no better direction, gets no judgement that assumes one: its staged targets are not 'easier'", () => {
    const demand = allKpis(r).filter((k) => k.noBetterDirection);
    expect(demand.map((k) => k.measure)).toEqual(["EHC assessment requests as a % of population (Demand)", "Total number of EHC plans as % of 0-24 population (Demand)"]);
    for (const k of demand) {
      // Its staged targets fall then rise (1.05% to 1.07%; 4.5% to 4.1%): no way round is "easier" for it.
      expect([k.measure, k.polarity, k.dot.judgement, codes(k.findings)]).toEqual([k.measure, null, null, expect.not.arrayContaining(["staged-targets-wrong-way"])]);
      // No finding and no explanation speaks of improving, worsening, easier or harder, or of which way is better:
      // they name the side of its target that meets it ("met at or below its target").
      const words = [...k.findings.map((f) => f.message), k.ragExplanation ?? ""];
      expect(words.filter((m) => /improv(?!ing" or)|worsen(?!ing";)|easier|harder|(higher|lower) is better/i.test(m))).toEqual([]);
      expect(k.ragExplanation).toMatch(/met at or (above|below) its target/);
    }
    // Nor does the finding that the two are rated on opposite sides of their targets.
    const family = r.findings.filter((f) => f.code === "polarity-inconsistent").map((f) => f.message);
    expect(family).toEqual([expect.stringMatching(/\("Demand"\) are rated on opposite sides of their targets/)]);
    expect(family.filter((m) => /(higher|lower) is better/.test(m))).toEqual([]);
    // The check still holds for the plan's KPIs that have a better direction: suspension targets 25 then 30.
    const suspensions = kpi(r, "Suspension rate of children and young people with an EHC plan");
    expect(suspensions.findings.filter((f) => f.code === "staged-targets-wrong-way").map((f) => f.message)).toEqual([expect.stringMatching(/\(30\) is easier than the one before it \(25\) for a KPI where lower is better/)]);
  });
});

describe("the same figures in the layouts trackers are kept in", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("history-layouts.xlsx", { asOf: "2020-12-31" });
  });
  const on = (sheet: string) => allKpis(r, sheet);

  it("'Oct 2019 Target | Oct 2019 Actual': one milestone per period", () => {
    const [diet] = on("Paired columns");
    expect(months(diet)).toEqual(["2019-10", "2019-12", "2020-06", "2020-11"]);
    expect(diet.milestones.map((m) => [m.target?.value, m.actual?.value])).toEqual([[8, 6.2], [8, 7.4], [8, 3.4], [8, 4.7]]);
    expect([diet.unit, diet.latest?.value, diet.previous?.value, diet.rag]).toEqual(["weeks", 4.7, 3.4, "green"]);
  });

  it("a merged period over 'Plan | Actual'", () => {
    const [physio, salt] = on("Plan under period");
    expect(cells(physio)).toEqual([["Plan under period!C5", "Plan under period!D5"], ["Plan under period!E5", "Plan under period!F5"], ["Plan under period!G5", "Plan under period!H5"], ["Plan under period!I5", "Plan under period!J5"]]);
    expect(salt.milestones.map((m) => m.rag)).toEqual(["green", "red", "green", "green"]);
  });

  it("an actual before its target ('Outturn | Trajectory') meets it by its period, not by column order", () => {
    const [health, quality] = on("Actual first");
    expect(health.milestones.map((m) => [m.label, m.target?.cell, m.actual?.cell])).toEqual([
      ["Trajectory Q3 2019/20", "D2", "C2"],
      ["Trajectory Q4 2019/20", "F2", "E2"],
      ["Trajectory Q1 2020/21", "H2", "G2"],
    ]);
    expect(months(health)).toEqual(["2019-12", "2020-03", "2020-06"]);
    expect([quality.latest?.value, quality.currentTarget?.value, quality.rag]).toEqual([0.5, 0.95, "red"]);
  });

  it("'Outturn' rows under target rows", () => {
    const [started] = on("Outturn rows");
    expect(started.milestones.map((m) => [m.target?.cell, m.actual?.cell])).toEqual([["E4", "E5"], ["F4", "F5"], ["G4", "G5"], ["H4", "H5"], ["I4", "I5"]]);
    expect(started.milestones.map((m) => m.rag)).toEqual(["green", "amber", "amber", "green", "green"]);
  });

  it("months counted from a plan start stated above the table ('Plan start date: 1 July 2019')", () => {
    const [reports, survey] = on("From plan start");
    expect(months(reports)).toEqual(["2020-01", "2020-07", "2021-01", "2021-07"]);
    expect(codes(reports.findings)).not.toContain("plan-start-needed");
    expect(survey.milestones[2]).toMatchObject({ target: { value: 0.95 }, actual: { value: 0.9857 }, rag: "green" });
  });

  it("a long export: one KPI per measure, one milestone per row, each row a source", () => {
    const ks = on("Long export");
    expect(ks.map((k) => k.measure)).toEqual(["% of staff having completed training", "% of staff having completed refresher training"]);
    const refresher = ks[1];
    expect(refresher.sources?.map((s) => [s.cell, s.period])).toEqual([["A7", "Dec 2020"], ["A5", "Dec 2019"], ["A6", "Jun 2020"]]);
    expect(months(refresher)).toEqual(["2019-12", "2020-06", "2020-12"]);
    expect(refresher.milestones.map((m) => [m.target?.value, m.actual?.value, m.statedRag])).toEqual([[0, undefined, null], [0.5, 0.42, "amber"], [0.75, 0.61, "red"]]);
    expect([refresher.latest?.value, refresher.previous?.value, refresher.statedRag, refresher.rag]).toEqual([0.61, 0.42, "red", "red"]);
    expect(allKpis(r).flatMap((k) => codes(k.findings))).not.toContain("duplicate-reference");
  });

  it("a long export kept as an Excel table, periods written as quarters", () => {
    const t = r.tables.find((x) => x.sheet === "Export table")!;
    expect(t.excelTable).toBe("KpiExport");
    expect(t.kpis.map((k) => [k.measure, k.unit, months(k).join(" ")])).toEqual([
      ["Number of EHC needs assessment requests received", "count", "2020-06 2020-09 2020-12"],
      ["Number of EHC plans issued", "count", "2020-06 2020-09 2020-12"],
    ]);
  });

  it("one sheet per period, the period from the sheet's name or its title ('Performance report – April 2020' on 'Latest')", () => {
    const k = kpi(r, "KPI 1/2");
    expect(k.sheet).toBe("Latest");
    expect(k.sources?.map((s) => [s.sheet, s.period])).toEqual([["Latest", "April 2020"], ["Oct 2019", "October 2019"], ["Jan 2020", "January 2020"]]);
    expect(k.milestones.map((m) => [m.due, m.target?.value, m.actual?.value])).toEqual([["2019-10-31", 0.1, 0.17], ["2020-01-31", 0.1, 0.4], ["2020-04-30", 0.15, 0.53]]);
    expect([k.latest?.value, k.previous?.value, k.previous?.sheet, k.dot.direction]).toEqual([0.53, 0.4, "Jan 2020", "up"]);
  });

  it("periods down the rows: KPIs named over 'Target (weeks) | Actual (weeks)' pairs, a baseline row among the periods", () => {
    const [nd, asd] = on("Down the rows");
    expect([nd.measure, nd.sourceCell, nd.unit, nd.baseline?.value]).toEqual(["Average waiting time for neurodevelopmental assessment", "B1", "weeks", 52]);
    expect(months(asd)).toEqual(["2019-10", "2019-12", "2020-06", "2020-11"]);
    expect(asd.milestones.map((m) => [m.target?.cell, m.actual?.cell])).toEqual([["D4", "E4"], ["D5", "E5"], ["D6", "E6"], ["D7", "E7"]]);
    const [monthly] = on("Month by month");
    expect([monthly.measure, monthly.sourceCell, monthly.latest?.value, monthly.currentTarget?.value]).toEqual(["Percentage of new EHC plans issued within 20 weeks", "A1", 0.7, 0.65]);
    expect(r.tables.find((t) => t.sheet === "Month by month")!.layout).toBe("period-rows");
  });

  it("a table split by year on one sheet is one history, the year from each table's title", () => {
    const [reviews] = on("By year");
    expect(months(reviews)).toEqual(["2019-06", "2019-09", "2019-12", "2020-03", "2020-06", "2020-09", "2020-12", "2021-03"]);
    expect([reviews.latest?.value, reviews.previous?.value, reviews.sourceCell]).toEqual([330, 301, "A7"]);
  });

  it("a rate per 10,000 with one cell written as a percentage: 3.05% is 305 per 10,000", () => {
    const [cin] = on("Rates");
    expect([cin.unit, cin.ratePer]).toEqual(["rate", 10000]);
    expect(cin.milestones.map((m) => m.actual?.value ?? m.target?.value)).toEqual([310.5, 298.2, 305, 290]);
    expect(codes(cin.findings)).toContain("scale-mismatch");
  });

  it("two sheets that disagree about one period: the newer figure stands, and a finding names both cells", () => {
    const k = kpi(r, "Percentage of annual reviews completed within timescale");
    expect(k.milestones.map((m) => [m.label, m.actual?.value])).toEqual([["Q1 2020/21", 0.58], ["Q2 2020/21", 0.63]]);
    const f = k.findings.find((x) => x.code === "sources-disagree")!;
    expect([f.sheet, f.cell]).toEqual(["Q2 2020-21", "B4"]);
    expect(f.message).toMatch(/Q2 2020-21!B4 gives 58% but Q1 2020-21!B4 gives 55%/);
  });
});
