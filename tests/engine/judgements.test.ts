// The judgements a board would question (issue 19), each on a real report's layout (tests/fixtures/judgements.xlsx,
// built by scripts/fixtures/build-judgements.ts): demand measures with no better direction, KPIs measured the same
// way that disagree, arrows whose meaning a legend or the rows' comments give, a year whose target is "n/a", and one
// cause repeated on every row of a table.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { workbookBytes } from "../../scripts/fixtures/workbook";
import { buildJudgements, JUDGEMENTS_FILE } from "../../scripts/build-fixtures";
import { allFindings, allKpis, codes, kpi, scanFixture } from "../helpers/scan";
import type { ScanResult } from "../../src/core/types";

const ROOT = join(__dirname, "..", "..");
let r: ScanResult;
beforeAll(async () => {
  r = await scanFixture("judgements.xlsx", { asOf: "2024-11-30" });
});

it("the committed workbook is what scripts/fixtures/build-judgements.ts builds", async () => {
  const committed = readFileSync(join(ROOT, JUDGEMENTS_FILE));
  expect(Buffer.from(await workbookBytes(buildJudgements())).equals(committed)).toBe(true);
});

it("validates against the scan contract, ours and (where it stands beside the project) the reference", () => {
  const schemas = [join(ROOT, "schema", "scan-result.schema.json"), join(ROOT, "..", "shared", "contracts", "scan-result.schema.json")].filter(existsSync);
  for (const path of schemas) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path, "utf8")) as object);
    if (!validate(JSON.parse(JSON.stringify(r)))) throw new Error(`${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

describe("a demand or volume measure with no stated better direction", () => {
  it("shows its movement without improving or worsening, and is not rated without a target (Number of referrals)", () => {
    const k = kpi(r, "Number of referrals to Early Help");
    expect(k.polarity).toBeNull();
    expect(k.noBetterDirection).toMatchObject({ ratedAs: null });
    expect(k.dot).toMatchObject({ direction: "down", judgement: null });
    expect(k.rag).toBe("grey");
    expect(codes(k.findings)).toContain("no-better-direction");
    expect(codes(k.findings)).not.toContain("polarity-assumed");
    expect(kpi(r, "EHC needs assessment requests received").dot).toMatchObject({ direction: "up", judgement: null });
  });

  it("with a target that says no side, is shown against it unrated, and says why", () => {
    const k = kpi(r, "Number of EHC needs assessment requests (Demand)");
    expect(k.currentTarget?.value).toBe(1000);
    expect(k.rag).toBe("grey");
    expect(k.ragExplanation).toMatch(/ceiling or a floor/);
  });

  it("is rated against a stated target on the side its baseline and target give (Devon's '(Demand)')", () => {
    const k = kpi(r, "EHC assessment requests as a % of population (Demand)");
    expect(k.polarity).toBeNull();
    expect(k.noBetterDirection?.ratedAs).toBe("lower-is-better");
    expect(k.dot.judgement).toBeNull();
    expect(k.rag).toBe("red");
    expect(k.ragExplanation).toMatch(/no better direction/);
  });

  it("a stated share keeps its polarity beside them", () => {
    expect(kpi(r, "Percentage of EHC plans issued within 20 weeks")).toMatchObject({ polarity: "higher-is-better", dot: { judgement: "improving" } });
  });
});

describe("KPIs of one table measured the same way", () => {
  it("two '(Demand)' measures judged on opposite sides give one finding that names both and why", () => {
    const f = r.findings.filter((x) => x.code === "polarity-inconsistent");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: "Demand", severity: "warning" });
    expect(f[0].message).toMatch(/\("Demand"\)/);
    expect(f[0].message).toMatch(/EHC assessment requests.*met at or below its target.*below its baseline/);
    expect(f[0].message).toMatch(/Total number of EHC plans.*met at or above its target.*30\.8%.*above its baseline 3\.99%/);
    // Neither has a better direction, so the finding gives neither one: it names the side of its target each is rated on.
    expect(f[0].message).toMatch(/are rated on opposite sides of their targets/);
    expect(f[0].message).not.toMatch(/(higher|lower) is better|judged in opposite directions/);
  });

  it("take the polarity the workbook states for one of them ('Good is: Low' on one '(Demand)' row)", () => {
    const stated = kpi(r, "Contacts to the children's front door");
    expect(stated).toMatchObject({ polarity: "lower-is-better", polaritySource: "stated" });
    for (const m of ["Referrals to children's social care", "Re-referrals to children's social care"]) {
      const k = kpi(r, m, "Good is once");
      expect(k).toMatchObject({ polarity: "lower-is-better", polaritySource: "stated" });
      expect(k.noBetterDirection).toBeUndefined();
      expect(codes(k.findings)).not.toContain("polarity-conflict");
    }
    expect(kpi(r, "Re-referrals to children's social care").dot).toMatchObject({ direction: "down", judgement: "improving" });
    expect(r.findings.filter((f) => f.sheet === "Good is once" && f.code === "polarity-inconsistent")).toHaveLength(0);
  });

  it("agree where the measures' own words agree: no finding for the '(Attendance)' or '(Suspensions)' rows", () => {
    expect(r.findings.filter((x) => x.code === "polarity-inconsistent" && /Attendance|Suspensions/.test(x.message))).toHaveLength(0);
  });
});

describe("arrows whose meaning the workbook gives", () => {
  it("comments that call each move better or worse make the arrows judgements: no false 'stated trend disagrees'", () => {
    const rows = allKpis(r, "Housing comments");
    expect(rows).toHaveLength(4);
    expect(rows.flatMap((k) => k.findings).filter((f) => f.code === "stated-dot-contradicts-data")).toHaveLength(0);
    const decent = kpi(r, "Percentage of homes not meeting", "Housing comments");
    expect(decent.dot).toMatchObject({ direction: "down", judgement: "improving", statedJudgement: "improving" });
    expect(kpi(r, "Percentage of emergency repairs", "Housing comments").dot.statedJudgement).toBe("worsening");
  });

  it("a key at the top of the sheet ('▲ = better') covers a table far below it", () => {
    const rentLost = kpi(r, "Rent lost through empty homes", "Arrow key");
    expect(rentLost.dot).toMatchObject({ direction: "down", statedJudgement: "improving" });
    expect(allKpis(r, "Arrow key").flatMap((k) => k.findings).filter((f) => f.code === "stated-dot-contradicts-data")).toHaveLength(0);
  });
});

describe("a year whose target is not set", () => {
  it("says 'no target for 2022/23' and does not rate the outturn against last year's target", () => {
    const k = kpi(r, "OC03");
    expect(k.latest?.value).toBeCloseTo(6.1);
    expect(k.currentTarget?.text).toBe("n/a");
    expect(k.rag).toBe("grey");
    expect(k.ragExplanation).toMatch(/no target for 2022\/23/);
    const f = k.findings.find((x) => x.code === "target-not-applicable");
    expect(f?.message).toMatch(/no target for 2022\/23.*earlier target \(4, "Target 2021\/22"\) is not carried over/);
  });

  it("a 'tbc' for this year is said the same way", () => {
    const k = kpi(r, "OC05");
    expect(k.rag).toBe("grey");
    expect(k.findings.find((x) => x.code === "target-to-be-confirmed")?.message).toMatch(/no target for 2022\/23 \(the workbook says "tbc"\)/);
  });

  it("a year that has its target is rated against it", () => {
    expect(kpi(r, "OC04")).toMatchObject({ rag: "amber", currentMilestone: "Target 2022/23" });
  });
});

describe("one finding per table for a repeated cause", () => {
  it("eleven rows with the same out-of-order columns give one finding naming them", () => {
    const f = allFindings(r).filter((x) => x.code === "periods-out-of-order");
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/^11 KPIs of the table at A3:F14 \(T1, T2, T3, T4 and 7 more\): the milestone columns are not in time order \(Dec 2023, Feb 2024, Jan 2024, Mar 2024\)/);
    expect(allKpis(r, "Trajectory").every((k) => k.findings.every((x) => x.code !== "periods-out-of-order"))).toBe(true);
  });

  it("a finding about each KPI's own cell stays with each KPI", () => {
    // Two "n/a" targets: each cell is one to fix, so each KPI keeps its own finding.
    expect(codes(kpi(r, "Number of referrals to Early Help").findings)).toContain("target-not-applicable");
    expect(codes(kpi(r, "EHC needs assessment requests received").findings)).toContain("target-not-applicable");
  });
});
