// Seed 004's qualitative milestone tables and Score card; the same facts in other shapes; bad input;
// and the seed tables that list indicators without figures (001, 003), which must give no KPIs.
import { allFindings, allKpis, codes, kpi, scanFixture } from "../helpers/scan";

const AS_OF = { asOf: "2020-12-08" };

describe("seed 004: qualitative milestones with RAG columns, and the Score card", () => {
  it("recognises the five impact-measure tables and the Score card, headline rows as groups", async () => {
    const r = await scanFixture("seed004-lancashire.xlsx", AS_OF);
    expect(r.tables.map((t) => [t.sheet, t.range, t.layout, t.kpis.map((k) => k.ref)])).toEqual([
      ["Impact measures", "A26:G29", "qualitative-milestones", ["1.1", "1.2"]],
      ["Impact measures", "A54:G61", "qualitative-milestones", ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]],
      ["Impact measures", "A87:G93", "qualitative-milestones", ["3.1", "3.2", "3.3", "3.4", "3.5"]],
      ["Impact measures", "A119:G123", "qualitative-milestones", ["4.1", "4.2", "4.3"]],
      ["Impact measures", "A148:G151", "qualitative-milestones", ["5.1", "5.2"]],
      // The last milestone's RAG column (I) is empty and outside the used range, as in Excel.
      ["Score card", "A2:H10", "milestone-columns", ["1a", "1b", "2a", "2b", "3a", "4a", "5a", "5b"]],
    ]);
    const k11 = kpi(r, "1.1");
    expect(k11.group).toMatch(/^1 100% of leaders confidently/);
    expect(k11.milestones.map((m) => m.label)).toEqual(["By 3 months", "By 6 months", "By 12 months"]);
    expect(k11.milestones[0].target?.text).toMatch(/^Data leads are in place/);
    // No action-plan table ("Action 1 | Responsible officers | By When | Action RAG") or risk register becomes KPIs.
    expect(allKpis(r).some((k) => /Responsible|Sarah Callaghan|ASD waiting times have been/.test(k.measure))).toBe(false);
  });

  it("Score card: staged percentage targets from the plan start; without one the final milestone stands, and it says so", async () => {
    const r = await scanFixture("seed004-lancashire.xlsx", AS_OF);
    const k = kpi(r, "1a");
    expect(k.baseline?.value).toBe(0);
    expect(k.milestones.map((m) => [m.label, m.target?.value])).toEqual([
      ["3 months", 0.35],
      ["6 months", 0.9],
      ["12 months", 1],
    ]);
    expect(k.currentMilestone).toBe("12 months");
    // Every KPI of the Score card shares the cause: one finding for the table, naming them.
    const planStart = r.findings.filter((f) => f.code === "plan-start-needed" && f.sheet === "Score card");
    expect(planStart).toHaveLength(1);
    expect(planStart[0].message).toMatch(/^\d+ KPIs of the table at A2:H10 \(1a, /);
    expect(codes(k.findings)).not.toContain("plan-start-needed");
    expect(k.rag).toBe("grey");

    const planned = await scanFixture("seed004-lancashire.xlsx", { ...AS_OF, planStart: "2020-07-01" });
    const p = kpi(planned, "1a");
    expect(p.milestones.map((m) => m.due)).toEqual(["2020-10-01", "2021-01-01", "2021-07-01"]);
    expect(p.currentMilestone).toBe("3 months");
    expect(p.currentTarget?.value).toBeCloseTo(0.35);
    expect(codes(p.findings)).not.toContain("plan-start-needed");
  });

  it("keeps the RAG a board entered for qualitative milestones, milestone by milestone", async () => {
    const r = await scanFixture("seed004-with-rag.xlsx", { ...AS_OF, planStart: "2020-07-01" });
    const rated = allKpis(r).filter((k) => k.milestones.some((m) => m.statedRag));
    expect(rated.length).toBeGreaterThan(20);
    for (const k of rated) {
      const current = k.milestones.find((m) => m.label === k.currentMilestone)!;
      if (current.statedRag) expect(k.rag).toBe(current.statedRag);
    }
    expect(allKpis(r).some((k) => k.milestones.some((m) => m.statedRag === "blue"))).toBe(true);
    // A Score card without actuals keeps the entered RAG too, and explains why.
    const sc = kpi(r, "1b");
    expect(sc.rag).toBe(sc.milestones.find((m) => m.label === sc.currentMilestone)!.statedRag);
    expect(sc.ragExplanation).toMatch(/as entered/);
  });
});

