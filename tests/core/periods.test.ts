import { findPeriods, parseMilestoneHeading, parsePeriod, parsePeriodCell } from "../../src/core/periods";
import type { Period } from "../../src/core/types";

type Expect = [label: string, kind: Period["kind"], start: string | null, end: string | null];

function expectPeriod(label: string, kind: Period["kind"], start: string | null, end: string | null, p: Period | null) {
  expect(p).not.toBeNull();
  expect({ kind: p?.kind, start: p?.start, end: p?.end }).toEqual({ kind, start, end });
}

describe("parsePeriod: months", () => {
  it.each<Expect>([
    ["Jan 24", "month", "2024-01-01", "2024-01-31"],
    ["Jan 2024", "month", "2024-01-01", "2024-01-31"],
    ["Sept 23", "month", "2023-09-01", "2023-09-30"],
    ["Sep 2020", "month", "2020-09-01", "2020-09-30"],
    ["October 2020", "month", "2020-10-01", "2020-10-31"],
    ["Aug-20", "month", "2020-08-01", "2020-08-31"],
    ["December 2019", "month", "2019-12-01", "2019-12-31"],
    ["Feb 24", "month", "2024-02-01", "2024-02-29"],
    ["January '24", "month", "2024-01-01", "2024-01-31"],
    ["2019-06", "month", "2019-06-01", "2019-06-30"],
    ["06/2019", "month", "2019-06-01", "2019-06-30"],
  ])("%s", (label, kind, start, end) => expectPeriod(label, kind, start, end, parsePeriod(label)));

  it("keeps the label as written", () => {
    expect(parsePeriod("  Sept 23 ")?.label).toBe("Sept 23");
  });
});

describe("parsePeriod: quarters (financial year April-March unless a single calendar year is given)", () => {
  it.each<Expect>([
    ["Q1", "quarter", null, null],
    ["Q2 2023/24", "quarter", "2023-07-01", "2023-09-30"],
    ["Q3 23/24", "quarter", "2023-10-01", "2023-12-31"],
    ["2023/24 Q2", "quarter", "2023-07-01", "2023-09-30"],
    ["Q4 2023/24", "quarter", "2024-01-01", "2024-03-31"],
    ["Q1 2023-24", "quarter", "2023-04-01", "2023-06-30"],
    ["Quarter 2 2023/24", "quarter", "2023-07-01", "2023-09-30"],
    ["Q4 2020", "quarter", "2020-10-01", "2020-12-31"],
    ["2020 Q1", "quarter", "2020-01-01", "2020-03-31"],
  ])("%s", (label, kind, start, end) => expectPeriod(label, kind, start, end, parsePeriod(label)));

  it("follows the financial year start month from the context", () => {
    const p = parsePeriod("Q1 2023/24", { financialYearStartMonth: 7 });
    expect([p?.start, p?.end]).toEqual(["2023-07-01", "2023-09-30"]);
  });
});

describe("parsePeriod: academic and financial years", () => {
  it.each<Expect>([
    ["2022/23", "academic-year", "2022-09-01", "2023-08-31"],
    ["2022-23", "academic-year", "2022-09-01", "2023-08-31"],
    ["AY 2022/23", "academic-year", "2022-09-01", "2023-08-31"],
    ["22/23", "academic-year", "2022-09-01", "2023-08-31"],
    ["FY 2022/23", "financial-year", "2022-04-01", "2023-03-31"],
    ["2022/23 (financial)", "financial-year", "2022-04-01", "2023-03-31"],
    ["Financial year 2023-24", "financial-year", "2023-04-01", "2024-03-31"],
    ["FY24", "financial-year", "2023-04-01", "2024-03-31"],
  ])("%s", (label, kind, start, end) => expectPeriod(label, kind, start, end, parsePeriod(label)));

  it("reads a bare year pair as a financial year when the context says so", () => {
    expectPeriod("2022/23", "financial-year", "2022-04-01", "2023-03-31", parsePeriod("2022/23", { yearPairKind: "financial-year" }));
  });

  it("rejects year pairs that are not consecutive", () => {
    expect(parsePeriod("2019/21")).toBeNull();
    expect(parsePeriod("22/25")).toBeNull();
  });
});

