// The size of the scorecard write, told truly before it is sent: each request's estimate counts everything
// it carries (values, formats, merges, rules, links, charts, office.js's envelope) and is never below the
// request as the host serialises it; a scorecard too large for one request goes in several, each under the limit.
import { newWorkbook, type HeadlessWorkbook } from "../../src/host";
import { applyScorecard, estimatedWriteBytes, type ApplyResult } from "../../src/excel/applyScorecard";
import { buildScorecardSpec, type ScorecardSpec } from "../../src/core/scorecard";
import { settings, syntheticScan } from "../core/scorecardScans";

function specFor(n: number): ScorecardSpec {
  return buildScorecardSpec(syntheticScan(n), { sheetName: "Scorecard", generatedAt: "2026-11-22T00:30:00Z", commentary: [], settings: settings({ asOf: "2024-02-29" }) });
}

/** The write requests of the last apply: its last `result.requests.length` syncs. */
function writeRequests(wb: HeadlessWorkbook, result: ApplyResult): number[] {
  return wb.stats.log.slice(-result.requests.length).map((l) => l.requestBytes);
}

async function usedValues(wb: HeadlessWorkbook): Promise<unknown[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Scorecard").getUsedRange(true);
    r.load("values");
    await ctx.sync();
    return r.values;
  });
}

describe("the write estimate", () => {
  test.each([10, 100, 1000, 3000])("for %i KPIs is at or above each request as sent, made or in place", async (n) => {
    const spec = specFor(n);
    const wb = newWorkbook();
    const made = await wb.run((ctx) => applyScorecard(ctx, spec));
    const sent = writeRequests(wb, made);
    made.requests.forEach((r, i) => expect(r.estimatedBytes).toBeGreaterThanOrEqual(sent[i]));
    // Not wildly above either: the estimate is meant to decide when to split.
    made.requests.forEach((r, i) => expect(r.estimatedBytes).toBeLessThan(sent[i] * 1.6));
    if (n <= 1000) {
      const again = await wb.run((ctx) => applyScorecard(ctx, spec));
      writeRequests(wb, again).forEach((bytes, i) => expect(again.requests[i].estimatedBytes).toBeGreaterThanOrEqual(bytes));
    }
    expect(made.requests).toHaveLength(1);
    expect(estimatedWriteBytes(spec)).toBeGreaterThanOrEqual(sent[0]);
  }, 120_000);
});

describe("a scorecard too large for one request", () => {
  test("is written in several, each under the limit, to the same sheet one request would write", async () => {
    const spec = specFor(200);
    const one = newWorkbook();
    await one.run((ctx) => applyScorecard(ctx, spec));
    const limit = 150_000;
    const wb = newWorkbook({ payloadLimitBytes: limit });
    const result = await wb.run((ctx) => applyScorecard(ctx, spec, { requestBudgetBytes: limit }));
    expect(result.requests.length).toBeGreaterThan(2);
    for (const bytes of writeRequests(wb, result)) expect(bytes).toBeLessThan(limit);
    expect(await usedValues(wb)).toEqual(await usedValues(one));
    // And in place, the same as a second scorecard in one request.
    const again = await wb.run((ctx) => applyScorecard(ctx, spec, { requestBudgetBytes: limit }));
    await one.run((ctx) => applyScorecard(ctx, spec));
    expect(again.inPlace).toBe(true);
    for (const bytes of writeRequests(wb, again)) expect(bytes).toBeLessThan(limit);
    expect(await usedValues(wb)).toEqual(await usedValues(one));
  }, 120_000);
});
