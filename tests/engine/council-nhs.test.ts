// Layouts the seeds do not have but councils and NHS bodies publish every month: a corporate
// performance report by quarter with an annual target, and an NHS board metric table with months as
// date cells. Real .xlsx files built with ExcelJS; the engine was not tuned to them.
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import type { ScanResult } from "../../src/core/types";
import { codes, kpi } from "../helpers/scan";

let result: ScanResult;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("Council");
  a.addRow(["Corporate Performance Report – Quarter 3 2023/24"]);
  a.addRow([]);
  a.addRow(["Ref", "Indicator", "Polarity", "2022/23 Outturn", "Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Target 2023/24", "RAG", "DoT", "Comments"]);
  a.addRow(["CS01", "% of children's social care assessments completed within 45 days", "High", 0.82, 0.85, 0.79, 0.88, 0.9, "Amber", "↑", "Improving"]);
  a.addRow(["CS02", "Number of children looked after per 10,000", "Low", 72, 74, 75, 73, 70, "Amber", "↓", ""]);
  a.addRow(["HW05", "Household waste recycled (%)", "High", 0.41, 0.43, 0.44, 0.42, 0.45, "Green", "↓", "Seasonal"]);
  a.addRow(["HR03", "Average working days lost to sickness per FTE", "Low", 9.1, 2.3, 4.5, 6.9, 8.5, "Red", "↑", "Cumulative"]);
  for (const r of [4, 6]) for (let c = 4; c <= 8; c++) a.getCell(r, c).numFmt = "0%";
  for (const r of [5, 7]) for (let c = 4; c <= 8; c++) a.getCell(r, c).numFmt = "0.0";
  a.addRow([]);
  a.addRow(["Source: performance team, January 2024"]);
  const b = wb.addWorksheet("NHS");
  b.addRow(["Metric", "Standard", new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 1, 1)), new Date(Date.UTC(2024, 2, 1)), "Trend"]);
  b.addRow(["A&E 4-hour performance", 0.95, 0.712, 0.705, 0.731, "↑"]);
  b.addRow(["RTT 18 weeks (incomplete pathways)", 0.92, 0.58, 0.579, 0.583, "→"]);
  b.addRow(["Diagnostics waiting 6+ weeks", 0.01, 0.24, 0.22, 0.21, "↓"]);
  for (let c = 3; c <= 5; c++) b.getCell(1, c).numFmt = "mmm-yy";
  for (let r = 2; r <= 4; r++) for (let c = 2; c <= 5; c++) b.getCell(r, c).numFmt = "0.0%";
  const c = wb.addWorksheet("ASC");
  c.addRow(["Adult Social Care dashboard 2023/24"]);
  c.addRow(["KPI", "Measure", "", new Date(Date.UTC(2023, 3, 1)), new Date(Date.UTC(2023, 4, 1)), new Date(Date.UTC(2023, 5, 1)), new Date(Date.UTC(2023, 6, 1))]);
  c.addRow(["ASC1", "Delayed transfers of care (days)", "Target", 300, 300, 280, 280]);
  c.addRow(["", "", "Actual", 320, 290, 270, 300]);
  c.addRow(["ASC2", "% of reviews completed on time", "Actual", 0.75, 0.82, 0.86, 0.84]);
  c.addRow(["", "", "Target", 0.8, 0.8, 0.85, 0.85]);
  for (let col = 4; col <= 7; col++) c.getCell(2, col).numFmt = "mmm-yy";
  for (let r = 5; r <= 6; r++) for (let col = 4; col <= 7; col++) c.getCell(r, col).numFmt = "0%";
  const host = await openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
  result = (await host.run((ctx) => scanWorkbook(ctx, { workbookName: "council.xlsx", overrides: { asOf: "2024-03-31" } }))).result;
});

describe("a council's quarterly report against annual targets", () => {
  it("reads quarters of the financial year, the annual target in force through the year, and the stated RAG", () => {
    const t = result.tables.find((x) => x.sheet === "Council")!;
    expect(t.range).toBe("A3:K7");
    const cs01 = kpi(result, "CS01");
    expect(cs01.latest).toMatchObject({ value: 0.88, period: "Q3 2023/24", periodStart: "2023-10-01", periodEnd: "2023-12-31" });
    expect(cs01.previous?.period).toBe("Q2 2023/24");
    expect(cs01.currentMilestone).toBe("Target 2023/24");
    expect(cs01).toMatchObject({ rag: "amber", statedRag: "amber", polaritySource: "stated" });
    expect(codes(cs01.findings)).not.toContain("periods-out-of-order");
  });

  it("checks the stated RAG and DoT against the figures", () => {
    const waste = kpi(result, "HW05");
    expect(waste.rag).toBe("amber");
    expect(codes(waste.findings)).toContain("stated-rag-contradicts-data");
    const sickness = kpi(result, "HR03");
    expect(sickness).toMatchObject({ polarity: "lower-is-better", rag: "green" });
    expect(codes(sickness.findings)).toContain("stated-rag-contradicts-data");
    expect(codes(kpi(result, "CS02").findings)).toEqual([]);
  });
});

describe("an NHS board table with months as date cells", () => {
  it("reads the months, the standard as the target and the trend arrow", () => {
    const ae = kpi(result, "A&E 4-hour performance");
    expect(ae.latest).toMatchObject({ value: 0.731, periodStart: "2024-03-01", periodEnd: "2024-03-31" });
    expect(ae.previous?.value).toBeCloseTo(0.705);
    expect(ae.currentTarget?.value).toBeCloseTo(0.95);
    expect(ae.rag).toBe("red");
    const diag = kpi(result, "Diagnostics waiting 6+ weeks");
    expect(diag).toMatchObject({ polarity: "lower-is-better", dot: { direction: "down", judgement: "improving", stated: "down" } });
    // 57.9% to 58.3% stated "→": a small move, not a contradiction.
    expect(codes(kpi(result, "RTT 18 weeks").findings)).not.toContain("stated-dot-contradicts-data");
  });
});

describe("Target and Actual rows labelled in a column of their own, in either order", () => {
  it("pairs each KPI's target row with its actual row", () => {
    const t = result.tables.find((x) => x.sheet === "ASC")!;
    expect(t.kpis.map((k) => k.ref)).toEqual(["ASC1", "ASC2"]);
    expect(t.layout).toBe("target-actual-rows");
    const dtoc = kpi(result, "ASC1");
    expect(dtoc).toMatchObject({ polarity: "lower-is-better", rag: "amber", dot: { direction: "up", judgement: "worsening" } });
    expect(dtoc.latest?.value).toBe(300);
    expect(dtoc.currentTarget?.value).toBe(280);
    const reviews = kpi(result, "ASC2");
    expect(reviews.latest?.value).toBeCloseTo(0.84);
    expect(reviews.currentTarget?.value).toBeCloseTo(0.85);
    expect(reviews.rag).toBe("amber");
  });
});
