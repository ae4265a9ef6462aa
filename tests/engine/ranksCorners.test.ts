// A rank beside the figures, and a block named in its heading's corner (tests/fixtures/ranks-corners.xlsx, built by
// `npm run fixtures` from scripts/fixtures/build-ranks-corners.ts, publishers' own figures as published).
import { allKpis, kpi, scanFixture } from "../helpers/scan";

const scan = () => scanFixture("ranks-corners.xlsx", { asOf: "2025-03-31" });

it("'Rank 2023-24' beside '2023-24': the rank is a place among councils, never the figure — latest is the 2023-24 value, previous the 2022-23 one", async () => {
  const r = await scan();
  const sheet = "LGBF ranks";
  const rows = allKpis(r, sheet).map((k) => [k.ref, k.latest?.value ?? null, k.previous?.value ?? null, k.dot.direction]);
  expect(rows).toEqual([
    ["CHN 01", 6601.26, 6393.6, "up"],
    ["CHN 02", 8505.55, 7797.12, "up"],
    ["CHN 03", 8927.34, 9238.77, "down"],
    ["CHN 04", 0.66, 0.63, "up"],
    ["CHN 05", 0.39, 0.37, "up"],
    ["C&L 01", 3.01, 4.24, "down"],
    ["C&L 02", 2.31, 2.44, "down"],
    ["C&L 03", 3.53, 3.13, "up"],
    ["C&L 04", 24575.19, 28793.76, "down"],
  ]);
  expect(allKpis(r, sheet).map((k) => k.group)).toEqual([...Array(5).fill("Children's Services"), ...Array(4).fill("Culture & Leisure Services")]);
});

it("a cost per 1,000 population written in pounds is money, not a rate", async () => {
  const parks = kpi(await scan(), "C&L 04", "LGBF ranks");
  expect([parks.unit, parks.ratePer ?? null]).toEqual(["currency", null]);
});

it("a block's name in the corner of its heading, beside the year over each quarter, is the group of its rows; caption words in it do not stop it", async () => {
  const ks = allKpis(await scan(), "Blocks named in the corner");
  expect(ks.map((k) => [k.group, k.measure.slice(0, 28)])).toEqual([
    ["NHS ENGLAND", "Gender Identity Service – Wa"],
    ["NHS ENGLAND", "Perinatal Community – Number"],
    ["OTHER REPORTED INDICATORS", "Appraisals"],
    ["OTHER REPORTED INDICATORS", "Clinical Supervision"],
    ["OTHER REPORTED INDICATORS", "Sickness Absence Rate"],
    ["OTHER REPORTED INDICATORS", "Staff Turnover"],
  ]);
  const turnover = ks.find((k) => k.measure === "Staff Turnover")!;
  expect([turnover.latest?.value, turnover.previous?.value, turnover.target?.value]).toEqual([0.085, 0.078, 0.1]);
});

it("a corner that heads the names column ('PI title' over the names) names no block", async () => {
  const ks = allKpis(await scan(), "Corner heading the names");
  expect(ks.map((k) => [k.group, k.latest?.value])).toEqual([
    [null, 0.944],
    [null, 0.9821],
  ]);
});
