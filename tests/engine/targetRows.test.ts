// A row naming itself the target for a measure (tests/fixtures/target-rows.xlsx, built by `npm run fixtures` from
// scripts/fixtures/build-target-rows.ts, a publisher's own figures as published).
import { allKpis, scanFixture } from "../helpers/scan";

it("'NHS Target for paid within 30 days' over three measures: the target of '% Value paid in 30 days' each month, not a KPI", async () => {
  const r = await scanFixture("target-rows.xlsx", { asOf: "2023-01-31" });
  const ks = allKpis(r);
  expect(ks.map((k) => k.measure)).toEqual(["% Value paid in 7 days", "% Value paid in 30 days", "% Value paid over 30 days"]);
  const thirty = ks[1];
  expect(thirty.milestones.map((m) => [m.due, m.target?.value, m.target?.cell, m.actual?.value])).toEqual([
    ["2022-10-31", 0.95, "B4", 0.952],
    ["2022-11-30", 0.95, "C4", 0.951],
    ["2022-12-31", 0.95, "D4", 0.956],
    ["2023-01-31", 0.95, "E4", 0.96],
  ]);
  expect([thirty.currentTarget?.value, thirty.latest?.value, thirty.rag]).toEqual([0.95, 0.96, "green"]);
  // The 7-day and over-30-day measures have no target of their own.
  expect([ks[0], ks[2]].map((k) => k.milestones.some((m) => m.target))).toEqual([false, false]);
});
