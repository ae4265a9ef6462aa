// Budget-book tables (issue 15): years across, each year's heading printed over two or three lines that pair the year
// with what the column holds. On tests/fixtures/history-budget-books.xlsx (scripts/fixtures/build-budget-books.ts),
// scanned at the end of September 2023 as a board would read it: the latest figure is the newest year's outturn
// (an actual, or the current year's estimate or projection), never a budget, target or next year's projection; the
// previous is the outturn before it; the target is the latest year's own.
import { allKpis, kpi, scanFixture } from "../helpers/scan";
import type { Kpi, ScanResult } from "../../src/core/types";

const at = (k: Kpi) => ({ latest: k.latest?.cell ?? null, previous: k.previous?.cell ?? null, target: k.currentTarget?.cell ?? null });

describe("budget books: years over roles, roles over years (history-budget-books.xlsx)", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("history-budget-books.xlsx", { asOf: "2023-09-30" });
  });

  it("'FY 2023' over 'Estimate': the estimate is the latest, the last year's actual the previous", () => {
    expect(allKpis(r, "Year over role")).toHaveLength(3);
    const k = kpi(r, "Citizen satisfaction", "Year over role");
    expect(at(k)).toMatchObject({ latest: "D4", previous: "C4" });
    expect(k.latest?.value).toBeCloseTo(0.7);
    expect(k.dot.direction).toBe("down");
    const table = r.tables.find((t) => t.sheet === "Year over role")!;
    expect(table.columns!.map((c) => [c.column, c.heading, c.role, c.period])).toEqual([
      ["A", "Police Department / Key Measures", "measure", null],
      ["B", "FY 2021 / Actual", "latest", "FY 2021"],
      ["C", "FY 2022 / Actual", "latest", "FY 2022"],
      ["D", "FY 2023 / Estimate", "latest", "FY 2023"],
      ["E", "FY 2024 / Target", "milestone", "FY 2024"],
    ]);
  });

  it("'ACTUAL' over '21/22', 'PROJECTED' over '22/23': the projection is the latest, rated against the 22/23 target, not the 23/24 one just begun", () => {
    const k = kpi(r, "# of fire inspections", "Role over year");
    expect(at(k)).toEqual({ latest: "D7", previous: "B7", target: "C7" });
    expect(k.group).toBe("OUTPUTS");
    expect(kpi(r, "# of personnel", "Role over year").currentTarget?.value).toBe(21);
  });

  it("three printed lines ('FY 2024-25' over 'Adopted' over 'Budget'): the year-end projection is the latest, the year's budget its target", () => {
    const k = kpi(r, "Total calls for service", "Three lines");
    expect(at(k)).toEqual({ latest: "D6", previous: "B6", target: "C6" });
    const table = r.tables.find((t) => t.sheet === "Three lines")!;
    expect(table.columns!.find((c) => c.column === "E")).toMatchObject({ heading: "FY 2024-25 / Adopted / Budget", role: "milestone", period: "FY 2024-25" });
  });

  it("years merged over 'Goal | Actual' and 'Goal | Projected': the projection is the latest, its own year's goal the target", () => {
    const k = kpi(r, "Circulation per capita", "Merged years");
    expect(at(k)).toEqual({ latest: "E3", previous: "C3", target: "D3" });
    expect(k.dot.direction).toBe("up");
  });

  it("one actual among budgets and projections for later years: the actual is the latest, nothing is the previous", () => {
    const k = kpi(r, "Total number of fires", "One actual");
    expect(at(k)).toMatchObject({ latest: "B5", previous: null });
  });

  it("'PY ACTUAL | CY ESTIMATE | PROJECTED': the current year's estimate is the latest, the prior year's actual the previous", () => {
    const k = kpi(r, "Number of program room rentals", "Prior and current year");
    expect(at(k)).toMatchObject({ latest: "C3", previous: "B3" });
    expect(k.dot.direction).toBe("down");
  });

  it("a year-end projection beside the quarters measured so far is not the latest figure", () => {
    const k = kpi(r, "Housing benefit claims", "Projection beside quarters");
    expect(at(k)).toEqual({ latest: "C2", previous: "B2", target: "E2" });
  });
});
