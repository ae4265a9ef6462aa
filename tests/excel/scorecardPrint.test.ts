// The scorecard prints as it stands, checked on the saved workbook read back independently: A4
// landscape one page wide at a readable scale (register text 8 pt or more), print area and titles,
// header and Page X of Y, no chart cut by a page break or outside the print area, row heights that
// show wrapped text whole, no blank page, no measure cut. The LibreOffice renders are in tests/render.
import { join } from "node:path";
import { CORPUS, SAMPLE, checkPrintable, scorecardOf } from "../helpers/printCheck";

const files = [
  SAMPLE,
  join(CORPUS, "hart-dc-kpi-tiles-q1-2014-15.xlsx"), // owners, 15 exceptions
  join(CORPUS, "calderdale-mbc-super-kpis-2025-08.xlsx"), // benchmarks
  join(CORPUS, "warwickshire-frs-targets-measures-2016-17.xlsx"),
];

describe.each(files)("%s", (file) => {
  test("prints as it stands", async () => {
    const printed = await scorecardOf(file);
    expect(printed.kpis).toBeGreaterThan(0);
    const report = await checkPrintable(printed);
    expect(report.problems).toEqual([]);
    expect(report.registerPrintedFont).toBeGreaterThanOrEqual(9.5);
    expect(report.scale).toBeGreaterThanOrEqual(0.8);
  });
});

test("the checks can fail: a chart across a page break and a row too short for its text are reported", async () => {
  const { openWorkbook } = await import("../../src/host");
  const { scanWorkbook } = await import("../../src/excel/scanWorkbook");
  const { applyScorecard } = await import("../../src/excel/applyScorecard");
  const { buildScorecardSpec } = await import("../../src/core/scorecard");
  const { readFileSync } = await import("node:fs");
  const wb = await openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  const { result, settings } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "s", overrides: { asOf: "2024-02-29" }, today: "2024-02-29" }));
  const spec = buildScorecardSpec(result, { sheetName: "Scorecard", generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings });
  // Move the second chart down so a page break runs through it, and squash the register's first KPI row.
  const chart = spec.charts[1];
  const from = Number(/\d+/.exec(chart.topLeft)![0]);
  const to = Number(/\d+/.exec(chart.bottomRight)![0]);
  const shift = spec.page.pageBreaksBefore.find((b) => b > to)! - from + 1 - Math.floor((to - from) / 2);
  chart.topLeft = chart.topLeft.replace(/\d+/, String(from + shift));
  chart.bottomRight = chart.bottomRight.replace(/\d+/, String(to + shift));
  spec.register.rowHeights.push({ row: spec.rows[0].row, count: 1, height: 4 });
  await wb.run((ctx) => applyScorecard(ctx, spec));
  const report = await checkPrintable({ bytes: await wb.save(), sheetName: "Scorecard", registerSheetName: "Scorecard register", kpis: spec.rows.length, measures: [] });
  expect(report.problems.some((p) => p.includes("is cut by the page break"))).toBe(true);
  expect(report.problems.some((p) => p.startsWith(`Scorecard register: row ${spec.rows[0].row + 1}: 4 pt`))).toBe(true);
});
