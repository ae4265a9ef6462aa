// Year pairs read as financial or academic years by what the table is about, as a reader judges it
// (tests/fixtures/year-kinds.xlsx, built by `npm run fixtures` from scripts/fixtures/build-year-kinds.ts, each sheet a
// published table's layout and figures). The year's end is the reporting date a scan infers.
import { allKpis, scanFixture } from "../helpers/scan";

const ends = async (sheet: string) => {
  const r = await scanFixture("year-kinds.xlsx", { asOf: "2026-01-31" });
  return allKpis(r, sheet).map((k) => [k.measure.slice(0, 30), k.latest?.periodEnd]);
};

it("a council's plan with one objective about pre-school children, schools and pupils: every table in financial years", async () => {
  expect(await ends("Progress 2016-17")).toEqual([
    ["Number of businesses given adv", "2017-03-31"],
    ["Percentage of all people aged ", "2017-03-31"],
    ["Percentage of children tested ", "2017-03-31"],
    ["Percentage of educational esta", "2017-03-31"],
    ["Percentage of pupils entering ", "2017-03-31"],
    ["Percentage of total household ", "2017-03-31"],
    ["Number of new supply social ho", "2017-03-31"],
  ]);
});

it("'Long Term Support', 'Short Term Support': care, not school terms — financial years", async () => {
  expect(await ends("Overview")).toEqual([
    ["Total Expenditure", "2024-03-31"],
    ["Long Term Support", "2024-03-31"],
    ["Short Term Support", "2024-03-31"],
  ]);
});

it("a table whose rows are all about pupils' results, headed by the years alone: academic years", async () => {
  const got = await ends("KS4");
  expect(got.length).toBe(4);
  for (const [, end] of got) expect(end).toBe("2024-08-31");
});
