// Lines above tables that give only a scale ("Billions", "Numbers") or ask a question ("How are we doing?")
// (tests/fixtures/scale-captions.xlsx, built by `npm run fixtures` from scripts/fixtures/build-scale-captions.ts, the
// publishers' own figures as published).
import { allKpis, scanFixture } from "../helpers/scan";
import { scaleOfLine } from "../../src/core/figures/scale";

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

it("'Billions' over a table: its figures are read as the amounts they stand for; 'Numbers' leaves its table as written", async () => {
  const r = await scanFixture("scale-captions.xlsx", { asOf: "2024-03-31" });
  const ks = allKpis(r, "Overview");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.previous?.value, k.latest?.text])).toEqual([
    ["Total Expenditure", 32010000000, 28370000000, "£32.01"],
    ["Gross Current Expenditure", 27060000000, 23690000000, "£27.06"],
    ["Request for support received from new clients", 2085720, 2002055, "2,085,720"],
  ]);
});

it("a line of its own states the multiple; 'm' or 'k' only beside a currency sign", () => {
  expect(["Billions", "£bn", "£m", "£ millions", "(£000s)", "£'000", "Thousands", "Expenditure (£m)"].map(scaleOfLine)).toEqual([1e9, 1e9, 1e6, 1e6, 1e3, 1e3, 1e3, 1e6]);
  expect(["Numbers", "%", "m", "k", "Total (2023)", "Percentages"].map(scaleOfLine)).toEqual([null, null, null, null, null, null]);
});
