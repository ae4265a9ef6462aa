// Seed 002 (Sefton SEND Improvement Board, as at 08.12.20): staged milestone columns with ACTUAL(S)
// rows, the therapy waiting-time table, CAMHS/ASD/ADHD target-then-ACTUAL tables, months as columns,
// and a two-level survey table — as published (text) and typed (numbers, formats, dates, merges).
import { allKpis, codes, kpi, scanFixture } from "../helpers/scan";
import type { ScanResult } from "../../src/core/types";

const AS_OF = { asOf: "2020-12-08" };

describe.each([
  ["seed002-sefton.xlsx", "A", "text"],
  ["seed002-sefton-typed.xlsx", "C", "typed"],
])("%s", (file, action5Col, variant) => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture(file, AS_OF);
  });

  it("recognises all eleven tables with their layouts and references", () => {
    const shape = r.tables.map((t) => [t.sheet, t.layout, t.kpis.map((k) => k.ref)]);
    expect(shape).toEqual([
      ["Action 1", "milestone-columns", ["KPI 1/1", "KPI 1/1"]], // one actual, then "National average" targets
      ["Action 1", "target-actual-rows", ["KPI 1/2", "KPI 1/2a", "KPI 1/3", "KPI 1/3a", "KPI 1/4", "KPI 1/5", "KPI 1/6"]],
      ["Action 2", "target-actual-rows", ["KPI 2/1", "KPI 2/2", "KPI 2/3"]],
      ["Action 3", "target-actual-rows", ["KPI 3/1", "KPI 3/2", "KPI 3/3", "KPI 3/4", "KPI 3/5"]],
      ["Action 4", "milestone-columns", ["KPI 4/1", "KPI 4/2", "KPI 4/3", "KPI 4/4", "KPI 4/5", "KPI 4/6"]],
      // The survey's rows are the same KPIs as the targets above (same references): each is one KPI, kept with its
      // newest period (the targets' June 2021), the survey's results in its history. The breakdown row stays.
      ["Action 4", "survey", ["KPI 4/2"]],
      ["Action 5", "target-actual-rows", ["KPI 5/1", "KPI 5/17 & 5/21", "KPI 5/2", "KPI 5/18 & 5/22", "KPI 5/3", "KPI 5/19 & 5/23", "KPI 5/4", "KPI 5/20 & 5/21"]],
      ["Action 5", "target-actual-rows", ["5/5", "5/6"]],
      ["Action 5", "target-actual-rows", ["5/9", "5/10", "5/11"]],
      ["Action 5", "target-actual-rows", ["5/12", "5/13", "5/14"]],
      ["Action 5", "period-columns", ["5/15", "5/16"]],
    ]);
    expect(r.tables.map((t) => t.range).slice(0, 6)).toEqual(["A4:H6", "A22:J35", "A4:H10", "A4:H10", "A4:G10", "A12:J20"]);
    expect(r.tables[6].range.startsWith(action5Col)).toBe(true);
    expect(r.tables[5].headerRows).toBe(2);
  });

  it("KS2 progress: Writing and Maths under one reference, baseline and the October 2019 actual, targets that need the national average", () => {
    const [writing, maths] = allKpis(r, "Action 1").slice(0, 2);
    expect(writing.group).toBe("Writing");
    expect(maths.group).toBe("Maths");
    expect(writing.baseline?.value).toBeCloseTo(-6.7);
    expect(writing.latest?.value).toBeCloseTo(-4.1);
    expect(maths.latest?.value).toBeCloseTo(-3.8);
    expect(writing.dot).toMatchObject({ direction: "up", judgement: "improving" });
    expect(writing.rag).toBe("grey");
    expect(codes(writing.findings)).toContain("target-needs-comparator");
  });

  it("KPI 1/2: actuals from the 'KPI 1/2 ACTUAL' row (which follows 1/2a); the later 'NA new statutory reporting period' milestone is in force, so the superseded 10% is not rated", () => {
    const k = kpi(r, "KPI 1/2");
    expect(k.latest?.value).toBeCloseTo(0.667);
    expect(k.previous?.value).toBeCloseTo(0.6);
    expect(k.dot).toMatchObject({ direction: "up", judgement: "improving" });
    expect(k.milestones.map((m) => m.due)).toEqual(["2019-10-31", "2020-01-31", "2020-04-30", "2020-07-31", "2020-10-31", "2021-06-30"]);
    expect(k.currentMilestone).toBe("Performance at October 2020 18 Months");
    expect(k.currentTarget?.text).toBe("NA new statutory reporting period");
    expect(k.rag).toBe("grey");
    expect(k.ragExplanation).toMatch(/says no target applies \(NA new statutory reporting period\)/);
    expect(kpi(r, "KPI 1/2a").latest).toBeNull();
  });

  it("KPI 1/3: several values in one cell are findings, not guesses", () => {
    const k = kpi(r, "KPI 1/3");
    const several = k.findings.filter((f) => f.code === "several-values");
    expect(several.map((f) => f.cell)).toEqual(["F27", "G27", "H27"]);
    expect(several[1].message).toMatch(/YR 6 93%.*YR11 71%/);
    expect(k.latest).toBeNull();
    expect(k.rag).toBe("grey");
  });

  it("KPI 1/4: 'Baseline plus 20%' resolved against the stated 'Baseline 50%' — 50% against 70% is red", () => {
    const k = kpi(r, "KPI 1/4");
    expect(k.currentTarget?.text).toBe("Baseline plus 20%");
    expect(k.currentTarget?.relative).toMatchObject({ kind: "baseline-plus", amount: 0.2 });
    expect(k.currentTarget?.relative?.resolved).toBeCloseTo(0.7);
    expect(k.latest?.value).toBeCloseTo(0.5);
    expect(k.rag).toBe("red");
    expect(k.ragExplanation).toMatch(/Red/);
    expect(k.dot.direction).toBe("flat");
  });

  it("Actions 1-3: the staged target in force at 8 Dec 2020 and the latest actual", () => {
    expect(kpi(r, "KPI 1/5")).toMatchObject({ rag: "green" });
    expect(kpi(r, "KPI 1/6")).toMatchObject({ rag: "red" });
    const dco = kpi(r, "KPI 2/1");
    expect(dco.latest?.value).toBe(7);
    expect(dco.currentTarget?.value).toBe(7);
    expect(dco.rag).toBe("green");
    expect(kpi(r, "KPI 2/3").latest?.value).toBeCloseTo(0.9857);
    const training = kpi(r, "KPI 3/3");
    expect(training.currentMilestone).toBe("Target for 12 months June 2020");
    expect(training.rag).toBe("green");
    expect(codes(kpi(r, "KPI 3/1").findings)).toEqual(expect.arrayContaining(["baseline-to-be-confirmed", "target-not-numeric"]));
    expect(codes(kpi(r, "KPI 2/2").findings)).toContain("actual-not-numeric");
  });

  it("Action 4: the survey's results join the targets of the same KPIs, and 'Baseline plus 15%' resolves against the survey's baseline", () => {
    const [trust] = allKpis(r, "Action 4");
    expect(trust.ref).toBe("KPI 4/1");
    expect(trust.sources?.map((s) => s.cell)).toEqual(["B5", "B14"]);
    expect(trust.baseline).toMatchObject({ cell: "E14", value: 0.39 });
    expect(trust.milestones.map((m) => [m.label, m.target?.cell ?? null, m.actual?.cell ?? null])).toEqual([
      ["Baseline 6 months December 2019", "E5", null],
      ["Short Survey Results October 2020 / Positive", null, "G14"],
      ["Feedback at 18 months December 2020", "F5", null],
      ["Target for 24 months June 2021", "G5", null],
    ]);
    // In force at 8 December 2020: the survey establishing the baseline; the final target is 39% plus 15 points.
    expect(trust.currentMilestone).toBe("Baseline 6 months December 2019");
    expect(trust.target?.relative?.resolved).toBeCloseTo(0.54);
    expect([trust.latest?.value, trust.previous?.value]).toEqual([0.45, 0.39]);
    expect(codes(trust.findings)).not.toContain("target-needs-baseline");
    expect(codes(allKpis(r, "Action 4")[5].findings)).not.toContain("baseline-not-numeric");
  });

  it("the survey's results: Positive shares, baseline December 2019 against October 2020, the stated comparison kept", () => {
    const survey = allKpis(r, "Action 4");
    expect(survey[0].baseline?.value).toBeCloseTo(0.39);
    expect(survey[0].latest?.value).toBeCloseTo(0.45);
    expect(survey[0].dot).toMatchObject({ direction: "up", stated: "up" });
    expect(survey[1].dot).toMatchObject({ direction: "down", stated: "down", judgement: "worsening" });
    const monitoring = r.tables[5].kpis[0];
    expect(monitoring.measure).toMatch(/Monitoring and assessment$/);
    expect(monitoring.baseline?.value).toBeCloseTo(0.63);
    expect(monitoring.latest).toBeNull(); // not surveyed in 2020
    expect(monitoring.rag).toBe("grey");
    expect(survey[2].dot.stated).toBe("flat"); // "Change is negligible": 55% to 54%
    expect(survey.flatMap((k) => k.findings).filter((f) => f.code === "stated-dot-contradicts-data")).toHaveLength(0);
    expect(survey.flatMap((k) => k.findings).filter((f) => f.code === "missing-target")).toHaveLength(0);
  });

  it("therapy waiting times: weeks, lower is better, the November 2020 milestone, the Frequency cell holding a target", () => {
    const diet = kpi(r, "KPI 5/1");
    expect(diet.unit).toBe("weeks");
    expect(diet.polarity).toBe("lower-is-better");
    expect(diet.latest?.value).toBeCloseTo(4.7);
    expect(diet.previous?.value).toBeCloseTo(3.4);
    expect(diet.dot).toMatchObject({ direction: "up", judgement: "worsening" });
    expect(diet.currentTarget?.value).toBe(8);
    expect(diet.rag).toBe("green");
    const salt = kpi(r, "KPI 5/4");
    expect(salt.latest?.value).toBeCloseTo(12.6);
    expect(salt.baseline?.value).toBe(30);
    expect(codes(salt.findings)).not.toContain("scale-mismatch");
    const ot = kpi(r, "KPI 5/18 & 5/22");
    const freq = ot.findings.find((f) => f.code === "frequency-not-recognised");
    expect(freq?.message).toMatch(/18(\.0)? weeks/);
    const dup = kpi(r, "KPI 5/20 & 5/21").findings.find((f) => f.code === "duplicate-reference");
    expect(dup?.message).toMatch(/5\/21/);
  });

  it("CAMHS: 87.3% against 92% is amber, 51.9% red, both worsening", () => {
    expect(kpi(r, "5/5")).toMatchObject({ rag: "amber", dot: { direction: "down", judgement: "worsening" } });
    expect(kpi(r, "5/6").rag).toBe("red");
    expect(kpi(r, "5/5").currentMilestone).toMatch(/Nov 2020/);
  });

  it("ASD and ADHD: '97.5' read as 97.5% with a finding, quarterly backlog targets between N/A months", () => {
    const started = kpi(r, "5/9");
    const scale = started.findings.find((f) => f.code === "scale-mismatch");
    expect(scale).toBeDefined();
    expect(started.milestones[0].actual?.value).toBeCloseTo(0.975);
    const backlog = kpi(r, "5/11");
    expect(backlog).toMatchObject({ polarity: "lower-is-better", frequency: "quarterly", rag: "green" });
    expect(backlog.latest?.value).toBe(558);
    expect(backlog.currentTarget?.value).toBe(579);
    expect(kpi(r, "5/14").latest?.value).toBe(258);
  });

  it("16-25 waits: months as columns, no targets yet", () => {
    const asd = kpi(r, "5/15");
    expect(asd.latest?.value).toBeCloseTo(66.2);
    expect(asd.previous?.value).toBeCloseTo(89.2);
    expect(asd.unit).toBe("weeks");
    expect(asd.dot).toMatchObject({ direction: "down", judgement: "improving" });
    expect(asd.rag).toBe("grey");
    expect(codes(asd.findings)).toContain("target-to-be-confirmed");
  });

  it(`gives the same RAG and DoT for every KPI (${variant})`, async () => {
    const other = await scanFixture(variant === "text" ? "seed002-sefton-typed.xlsx" : "seed002-sefton.xlsx", AS_OF);
    const summary = (x: ScanResult) => allKpis(x).map((k) => `${k.ref} ${k.rag} ${k.dot.direction} ${k.latest?.value ?? "-"}`);
    expect(summary(other)).toEqual(summary(r));
  });
});
