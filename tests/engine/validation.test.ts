// The validation rules the seed fixtures do not happen to exercise, each on a small real .xlsx built
// with ExcelJS from seed-like rows: every finding has its code, severity, plain message and cell.
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import type { Settings } from "../../src/core/settings";
import type { ScanResult } from "../../src/core/types";
import { FINDING_CODES } from "../../src/core/validate/codes";
import { allFindings, allKpis, codes, kpi } from "../helpers/scan";

type Cell = string | number | null;

async function scanRows(rows: Cell[][], overrides: Partial<Settings> = {}, formats: Record<string, string> = {}): Promise<ScanResult> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPIs");
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  for (const [addr, fmt] of Object.entries(formats)) ws.getCell(addr).numFmt = fmt;
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const host = await openWorkbook(bytes);
  const { result } = await host.run((ctx) => scanWorkbook(ctx, { workbookName: "t.xlsx", overrides: { asOf: "2020-12-08", ...overrides }, today: "2020-12-08" }));
  return result;
}

const MILESTONES = ["KPI", "Measure", "Frequency", "Baseline June 2019", "Target for 6 months December 2019", "Target for 12 months June 2020", "Target for 18 months December 2020"];

describe("validation findings", () => {
  it("every code has a severity and every finding a plain message, sheet and cell", async () => {
    const r = await scanRows([MILESTONES, ["5/2", "% of plans completed within 20 weeks", "Quarterly", "40%", "60%", "50%", "70%"], ["ACTUAL", null, null, null, "55%", "58%", null]]);
    for (const f of allFindings(r)) {
      expect(FINDING_CODES[f.code as keyof typeof FINDING_CODES]).toBeDefined();
      expect(f.severity).toBe(FINDING_CODES[f.code as keyof typeof FINDING_CODES].severity);
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.sheet).toBe("KPIs");
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });

  it("staged targets that move the wrong way for the polarity", async () => {
    const r = await scanRows([MILESTONES, ["5/2", "% of plans completed within 20 weeks", "Quarterly", "40%", "60%", "50%", "70%"], ["ACTUAL", null, null, null, "55%", "58%", null]]);
    const f = kpi(r, "5/2").findings.find((x) => x.code === "staged-targets-wrong-way");
    expect(f).toMatchObject({ cell: "F2", severity: "warning" });
    expect(f!.message).toMatch(/50%.*easier.*60%/);
  });

  it("milestones out of time order", async () => {
    const heads = ["KPI", "Measure", "Aug 2020", "Oct 2020", "Sep 2020", "Nov 2020"];
    const r = await scanRows([heads, ["5/5", "% referral to choice within 6 weeks", "50%", "60%", "55%", "70%"]]);
    expect(codes(kpi(r, "5/5").findings)).toContain("periods-out-of-order");
    const ordered = await scanRows([["KPI", "Measure", "Aug 2020", "Sep 2020", "Oct 2020", "Nov 2020"], ["5/5", "% referral to choice within 6 weeks", "50%", "55%", "60%", "70%"]]);
    expect(codes(kpi(ordered, "5/5").findings)).not.toContain("periods-out-of-order");
  });

  it("previous later than latest", async () => {
    const r = await scanRows([["Measure", "Target", "Previous", "Latest"], ["Number of overdue EP advice requests", "0", "520 (Jan 24)", "418 (Dec 23)"]], { asOf: "2024-02-29" });
    expect(codes(allKpis(r)[0].findings)).toContain("periods-out-of-order");
  });

  it("figures of one KPI in different units", async () => {
    const r = await scanRows([["Measure", "Target", "Previous", "Latest"], ["Average wait for assessment", "8 weeks", "45 days", "6.2 weeks"]]);
    const f = allKpis(r)[0].findings.find((x) => x.code === "unit-mismatch");
    expect(f?.message).toMatch(/weeks.*days|days.*weeks/);
  });

  it("polarity: a stated column that cannot be read, and evidence that conflicts", async () => {
    const r = await scanRows([
      ["Measure", "Polarity", "Baseline", "Target", "Latest"],
      ["Number of children missing education", "Sideways", "120", "80", "104"],
      ["Average waiting time for SALT", "High", "30 weeks", "18 weeks", "12.6 weeks"],
    ]);
    const [missing, salt] = allKpis(r);
    expect(codes(missing.findings)).toContain("polarity-not-recognised");
    expect(missing.polarity).toBe("lower-is-better");
    expect(salt).toMatchObject({ polarity: "higher-is-better", polaritySource: "stated" });
    expect(salt.findings.find((f) => f.code === "polarity-conflict")?.message).toMatch(/below the baseline|wording/);
  });

  it("stale data for a monthly KPI", async () => {
    const r = await scanRows([["Measure", "Frequency", "Target", "Previous", "Latest"], ["Number of overdue EHCPs", "Monthly", "0", "948 (Sept 23)", "709 (Oct 23)"]], { asOf: "2024-02-29" });
    expect(allKpis(r)[0].findings.find((f) => f.code === "stale-data")).toMatchObject({ cell: "E2" });
    const fresh = await scanRows([["Measure", "Frequency", "Target", "Previous", "Latest"], ["Number of overdue EHCPs", "Monthly", "0", "948 (Dec 23)", "709 (Jan 24)"]], { asOf: "2024-02-29" });
    expect(codes(allKpis(fresh)[0].findings)).not.toContain("stale-data");
  });

  it("no milestone due yet at the reporting date", async () => {
    const r = await scanRows([MILESTONES, ["5/2", "% of plans completed within 20 weeks", "Quarterly", "40%", "60%", "65%", "70%"]], { asOf: "2019-08-01" });
    const k = kpi(r, "5/2");
    expect(codes(k.findings)).toContain("no-milestone-due");
    expect(k.rag).toBe("grey");
  });

  it("blue once the final target is achieved, when the BRAG option is on", async () => {
    const rows: Cell[][] = [MILESTONES, ["5/2", "% of plans completed within 20 weeks", "Quarterly", "40%", "60%", "65%", "70%"], ["ACTUAL", null, null, null, "62%", "72%", null]];
    expect(kpi(await scanRows(rows), "5/2").rag).toBe("green");
    const brag = kpi(await scanRows(rows, { blueWhenFinalTargetMet: true }), "5/2");
    expect(brag.rag).toBe("blue");
    expect(brag.ragExplanation).toMatch(/final target/);
  });

  it("the no-change band makes small movements flat", async () => {
    const rows: Cell[][] = [["Measure", "Target", "Previous", "Latest"], ["% of CYP with an up-to-date Annual Review", "40%", "38.5%", "39%"]];
    expect(allKpis(await scanRows(rows))[0].dot.direction).toBe("up");
    expect(allKpis(await scanRows(rows, { noChangeBand: 0.01 }))[0].dot).toMatchObject({ direction: "flat", judgement: "no-change" });
  });

  it("'50% or national average, whichever is higher': below the floor is a miss whatever the average", async () => {
    const r = await scanRows([["KPI", "Measure", "Target for 12 months June 2020"], ["1/2a", "% of new EHCPs completed within statutory timescales", "50% or national average whichever is the higher"], ["ACTUAL", null, "30%"]]);
    const k = kpi(r, "1/2a");
    expect(k.rag).toBe("red");
    expect(codes(k.findings)).toContain("target-needs-comparator");
    expect(k.ragExplanation).toMatch(/floor/);
  });

  it("typed numbers with number formats read as the figures they show", async () => {
    const r = await scanRows(
      [["Measure", "Target", "Previous", "Latest"], ["% of EHC plans issued within 20 weeks", 0.6, 0.1, 0.13], ["Spend on transport per pupil", 5000, 5400, 5200]],
      {},
      { B2: "0%", C2: "0.0%", D2: "0.0%", B3: '"£"#,##0', C3: '"£"#,##0', D3: '"£"#,##0' },
    );
    const [plans, spend] = allKpis(r);
    expect(plans).toMatchObject({ unit: "percent", rag: "red" });
    expect(plans.latest).toMatchObject({ value: 0.13, text: "13.0%" });
    expect(spend.unit).toBe("currency");
    expect(spend.latest?.text).toBe("£5,200");
  });
});
