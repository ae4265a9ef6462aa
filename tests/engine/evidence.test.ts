// Each kind of evidence the recogniser weighs, shown on a table of its own (tests/fixtures/evidence.xlsx, one
// sheet per kind, built by `npm run fixtures` from scripts/fixtures/build-evidence.ts).
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { join } from "node:path";
import { allKpis, codes, FIXTURES, kpi, scanFixture } from "../helpers/scan";
import { buildEvidence, EVIDENCE_FILE } from "../../scripts/build-fixtures";
import { workbookBytes } from "../../scripts/fixtures/workbook";
import type { Kpi, KpiTable, ScanResult } from "../../src/core/types";

let r: ScanResult;
beforeAll(async () => {
  r = await scanFixture("evidence.xlsx", { asOf: "2024-09-30", planStart: "2023-01-01" });
});

const table = (sheet: string, n = 0): KpiTable => r.tables.filter((t) => t.sheet === sheet)[n];
const roles = (t: KpiTable) => Object.fromEntries(t.columns!.map((c) => [c.column, `${c.role}/${c.source}`]));
const k = (sheet: string, measure: string): Kpi => kpi(r, measure, sheet);

it("the committed workbook is built from its sheets (npm run fixtures)", async () => {
  const committed = readFileSync(join(FIXTURES, "..", "..", EVIDENCE_FILE));
  expect(Buffer.from(await workbookBytes(buildEvidence())).equals(committed)).toBe(true);
});

describe("heading words, as tokens", () => {
  it("reads KPIS, 'Indicator description', Tgt, Prev, 'Act YTD', 'Good perf. is', 'Unit of meas.'", () => {
    expect(roles(table("Heading words"))).toEqual({ A: "ref/heading", B: "measure/heading", C: "target/heading", D: "previous/heading", E: "latest/heading", F: "polarity/heading", G: "unit/heading" });
    const days = k("Heading words", "Average days to process");
    expect(days).toMatchObject({ polarity: "lower-is-better", polaritySource: "stated", unit: "days", rag: "green" });
    expect([days.latest?.value, days.previous?.value, days.currentTarget?.value]).toEqual([19.1, 22.4, 20]);
  });
});

describe("what a column holds", () => {
  it("a column of GREEN/AMBER/RED is a status and a column of arrows a trend, whatever the heading; unknown headings over names and figures give way", () => {
    const t = table("Content");
    expect(roles(t)).toEqual({ A: "measure/heading", B: "target/heading", C: "latest/position", D: "status/content", E: "trend/content" });
    expect(t.columns!.find((c) => c.column === "D")!.evidence).toMatch(/100% of its cells are RAG statuses/);
    expect(t.kpis.map((x) => [x.statedRag, x.dot.stated])).toEqual([["green", "up"], ["amber", "down"], ["red", "flat"]]);
  });

  it("a table with no heading row: the leftmost distinct labels are the measures, a repeated label the group", () => {
    const t = table("No headings");
    expect(t.headerRows).toBe(0);
    expect(roles(t)).toEqual({ A: "group/content", B: "measure/position", C: "latest/position" });
    expect(t.kpis.map((x) => [x.group, x.latest?.value])).toEqual([["Repairs", 0.97], ["Repairs", 0.91], ["Lettings", 31.5], ["Lettings", 0.012]]);
    expect(r.findings.find((f) => f.code === "columns-guessed" && f.sheet === "No headings")?.message).toMatch(/B as measure.*C as latest/);
    expect(t.confidence).toBeLessThan(0.8);
  });

  it("a table whose data says it is a KPI table appears although most of its headings are unknown, with a finding", () => {
    const t = table("Few headings known");
    expect(t.kpis).toHaveLength(3);
    expect(t.kpis[2]).toMatchObject({ polarity: "lower-is-better", rag: "red" });
    expect(t.kpis[2].latest?.value).toBe(61);
    expect(r.findings.some((f) => f.code === "columns-guessed" && f.sheet === "Few headings known")).toBe(true);
  });
});