describe("parsePeriod: terms and half terms", () => {
  it.each<Expect>([
    ["Autumn 2023", "term", "2023-09-01", "2023-12-31"],
    ["Spring '23", "term", "2023-01-01", "2023-04-30"],
    ["Spring \u201923", "term", "2023-01-01", "2023-04-30"],
    ["Summer '23", "term", "2023-05-01", "2023-08-31"],
    ["Spring 2024", "term", "2024-01-01", "2024-04-30"],
    ["Autumn term 2022", "term", "2022-09-01", "2022-12-31"],
    ["Summer term 2023/24", "term", "2024-05-01", "2024-08-31"],
    ["HT1-2 22/23", "half-term", "2022-09-01", "2022-12-31"],
    ["HT1-2 23/24", "half-term", "2023-09-01", "2023-12-31"],
    ["HT3 2023/24", "half-term", "2024-01-01", "2024-02-29"],
    ["HT5 2023/24", "half-term", "2024-05-01", "2024-05-31"],
    ["HT6 2023/24", "half-term", "2024-06-01", "2024-07-31"],
    ["HT1-6 2023/24", "half-term", "2023-09-01", "2024-07-31"],
    ["Autumn 1 2023/24", "half-term", "2023-09-01", "2023-10-31"],
    ["Spring 2 2023/24", "half-term", "2024-03-01", "2024-04-30"],
    ["HT1-2", "half-term", null, null],
  ])("%s", (label, kind, start, end) => expectPeriod(label, kind, start, end, parsePeriod(label)));
});

describe("parsePeriod: calendar years and dates (UK day-first)", () => {
  it.each<Expect>([
    ["2022", "year", "2022-01-01", "2022-12-31"],
    ["2023", "year", "2023-01-01", "2023-12-31"],
    ["01.06.19", "date", "2019-06-01", "2019-06-01"],
    ["31.10.19", "date", "2019-10-31", "2019-10-31"],
    ["31.12.19", "date", "2019-12-31", "2019-12-31"],
    ["17.11.19", "date", "2019-11-17", "2019-11-17"],
    ["01/06/2019", "date", "2019-06-01", "2019-06-01"],
    ["2019-06-01", "date", "2019-06-01", "2019-06-01"],
    ["1 st July 2019", "date", "2019-07-01", "2019-07-01"],
    ["16 January 2020", "date", "2020-01-16", "2020-01-16"],
    ["(Jan 23)", "month", "2023-01-01", "2023-01-31"],
  ])("%s", (label, kind, start, end) => expectPeriod(label, kind, start, end, parsePeriod(label)));

  it("rejects days that do not exist and numbers that are not years", () => {
    expect(parsePeriod("31.02.19")).toBeNull();
    expect(parsePeriod("2936")).toBeNull();
    expect(parsePeriod("116")).toBeNull();
  });
});

describe("parsePeriod: relative months and non-periods", () => {
  it("dates a relative milestone only when the plan start is known", () => {
    expect(parsePeriod("By 6 months")).toEqual({ label: "By 6 months", kind: "relative-months", start: null, end: null, relativeMonths: 6 });
    const p = parsePeriod("By 6 months", { planStart: "2019-07-01" });
    expect([p?.start, p?.end]).toEqual(["2020-01-01", "2020-01-01"]);
  });

  it.each(["", "Monthly", "Performance Measure", "Notes", "71.3%", "Q5 2023", "HT7 2023/24", "KPI 1/2"])("%j is not a period", (label) => {
    expect(parsePeriod(label)).toBeNull();
  });
});

describe("parsePeriodCell", () => {
  it("reads a date serial with a month-and-year format as the month", () => {
    expectPeriod("Dec-19", "month", "2019-12-01", "2019-12-31", parsePeriodCell({ text: "Dec-19", value: 43800, numberFormat: "mmm-yy" }));
    expectPeriod("", "month", "2020-10-01", "2020-10-31", parsePeriodCell({ text: "October 2020", value: 44105, numberFormat: "[$-809]mmmm yyyy" }));
  });

  it("reads a date serial with a day format as the day", () => {
    const p = parsePeriodCell({ text: "01/12/2019", value: 43800, numberFormat: "dd/mm/yyyy" });
    expectPeriod("", "date", "2019-12-01", "2019-12-01", p);
    expect(p?.label).toBe("01/12/2019");
  });

  it("reads text cells as parsePeriod does, and plain numbers as years only when they are years", () => {
    expectPeriod("", "quarter", "2023-07-01", "2023-09-30", parsePeriodCell({ text: "Q2 2023/24", value: "Q2 2023/24" }));
    expectPeriod("", "year", "2022-01-01", "2022-12-31", parsePeriodCell({ text: "2022", value: 2022, numberFormat: "General" }));
    expect(parsePeriodCell({ text: "43800", value: 43800, numberFormat: "General" })).toBeNull();
  });
});

