// Stale data by frequency, and the board-paper settings: defaults, and values of the wrong shape ignored.
import { applyStaleness, isStale } from "../../src/core/stale";
import { DEFAULT_SETTINGS, headingProblem, resolveSettings } from "../../src/core/settings";
import { fig, kpi } from "./scorecardScans";

const latest = (periodEnd: string) => ({ ...fig(0.5, "50%", "C2", "percent", "x"), periodEnd });

describe("stale data", () => {
  test.each([
    ["Monthly", "2023-12-31", false],
    ["Monthly", "2023-11-30", true],
    ["Quarterly", "2023-10-31", false],
    ["Quarterly", "2023-09-30", true],
    ["Annual", "2023-01-31", false],
    ["Annually", "2022-10-31", true],
    ["Termly", "2023-07-31", true],
    [null, "2015-01-31", false], // no frequency: cannot say
    ["Every now and then", "2015-01-31", false],
  ] as const)("%s, latest to %s, at 29 Feb 2024: stale %s", (frequency, end, stale) => {
    expect(isStale({ frequency, latest: latest(end) }, "2024-02-29")).toBe(stale);
  });

  test("under stale-rates-grey a stale KPI rates Grey and says why; otherwise it keeps its RAG", () => {
    const make = () => kpi({ measure: "m", frequency: "Monthly", latest: latest("2020-10-31"), rag: "green" });
    const kept = make();
    applyStaleness(kept, "2024-02-29", { staleRatesGrey: false });
    expect(kept).toMatchObject({ stale: true, rag: "green" });
    const grey = make();
    applyStaleness(grey, "2024-02-29", { staleRatesGrey: true });
    expect(grey).toMatchObject({ stale: true, rag: "grey" });
    expect(grey.ragExplanation).toMatch(/^Grey because the latest figure .* is out of date .* it would be green\./);
  });
});

describe("board-paper settings", () => {
  test("defaults: a title, worst first, stale figures still rated, the scorecard first among the sheets", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ organisation: "", reportTitle: "KPI Scorecard", meetingName: "", reportingPeriod: "", registerOrder: "worst-first", staleRatesGrey: false, scorecardPlacement: "first" });
  });

  test("stored values are used when they are of the right shape and ignored when not", () => {
    const s = resolveSettings({ organisation: "  Sefton Council ", reportTitle: "Board scorecard", registerOrder: "workbook", staleRatesGrey: true, scorecardPlacement: "last", meetingName: "Board\n2" });
    expect(s).toMatchObject({ organisation: "Sefton Council", reportTitle: "Board scorecard", registerOrder: "workbook", staleRatesGrey: true, scorecardPlacement: "last", meetingName: "" });
    const bad = resolveSettings({ reportTitle: "", registerOrder: "random", staleRatesGrey: "yes", scorecardPlacement: 2, organisation: "x".repeat(200) });
    expect(bad).toMatchObject({ reportTitle: "KPI Scorecard", registerOrder: "worst-first", staleRatesGrey: false, scorecardPlacement: "first", organisation: "" });
  });

  test("a heading setting is one line of at most 120 characters", () => {
    expect(headingProblem("SEND Partnership Board, 14 March 2024")).toBeNull();
    expect(headingProblem("two\nlines")).toMatch(/one line/);
    expect(headingProblem("x".repeat(121))).toMatch(/at most 120/);
  });
});
