// Small school tables with no period in their headings (tests/fixtures/school-tables.xlsx, built by `npm run fixtures`
// from scripts/fixtures/build-school-tables.ts, the schools' own published figures).
import { allKpis, scanFixture } from "../helpers/scan";
import type { ScanResult } from "../../src/core/types";

describe("small school tables a reader reads without a period in the headings", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("school-tables.xlsx", { asOf: "2017-07-10" });
  });

  it("classes named 'Year 1' … 'Year 6' are the rows' names, not reference codes: every class is a KPI", () => {
    expect(allKpis(r, "Attendance").map((k) => [k.measure, k.ref ?? null])).toEqual([
      ["Year Reception", null],
      ["Year 1", null],
      ["Year 2", null],
      ["Year 3", null],
      ["Year 4", null],
      ["Year 5", null],
      ["Year 6", null],
      ["TOTAL", null],
    ]);
  });
});
