// Layouts of published tables the recogniser missed (tests/fixtures/rows-more.xlsx, built by `npm run fixtures` from
// scripts/fixtures/build-rows-more.ts, each sheet a publisher's own figures as the layout keeps them).
import { allKpis, scanFixture } from "../helpers/scan";

it("'Most Similar Group' over a position in words beside 'Crime Rate' over '(per 1,000)': the rate is each crime type's figure", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2016-01-31" });
  const ks = allKpis(r, "Most similar group");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.unit, k.ratePer ?? null])).toEqual([
    ["All Crime", 43.91, "rate", 1000],
    ["Domestic Burglary", 5.32, "rate", 1000],
    ["Distraction Burglary", 0.04, "rate", 1000],
    ["Violent Crime", 12.38, "rate", 1000],
    ["Criminal Damage", 6.07, "rate", 1000],
  ]);
  const table = r.tables.find((t) => t.sheet === "Most similar group")!;
  // "Current Position" holds "Above" / "Inline": words placing the crime type in its group, not its figure.
  expect(table.columns?.find((c) => c.heading?.includes("Current Position"))?.role).not.toBe("latest");
});

it("school years 'SY2022 … SY2027' over 'Baseline | Target …', a sub-priority in the corner: staged targets due each June, filed under it", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2022-06-30" });
  const ks = allKpis(r, "School-year targets");
  expect(ks.map((k) => [k.group, k.measure, k.baseline?.value])).toEqual([
    ["1.A Empathy - Cultural Competence", "Cultural Proficiency - Staff Survey", 0.738],
    ["1.A Empathy - Cultural Competence", "Sense of Belonging - Student Survey", 0.711],
    ["1.B Empathy - Student & Staff Wellbeing", "Student Wellbeing - Chronic Absenteeism", 0.169],
  ]);
  expect(ks[0].milestones.map((m) => [m.due, m.target?.value])).toEqual([
    ["2023-06-30", 0.743], ["2024-06-30", 0.753], ["2025-06-30", 0.773], ["2026-06-30", 0.803], ["2027-06-30", 0.84],
  ]);
  // The sub-priority's numbered line ("1.A …") heads the rows; it is no KPI of its own.
  expect(ks.some((k) => k.measure.startsWith("1.A"))).toBe(false);
});

it("a milestone tracker with a stated RAG and no figures ('Date | Milestone | RAG rating'): each item is a KPI with its status", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2023-03-31" });
  const ks = allKpis(r, "Recovery plan");
  expect(ks.map((k) => [k.measure, k.statedRag, k.latest?.value ?? null])).toEqual([
    ["Prioritisation of new businesses for intervention based on risk.", "green", null],
    ["Completion of inspection of new registrations prioritised as higher risk.", "amber", null],
    ["Completion of onsite hygiene inspections at Category A establishments.", "green", null],
  ]);
  // The date in words says when, not what: it is not the measure.
  expect(ks.map((k) => k.sourceCell)).toEqual(["B3", "B4", "B5"]);
});

it("a table per year under its caption, times written in words ('8 min 15 seconds'): one KPI per priority, its times in days", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2002-06-30" });
  const ks = allKpis(r, "Response times");
  const days = (h: number, m: number, s: number) => Math.round(((h * 3600 + m * 60 + s) / 86400) * 1e9) / 1e9;
  const near = (v: number | null | undefined) => (v == null ? v : Math.round(v * 1e9) / 1e9);
  expect(ks.map((k) => [k.measure, near(k.latest?.value), near(k.previous?.value), k.unit, k.group])).toEqual([
    ["Priority One", days(0, 8, 15), days(0, 9, 24), "days", null],
    ["Priority Two", days(0, 22, 31), days(0, 32, 55), "days", null],
    ["Priority Three", days(3, 55, 0), days(2, 29, 0), "days", null],
  ]);
});

it("'Code | Explanation | 31 March 19 …': the explanation names each code's KPI; the newest date withheld, the next is latest", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2018-03-31" });
  const ks = allKpis(r, "Placements");
  expect(ks.map((k) => [k.ref, k.measure, k.latest?.value, k.previous?.value])).toEqual([
    ["H5", "Semi-independent living accommodation not subject to Children’s Homes Regulations", 9, 9],
    ["K1", "Secure Children’s Homes", 1, 0],
    ["K2", "Children’s Homes subject to Children’s Homes Regulations", 42, 39],
  ]);
});

it("financial years down the rows written as day ranges ('01/04/2017 to 31/03/2018'): one KPI per column, the note above files nothing", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2020-03-31" });
  const ks = allKpis(r, "Waits by year");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.previous?.value, k.group])).toEqual([
    ["Min waiting time in days.", 0, 0, null],
    ["Max waiting time in days.", 514, 267, null],
    ["Median waiting time in days.", 42, 24, null],
    ["Total number of referrals received", 5061, 4554, null],
  ]);
});

it("snapshot dates down the rows after a dash ('– 31st December 2020'), a column 'Unavailable' in the early years: one KPI per column", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2024-12-31" });
  const ks = allKpis(r, "Plans by date");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.previous?.value])).toEqual([
    ["Active EHCPs (Mainstream and special placements for school aged pupils)", 5750, 5305],
    ["Awaiting an EHCP or assessment*", 1058, 1021],
    ["Total", 6808, 6326],
  ]);
});

it("'Annual Target | Result | % variation from target | Target achieved?': the target is the target, Y is met, numbered colon lines are sections", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2006-06-30" });
  const ks = allKpis(r, "Responsiveness");
  expect(ks.map((k) => [k.group, k.measure, k.latest?.value, k.currentTarget?.value, k.statedRag])).toEqual([
    ["12.Response times for Priority One", "Within 8 minutes", 0.658, 0.6, "green"],
    ["12.Response times for Priority One", "Within 12 minutes", 0.874, 0.9, "red"],
    ["13.Response times for Priority Two", "Within 20 minutes", 0.73, 0.6, "green"],
  ]);
});

it("' | Average wait in weeks' over 'Step 2 | 5.1', the corner empty: a KPI per step, in weeks, filed under the line naming the measure", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2018-10-31" });
  const ks = allKpis(r, "Waits by step");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.unit, k.group])).toEqual([
    ["Step 2", 5.1, "weeks", "Average Waiting times from first Assessment to starting Treatment"],
    ["Step 3", 9.2, "weeks", "Average Waiting times from first Assessment to starting Treatment"],
    ["Talking Therapies", 6.1, "weeks", "Average Waiting times from first Assessment to starting Treatment"],
  ]);
});

it("one row of figures with no name under years over quarters, under a numbered question: one KPI named by the question", async () => {
  const r = await scanFixture("rows-more.xlsx", { asOf: "2019-12-31" });
  const ks = allKpis(r, "Quarterly counts");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.previous?.value, k.unit, k.sourceCell])).toEqual([
    ["1. The number of EHCP needs assessments requested per quarter from January 1, 2018 to today.", 487, 368, "count", "A3"],
    ["2. How many of the requests per quarter went on to a final EHC plan?", 334, 382, "count", "A9"],
  ]);
});