describe("periods in headings", () => {
  it("bare periods: the latest is the most recent period with an actual for that row", () => {
    const [plans, pupils] = table("Bare periods").kpis;
    expect([plans.latest?.value, plans.previous?.value, plans.latest?.period]).toEqual([0.55, 0.48, "2023/24"]);
    expect([pupils.latest?.value, pupils.previous?.value, pupils.latest?.period]).toEqual([3105, 2890, "2022/23"]);
  });

  it("role words beside a period, in either order", () => {
    const waste = k("Role beside period", "Percentage of household waste");
    expect([waste.latest?.value, waste.previous?.value, waste.currentTarget?.value]).toEqual([0.44, 0.43, 0.45]);
  });

  it("a period over Actual / Target", () => {
    const sick = k("Period over role", "Staff sickness");
    expect([sick.latest?.value, sick.previous?.value, sick.currentTarget?.value, sick.rag]).toEqual([8.6, 9.8, 8, "amber"]);
    expect(table("Period over role").layout).not.toBe("survey");
  });

  it("a role over several periods", () => {
    const rough = k("Role over periods", "Number of rough sleepers");
    expect([rough.latest?.value, rough.previous?.value, rough.target?.value, rough.dot.direction]).toEqual([12, 11, 10, "up"]);
  });

  it("a year over its quarters, the last quarter not yet reported", () => {
    const calls = k("Year over quarters", "Percentage of calls answered");
    expect([calls.latest?.value, calls.previous?.value, calls.latest?.period]).toEqual([0.86, 0.84, "2023/24 Q3"]);
  });
});

describe("comparators and sections", () => {
  it("England, region and statistical neighbours are benchmarks on the KPI, not its latest", () => {
    const gld = k("Comparators", "Percentage of children achieving");
    expect(gld.latest?.value).toBe(0.652);
    expect(gld.benchmarks?.map((b) => [b.label, b.value.value])).toEqual([["England", 0.672], ["North West", 0.654], ["Statistical neighbours", 0.661]]);
  });

  it("a section row is the group of the rows under it; a sentence under it is not", () => {
    expect(table("Sections").kpis.map((x) => [x.ref, x.group])).toEqual([["C1", "Children's services"], ["C2", "Children's services"], ["A1", "Adult social care"]]);
  });
});

describe("what the workbook states", () => {
  it("status in words, symbols, a dot in the font's colour, and a filled cell with no text", () => {
    expect(table("Stated status").kpis.map((x) => x.statedRag)).toEqual(["green", "red", "green", "red", "amber", "green", "red"]);
  });

  it("a grey cell among cells filled red, amber and green states Grey; a grey band in a table of status words states nothing", () => {
    expect(table("Grey status", 0).kpis.map((x) => x.statedRag)).toEqual(["green", "amber", "grey"]);
    const words = table("Grey status", 1);
    expect(words.kpis.map((x) => x.statedRag)).toEqual(["green", null, "red"]);
    expect(words.kpis[1].findings.map((f) => f.code)).not.toContain("stated-rag-contradicts-data");
  });

  it("arrows and faces typed as letters in Wingdings and Wingdings 3", () => {
    const t = table("Symbol fonts");
    expect(t.kpis.map((x) => x.dot.stated)).toEqual(["up", "up", "flat", "down"]);
    expect(t.kpis.map((x) => x.statedRag)).toEqual(["green", "red", "green", "red"]);
  });

  it("a legend that says arrows are judgements makes them judgements", () => {
    const [relet, rent] = table("Arrow legend").kpis;
    expect([relet.dot.direction, relet.dot.stated ?? null, relet.dot.statedJudgement]).toEqual(["down", null, "improving"]);
    expect(rent.dot.statedJudgement).toBe("worsening");
    expect([...codes(relet.findings), ...codes(rent.findings)]).not.toContain("stated-dot-contradicts-data");
  });

  it("polarity stated in a column, in the measure's words, and in the target's words", () => {
    const pol = (m: string) => [k("Stated polarity", m).polarity, k("Stated polarity", m).polaritySource];
    expect(pol("Number of people in temporary")).toEqual(["higher-is-better", "stated"]);
    expect(codes(k("Stated polarity", "Number of people in temporary").findings)).toContain("polarity-conflict");
    expect(pol("Number of volunteers")).toEqual(["lower-is-better", "stated"]);
    expect(pol("Reduce the number")).toEqual(["lower-is-better", "stated"]);
    expect(pol("Missed bin collections")).toEqual(["lower-is-better", "target-wording"]);
    expect(pol("Sickness absence rate")).toEqual(["lower-is-better", "target-wording"]);
    expect(pol("Average days to answer")).toEqual(["lower-is-better", "target-wording"]);
    expect(pol("Percentage of residents satisfied")).toEqual(["higher-is-better", "target-wording"]);
  });

  it("where only one polarity makes the stated RAG agree with the figures, that polarity", () => {
    const t = table("Polarity from status");
    expect(t.kpis.map((x) => [x.polarity, x.polaritySource])).toEqual([
      ["higher-is-better", "stated-rag"],
      ["lower-is-better", "stated-rag"],
      ["lower-is-better", "stated-rag"],
    ]);
  });

  it("the measure's wording, phrase-aware, both ways", () => {
    expect(table("Wording").kpis.map((x) => x.polarity)).toEqual(["higher-is-better", "lower-is-better", "lower-is-better", "lower-is-better", "higher-is-better", "lower-is-better"]);
  });

  it("a stated RAG or direction the figures contradict is a finding that names both", () => {
    const [invoices, calls] = table("Disagreement").kpis;
    expect(invoices.findings.find((f) => f.code === "stated-rag-contradicts-data")?.message).toMatch(/states Green but the figures give Red/);
    expect(calls.findings.find((f) => f.code === "stated-dot-contradicts-data")?.message).toMatch(/↑ \(up\) but the figures go down/);
  });
});

