import { buildScorecardSpec, commentaryFromGrid, withSheetCommentary } from "../../src/core/scorecard";
import { parseRangeAddress, parseCellAddress } from "../../src/core/address";
import type { CellBlock, ScorecardSpec } from "../../src/core/scorecard";
import { fig, kpi, milestone, scan, settings, syntheticScan } from "./scorecardScans";

const GEN = "2026-11-22T00:30:00Z";
const opts = (over: Partial<Parameters<typeof buildScorecardSpec>[1]> = {}) => ({
  sheetName: "Scorecard",
  generatedAt: GEN,
  commentary: [],
  settings: settings(),
  ...over,
});

/** The value the spec writes at an A1 cell (undefined where no block covers it). */
function cell(spec: ScorecardSpec, a1: string): string | number | undefined {
  const p = parseCellAddress(a1)!;
  for (const b of spec.blocks) {
    const r = p.row - b.row;
    const c = p.col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < b.values[0].length) return b.values[r][c];
  }
  return undefined;
}

function block(spec: ScorecardSpec, id: string): CellBlock {
  const b = spec.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}

function colOf(spec: ScorecardSpec, header: string): number {
  return spec.table.columns.findIndex((c) => c.header === header);
}

/** Value in the KPI table for KPI i and a column header. */
function kpiCell(spec: ScorecardSpec, i: number, header: string) {
  const b = block(spec, "kpis");
  return b.values[spec.table.firstRow - b.row + i][colOf(spec, header)];
}

const board = scan([
  {
    sheet: "Board KPIs",
    kpis: [
      kpi({
        ref: "KPI 1",
        measure: "Timeliness of EHCP assessments (completed in 20 weeks)",
        group: "Systems and Practice",
        sheet: "Board KPIs",
        sourceCell: "B7",
        baseline: fig(0.1, "10%", "C7"),
        currentTarget: fig(0.6, "60%", "D7"),
        currentMilestone: "By 6 months",
        previous: fig(0.1, "10%", "E7", "percent", "Dec 23"),
        latest: fig(0.13, "13%", "F7", "percent", "Jan 24"),
        dot: { direction: "up", judgement: "improving" },
        rag: "red",
      }),
      kpi({
        ref: "KPI 2",
        measure: "Number of overdue EP advice requests",
        group: "Systems and Practice",
        unit: "count",
        sheet: "Board KPIs",
        sourceCell: "B8",
        previous: fig(520, "520", "E8", "count", "Dec 23"),
        latest: fig(418, "418", "F8", "count", "Jan 24"),
        currentTarget: fig(null, "tbc", "D8", "count"),
        dot: { direction: "down", judgement: "improving" },
        rag: "grey",
      }),
      kpi({
        ref: null,
        measure: "=HYPERLINK(\"http://example.invalid\",\"x\")",
        group: "Inclusion",
        sheet: "Board KPIs",
        sourceCell: "B9",
        latest: fig(0.32, "32%", "F9"),
        previous: fig(0.32, "32%", "E9"),
        dot: { direction: "flat", judgement: "no-change" },
        rag: "green",
        findings: [
          { code: "period-missing", severity: "warning", message: "No period is given for the latest figure.", sheet: "Board KPIs", cell: "F9" },
          { code: "x", severity: "info", message: "Second.", sheet: "Board KPIs", cell: "F9" },
        ],
      }),
      kpi({ ref: "K4", measure: "-5 days", group: "Inclusion", sheet: "Board KPIs", sourceCell: "B10", rag: "amber", dot: { direction: "down", judgement: "worsening" } }),
    ],
  },
]);