describe("findPeriods", () => {
  it("finds every dated period in a heading, left to right", () => {
    const found = findPeriods("Target for 18 & 24 months (December 2020 & June 2021)");
    expect(found.map((f) => [f.period.label, f.period.start])).toEqual([
      ["December 2020", "2020-12-01"],
      ["June 2021", "2021-06-01"],
    ]);
  });
});

type HeadingExpect = [heading: string, role: string, start: string | null, end: string | null, relativeMonths: number | null];

describe("parseMilestoneHeading: seed 002 and 004 headings", () => {
  it.each<HeadingExpect>([
    ["Current Baseline January 2019 SEN (E)", "baseline", "2019-01-01", "2019-01-31", null],
    ["Pupil Performance at October 2019 SEN (E)", "actual", "2019-10-01", "2019-10-31", null],
    ["Pupil Performance at January 2020 SEN (E)", "actual", "2020-01-01", "2020-01-31", null],
    ["Pupil Performance June 2021", "actual", "2021-06-01", "2021-06-30", null],
    ["Baseline April 2019 - Note plan start date 1 st July 2019", "baseline", "2019-04-01", "2019-04-30", null],
    ["Performance at October 2019 3 Months", "actual", "2019-10-01", "2019-10-31", 3],
    ["Performance at January 2020 6 Months", "actual", "2020-01-01", "2020-01-31", 6],
    ["Performance at June 2021 24 Months", "actual", "2021-06-01", "2021-06-30", 24],
    ["Current Baseline June 2019", "baseline", "2019-06-01", "2019-06-30", null],
    ["Target for 6 months December 2019", "target", "2019-12-01", "2019-12-31", 6],
    ["Target for 12 months June 2020", "target", "2020-06-01", "2020-06-30", 12],
    ["Baseline 6 months December 2019", "baseline", "2019-12-01", "2019-12-31", 6],
    ["Feedback at 18 months December 2020", "actual", "2020-12-01", "2020-12-31", 18],
    ["Target for 24 months June 2021", "target", "2021-06-01", "2021-06-30", 24],
    ["Baseline June 2019", "baseline", "2019-06-01", "2019-06-30", null],
    ["Target for 3 months October 2019", "target", "2019-10-01", "2019-10-31", 3],
    ["Performance November 2020", "actual", "2020-11-01", "2020-11-30", null],
    ["Staged target (Dec 2019)", "target", "2019-12-01", "2019-12-31", null],
    ["Staged target (March 2020)", "target", "2020-03-01", "2020-03-31", null],
    ["Final target (June 2020)", "final-target", "2020-06-01", "2020-06-30", null],
    ["August 2020", "period", "2020-08-01", "2020-08-31", null],
    ["Sept 2020", "period", "2020-09-01", "2020-09-30", null],
    ["Oct 2020", "period", "2020-10-01", "2020-10-31", null],
    ["Nov 2020", "period", "2020-11-01", "2020-11-30", null],
    ["Staged target June 2020", "target", "2020-06-01", "2020-06-30", null],
    ["Staged target Oct 2020", "target", "2020-10-01", "2020-10-31", null],
    ["Aug 2020", "period", "2020-08-01", "2020-08-31", null],
    ["Current Performance Baseline December 2019", "baseline", "2019-12-01", "2019-12-31", null],
    ["Short Survey Results October 2020", "actual", "2020-10-01", "2020-10-31", null],
    ["Jan 24", "period", "2024-01-01", "2024-01-31", null],
    ["Q2 2023/24", "period", "2023-07-01", "2023-09-30", null],
    ["2022/23", "period", "2022-09-01", "2023-08-31", null],
    ["Target 2024/25", "target", "2024-09-01", "2025-08-31", null],
    ["Outturn 2022/23", "actual", "2022-09-01", "2023-08-31", null],
    ["Actual Q3", "actual", null, null, null],
  ])("%s", (heading, role, start, end, relativeMonths) => {
    const h = parseMilestoneHeading(heading);
    expect(h).not.toBeNull();
    expect({ role: h?.role, start: h?.period?.start, end: h?.period?.end, relativeMonths: h?.relativeMonths }).toEqual({ role, start, end, relativeMonths });
    expect(h?.label).toBe(heading);
  });

  it("reads a heading with two milestones: the period is the last, the earlier one is in `also`", () => {
    const h = parseMilestoneHeading("Target for 18 & 24 months (December 2020 & June 2021)");
    expect(h?.role).toBe("target");
    expect(h?.relativeMonths).toBe(24);
    expect([h?.period?.start, h?.period?.end, h?.period?.relativeMonths]).toEqual(["2021-06-01", "2021-06-30", 24]);
    expect(h?.also?.map((p) => [p.label, p.start, p.end, p.relativeMonths])).toEqual([["December 2020", "2020-12-01", "2020-12-31", 18]]);
  });

  it("keeps a note's date out of the milestone and reports a stated plan start", () => {
    const h = parseMilestoneHeading("Baseline April 2019 - Note plan start date 1 st July 2019");
    expect(h?.note).toBe("plan start date 1 st July 2019");
    expect(h?.statedPlanStart).toBe("2019-07-01");
  });

  it.each([
    ["By 3 months", 3],
    ["By 6 months", 6],
    ["By 12 months", 12],
  ])("%s is a relative target, undated without a plan start", (heading, n) => {
    const h = parseMilestoneHeading(heading);
    expect(h).toMatchObject({ role: "target", relativeMonths: n });
    expect(h?.period).toMatchObject({ kind: "relative-months", start: null, end: null, relativeMonths: n });
  });

  it("dates a relative milestone from the plan start", () => {
    const h = parseMilestoneHeading("By 6 months", { planStart: "2020-09-01" });
    expect([h?.period?.start, h?.period?.end]).toEqual(["2021-03-01", "2021-03-01"]);
  });

  it.each([
    ["3 months", 3],
    ["6 months", 6],
    ["12 months", 12],
  ])("score-card heading %s only names a time", (heading, n) => {
    expect(parseMilestoneHeading(heading)).toMatchObject({ role: "period", relativeMonths: n, period: { kind: "relative-months" } });
  });

  it.each([
    ["Baseline", "baseline"],
    ["Target", "target"],
    ["Staged targets", "target"],
    ["YTD", "actual"],
    ["Year to date", "actual"],
    ["Latest", "actual"],
    ["Previous", "actual"],
  ])("%s has role %s and no period", (heading, role) => {
    expect(parseMilestoneHeading(heading)).toMatchObject({ role, period: null, relativeMonths: null });
  });

  it.each(["Performance Measure", "Performance Measure that we will monitor", "Frequency", "Notes", "KPI", "Area", "KPI reference", "Key Performance Indicator Reference", "Questionnaire section", "Positive", "RAG", "DoT", "2019 Comparison", "Measure", "Priority", "By When", ""])(
    "%j is not a milestone heading",
    (heading) => {
      expect(parseMilestoneHeading(heading)).toBeNull();
    },
  );
});

