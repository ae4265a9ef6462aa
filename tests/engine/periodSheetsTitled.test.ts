// One sheet per period where only the sheet's name and the title line above the table say which period
// (tests/fixtures/period-sheets-titled.xlsx, built by `npm run fixtures` from scripts/fixtures/build-period-sheets-titled.ts).
import { allKpis, scanFixture } from "../helpers/scan";

it("quarter sheets 'Q3' / 'Q4' titled '… – Q4 2022/23' over 'Directorate | Stage 2 complaints received': each directorate once, this quarter's and last quarter's counts", async () => {
  const r = await scanFixture("period-sheets-titled.xlsx", { asOf: "2023-03-31" });
  const ks = allKpis(r);
  expect(ks.map((k) => [k.sheet, k.measure, k.latest?.value, k.previous?.value, k.unit])).toEqual([
    ["Q4", "Adults & Health", 1, 0, "count"],
    ["Q4", "Children's Services", 19, 16, "count"],
    ["Q4", "Communities", 32, 22, "count"],
    ["Q4", "Planning Growth & Sustainability", 22, 14, "count"],
    ["Q4", "Resources", 12, 10, "count"],
    ["Q4", "Deputy Chief Executive", 1, 2, "count"],
  ]);
  // The quarter is the title's (the sheet's name gives no year): latest is Q4 2022/23, previous Q3 on the other sheet.
  expect(ks[1].latest?.period).toBe("Q4 2022/23");
  expect(ks[1].previous?.sheet).toBe("Q3");
  // "Directorate" heads the names here, not an owner beside a measure.
  const table = r.tables.find((t) => t.sheet === "Q4")!;
  expect(table.columns?.map((c) => c.role)).toEqual(["measure", "latest"]);
});

it("with no reporting date set, the reporting date is the end of the newest sheet's quarter", async () => {
  const r = await scanFixture("period-sheets-titled.xlsx");
  expect(r.asOf).toBe("2023-03-31");
});
