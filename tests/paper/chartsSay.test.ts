// Issue 19, the charts as a board member reads them (the packs read page by page): a KPI rated against a
// target shows that target on its chart, and no value written on a point sits on another's.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";
import type { ChartSummary } from "../../src/host/xlsx/chartModel";

const CORPUS = join(__dirname, "..", "corpus", "xlsx");

/** The scorecard's charts as saved, after Insert on a corpus workbook. */
async function chartsOf(id: string, asOf?: string): Promise<ChartSummary[]> {
  const wb = await openWorkbook(await readFile(join(CORPUS, `${id}.xlsx`)));
  const out = await wb.run((ctx) => insertScorecard(ctx, { workbookName: `${id}.xlsx`, overrides: asOf ? { asOf } : {}, today: "2026-12-05", generatedAt: "2026-12-05T09:00:00Z" }));
  return (await readChartsFromXlsx(await wb.save())).filter((c) => c.sheetName === out.applied.sheetName);
}

/** Points where two labelled line series are closer than a fifth of the values' range: their labels would overlap. */
function crowdedPoints(c: ChartSummary): number[] {
  const labelled = c.series.filter((s) => s.dataLabels && s.kind === "LineMarkers");
  const all = c.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const span = Math.max(...all) - Math.min(...all) || 1;
  const out: number[] = [];
  labelled.forEach((a, i) =>
    labelled.slice(i + 1).forEach((b) =>
      a.values.forEach((v, x) => {
        const w = b.values[x];
        if (v !== null && w !== null && w !== undefined && Math.abs(v - w) < span / 5) out.push(x);
      }),
    ),
  );
  return out;
}

test("Devon's attendance chart: the actual 13.6% and the target 13% are not both written at the same point", async () => {
  const charts = await chartsOf("devon-send-app-kpis-2024", "2024-11-30");
  const ehc = charts.find((c) => /absent from school with an EHC plan/i.test(c.title ?? ""));
  expect(ehc).toBeDefined();
  const actual = ehc!.series.find((s) => s.name === "Actual")!;
  const target = ehc!.series.find((s) => /^Target/.test(s.name ?? ""))!;
  // The last milestone: 13.6% against 13%, drawn on the same axis.
  expect(actual.values.at(-1)).toBeCloseTo(0.136, 6);
  expect(target.values.at(-1)).toBeCloseTo(0.13, 6);
  expect(actual.dataLabels).toBe(true);
  expect(crowdedPoints(ehc!)).toEqual([]);
  // Across the pack: no trajectory with two labels on top of each other.
  for (const c of charts.filter((x) => x.kind === "LineMarkers")) expect([c.title, crowdedPoints(c)]).toEqual([c.title, []]);
});

test("Rotherham's KPIs rated against their one stated target show it as a line across the quarters", async () => {
  const charts = await chartsOf("rotherham-housing-performance-2024-q2");
  // "Target" column (0% Decent Homes, 97% emergency repairs) beside "Year end | Quarter 1 | Quarter 2".
  const decent = charts.find((c) => /Decent Homes/.test(c.title ?? ""))!;
  expect(decent.title).toMatch(/: Red$/);
  const target = decent.series.find((s) => /^Target/.test(s.name ?? ""));
  expect(target?.name).toBe("Target (0.0%)");
  expect(target!.values).toEqual([0, 0, 0]);
  expect(decent.series.find((s) => s.name === "Actual")!.values).toEqual([0.12, 0.071, 0.062]);
  const emergency = charts.find((c) => /emergency repairs/.test(c.title ?? ""))!;
  expect(emergency.series.find((s) => /^Target/.test(s.name ?? ""))!.values).toEqual([0.97, 0.97, 0.97]);
  // The KPIs with "No target" keep a chart of actuals alone.
  const noTarget = charts.filter((c) => /: Grey$/.test(c.title ?? ""));
  expect(noTarget.length).toBeGreaterThan(0);
  for (const c of noTarget) expect(c.series.map((s) => s.name)).toEqual(["Actual"]);
});

