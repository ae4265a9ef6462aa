// KPIs written as their commitment, the target in their own words (tests/fixtures/targets-in-words.xlsx, built by
// `npm run fixtures` from scripts/fixtures/build-targets-in-words.ts, a publisher's own figures as published).
import { allKpis, scanFixture } from "../helpers/scan";

it("'More than 80% of calls to be answered …', '100% of written correspondence to be replied to …': the target is the share the words commit to", async () => {
  const r = await scanFixture("targets-in-words.xlsx", { asOf: "2019-09-30" });
  const ks = allKpis(r);
  expect(ks.map((k) => [k.currentTarget?.value, k.latest?.value, k.polarity, k.rag])).toEqual([
    [0.8, 0.77, "higher-is-better", "amber"],
    [1, 1, "higher-is-better", "green"],
    [0.9, 0.96, "higher-is-better", "green"],
  ]);
  // The target is read from the measure's own cell.
  expect(ks[0].currentTarget?.cell).toBe("A2");
});