describe("figures people write", () => {
  const fig = (m: string) => k("Figures", m);
  it("reads targets and actuals written with words, units and footnote marks", () => {
    expect([fig("Staff turnover").currentTarget?.value, fig("Staff turnover").latest?.value, fig("Staff turnover").polarity]).toEqual([0.04, 0.031, "lower-is-better"]);
    expect(fig("Complaints escalated").currentTarget?.value).toBe(3);
    expect([fig("Sickness absence rate").latest?.value, fig("Sickness absence rate").latest?.qualifier]).toEqual([0.022, "**"]);
    expect(codes(fig("Average days to process").findings)).toContain("unit-mismatch");
    expect(fig("Percentage of calls answered").latest?.value).toBeCloseTo(0.881);
  });
  it("a ranking target is a comparator, not a figure; 'No target' and 'Reported annually' are no figures", () => {
    expect(fig("Satisfaction with the service").currentTarget?.relative?.kind).toBe("comparator");
    expect(fig("Rent arrears").currentTarget).toMatchObject({ value: null, relative: { kind: "comparator", comparator: "Top 10%" } });
    expect(fig("Rent arrears").latest?.value).toBeCloseTo(0.71);
    expect(fig("Households prevented").currentTarget?.missing).toBe("not-applicable");
    expect(fig("Annual survey").latest?.missing).toBe("not-yet-due");
  });
});

describe("defects a hand check found", () => {
  it("'patients waiting over 18 weeks' counts patients: no unit of weeks", () => {
    expect(k("Defects", "Patients waiting over 18 weeks").unit).toBe("count");
  });
  it("'Target 2023/24' before its quarters is not out of order", () => {
    expect(allKpis(r, "Defects").flatMap((x) => codes(x.findings))).not.toContain("periods-out-of-order");
  });
  it("a later milestone that says why no target applies is the one in force: grey, not rated against the older target", () => {
    const reviews = k("Defects", "Percentage of reviews held on time");
    expect(reviews.currentMilestone).toBe("By 18 months");
    expect(reviews.rag).toBe("grey");
  });
});

describe("what is not a KPI", () => {
  it("rows of bare figures under a table, after a blank row, are not KPIs: a KPI has a name a person can read", () => {
    const kpis = r.tables.filter((t) => t.sheet === "Data below").flatMap((t) => t.kpis);
    expect(kpis.map((x) => x.ref)).toEqual(["C1", "C2", "1a", "1b"]);
  });

  it("figures pasted under seed 004's last milestone table do not become KPIs named '459' (found by the fuzz suite: 295,351 such KPIs)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(FIXTURES, "seed004-with-rag.xlsx"));
    const ws = wb.worksheets[0];
    const before = await scanBytes(await wb.xlsx.writeBuffer());
    const start = ws.rowCount + 2;
    for (let row = start; row < start + 30; row++) ws.getRow(row).values = [row, row * 1.5, row % 97, row * 3, row / 1000];
    const after = await scanBytes(await wb.xlsx.writeBuffer());
    expect(allKpis(after).length).toBe(allKpis(before).length);
    expect(allKpis(after).filter((x) => !/[a-z]/i.test(x.measure))).toEqual([]);
  });
});

async function scanBytes(bytes: ArrayBuffer | Uint8Array): Promise<ScanResult> {
  const wb = await openWorkbook(new Uint8Array(bytes as ArrayBuffer));
  return (await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "x.xlsx", overrides: {}, today: "2024-02-29" }))).result;
}
