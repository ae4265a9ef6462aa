// A year-to-date column beside the periods it sums (tests/fixtures/year-to-date.xlsx, built by `npm run fixtures` from
// scripts/fixtures/build-year-to-date.ts, published tables' layouts and figures).
import { allKpis, scanFixture } from "../helpers/scan";

it("'Q3 2015/16 | Q3 2016/17 | Year to date 2016/17': the quarter is the latest, the year so far ends with it", async () => {
  const r = await scanFixture("year-to-date.xlsx", { asOf: "2016-12-31" });
  const ks = allKpis(r, "Q3 2016-17");
  expect(ks.map((k) => [k.latest?.value, k.latest?.periodEnd, k.previous?.value ?? null])).toEqual([
    [4, "2016-12-31", 1],
    [13, "2016-12-31", 15],
    [272, "2016-12-31", null],
  ]);
  // The year to date is a figure of the year so far: it runs to the quarter's end, not to March.
  expect(ks[0].milestones.find((m) => /Year to date/.test(m.label))?.actual?.periodEnd).toBe("2016-12-31");
});

it("a year to date with no period of its year beside it ('Aim | Year to date' for 2019/20): the year's own figure", async () => {
  const r = await scanFixture("year-to-date.xlsx", { asOf: "2020-03-31" });
  const ks = allKpis(r, "Targets and measures");
  expect(ks.map((k) => [k.latest?.value, k.latest?.periodEnd, k.previous?.value])).toEqual([
    [98.11, "2020-03-31", 98],
    [0.8875, "2020-03-31", 0.79],
  ]);
});
