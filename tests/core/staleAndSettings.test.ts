// Stale data by frequency, and the board-paper settings: defaults, and values of the wrong shape ignored.
import { applyStaleness, frequencyFromPeriod, frequencyFromPeriods, isStale, staleness, staleStatusWords, staleWords } from "../../src/core/stale";
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
    [null, "2023-01-31", false], // no frequency and no period length: only the 18-month rule
    [null, "2022-07-31", true], // more than 18 months old, whatever the frequency
    ["Every now and then", "2015-01-31", true],
    ["Biennial", "2022-09-30", false],
  ] as const)("%s, latest to %s, at 29 Feb 2024: stale %s", (frequency, end, stale) => {
    expect(isStale({ frequency, latest: latest(end) }, "2024-02-29")).toBe(stale);
  });

  test.each([
    ["2023-11-01", "2023-11-30", "monthly", true],
    ["2023-12-01", "2023-12-31", "monthly", false],
    ["2023-10-01", "2023-12-31", "quarterly", false],
    ["2023-04-01", "2023-06-30", "quarterly", true],
    ["2022-04-01", "2023-03-31", "annual", false],
    ["2023-11-15", "2023-11-15", null, false], // a date says nothing of how often
  ] as const)("no frequency stated: a figure for %s to %s is %s; stale %s", (start, end, frequency, stale) => {
    const s = staleness({ frequency: null, latest: { ...latest(end), periodStart: start } }, "2024-02-29");
    expect(s).toMatchObject({ frequency, stale, inferred: frequency !== null });
    expect(frequencyFromPeriod({ periodStart: start, periodEnd: end })).toBe(frequency);
  });

  test("the spacing of a KPI's periods says how often it is reported, before the length of one period", () => {
    const months = ["2020-08-31", "2020-09-30", "2020-10-31", "2020-11-30"];
    expect(frequencyFromPeriods(months, null)).toBe("monthly");
    // Milestones a few times a year (seed 002's KS2 progress): a month's heading is not a monthly KPI.
    expect(frequencyFromPeriods(["2019-01-31", "2019-10-31", "2020-01-31", "2020-10-31", "2021-06-30"], { periodStart: "2019-10-01", periodEnd: "2019-10-31" })).toBe("annual");
    expect(frequencyFromPeriods(["2019-04-30", "2019-10-31", "2020-01-31", "2020-04-30", "2020-07-31", "2020-10-31", "2021-06-30"], null)).toBe("quarterly");
    expect(frequencyFromPeriods(["2023-12-31"], { periodStart: "2023-12-01", periodEnd: "2023-12-31" })).toBe("monthly");
  });

  test("an unreadable frequency cell gives way to the period's; the words say which rule", () => {
    const s = staleness({ frequency: "18.0 weeks", latest: { ...latest("2020-11-30"), periodStart: "2020-11-01" } }, "2024-02-29");
    expect(s).toMatchObject({ stale: true, frequency: "monthly", inferred: true, reason: "frequency" });
    expect(staleWords(s)).toBe("older than a monthly KPI allows (its frequency read from its periods)");
    expect(staleWords(staleness({ frequency: null, latest: latest("2020-11-30") }, "2024-02-29"))).toBe("more than 18 months old");
  });

  test("the status words name the period an out-of-date status holds for", () => {
    expect(staleStatusWords("Green", { period: "Oct 2020", periodEnd: "2020-10-31" })).toBe("Green at Oct 2020 — out of date");
    expect(staleStatusWords("Red", { period: "Performance at October 2020 18 Months", periodEnd: "2020-10-31" })).toBe("Red at Oct 2020 — out of date");
    expect(staleStatusWords("Red", null)).toBe("Red — out of date");
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
