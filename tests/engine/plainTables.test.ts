// Tables with nothing but a heading row and plain cells (tests/fixtures/plain-tables.xlsx, built by `npm run fixtures`
// from scripts/fixtures/build-plain-tables.ts: the Cabinet Office's correspondence table 1998–99 and the Lord
// Chancellor's Department's summary of its agencies' KPIs).
import { allKpis, scanFixture } from "../helpers/scan";
import type { ScanResult } from "../../src/core/types";

let r: ScanResult;
beforeAll(async () => {
  r = await scanFixture("plain-tables.xlsx", { asOf: "1999-03-31" });
});

it("organisations down the rows, the share within target a plain number under 'Percentage of responses within target': one KPI per organisation, that share its latest", () => {
  const ks = allKpis(r, "Correspondence");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.unit])).toEqual([
    ["Cabinet Office", 0.995, "percent"],
    ["Crown Prosecution Service", 0.826, "percent"],
    ["Ministry of Defence", 0.78, "percent"],
    ["Employment Service", 0.94, "percent"],
    ["Home Office", 0.23, "percent"],
  ]);
  // The volume answered is what the share is made of, not the figure; the year in "Target 1999–2000" is no figure.
  expect(ks.every((k) => k.latest?.cell?.startsWith("D"))).toBe(true);
});

it("KPIs rated only in words year by year ('Achieved' / 'Not Achieved' / 'n/a'): each found under its agency, the newest year's word its stated status", () => {
  const ks = allKpis(r, "KPI achievement");
  expect(ks.map((k) => [k.measure.slice(0, 40), k.group, k.statedRag])).toEqual([
    ["The quality of service provided to Court", "Court Service", "green"],
    ["The percentage of Crown Court cases that", "Court Service", "red"],
    ["The unit cost of an item of originating ", "Court Service", "red"],
    ["The percentage of the cost of the civil ", "Court Service", "green"],
    ["To bring to account x per cent. of recei", "Public Trust Office", "green"],
    ["On an annual basis, to ensure 85 per cen", "Public Trust Office", "grey"],
  ]);
});

it("a numbered line over a one-row table that opens with its status ('Q1 status | Q1 actual | Q1 target | 2024 to 2025 target | Year end forecast'): the line is the KPI, rated against its quarter's target, the status stated", async () => {
  const q1 = await scanFixture("plain-tables.xlsx", { asOf: "2024-06-30" });
  const ks = allKpis(q1, "Q1 2024-25");
  expect(ks.map((k) => [k.measure.slice(0, 40), k.latest?.value, k.target?.value, k.statedRag, k.unit])).toEqual([
    ["1. Number of properties better protected", 91433, 90272, "green", "count"],
    ["2. We maintain our flood and coastal ris", 0.922, 0.945, "red", "percent"],
  ]);
  // The history and the actions under each are not KPIs of their own; the forecast's word is not the status.
  expect(ks).toHaveLength(2);
  expect(ks[0].rag).toBe("green");
});

it("targets written as sentences ('A maximum of 30 weeks.', 'A minimum of 70%.'): the figure is the target, 'maximum' says lower is better", async () => {
  const ks = allKpis(r, "Statutory KPIs");
  expect(ks.map((k) => [k.measure.slice(0, 40), k.latest?.value, k.target?.value, k.polarity, k.rag, k.statedRag])).toEqual([
    ["The average processing time of major pla", 67.4, 30, "lower-is-better", "red", "red"],
    ["The average processing time of local pla", 9.4, 15, "lower-is-better", "green", "green"],
    ["The percentage of enforcement cases conc", 0.873, 0.7, "higher-is-better", "green", "green"],
    ["The amount of biodegradable Local Author", 15239, 16387, "lower-is-better", "green", "green"],
  ]);
});
