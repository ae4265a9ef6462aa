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
