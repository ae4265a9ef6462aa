// Notes, unit, polarity and group each read from the evidence a reader uses (tests/fixtures/notes-units-words.xlsx,
// built by `npm run fixtures` from scripts/fixtures/build-ranks-corners.ts, publishers' own tables as published).
import { allKpis, kpi, scanFixture } from "../helpers/scan";

const scan = () => scanFixture("notes-units-words.xlsx", { asOf: "2025-03-31" });

it("'Remarks' beside 'Definition': the remarks are the KPI's notes, not what the measure means", async () => {
  const ks = allKpis(await scan(), "PI register");
  expect(ks.map((k) => [k.ref, k.notes])).toEqual([
    ["1.01", "Previous years' rates will be updated each year to take account of arrears recovered."],
    ["1.03", "We are developing a methodology for this indicator."],
  ]);
});

it("figures under 'Trust score | Benchmarking group score' are scores", async () => {
  const ks = allKpis(await scan(), "Staff survey");
  expect(ks.map((k) => [k.measure, k.unit, k.latest?.value])).toEqual([
    ["We are compassionate and inclusive", "score", 7.51],
    ["We are always learning", "score", 5.76],
    ["Staff engagement", "score", 7.01],
  ]);
});

it("'Calls abandoned: No more than 20 per cent …': the target in the measure's words, after its label, says lower is better", async () => {
  const r = await scan();
  expect(kpi(r, "Calls abandoned", "Annex A").polarity).toBe("lower-is-better");
  expect(kpi(r, "Calls to be answered", "Annex A").polarity).toBe("higher-is-better");
});

it("a long export's column holding one value on every row ('Grouping' = 'LA_Raw') is no group", async () => {
  const ks = allKpis(await scan(), "Export");
  expect(ks.map((k) => [k.measure, k.group, k.latest?.value, k.previous?.value])).toEqual([
    ["Outcome, ASC Carer Quality of Life", null, 6.9, 7.6],
    ["Outcome, ASC Quality of Life", null, 0.424, 0.431],
  ]);
});
