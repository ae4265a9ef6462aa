// Standards named in one column and described in a sentence beside it (tests/fixtures/standards.xlsx, built by
// `npm run fixtures` from scripts/fixtures/build-standards.ts, a publisher's own figures as published).
import { allKpis, scanFixture } from "../helpers/scan";

it("'Waiting Time | (the standard's sentence) | … | Scotland Performance': the service named in the first column is the measure, not the sentence", async () => {
  const r = await scanFixture("standards.xlsx", { asOf: "2017-09-30" });
  const ks = allKpis(r);
  expect(ks.map((k) => [k.measure, k.latest?.value])).toEqual([
    ["Accident & Emergency (A&E) - Monthly", 0.935],
    ["Child & Adolescent Mental Health", 0.807],
    ["Psychological Therapies", 0.724],
  ]);
  const table = r.tables[0];
  expect(table.columns?.[1].role).not.toBe("measure");
});