test("Hart's column charts: a target marker close to the latest column's top leaves the value to the column's label", async () => {
  const charts = (await chartsOf("hart-dc-kpi-tiles-q1-2014-15", "2014-06-30")).filter((c) => c.kind === "ColumnClustered");
  expect(charts.length).toBeGreaterThan(0);
  for (const c of charts) {
    const actual = c.series.find((s) => s.name === "Actual")!;
    const target = c.series.find((s) => /^Target/.test(s.name ?? ""))!;
    const latest = actual.values.at(-1)!;
    const t = target.values.at(-1)!;
    const all = [0, ...c.series.flatMap((s) => s.values).filter((v): v is number => v !== null)];
    const axis = Math.max(...all) - Math.min(...all);
    // Both labelled only when an eighth of the axis or more apart; the column always keeps its label.
    expect(actual.dataLabels).toBe(true);
    if (target.dataLabels) expect([c.title, Math.abs(latest - t) >= axis / 8]).toEqual([c.title, true]);
  }
  // SNH01: 0% against 3% on an axis to 29%: the target's "3%" would sit on the column's "0%".
  const snh01 = charts.find((c) => /^SNH01/.test(c.title ?? ""))!;
  expect(snh01.series.find((s) => /^Target/.test(s.name ?? ""))!.dataLabels).toBe(false);
});

test("an Amber or Red KPI's column chart says its target's value in the legend, and a target marker just above a column's end moves the column's value inside it, white (Network Homes Q2 2024/25)", async () => {
  const charts = (await chartsOf("network-homes-performance-2024-q2")).filter((c) => c.kind === "ColumnClustered");
  const named = (c: ChartSummary) => c.series.find((s) => /^Target/.test(s.name ?? ""))!;
  // One Red and four Amber exceptions; the legend carries each target, whether or not its marker is labelled.
  expect(charts.map((c) => [c.title, named(c).name, named(c).dataLabels])).toEqual([
    ["Customer satisfaction (LCRA)*: Red", "Target 70.0%", true],
    ["Current arrears as % of annual debit: Amber", "Target 6.42%", false],
    ["Residents' trust in us: Amber", "Target 60.0%", false],
    ["Complaints responded to on time**: Amber", "Target 95%", false],
    ["Rent collected as % due: Amber", "Target 101.00%", false],
  ]);
  // 58.1% under a 60% target, 92% under 95%, rent collected under 101%: the marker would sit on the value above the column, so the value is
  // written inside the column's end, white on its dark fill. Elsewhere it stays above the column, near-black.
  expect(charts.map((c) => [c.title, c.series.find((s) => s.name === "Actual")!.labelPosition, c.series.find((s) => s.name === "Actual")!.labelColour])).toEqual([
    ["Customer satisfaction (LCRA)*: Red", "outEnd", "262626"],
    ["Current arrears as % of annual debit: Amber", "outEnd", "262626"],
    ["Residents' trust in us: Amber", "inEnd", "FFFFFF"],
    ["Complaints responded to on time**: Amber", "inEnd", "FFFFFF"],
    ["Rent collected as % due: Amber", "inEnd", "FFFFFF"],
  ]);
  // Held across Hart's sixteen column charts too: wherever the marker is within an eighth of the axis above a
  // column's end, the value is inside it.
  const hart = (await chartsOf("hart-dc-kpi-tiles-q1-2014-15", "2014-06-30")).filter((c) => c.kind === "ColumnClustered");
  for (const c of [...charts, ...hart]) {
    const actual = c.series.find((s) => s.name === "Actual")!;
    const latest = actual.values.at(-1)!;
    const t = named(c).values.at(-1)!;
    const all = [0, ...c.series.flatMap((s) => s.values).filter((v): v is number => v !== null)];
    const axis = Math.max(...all) - Math.min(...all);
    const markerOnLabel = t >= latest && t - latest < axis / 8 && Math.min(...actual.values.filter((v): v is number => v !== null)) >= axis / 8;
    expect([c.title, actual.labelPosition]).toEqual([c.title, markerOnLabel ? "inEnd" : "outEnd"]);
    expect([c.title, named(c).name]).toEqual([c.title, expect.stringMatching(/^Target -?[\d.,]+/)]);
  }
});