describe("parsePeriod: month ranges and lead-in words", () => {
  it.each<Expect>([
    ["Apr-Jun 2023", "quarter", "2023-04-01", "2023-06-30"],
    ["Jan-Mar 24", "quarter", "2024-01-01", "2024-03-31"],
    ["Nov-Jan 24", "unknown", "2023-11-01", "2024-01-31"],
    ["Apr 23 - Mar 24", "financial-year", "2023-04-01", "2024-03-31"],
    ["Sep 2022 to Aug 2023", "academic-year", "2022-09-01", "2023-08-31"],
    ["12 months to Dec 23", "year", "2023-01-01", "2023-12-31"],
    ["Rolling 12 months to March 2024", "financial-year", "2023-04-01", "2024-03-31"],
    ["2024 to end Aug", "unknown", "2024-01-01", "2024-08-31"],
    ["2024 to the end of March", "quarter", "2024-01-01", "2024-03-31"],
    ["2023/24 to end of December", "unknown", "2023-09-01", "2023-12-31"],
    ["As at 08.12.20", "date", "2020-12-08", "2020-12-08"],
    ["as at 31 March 2024", "date", "2024-03-31", "2024-03-31"],
    ["end of Q2 2023/24", "quarter", "2023-07-01", "2023-09-30"],
  ])("%s", (label, kind, start, end) => expectPeriod(label, kind, start, end, parsePeriod(label)));

  it("rejects a range that runs backwards", () => {
    expect(parsePeriod("Jun 24 - Jan 24")).toBeNull();
  });

  it("leaves lead-in words out of a period found in a heading", () => {
    expect(findPeriods("Pupil Performance at October 2019").map((f) => f.period.label)).toEqual(["October 2019"]);
  });
});