describe("buildScorecardSpec: rows", () => {
  const spec = buildScorecardSpec(board, opts());

  test("title names the workbook; reporting date and generation time are real dates", () => {
    expect(cell(spec, "A1")).toBe("KPI Scorecard – board.xlsx");
    expect(cell(spec, "A2")).toBe("Reporting date");
    expect(cell(spec, "C2")).toBe(45351); // 29 Feb 2024 as an Excel serial
    expect(block(spec, "title").numberFormats[1][2]).toBe("d mmm yyyy");
    expect(cell(spec, "C3")).toBeCloseTo(46348 + 30 / 1440, 6);
    // The label's neighbour is empty so the label can be read in full.
    expect(cell(spec, "B2")).toBe("");
  });

  test("one row per KPI with reference, measure, group, figures in their units and periods", () => {
    expect(spec.table.rowCount).toBe(4);
    expect(kpiCell(spec, 0, "Ref")).toBe("'KPI 1"); // digits: quote-prefixed so Excel cannot coerce it
    expect(kpiCell(spec, 0, "Group")).toBe("Systems and Practice");
    expect(kpiCell(spec, 0, "Latest")).toBe(0.13);
    expect(kpiCell(spec, 0, "Latest period")).toBe("'Jan 24");
    expect(kpiCell(spec, 0, "Previous")).toBe(0.1);
    expect(kpiCell(spec, 0, "Current milestone")).toBe("'By 6 months");
    expect(kpiCell(spec, 0, "Milestone target")).toBe(0.6);
    const b = block(spec, "kpis");
    const r0 = spec.table.firstRow - b.row;
    expect(b.numberFormats[r0][colOf(spec, "Latest")]).toBe("0.0%");
    expect(b.numberFormats[r0 + 1][colOf(spec, "Latest")]).toBe("#,##0");
    // A target that is not a number is shown as written.
    expect(kpiCell(spec, 1, "Milestone target")).toBe("tbc");
  });

  test("DoT shows arrow for direction and word for judgement", () => {
    expect(spec.rows.map((r) => r.dot)).toEqual(["▲ improving", "▼ improving", "► no change", "▼ worsening"]);
  });

  test("RAG words; a missing RAG is Grey; every word has a conditional format on the RAG column", () => {
    expect(spec.rows.map((r) => r.ragWord)).toEqual(["Red", "Grey", "Green", "Amber"]);
    const ragCol = spec.table.ragCol;
    const range = parseRangeAddress(spec.textRules[0].address)!;
    expect(range.col).toBe(ragCol);
    expect(range.row).toBe(spec.table.firstRow);
    expect(range.rowCount).toBe(4);
    expect(spec.textRules.map((t) => t.text).sort()).toEqual(["Amber", "Blue", "Green", "Grey", "Red"]);
  });

  test("a long finding is clipped at a word with an ellipsis so rows stay readable", () => {
    const long = "The staged target for 12 months is lower than the target for 6 months although higher is better for this KPI, so the trajectory moves the wrong way.";
    const s = buildScorecardSpec(scan([{ sheet: "S", kpis: [kpi({ measure: "m", findings: [{ code: "c", severity: "warning", message: long }] })] }]), opts());
    const text = String(kpiCell(s, 0, "Findings")).replace(/^'/, "");
    expect(text.startsWith("1 finding: The staged target")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text.length).toBeLessThan(110);
  });

  test("findings column gives the count and the first message", () => {
    expect(kpiCell(spec, 2, "Findings")).toBe("'2 findings: No period is given for the latest figure.");
    expect(kpiCell(spec, 0, "Findings")).toBe("");
  });

  test("text beginning with = or - is marked literal; numbers stay numbers", () => {
    expect(kpiCell(spec, 2, "Measure")).toBe("'=HYPERLINK(\"http://example.invalid\",\"x\")");
    expect(kpiCell(spec, 3, "Measure")).toBe("'-5 days");
    for (const b of spec.blocks) {
      for (const row of b.values) for (const v of row) if (typeof v === "string") expect(v).not.toMatch(/^[=+\-@]/);
    }
  });

  test("Source links go to the KPI cell with the sheet quoted", () => {
    expect(spec.hyperlinks[0]).toMatchObject({ documentReference: "'Board KPIs'!B7", textToDisplay: "Board KPIs!B7" });
    expect(parseCellAddress(spec.hyperlinks[0].cell)).toEqual({ row: spec.table.firstRow, col: colOf(spec, "Source") });
  });

  test("legend explains each RAG word with its colour, and the arrows", () => {
    const rag = spec.legend.filter((l) => l.kind === "rag");
    expect(rag.map((l) => l.symbol)).toEqual(["Green", "Amber", "Red", "Grey"]);
    expect(rag.find((l) => l.symbol === "Amber")!.meaning).toContain("10%");
    expect(rag.every((l) => l.fill && l.fontColour)).toBe(true);
    expect(spec.legend.filter((l) => l.kind === "dot").map((l) => l.symbol)).toEqual(["▲", "▼", "►", "improving / worsening"]);
    expect(cell(spec, "C4")).toBe("Green: meets or beats the current milestone target");
  });

  test("legend uses percentage points when the amber band is in points, and Blue under BRAG", () => {
    const s = buildScorecardSpec(board, opts({ settings: settings({ amberMode: "points", amberBand: 0.05, blueWhenFinalTargetMet: true }) }));
    expect(s.legend.find((l) => l.symbol === "Amber")!.meaning).toContain("5 percentage points");
    expect(s.legend.some((l) => l.symbol === "Blue")).toBe(true);
    expect(s.summary[0].counts.blue).toBe(0);
  });

  test("summary counts by group and RAG with totals", () => {
    expect(spec.summary).toEqual([
      { group: "Systems and Practice", counts: { blue: 0, green: 0, amber: 0, red: 1, grey: 1 }, total: 2 },
      { group: "Inclusion", counts: { blue: 0, green: 1, amber: 1, red: 0, grey: 0 }, total: 2 },
    ]);
    const b = block(spec, "summary");
    const totalRow = b.values.find((r) => r[0] === "Total")!;
    expect(totalRow.slice(1)).toEqual([1, 1, 1, 1, 4]);
  });

  test("page setup: A4 landscape, one page wide, header row repeated; panes frozen below header and after measure", () => {
    expect(spec.page).toMatchObject({ orientation: "Landscape", paperSize: "A4", fitToPagesWide: 1, printTitleRows: `$${spec.table.headerRow + 1}:$${spec.table.headerRow + 1}` });
    // The hidden key columns never print.
    expect(parseRangeAddress(spec.page.printArea)!.colCount).toBe(colOf(spec, "Source") + 1);
    expect(spec.freeze).toEqual({ rows: spec.table.headerRow + 1, columns: colOf(spec, "Measure") + 1 });
  });
});

describe("buildScorecardSpec: commentary", () => {
  test("matched by key, by sheet and reference, or by sheet and measure; unmatched kept as orphaned", () => {
    const spec = buildScorecardSpec(
      board,
      opts({
        commentary: [
          { key: "Board KPIs!KPI 1", sheet: "Board KPIs", ref: "KPI 1", measure: null, text: "Recovery plan agreed" },
          { key: "old-format-key", sheet: "board kpis", ref: "kpi 2", measure: null, text: "Data due next month" },
          { key: "Board KPIs!x", sheet: "Board KPIs", ref: null, measure: "=HYPERLINK(\"http://example.invalid\",\"x\")", text: "Checked" },
          { key: "Old sheet!KPI 9", sheet: "Old sheet", ref: "KPI 9", measure: "Retired measure", text: "=not a formula" },
        ],
      }),
    );
    expect(spec.rows.map((r) => r.commentary)).toEqual(["Recovery plan agreed", "Data due next month", "Checked", ""]);
    expect(spec.orphanedCommentary.map((e) => e.key)).toEqual(["Old sheet!KPI 9"]);
    const orphans = block(spec, "orphans");
    expect(orphans.values[0][0]).toBe("Commentary for KPIs no longer found");
    expect(orphans.values[2][spec.table.commentaryCol]).toBe("'=not a formula");
    expect(orphans.values[2][spec.table.keyCol]).toBe("'Old sheet!KPI 9");
  });

  test("commentary read back from the sheet grid round-trips, orphans included, and the sheet wins", () => {
    const first = buildScorecardSpec(
      board,
      opts({ commentary: [{ key: "Gone!K", sheet: "Gone", ref: "K", measure: "m", text: "keep me" }, { key: "Board KPIs!KPI 1", sheet: null, ref: null, measure: null, text: "old" }] }),
    );
    // Simulate what Excel returns: the whole used range, apostrophes gone, a comment typed in.
    const grid: (string | number)[][] = [];
    for (const b of first.blocks) {
      b.values.forEach((row, r) => {
        const out = (grid[b.row + r] ??= []);
        row.forEach((v, c) => (out[b.col + c] = typeof v === "string" ? v.replace(/^'/, "") : v));
      });
    }
    const kpi2 = grid[first.table.firstRow + 1];
    kpi2[first.table.commentaryCol] = "Typed between runs";
    const read = commentaryFromGrid(grid);
    expect(read.find((e) => e.key === "Gone!K")?.text).toBe("keep me");
    const again = withSheetCommentary(buildScorecardSpec(board, opts({ commentary: [{ key: "Board KPIs!KPI 1", sheet: null, ref: null, measure: null, text: "stale" }] })), read);
    expect(again.rows.map((r) => r.commentary)).toEqual(["old", "Typed between runs", "", ""]);
    expect(again.orphanedCommentary.map((e) => e.text)).toEqual(["keep me"]);
  });
});

test("commentary is found by its headers even after someone inserts a column and sorts the rows", () => {
  const grid = [
    ["KPI Scorecard – x"],
    ["", "Ref", "Measure", "Commentary", "Key (do not edit)", "Source sheet"],
    ["", "K2", "Second", "Two", "S!K2", "S"],
    ["", "K1", "First", "", "S!K1", "S"],
    ["", "", "", "", "", ""],
  ];
  expect(commentaryFromGrid(grid)).toEqual([
    { key: "S!K2", sheet: "S", ref: "K2", measure: "Second", text: "Two" },
    { key: "S!K1", sheet: "S", ref: "K1", measure: "First", text: "" },
  ]);
});

describe("buildScorecardSpec: charts", () => {
  const withSeries = scan([
    {
      sheet: "Plan 'A'",
      kpis: [
        kpi({
          ref: "1.1",
          measure: "EHCPs issued within 20 weeks",
          group: "EHCP",
          baseline: fig(0.3, "30%", "C4", "percent", "Apr 19"),
          milestones: [milestone("3 months", 0.4, 0.35, "D"), milestone("6 months", 0.5, 0.52, "E"), milestone("12 months", 0.6, null, "F")],
          rag: "green",
        }),
        kpi({ ref: "1.2", measure: "Only one milestone", group: "EHCP", milestones: [milestone("3 months", 0.4, null, "D")], rag: "grey" }),
      ],
    },
  ]);
  const spec = buildScorecardSpec(withSeries, opts());

  test("a stacked column chart of RAG counts by group coloured by RAG, and one trajectory for the KPI with a series", () => {
    expect(spec.charts.map((c) => c.kind)).toEqual(["rag-by-group", "trajectory"]);
    const rag = spec.charts[0];
    expect(rag.type).toBe("ColumnStacked");
    expect(rag.series.map((s) => s.name)).toEqual(["Green", "Amber", "Red", "Grey"]);
    expect(rag.series[0].colour).toBe("00796B");
  });

  test("every chart range points at real cells holding the data", () => {
    for (const c of spec.charts) {
      const cats = parseRangeAddress(c.categories)!;
      for (let i = 0; i < Math.max(cats.rowCount, cats.colCount); i++) {
        const v = cell(spec, `${String.fromCharCode(65 + cats.col + (cats.rowCount === 1 ? i : 0))}${cats.row + 1 + (cats.rowCount === 1 ? 0 : i)}`);
        expect(typeof v).toBe("string");
        expect(v).not.toBe("");
      }
      for (const s of c.series) {
        const r = parseRangeAddress(s.values)!;
        expect(Math.max(r.rowCount, r.colCount)).toBe(Math.max(cats.rowCount, cats.colCount));
      }
    }
    const t = spec.charts[1];
    const target = parseRangeAddress(t.series[0].values)!;
    const actual = parseRangeAddress(t.series[1].values)!;
    const at = (row: number, col: number) => cell(spec, `${String.fromCharCode(65 + col)}${row + 1}`);
    // Baseline first (actual only), then the milestones.
    expect(at(target.row - 1, target.col)).toBe("'Baseline (Apr 19)");
    expect([0, 1, 2, 3].map((i) => at(actual.row, actual.col + i))).toEqual([0.3, 0.35, 0.52, ""]);
    expect([0, 1, 2, 3].map((i) => at(target.row, target.col + i))).toEqual(["", 0.4, 0.5, 0.6]);
    expect(t.valueFormat).toBe("0.0%");
  });

  test("trajectory charts are capped and the sheet says how many were left out", () => {
    const big = buildScorecardSpec(syntheticScan(400), opts());
    expect(big.charts.filter((c) => c.kind === "trajectory")).toHaveLength(20);
    expect(big.trajectoriesOmitted).toBe(20);
    const data = block(big, "chartData");
    expect(String(data.values[data.values.length - 1][0])).toContain("20 more KPIs");
  });

  test("charts do not overlap each other or the data they chart", () => {
    const big = buildScorecardSpec(syntheticScan(100), opts());
    const rects = big.charts.map((c) => parseRangeAddress(`${c.topLeft}:${c.bottomRight}`)!);
    const dataTop = block(big, "chartData").row;
    rects.forEach((a, i) => {
      expect(a.row + a.rowCount).toBeLessThanOrEqual(dataTop);
      rects.slice(i + 1).forEach((b) => {
        const apart = a.row + a.rowCount <= b.row || b.row + b.rowCount <= a.row || a.col + a.colCount <= b.col || b.col + b.colCount <= a.col;
        expect(apart).toBe(true);
      });
    });
  });
});

describe("buildScorecardSpec: edge cases", () => {
  test("no KPIs: a header, a message, no charts", () => {
    const spec = buildScorecardSpec(scan([]), opts());
    expect(spec.table.rowCount).toBe(0);
    expect(spec.charts).toHaveLength(0);
    expect(cell(spec, `A${spec.table.firstRow + 1}`)).toContain("No KPI tables");
  });

  test("duplicate references get distinct keys so commentary cannot land on the wrong row", () => {
    const dup = scan([{ sheet: "S", kpis: [kpi({ ref: "A1", measure: "x" }), kpi({ ref: "A1", measure: "y" })] }]);
    const spec = buildScorecardSpec(dup, opts());
    expect(new Set(spec.rows.map((r) => r.key)).size).toBe(2);
  });
});
