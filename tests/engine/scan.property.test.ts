// Whatever a sheet holds, the scan answers: no crash on arbitrary grids of text, numbers, errors and
// merges, and what it returns is well formed (every KPI has a measure or reference, every finding a
// known code and a cell on the sheet, RAG and DoT from their enums).
import fc from "fast-check";
import { scanSnapshot } from "../../src/core/scan";
import { resolveSettings } from "../../src/core/settings";
import { FINDING_CODES } from "../../src/core/validate/codes";
import type { RawValue, SheetSnapshot, ValueType } from "../../src/core/snapshot";
import { compactBlock, makeBlock } from "../../src/core/snapshotBlocks";

const WORDS = ["KPI", "Ref", "Measure", "Indicator", "Target", "Previous", "Latest", "Actual", "ACTUAL", "ACTUALS", "Baseline", "DoT", "RAG", "Status", "Notes", "Frequency", "Polarity", "Good is", "Q1", "Q2 2023/24", "Jan 24", "Sept 23", "HT1-2 23/24", "Spring '23", "By 6 months", "Target for 12 months June 2020", "Staged target (Dec 2019)", "n/a", "tbc", "-", "To be determined", "Baseline plus 10%", "50% or national average whichever is the higher", "71.3% (Q1)", "116 (Jan 23)", "5.7 weeks", "YR 6 93% YR11 – 71%", "↑", "↓", "→", "Green", "Amber", "Red", "Monthly", "Quarterly", "High", "Low", "#N/A", "#DIV/0!", "=SUM(A1)", "£100,000", "waiting", "completed within 18 weeks"];

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const HEADINGS = ["KPI", "Ref", "Measure", "Indicator", "Target", "Previous", "Latest", "Actual", "Baseline", "DoT", "RAG", "Notes", "Frequency", "Polarity", "By 6 months", "Staged target (Dec 2019)", "Aug 2020", "Q2 2023/24", ""];
const headingRow = fc.shuffledSubarray(HEADINGS, { minLength: 2, maxLength: 9 });

const sheetArb = fc
  .record({
    // Most grids get a heading row somewhere among arbitrary rows, so the recogniser runs on them.
    rows: fc
      .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 9 }), { minLength: 0, maxLength: 25 }), fc.option(headingRow, { freq: 4 }), fc.nat(25))
      .map(([rows, heading, at]) => (heading ? [...rows.slice(0, at), heading, ...rows.slice(at)] : rows)),
    merges: fc.array(fc.record({ row: fc.nat(24), col: fc.nat(8), rowCount: fc.integer({ min: 1, max: 3 }), colCount: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
    originRow: fc.nat(5),
    originCol: fc.nat(3),
  })
  .map(({ rows, merges, originRow, originCol }): SheetSnapshot => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const values: RawValue[][] = rows.map((r) => [...r, ...Array(width - r.length).fill("")]);
    const errors = new Set(["#N/A", "#DIV/0!"]);
    const grids = {
      values,
      text: values.map((r) => r.map((v) => (typeof v === "number" ? String(Math.round(v * 100) / 100) : String(v)))),
      numberFormats: values.map((r) => r.map((v, i) => (typeof v === "number" && i % 3 === 0 ? "0.0%" : "General"))),
      valueTypes: values.map((r) => r.map((v): ValueType => (v === "" ? "Empty" : typeof v === "number" ? "Double" : errors.has(v as string) ? "Error" : "String"))),
    };
    return {
      name: "Fuzz",
      visibility: "Visible",
      protected: false,
      // Half the grids as one dense block, half cut into the occupied blocks a reader makes.
      blocks: !values.length ? [] : originRow % 2 ? [makeBlock(originRow, originCol, grids)] : compactBlock(makeBlock(originRow, originCol, grids)),
      font: { name: "Calibri", color: "000000" },
      merges: merges.map((m) => ({ ...m, row: m.row + originRow, col: m.col + originCol })),
      tables: [],
    };
  });

describe("scanSnapshot on arbitrary sheets", () => {
  it("never throws and returns well-formed tables and findings", () => {
    let withTables = 0;
    fc.assert(
      fc.property(sheetArb, fc.constantFrom("2020-12-08", "2024-02-29"), (sheet, asOf) => {
        const r = scanSnapshot({ sheets: [sheet], settings: {} }, { workbookName: "fuzz.xlsx", settings: resolveSettings({}, { asOf }), today: asOf });
        if (r.tables.length) withTables++;
        for (const t of r.tables) {
          expect(t.range).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
          expect(t.confidence).toBeGreaterThanOrEqual(0);
          expect(t.confidence).toBeLessThanOrEqual(1);
          for (const k of t.kpis) {
            expect(k.measure !== "" || k.ref !== null).toBe(true);
            expect([null, "blue", "green", "amber", "red", "grey"]).toContain(k.rag);
            expect([null, "up", "down", "flat"]).toContain(k.dot.direction);
            for (const f of k.findings) {
              expect(Object.keys(FINDING_CODES)).toContain(f.code);
              expect(f.cell ?? "A1").toMatch(/^[A-Z]+\d+$/);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
    // The grids are built from heading and figure words, so the recogniser really runs on many of them.
    expect(withTables).toBeGreaterThan(20);
  });

  it("a heading row over arbitrary rows still finds the table there", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...WORDS.slice(18, 40)), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 12 }), (rows) => {
        const values: RawValue[][] = [["Measure", "Target", "Latest"], ...rows.map(([m, v], i): RawValue[] => [`Measure ${i + 1} ${m}`, 0.5, v])];
        const sheet: SheetSnapshot = {
          name: "S",
          visibility: "Visible",
          protected: false,
          blocks: [makeBlock(0, 0, {
            values,
            text: values.map((r) => r.map(String)),
            numberFormats: values.map((r) => r.map(() => "General")),
            valueTypes: values.map((r) => r.map((v): ValueType => (typeof v === "number" ? "Double" : "String"))),
          })],
          font: { name: "Calibri", color: "000000" },
          merges: [],
          tables: [],
        };
        const r = scanSnapshot({ sheets: [sheet], settings: {} }, { workbookName: "w", settings: resolveSettings({}, { asOf: "2024-02-29" }), today: "2024-02-29" });
        expect(r.tables).toHaveLength(1);
        expect(r.tables[0].kpis).toHaveLength(rows.length);
      }),
      { numRuns: 100 },
    );
  });
});
