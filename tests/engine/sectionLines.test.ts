// Tables under lines naming their sections in two cells ("Objective | Improve …") (tests/fixtures/section-lines.xlsx,
// built by `npm run fixtures` from scripts/fixtures/build-section-lines.ts, a publisher's own figures as published).
import { allKpis, scanFixture } from "../helpers/scan";

it("'Objective | Improve …' over each table: the objective is the group of the rows under it, no KPI of its own, and the table above ends before it", async () => {
  const r = await scanFixture("section-lines.xlsx", { asOf: "2017-03-31" });
  const ks = allKpis(r);
  expect(ks.map((k) => [k.group, k.measure.slice(0, 40)])).toEqual([
    ["Improve economic growth and employability", "Number of businesses given advice and as"],
    ["Improve economic growth and employability", "Percentage of all people aged 16-64 year"],
    ["Improve life chances for children and young people", "Percentage of educational establishments"],
    ["Improve life chances for children and young people", "Percentage of pupils entering positive d"],
  ]);
  expect(r.tables.map((t) => t.range)).toEqual(["A4:H7", "A9:H12"]);
});

it("the newest year's value 'Not available until 2018': that year is the latest, with no figure, and the year before is the previous", async () => {
  const r = await scanFixture("section-lines.xlsx", { asOf: "2017-03-31" });
  const destinations = allKpis(r).find((k) => k.measure.startsWith("Percentage of pupils entering"))!;
  expect([destinations.latest?.value ?? null, destinations.latest?.text, destinations.previous?.value]).toEqual([null, "Not available until 2018", 0.922]);
  const employment = allKpis(r).find((k) => k.measure.startsWith("Percentage of all people"))!;
  expect([employment.latest?.value, employment.previous?.value]).toEqual([0.719, 0.723]);
});
