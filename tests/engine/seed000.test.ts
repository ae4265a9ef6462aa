// Seed 000: Priority / Measure / Target / Previous / Latest / DoT / Notes, as published (text cells)
// and as a performance officer would type it (an Excel table, numbers with formats, periods in columns).
import { allKpis, codes, kpi, scanFixture } from "../helpers/scan";
import type { ScanResult } from "../../src/core/types";

const AS_OF = { asOf: "2024-02-29" };

// What a reader of the published table concludes, KPI by KPI, at 29 Feb 2024 with the default rules.
// Counts of demand ("notifications", "referrals") have no better direction: their movement has no judgement.
const EXPECTED: { measure: string; group: string; latest: number; previous: number; target: number | null; dot: string; judgement: string | null; rag: string; polarity: string | null }[] = [
  { measure: "SEN support notifications", group: "Early Identification & Support", previous: 116, latest: 201, target: null, dot: "up", judgement: null, rag: "grey", polarity: null },
  { measure: "Early Years Development checks", group: "Early Identification & Support", previous: 0.713, latest: 0.756, target: 0.69, dot: "up", judgement: "improving", rag: "green", polarity: "higher-is-better" },
  { measure: "Number of Children missing education", group: "Inclusion in Education and Community", previous: 116, latest: 106, target: null, dot: "down", judgement: "improving", rag: "grey", polarity: "lower-is-better" },
  { measure: "Proportion of pupils with EHCP who are persistently absent", group: "Inclusion in Education and Community", previous: 0.387, latest: 0.327, target: 0.373, dot: "down", judgement: "improving", rag: "green", polarity: "lower-is-better" },
  { measure: "Proportion of pupils on SEN Support who are persistently absent", group: "Inclusion in Education and Community", previous: 0.288, latest: 0.261, target: 0.327, dot: "down", judgement: "improving", rag: "green", polarity: "lower-is-better" },
  { measure: "Waiting time – SLT, patients waiting over 18 weeks", group: "Joint Commissioning, Sufficiency and Evaluation", previous: 83, latest: 69, target: 0, dot: "down", judgement: "improving", rag: "red", polarity: "lower-is-better" },
  { measure: "Number of MindWorks referrals", group: "Joint Commissioning, Sufficiency and Evaluation", previous: 2936, latest: 2138, target: null, dot: "down", judgement: null, rag: "grey", polarity: null },
  { measure: "Waiting list – MindWorks (ND pathway)", group: "Joint Commissioning, Sufficiency and Evaluation", previous: 210, latest: 223, target: null, dot: "up", judgement: "worsening", rag: "grey", polarity: "lower-is-better" },
  { measure: "Timeliness of EHCP assessments", group: "Systems and Practice", previous: 0.1, latest: 0.13, target: 0.6, dot: "up", judgement: "improving", rag: "red", polarity: "higher-is-better" },
  { measure: "Number of overdue EP advice requests", group: "Systems and Practice", previous: 520, latest: 418, target: 0, dot: "down", judgement: "improving", rag: "red", polarity: "lower-is-better" },
  { measure: "Number of overdue EHCPs", group: "Systems and Practice", previous: 948, latest: 709, target: null, dot: "down", judgement: "improving", rag: "grey", polarity: "lower-is-better" },
  { measure: "Overall % EHCPs graded good or outstanding", group: "Systems and Practice", previous: 0.37, latest: 0.32, target: null, dot: "down", judgement: "worsening", rag: "grey", polarity: "higher-is-better" },
  { measure: "% of CYP with an up-to-date Annual Review", group: "Systems and Practice", previous: 0.37, latest: 0.39, target: 0.4, dot: "up", judgement: "improving", rag: "amber", polarity: "higher-is-better" },
  { measure: "No. of complaints as % of EHCPs", group: "Systems and Practice", previous: 0.054, latest: 0.05, target: null, dot: "down", judgement: "improving", rag: "grey", polarity: "lower-is-better" },
  { measure: "No. of active tribunals", group: "Systems and Practice", previous: 405, latest: 461, target: null, dot: "up", judgement: "worsening", rag: "grey", polarity: "lower-is-better" },
  { measure: "SEND tribunal rate as a % of appealable decisions", group: "Systems and Practice", previous: 0.041, latest: 0.046, target: 0.03, dot: "up", judgement: "worsening", rag: "red", polarity: "lower-is-better" },
];

