// Periods across the columns (issue 15): which column a reader takes as the latest figure, the previous one and the
// target, and what a column of words says about each move. On tests/fixtures/history-years-across.xlsx
// (scripts/fixtures/build-years-across.ts), scanned at the end of September 2023.
import { allKpis, kpi, scanFixture } from "../helpers/scan";
import type { Kpi, ScanResult } from "../../src/core/types";

const at = (k: Kpi) => ({ latest: k.latest?.cell ?? null, previous: k.previous?.cell ?? null, target: k.currentTarget?.cell ?? null });

describe("periods across the columns (history-years-across.xlsx)", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("history-years-across.xlsx", { asOf: "2023-09-30" });
  });

  it("a description running down a column beside the table is not the measures' names; the unheaded column of names is", () => {
    expect(allKpis(r, "Side description").map((k) => k.measure)).toEqual(["Number of full time employees", "Department expenditures", "Number of library items circulated"]);
    expect(at(kpi(r, "Department expenditures", "Side description"))).toEqual({ latest: "D6", previous: "B6", target: "C6" });
    // "Inputs:" and "Outputs:" on rows of their own file the measures under them.
    expect(allKpis(r, "Side description").map((k) => k.group)).toEqual(["Inputs", "Inputs", "Outputs"]);
  });

  it("a row of years under a measure's title starts another table: each reads its own years, the empty 'Trend' column aside", () => {
    const tables = r.tables.filter((t) => t.sheet === "Stacked trends");
    expect(tables.map((t) => t.range)).toEqual(["A2:G4", "A7:D9"]);
    const [startUps, qualified] = tables.map((t) => t.kpis[0]);
    expect(at(startUps)).toMatchObject({ latest: "G3", previous: "F3" });
    expect(at(qualified)).toMatchObject({ latest: "D8", previous: "C8" });
    expect(qualified.dot.direction).toBe("up");
  });

  it("'Actual | Business Plan Goal | FYTD Actual | FYTD Goal': the period's pair, not the year to date", () => {
    expect(at(kpi(r, "Families housed", "Period and year to date"))).toMatchObject({ latest: "C2", target: "D2" });
  });

  it("'Q4 2022/23 | 2022/23 | 2021/22': the year is compared with the year before, not with its own last quarter", () => {
    const k = kpi(r, "PI 26", "Quarter and years");
    expect(at(k)).toMatchObject({ latest: "D4", previous: "E4" });
    expect(k.dot.direction).toBe("down");
  });

  it("'What we achieved' under each year is its actual; 'This year: Under review' is no figure yet", () => {
    const k = kpi(r, "New affordable homes", "What we achieved");
    expect(at(k)).toEqual({ latest: "E3", previous: "C3", target: "D3" });
    expect(k.milestones.map((m) => [m.target?.cell ?? null, m.actual?.cell ?? null])).toEqual([["B3", "C3"], ["D3", "E3"]]);
  });

  it("'Dropped', 'Fallen' and 'Rose' in a Change column state the direction", () => {
    expect(allKpis(r, "Change words").map((k) => k.dot.stated)).toEqual(["down", "down", "up"]);
  });

  it("'Key trends' naming the biggest improvements and drops states a judgement; 'Top score' alone states none", () => {
    expect(allKpis(r, "Key trends").map((k) => k.dot.statedJudgement ?? null)).toEqual(["improving", "worsening", null]);
  });

  it("a survey's answers across the columns: the satisfied share is the figure, the other answers break it down", () => {
    expect(allKpis(r, "Survey answers").map((k) => [k.latest?.cell, k.latest?.value])).toEqual([
      ["B2", 0.71],
      ["B3", 0.78],
    ]);
  });

  it("'Short Term DOT against 2022/23 (Q4)' over figures holds the previous quarter's figure; 'Bigger is better' on every row is the polarity", () => {
    const k = kpi(r, "% of care leavers", "Compared against");
    expect(at(k)).toMatchObject({ latest: "E4", previous: "F4" });
    expect(k.polarity).toBe("higher-is-better");
    expect(k.dot).toMatchObject({ direction: "down", judgement: "worsening" });
    expect(kpi(r, "Total no. of in-house foster carers", "Compared against").dot.direction).toBe("up");
  });
});