test("a trajectory whose target values are not written on its points names the target in force in its legend (Devon's attendance: 13.0%)", async () => {
  const charts = await chartsOf("devon-send-app-kpis-2024", "2024-11-30");
  const ehc = charts.find((c) => /absent from school with an EHC plan/i.test(c.title ?? ""))!;
  const target = ehc.series.find((s) => /^Target/.test(s.name ?? ""))!;
  expect([target.dataLabels, target.name]).toEqual([false, "Target (in force: 13.0%)"]);
  // Its chart title keeps one colon, and the Red "(Demand)" exception, whose figures are written "1.13% (projected end
  // of year)", has its chart first.
  expect(charts.map((c) => c.title).slice(0, 2)).toEqual(["EHC assessment requests as a % of population (Demand): Red", expect.stringMatching(/with an EHC plan \(Attendance\): Amber$/)]);
});

/** Where the actual's value is written at point x: its own position, else the series' ("t" above, "b" below). */
function labelAt(s: ChartSummary["series"][number], x: number): string | null {
  return s.pointLabelPositions[x] ?? s.labelPosition;
}

/** Points where a target's marker sits just above the actual's point (within a fifth of the values' range) and the actual's value is written above it. */
function markerOverLabel(c: ChartSummary): number[] {
  const actual = c.series.find((s) => s.name === "Actual");
  const target = c.series.find((s) => /^Target/.test(s.name ?? ""));
  if (!actual?.dataLabels || !target) return [];
  const all = c.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const span = Math.max(...all) - Math.min(...all) || 1;
  return actual.values.flatMap((v, x) => {
    const t = target.values[x];
    return v !== null && t !== null && t !== undefined && t > v && t - v < span / 5 && labelAt(actual, x) !== "b" ? [x] : [];
  });
}

test("a target's marker just above an actual's point leaves its value under the point (Devon 4.40% under 4.5%, the sample's 5/6 69.9% under 75%)", async () => {
  const devon = await chartsOf("devon-send-app-kpis-2024", "2024-11-30");
  const demand = devon.find((c) => /EHC plans.*\(Demand\)/i.test(c.title ?? ""))!;
  const actual = demand.series.find((s) => s.name === "Actual")!;
  const target = demand.series.find((s) => /^Target/.test(s.name ?? ""))!;
  const at = actual.values.findIndex((v) => v !== null && Math.abs(v - 0.044) < 1e-6);
  expect(target.values[at]).toBeCloseTo(0.045, 6);
  expect(labelAt(actual, at)).toBe("b");
  // The milestone before, 4.33% over a 4.25% target: its value stays above, clear of the marker under it.
  expect(actual.values[at - 1]).toBeCloseTo(0.0433, 6);
  expect(labelAt(actual, at - 1)).toBe("t");
  const sample = await wbCharts(join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx"));
  const pathway = sample.find((c) => /^5\/6 /.test(c.title ?? ""))!;
  const a56 = pathway.series.find((s) => s.name === "Actual")!;
  const i56 = a56.values.findIndex((v) => v !== null && Math.abs(v - 0.699) < 1e-6);
  expect(pathway.series.find((s) => /^Target/.test(s.name ?? ""))!.values[i56]).toBeCloseTo(0.75, 6);
  expect(labelAt(a56, i56)).toBe("b");
  // Across both packs: no trajectory whose actual's value is written under a target's marker; most keep theirs above.
  for (const c of [...devon, ...sample].filter((x) => x.kind === "LineMarkers")) expect([c.title, markerOverLabel(c)]).toEqual([c.title, []]);
  const above = [...devon, ...sample].filter((c) => c.kind === "LineMarkers" && Object.keys(c.series.find((s) => s.name === "Actual")?.pointLabelPositions ?? {}).length === 0);
  expect(above.length).toBeGreaterThan(10);
});

/** The scorecard's charts as saved, after Insert on a workbook at the reporting date stored in it. */
async function wbCharts(file: string): Promise<ChartSummary[]> {
  const wb = await openWorkbook(await readFile(file));
  const out = await wb.run((ctx) => insertScorecard(ctx, { workbookName: "sample.xlsx", today: "2026-12-05", generatedAt: "2026-12-05T09:00:00Z" }));
  return (await readChartsFromXlsx(await wb.save())).filter((c) => c.sheetName === out.applied.sheetName);
}
