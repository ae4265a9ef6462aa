import { decidePolarity, polarityFromWording, parseStatedPolarity, volumeWording } from "../../src/core/assess/polarity";
import { computeDot, parseStatedDot } from "../../src/core/assess/dot";
import { parseStatedRag, rateAgainstTarget } from "../../src/core/assess/rag";

const base = { stated: null, setting: null, baseline: null, finalTarget: null, stagedTargets: [], defaultPolarity: "higher-is-better" as const };

describe("polarity from the measure's wording", () => {
  it.each([
    ["Number of Children missing education", "lower-is-better"],
    ["Proportion of pupils with EHCP who are persistently absent", "lower-is-better"],
    ["Waiting time – SLT, patients waiting over 18 weeks", "lower-is-better"],
    ["Number of overdue EP advice requests", "lower-is-better"],
    ["No. of complaints as % of EHCPs", "lower-is-better"],
    ["No. of active tribunals", "lower-is-better"],
    ["ASD open referral backlog reduction target", "lower-is-better"],
    ["Fixed-term exclusions of pupils with EHCPs", "lower-is-better"],
    ["Suspensions per 100 pupils", "lower-is-better"],
    ["16-17 year olds NEET", "lower-is-better"],
    ["Robbery", "lower-is-better"],
    ["Theft from Vehicle", "lower-is-better"],
    ["Criminal Damage", "lower-is-better"],
    ["Timeliness of EHCP assessments for plans issued in month (completed in 20 weeks)", "higher-is-better"],
    ["Overall % EHCPs graded good or outstanding", "higher-is-better"],
    ["% overall pathway wait within 18 weeks targets (referral to partnership)", "higher-is-better"],
    ["% ASD assessments completed within 30 weeks target", "higher-is-better"],
    ["Household waste collected on the scheduled day", "higher-is-better"],
    ["Homelessness prevented through early help", "higher-is-better"],
    ["Successful completions of treatment", "higher-is-better"],
  ])("%s → %s", (measure, expected) => {
    expect(polarityFromWording(measure).polarity).toBe(expected);
    expect(decidePolarity({ ...base, measure }).source).toBe("wording");
  });

  it("assumes the default and says so when nothing tells", () => {
    const d = decidePolarity({ ...base, measure: "Early Years Development checks" });
    expect(d.polarity).toBe("higher-is-better");
    expect(d.source).toBe("default");
    const lower = decidePolarity({ ...base, measure: "Early Years Development checks", defaultPolarity: "lower-is-better" });
    expect(lower.polarity).toBe("lower-is-better");
  });

  it("takes the direction from baseline to final target over the wording, and reports the conflict", () => {
    const d = decidePolarity({ ...base, measure: "Average waiting time for therapy", baseline: 9, finalTarget: 12 });
    expect(d.polarity).toBe("higher-is-better");
    expect(d.source).toBe("target-vs-baseline");
    expect(d.conflict).toMatch(/wording/);
  });

  it("a stated column wins, and a setting wins over it", () => {
    expect(decidePolarity({ ...base, measure: "Waiting list", stated: "High" }).polarity).toBe("higher-is-better");
    expect(decidePolarity({ ...base, measure: "x", stated: "Low", setting: "higher-is-better" })).toMatchObject({ polarity: "higher-is-better", source: "setting" });
    expect(parseStatedPolarity("Lower")).toBe("lower-is-better");
    expect(parseStatedPolarity("Higher is better")).toBe("higher-is-better");
    expect(parseStatedPolarity("sideways")).toBeNull();
  });
});

