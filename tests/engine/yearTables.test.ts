// One table per year on one sheet under its year line (tests/fixtures/year-tables.xlsx, built by `npm run fixtures` from
// scripts/fixtures/build-year-tables.ts, a publisher's own figures as published).
import { allKpis, scanFixture } from "../helpers/scan";

it("'2022' / '2021' over 'Target | Q1 … Q4' under a footnote naming September 2020: the quarters are each line's year, latest Q4 2022, previous Q3 2022", async () => {
  const r = await scanFixture("year-tables.xlsx", { asOf: "2022-12-31" });
  const ks = allKpis(r);
  expect(ks.map((k) => [k.measure.slice(0, 30), k.latest?.value, k.latest?.cell, k.previous?.value, k.previous?.cell])).toEqual([
    ["Decisions issued within 35 wor", 0.92, "F5", 0.92, "E5"],
    ["Decisions issued 35 or more th", 0.03, "F6", 0.02, "E6"],
  ]);
  expect(ks[0].milestones.map((m) => m.due)).toEqual(["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31", "2022-03-31", "2022-06-30", "2022-09-30", "2022-12-31"]);
});

it("the year's Target column stands for each of its quarters", async () => {
  const r = await scanFixture("year-tables.xlsx", { asOf: "2022-12-31" });
  const late = allKpis(r)[1];
  expect(late.milestones.map((m) => [m.target?.value, m.actual?.value])).toEqual([
    [0.05, 0.047], [0.05, 0.04], [0.05, 0.04], [0.05, 0.03], [0.05, 0.02], [0.05, 0.03], [0.05, 0.02], [0.05, 0.03],
  ]);
  expect([late.polarity, late.rag]).toEqual(["lower-is-better", "green"]);
});

it("with no reporting date set, it is the end of the newest table's last quarter", async () => {
  const r = await scanFixture("year-tables.xlsx");
  expect(r.asOf).toBe("2022-12-31");
});