describe.each([
  ["seed000-impact-summary.xlsx", "Impact summary", "A7:G23", "F10", "C"],
  ["seed000-typed.xlsx", "KPIs 2024", "C5:K21", "J8", "E"],
])("%s", (file, sheet, range, dotCell, targetCol) => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scanFixture(file, AS_OF);
  });

  it("recognises one table of 16 KPIs where the table is", () => {
    expect(result.tables).toHaveLength(1);
    const t = result.tables[0];
    expect(t).toMatchObject({ sheet, range, layout: "previous-latest", headerRows: 1 });
    expect(t.confidence).toBeGreaterThanOrEqual(0.8);
    expect(t.kpis).toHaveLength(16);
    expect(t.kpis.every((k) => k.ref === null)).toBe(true);
  });

  it.each(EXPECTED.map((e) => [e.measure, e]))("%s: figures, group, DoT and RAG", (_m, e) => {
    const k = kpi(result, e.measure);
    expect(k.group).toBe(e.group);
    expect(k.latest?.value).toBeCloseTo(e.latest, 6);
    expect(k.previous?.value).toBeCloseTo(e.previous, 6);
    if (e.target === null) expect(k.currentTarget?.value ?? null).toBeNull();
    else expect(k.currentTarget?.value).toBeCloseTo(e.target, 6);
    expect(k.dot).toMatchObject({ direction: e.dot, judgement: e.judgement });
    expect(k.rag).toBe(e.rag);
    expect(k.polarity).toBe(e.polarity);
  });

  it("reads the periods of the figures", () => {
    const sen = kpi(result, "SEN support notifications");
    expect(sen.previous).toMatchObject({ period: "Jan 23", periodStart: "2023-01-01", periodEnd: "2023-01-31" });
    expect(sen.latest).toMatchObject({ period: "Jan 24", periodStart: "2024-01-01", periodEnd: "2024-01-31" });
    const absent = kpi(result, "Proportion of pupils with EHCP");
    expect(absent.latest?.period).toBe("HT1-2 23/24");
    expect(absent.latest?.periodStart).toBe("2023-09-01");
    expect(absent.latest?.periodEnd).toBe("2023-12-31");
    expect(kpi(result, "Early Years").unit).toBe("percent");
  });

  it("reports the stated ↑ on 'Children missing education' that the figures (116 → 106) contradict", () => {
    const k = kpi(result, "Number of Children missing education");
    expect(k.dot.stated).toBe("up");
    const f = k.findings.find((x) => x.code === "stated-dot-contradicts-data");
    expect(f).toBeDefined();
    expect(f!.cell).toBe(dotCell);
    expect(f!.sheet).toBe(sheet);
    expect(f!.message).toMatch(/116.*106/);
    // and no other stated arrow is contradicted
    expect(allKpis(result).filter((x) => x.findings.some((y) => y.code === "stated-dot-contradicts-data"))).toHaveLength(1);
  });

  it("explains the targets it cannot use", () => {
    expect(codes(kpi(result, "Waiting list – MindWorks").findings)).toContain("target-to-be-confirmed");
    expect(codes(kpi(result, "Number of overdue EHCPs").findings)).toContain("target-to-be-confirmed");
    expect(codes(kpi(result, "Overall % EHCPs graded").findings)).toContain("missing-target");
    expect(codes(kpi(result, "No. of active tribunals").findings)).toContain("missing-target");
    expect(codes(kpi(result, "SEN support notifications").findings)).toContain("target-not-applicable");
    const interim = kpi(result, "Timeliness of EHCP assessments").currentTarget!;
    expect(interim.value).toBeCloseTo(0.6, 6);
    expect(interim.qualifier).toMatch(/interim target/);
    expect(interim.cell.startsWith(targetCol)).toBe(true);
  });

  it("says when it assumed the polarity, and flags stale termly data", () => {
    expect(codes(kpi(result, "Early Years Development checks").findings)).toContain("polarity-assumed");
    expect(kpi(result, "Early Years Development checks").polaritySource).toBe("setting");
    expect(codes(kpi(result, "SEN support notifications").findings)).toContain("no-better-direction");
    expect(kpi(result, "SEN support notifications").polaritySource).toBe("wording");
    expect(kpi(result, "Number of Children missing education").polaritySource).toBe("wording");
    expect(codes(kpi(result, "Overall % EHCPs graded").findings)).toContain("stale-data");
    expect(codes(kpi(result, "Early Years Development checks").findings)).not.toContain("stale-data");
  });

  it("changes RAG with the amber band setting", async () => {
    const strict = await scanFixture(file, { ...AS_OF, amberBand: 0 });
    expect(kpi(strict, "% of CYP with an up-to-date Annual Review").rag).toBe("red");
    const points = await scanFixture(file, { ...AS_OF, amberMode: "points", amberBand: 0.5 });
    expect(kpi(points, "Timeliness of EHCP assessments").rag).toBe("amber");
  });

  it("honours a polarity override for one KPI", async () => {
    const key = kpi(result, "Number of MindWorks referrals").key!;
    const r = await scanFixture(file, { ...AS_OF, polarityOverrides: { [key]: "lower-is-better" } });
    const k = kpi(r, "Number of MindWorks referrals");
    expect(k).toMatchObject({ polarity: "lower-is-better", polaritySource: "setting" });
    expect(k.dot.judgement).toBe("improving");
    expect(codes(k.findings)).not.toContain("polarity-assumed");
  });
});