describe("a measure with no better direction", () => {
  it.each([
    ["EHC assessment requests as a % of population (Demand)", "demand"],
    ["Number of referrals to Early Help", "number of"],
    ["SEN support notifications", "notifications"],
    ["Total number of EHC plans as % of 0-24 population", "total number of"],
    ["EHC needs assessment requests received", "requests"],
  ])("%s is a volume (%s)", (measure, words) => {
    expect(volumeWording(measure)).toBe(words);
    const d = decidePolarity({ ...base, measure });
    expect(d).toMatchObject({ polarity: null, ratedAs: null, source: "wording" });
    expect(d.noBetterDirection?.reason).toMatch(/demand or volume/);
  });

  it.each(["18-week referral", "% of referrals seen within 18 weeks", "Proportion of requests completed on time", "Number of complaints received", "Number of affordable homes delivered"])(
    "%s is not a volume without a better direction",
    (measure) => {
      expect(decidePolarity({ ...base, measure }).polarity).not.toBeNull();
    },
  );

  it("is rated on the side its targets imply, and a stated 'No polarity' is no better direction", () => {
    expect(decidePolarity({ ...base, measure: "Referrals to CAMHS (Demand)", baseline: 0.97, finalTarget: 0.68 })).toMatchObject({ polarity: null, ratedAs: "lower-is-better" });
    expect(decidePolarity({ ...base, measure: "Number of vehicles parked in contravention", targetText: "Less than 49,000" })).toMatchObject({ polarity: "lower-is-better", source: "target-wording" });
    expect(decidePolarity({ ...base, measure: "Contacts to the front door", stated: "Low" })).toMatchObject({ polarity: "lower-is-better", source: "stated" });
    expect(decidePolarity({ ...base, measure: "Average speed of traffic", stated: "No polarity" })).toMatchObject({ polarity: null, source: "stated" });
  });
});

describe("direction of travel", () => {
  it("falls from 116 to 106: down, and improving when lower is better", () => {
    expect(computeDot(116, 106, "lower-is-better", 0)).toEqual({ direction: "down", judgement: "improving" });
    expect(computeDot(116, 106, "higher-is-better", 0)).toEqual({ direction: "down", judgement: "worsening" });
  });
  it("is flat within the no-change band", () => {
    expect(computeDot(0.55, 0.54, "higher-is-better", 0.02)).toEqual({ direction: "flat", judgement: "no-change" });
    expect(computeDot(0.1 + 0.2, 0.3, "higher-is-better", 0).direction).toBe("flat");
  });
  it("reads stated arrows and words", () => {
    expect(parseStatedDot("↑")?.direction).toBe("up");
    expect(parseStatedDot("↓")?.direction).toBe("down");
    expect(parseStatedDot("→")?.direction).toBe("flat");
    expect(parseStatedDot("Improving")?.judgement).toBe("improving");
    expect(parseStatedDot("▲ better")?.direction).toBe("up");
    expect(parseStatedDot("see notes")).toBeNull();
  });
});

describe("RAG against a target", () => {
  const settings = { amberBand: 0.1, amberMode: "relative" as const };
  it("green when met, amber within 10% of the target, red beyond", () => {
    expect(rateAgainstTarget({ actual: 0.93, target: 0.92, polarity: "higher-is-better", unit: "percent", settings }).rag).toBe("green");
    expect(rateAgainstTarget({ actual: 0.873, target: 0.92, polarity: "higher-is-better", unit: "percent", settings }).rag).toBe("amber");
    expect(rateAgainstTarget({ actual: 0.519, target: 0.92, polarity: "higher-is-better", unit: "percent", settings }).rag).toBe("red");
  });
  it("lower is better: at or under the target is green", () => {
    expect(rateAgainstTarget({ actual: 4.7, target: 8, polarity: "lower-is-better", unit: "weeks", settings }).rag).toBe("green");
    expect(rateAgainstTarget({ actual: 8.5, target: 8, polarity: "lower-is-better", unit: "weeks", settings }).rag).toBe("amber");
    expect(rateAgainstTarget({ actual: 418, target: 0, polarity: "lower-is-better", unit: "count", settings }).rag).toBe("red");
  });
  it("percentage points is an option for percentages", () => {
    const points = { amberBand: 0.05, amberMode: "points" as const };
    expect(rateAgainstTarget({ actual: 0.88, target: 0.92, polarity: "higher-is-better", unit: "percent", settings: points }).rag).toBe("amber");
    expect(rateAgainstTarget({ actual: 0.86, target: 0.92, polarity: "higher-is-better", unit: "percent", settings: points }).rag).toBe("red");
  });
  it("reads stated RAG words and letters", () => {
    expect(parseStatedRag("Green")).toBe("green");
    expect(parseStatedRag("A")).toBe("amber");
    expect(parseStatedRag("r")).toBe("red");
    expect(parseStatedRag("Blue")).toBe("blue");
    expect(parseStatedRag("maybe")).toBeNull();
  });
});