describe("yearless months and quarters", () => {
  it("are periods without dates when nothing says the year", () => {
    expect(parsePeriod("April")).toEqual({ label: "April", kind: "month", start: null, end: null });
    expect(parsePeriod("Q3")).toEqual({ label: "Q3", kind: "quarter", start: null, end: null });
  });

  it("are dated within the year ctx.yearStart opens", () => {
    const fy2023 = { yearStart: "2023-04-01" };
    expectPeriod("Jan", "month", "2024-01-01", "2024-01-31", parsePeriod("Jan", fy2023));
    expectPeriod("Apr", "month", "2023-04-01", "2023-04-30", parsePeriod("Apr", fy2023));
    expectPeriod("Dec", "month", "2023-12-01", "2023-12-31", parsePeriod("Dec", fy2023));
    expectPeriod("Q4", "quarter", "2024-01-01", "2024-03-31", parsePeriod("Q4", fy2023));
  });

  it("a run of months with no year ('April to June', 'Jan-Mar') is the quarter it spans, dated from ctx.yearStart", () => {
    expect(parsePeriod("April to June")).toEqual({ label: "April to June", kind: "quarter", start: null, end: null });
    expect(parsePeriod("Oct-Dec")).toEqual({ label: "Oct-Dec", kind: "quarter", start: null, end: null });
    const fy2023 = { yearStart: "2023-04-01" };
    expectPeriod("April to June", "quarter", "2023-04-01", "2023-06-30", parsePeriod("April to June", fy2023));
    expectPeriod("January to March", "quarter", "2024-01-01", "2024-03-31", parsePeriod("January to March", fy2023));
    expectPeriod("Apr - Sep", "unknown", "2023-04-01", "2023-09-30", parsePeriod("Apr - Sep", fy2023));
    // A run that is no quarter and has no year says too little to be a period.
    expect(parsePeriod("Nov to Jan")).toBeNull();
  });

  it("are not picked out of running text", () => {
    expect(parseMilestoneHeading("Target may be revised")).toMatchObject({ role: "target", period: null });
    expect(parseMilestoneHeading("Target May", { yearStart: "2023-04-01" })?.period?.start).toBe("2023-05-01");
  });

  it.each(["Target date", "Due date", "Date", "Period", "By when"])("%j is a date column, not a milestone", (heading) => {
    expect(parseMilestoneHeading(heading)).toBeNull();
  });
});

describe("parseMilestoneHeading: other council and NHS headings", () => {
  it.each<HeadingExpect>([
    ["Q1 Target", "target", null, null, null],
    ["Target Q1 23/24", "target", "2023-04-01", "2023-06-30", null],
    ["2023/24 Target", "target", "2023-09-01", "2024-08-31", null],
    ["Actual to date", "actual", null, null, null],
    ["This month", "actual", null, null, null],
    ["Same period last year", "actual", null, null, null],
    ["Mar-24", "period", "2024-03-01", "2024-03-31", null],
    ["31/03/2024", "period", "2024-03-31", "2024-03-31", null],
  ])("%s", (heading, role, start, end, relativeMonths) => {
    const h = parseMilestoneHeading(heading);
    expect({ role: h?.role, start: h?.period?.start ?? null, end: h?.period?.end ?? null, relativeMonths: h?.relativeMonths }).toEqual({ role, start, end, relativeMonths });
  });

  it("reads a target year as a financial year when the context says year pairs are financial", () => {
    const h = parseMilestoneHeading("Target 2024/25", { yearPairKind: "financial-year" });
    expect([h?.period?.kind, h?.period?.start, h?.period?.end]).toEqual(["financial-year", "2024-04-01", "2025-03-31"]);
  });

  it.each(["National average 2022/23", "England 2023", "Statistical neighbours", "Forecast outturn 2023/24", "Target met?", "Benchmark"])("%j carries no milestone", (heading) => {
    expect(parseMilestoneHeading(heading)).toBeNull();
  });
});
