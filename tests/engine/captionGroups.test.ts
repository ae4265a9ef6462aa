// Captions written over blocks of measures (tests/fixtures/caption-groups-export.xlsx and -report.xlsx, built by `npm run fixtures` from
// scripts/fixtures/build-caption-groups.ts: the Legal Ombudsman's 2019/20 timeliness KPIs as an export and as the
// annual report lays them out).
import { allKpis, scanFixture } from "../helpers/scan";

it("'KPI | Measure | Target | Month | Result', the caption on every row and the month a date: one KPI per standard, its caption the group, months its history", async () => {
  const r = await scanFixture("caption-groups-export.xlsx", { asOf: "2020-03-31" });
  const ks = allKpis(r, "KPI export");
  expect(ks.map((k) => [k.measure, k.group, k.latest?.value, k.previous?.value, k.target?.value, k.dot.direction])).toEqual([
    ["45% within 90 days", "1) % All legal cases concluded", 0.51, 0.53, 0.45, "down"],
    ["78% within 180 days", "1) % All legal cases concluded", 0.85, 0.89, 0.78, "down"],
    ["65% within 90 days (low)", "2) % Legal cases concluded by complexity", 0.61, 0.63, 0.65, "down"],
    ["40% within 90 days (med)", "2) % Legal cases concluded by complexity", 0.32, 0.36, 0.4, "down"],
  ]);
  // Each month is a milestone of its standard: six, October to March, the target beside each.
  expect(ks[0].milestones.map((m) => [(m.due ?? "").slice(0, 7), m.target?.value ?? null])).toEqual(
    ["2019-10", "2019-11", "2019-12", "2020-01", "2020-02", "2020-03"].map((d) => [d, 0.45]),
  );
  expect(ks.map((k) => k.ref)).toEqual([null, null, null, null]);
});

it("months across, the caption written once over its block and the target only in the standard's words ('45% within 90 days')", async () => {
  const r = await scanFixture("caption-groups-report.xlsx", { asOf: "2020-03-31" });
  const ks = allKpis(r, "Timeliness");
  expect(ks.map((k) => [k.measure, k.group, k.latest?.value, k.target?.value, k.rag])).toEqual([
    ["45% within 90 days", "1) % All legal cases concluded", 0.51, 0.45, "green"],
    ["78% within 180 days", "1) % All legal cases concluded", 0.85, 0.78, "green"],
    ["65% within 90 days (low)", "2) % Legal cases concluded by complexity", 0.61, 0.65, expect.stringMatching(/amber|red/)],
    ["40% within 90 days (med)", "2) % Legal cases concluded by complexity", 0.32, 0.4, expect.stringMatching(/amber|red/)],
  ]);
});
