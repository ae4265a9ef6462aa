// Lines above tables that give only a scale ("Billions", "Numbers") or ask a question ("How are we doing?")
// (tests/fixtures/scale-captions.xlsx, built by `npm run fixtures` from scripts/fixtures/build-scale-captions.ts, the
// publishers' own figures as published).
import { allKpis, scanFixture } from "../helpers/scan";

it("'Billions' / 'Numbers' over two tables headed alike: a scale, not the group of the rows under it", async () => {
  const r = await scanFixture("scale-captions.xlsx", { asOf: "2024-03-31" });
  const ks = allKpis(r, "Overview");
  expect(ks.map((k) => [k.measure, k.group])).toEqual([
    ["Total Expenditure", null],
    ["Gross Current Expenditure", null],
    ["Request for support received from new clients", null],
  ]);
});

it("'How are we doing?' over 'Our result | Our target': a question, not the group", async () => {
  const r = await scanFixture("scale-captions.xlsx", { asOf: "2019-08-31" });
  const ks = allKpis(r, "Charter performance");
  expect(ks.map((k) => [k.measure, k.group, k.latest?.value, k.previous?.value])).toEqual([
    ["We will serve you at our service counters within 10 minutes", null, 0.64, 0.76],
  ]);
});
