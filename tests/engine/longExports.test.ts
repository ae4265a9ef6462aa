// Long exports, one row per KPI per period (tests/fixtures/long-exports.xlsx, built by `npm run fixtures` from
// scripts/fixtures/build-long-exports.ts, each sheet a publisher's own figures as the export keeps them).
import { allKpis, scanFixture } from "../helpers/scan";

it("an export filtered to one area ('area_code | area_name | period | indicator | measure | unit | value'): one KPI per indicator, 'Percentage' its unit", async () => {
  const r = await scanFixture("long-exports.xlsx", { asOf: "2021-12-31" });
  const ks = allKpis(r, "Indicator data");
  expect(ks.map((k) => [k.measure.slice(0, 30), k.latest?.value, k.previous?.value, k.unit])).toEqual([
    ["Household waste sent for reuse", 0.533, 0.569, "percent"],
    ["16 to 17 year olds not in educ", 0.041, 0.048, "percent"],
  ]);
  // The area repeated on every row is what the export is about: no KPI is named by it, none referenced by its code.
  expect(ks.map((k) => k.ref)).toEqual([null, null]);
  const roles = r.tables.find((t) => t.sheet === "Indicator data")!.columns!.map((c) => c.role);
  expect(roles).toEqual(["ignore", "ignore", "ignore", "measure", "unit", "ignore", "latest"]);
});

it("'Measure | Period | Value' with this year written as a year to date ('2024 to end Aug'): each KPI once, latest the year to date, previous last year", async () => {
  const r = await scanFixture("long-exports.xlsx", { asOf: "2024-08-31" });
  const ks = allKpis(r, "SEND export");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.latest?.cell, k.previous?.value, k.dot.direction])).toEqual([
    ["Initial requests for an EHCP", 1417, "C4", 1439, "down"],
    ["% of new EHCPs issued within 20 weeks", 0.381, "C6", 0.277, "up"],
  ]);
});