describe("the same KPIs in other shapes (layout-variants.xlsx)", () => {
  it("columns in another order under other words give the same assessment as seed 000", async () => {
    const variant = await scanFixture("layout-variants.xlsx", { asOf: "2024-02-29" });
    const seed = await scanFixture("seed000-impact-summary.xlsx", { asOf: "2024-02-29" });
    const reordered = variant.tables.find((t) => t.sheet === "Reordered")!;
    expect(reordered.range).toBe("F12:L28");
    const summary = (ks: typeof reordered.kpis) => ks.map((k) => [k.measure, k.latest?.value, k.previous?.value, k.currentTarget?.value ?? null, k.dot.direction, k.rag, k.group]);
    expect(summary(reordered.kpis)).toEqual(summary(seed.tables[0].kpis));
    expect(codes(kpi(variant, "Number of Children missing education", "Reordered").findings)).toContain("stated-dot-contradicts-data");
  });

  it("finds three tables on one sheet, side by side and one below the other", async () => {
    const r = await scanFixture("layout-variants.xlsx", AS_OF);
    expect(r.tables.filter((t) => t.sheet === "Two tables").map((t) => [t.range, t.kpis.length])).toEqual([
      ["A2:H8", 3],
      ["L2:T6", 2],
      ["A15:H21", 5],
    ]);
  });

  it("reads months running right to left as well as left to right", async () => {
    const r = await scanFixture("layout-variants.xlsx", AS_OF);
    const rtl = kpi(r, "5/5", "Right to left");
    const ltr = kpi(await scanFixture("seed002-sefton.xlsx", AS_OF), "5/5");
    expect(rtl.latest?.value).toBeCloseTo(ltr.latest!.value!);
    expect(rtl.previous?.value).toBeCloseTo(ltr.previous!.value!);
    expect(rtl.currentTarget?.value).toBeCloseTo(0.92);
    expect(rtl.rag).toBe(ltr.rag);
    expect(codes(rtl.findings)).not.toContain("periods-out-of-order");
  });

  it("takes polarity and units from stated columns, and checks a stated Status", async () => {
    const r = await scanFixture("layout-variants.xlsx", AS_OF);
    const sheet = "Polarity column";
    const diet = kpi(r, "KPI 5/1", sheet);
    expect(diet).toMatchObject({ polarity: "lower-is-better", polaritySource: "stated", unit: "weeks", rag: "green" });
    const goodIs = r.tables.filter((t) => t.sheet === sheet)[1].kpis;
    expect(goodIs.every((k) => k.polaritySource === "stated")).toBe(true);
    const long = r.tables.find((t) => t.sheet === "Long")!;
    expect(long.kpis).toHaveLength(12);
    const contradicted = long.kpis.filter((k) => codes(k.findings).includes("stated-rag-contradicts-data"));
    expect(contradicted.map((k) => k.ref)).toEqual(expect.arrayContaining(["L08"]));
    for (const k of contradicted) expect(k.statedRag).not.toBe(k.rag);
  });
});

describe("bad input gets findings, not crashes", () => {
  it("Excel errors, text for numbers, out-of-range percentages, duplicates, merged cells, tbc", async () => {
    const r = await scanFixture("bad-input.xlsx", { asOf: "2024-02-29" });
    const errors = r.tables.find((t) => t.sheet === "Errors")!;
    expect(errors.kpis.map((k) => k.ref)).toEqual(["B1", "B2", "B3", "B4", "B4", "B5", "B6", "B7", "B8", "B9"]);
    const all = errors.kpis.flatMap((k) => k.findings);
    const at = (code: string) => all.filter((f) => f.code === code).map((f) => f.cell);
    expect(at("excel-error")).toEqual(["D4", "E5"]);
    expect(all.find((f) => f.code === "excel-error" && f.cell === "D4")!.message).toMatch(/#N\/A/);
    expect(at("value-not-numeric")).toEqual(["D6"]);
    expect(at("percent-out-of-range")).toEqual(["D7"]);
    expect(at("duplicate-reference")).toHaveLength(1);
    expect(at("merged-data-cells")).toEqual(["C9"]);
    expect(at("target-to-be-confirmed")).toEqual(["C11"]);
    expect(kpi(r, "B2").rag).toBe("grey");
  });

  it("keeps workbook text literal", async () => {
    const r = await scanFixture("bad-input.xlsx", { asOf: "2024-02-29" });
    expect(kpi(r, "B8").measure).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(kpi(r, "B9").measure).toBe("-5 days");
  });

  it("reads hidden and protected sheets and sheets named in any script, and says when a table is hidden", async () => {
    const r = await scanFixture("bad-input.xlsx", { asOf: "2024-02-29" });
    expect(r.tables.map((t) => t.sheet)).toEqual(["Errors", "Bürgermeister's KPIs", "指標 KPIs", "Hidden data", "Locked KPIs"]);
    expect(r.findings.filter((f) => f.code === "hidden-sheet").map((f) => f.sheet)).toEqual(["Hidden data"]);
    expect(kpi(r, "LK2").rag).toBe("red");
  });

  it.each(["noise-001-003.xlsx", "empty.xlsx"])("%s: no KPI tables, no made-up figures", async (file) => {
    const r = await scanFixture(file, AS_OF);
    expect(r.tables).toEqual([]);
    expect(allFindings(r)).toEqual([]);
  });
});
