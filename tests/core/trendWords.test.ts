// A trend the commentary states in words against an earlier period is read; a plan or a cause is not.
import { join } from "node:path";
import fc from "fast-check";
import { trendInPhrase, trendInWords } from "../../src/core/stated/trendWords";
import { scanFixture, kpi } from "../helpers/scan";

describe("a trend stated in the commentary", () => {
  test.each([
    ["an increase in volume of 22 since end March 2022", "up", null],
    ["delays due to staff absence.  An increase in performance since end March 22.", null, "improving"],
    ["An increase of 2% in performance since end March 22.", null, "improving"],
    ["This has remained static since March 22 as placements are measured annually.", "flat", "no-change"],
    ["Performance has declined compared with last quarter.", null, "worsening"],
    ["A fall in the number of cases since Q2.", "down", null],
  ])("%p -> %p / %p", (text, direction, judgement) => {
    expect(trendInWords(text)).toMatchObject({ direction, judgement });
  });

  test.each([
    "We aim to increase performance next year.", // a plan, compared with nothing
    "An increase in demand has delayed assessments.", // a cause
    "No change",
    "Improving",
  ])("%p states no trend against an earlier period", (text) => {
    expect(trendInWords(text)).toBeNull();
  });

  test.each([
    ["3 % rise in volume", "up", null],
    ["Stayed the same", "flat", "no-change"],
    ["Improved performance", null, "improving"],
  ])("in a trend or comment column, the phrase %p is enough: %p / %p", (text, direction, judgement) => {
    expect(trendInPhrase(text)).toMatchObject({ direction, judgement });
  });

  it("never throws, and says nothing without a comparison with an earlier period", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => {
        const r = trendInWords(t);
        if (r) expect(/since|compared|than|\b(?:on|from) (?:last|the)/i.test(r.text)).toBe(true);
      }),
    );
  });

  it("Rutland's headlines: each bullet's direction since end March, shown and not checked against the last step", async () => {
    const r = await scanFixture(join("..", "corpus", "xlsx", "rutland-send-timescales-summer-2022.xlsx"), { asOf: "2022-08-31" });
    const ehcps = kpi(r, "Education Health and Care Plans");
    expect([ehcps.dot.stated, ehcps.dot.statedJudgement ?? null]).toEqual(["up", null]);
    expect(kpi(r, "annual reviews completed within 12 months").dot.statedJudgement).toBe("improving");
    expect(kpi(r, "transition year annual reviews").dot.statedJudgement).toBe("no-change");
    expect(r.tables.flatMap((t) => t.kpis).flatMap((k) => k.findings).filter((f) => f.code === "stated-dot-contradicts-data")).toEqual([]);
  });
});
