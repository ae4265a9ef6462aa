// The scorecard spec as a board paper: page 1 (who, tiles, exceptions, changes, groups), the register,
// the charts and the page setup, from hand-built scan results (the engine is not needed to test the sheet).
import { buildScorecardSpec, readScorecardState, commentaryFromGrid, PRINT_HEIGHT } from "../../src/core/scorecard";
import { parseCellAddress, parseRangeAddress } from "../../src/core/address";
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

/** The value the spec writes at an A1 cell of the given blocks (undefined where no block covers it). */
function at(blocks: readonly CellBlock[], a1: string): string | number | undefined {
  const p = parseCellAddress(a1)!;
  for (const b of blocks) {
    const r = p.row - b.row;
    const c = p.col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < b.values[0].length) return b.values[r][c];
  }
  return undefined;
}
const cellAt = (spec: ScorecardSpec, row: number, col: number) => at(spec.blocks, `${String.fromCharCode(65 + col)}${row + 1}`);
/** A cell of the register's own sheet. */
const registerAt = (spec: ScorecardSpec, row: number, col: number) => at(spec.register.blocks, `${String.fromCharCode(65 + col)}${row + 1}`);
const text = (v: unknown) => (typeof v === "string" ? v.replace(/^'/, "") : v);

/** Every string the scorecard and its register's sheet hold, quote prefixes removed. */
function allText(spec: ScorecardSpec): string[] {
  return [...spec.blocks, ...spec.register.blocks].flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string").map((v) => v.replace(/^'/, ""));
}

function colOf(spec: ScorecardSpec, id: string): number {
  return spec.table.columns.findIndex((c) => c.id === id);
}

/** The register's value for KPI i (register order) and a column id. */
function reg(spec: ScorecardSpec, i: number, id: string) {
  return text(registerAt(spec, spec.rows[i].row, colOf(spec, id)));
}

/** A row's height on the scorecard, or (register: true) on the register's sheet. */
function heightOf(spec: ScorecardSpec, row: number, register = false): number {
  const h = (register ? spec.register.rowHeights : spec.rowHeights).find((x) => row >= x.row && row < x.row + x.count);
  return h ? h.height : 15;
}

const LONG_GROUP = "Therapy services for children and young people (0 – 25 year olds) – targets and performance against the plan";
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
        owner: "Head of SEND",
      }),
      kpi({
        ref: "KPI 2",
        measure: "Number of overdue EP advice requests",
        group: "Systems and Practice",
        unit: "count",
        sheet: "Board KPIs",
        sourceCell: "B8",
        previous: fig(520, "520", "E8", "count", "Dec 23"),
        latest: fig(356574, "356,574", "F8", "count", "Jan 24"),
        currentTarget: fig(null, "tbc", "D8", "count"),
        dot: { direction: "down", judgement: "improving" },
        rag: "grey",
      }),
      kpi({
        ref: null,
        measure: '=HYPERLINK("http://example.invalid","x")',
        group: "Inclusion",
        sheet: "Board KPIs",
        sourceCell: "B9",
        latest: fig(3.15, "3.15", "F9", null, "Jan 24"),
        previous: fig(3.15, "3.15", "E9", null, "Dec 23"),
        dot: { direction: "flat", judgement: "no-change" },
        rag: "green",
        findings: [
          { code: "period-missing", severity: "warning", message: "No period is given for the latest figure, so it cannot be dated against the reporting date of the board.", sheet: "Board KPIs", cell: "F9" },
          { code: "polarity-assumed", severity: "info", message: "Second.", sheet: "Board KPIs", cell: "F9" },
        ],
      }),
      kpi({
        ref: "K4",
        measure: "-5 days",
        group: "Inclusion",
        sheet: "Board KPIs",
        sourceCell: "B10",
        rag: "amber",
        latest: fig(0.55, "55%", "F10", "percent", "Jan 24"),
        currentTarget: fig(0.6, "60%", "D10"),
        dot: { direction: "down", judgement: "worsening" },
      }),
      kpi({
        ref: "KPI 5",
        measure: "Patients waiting over 18 weeks",
        group: LONG_GROUP,
        unit: "weeks", // the engine guessed wrong: the source says nothing of weeks
        sheet: "Board KPIs",
        sourceCell: "B11",
        latest: fig(69, "69", "F11", "count", "Oct 2020"),
        currentTarget: fig(0, "0", "D11", "count"),
        frequency: "Monthly",
        polarity: "lower-is-better",
        rag: "red",
        dot: { direction: "down", judgement: "improving" },
      }),
    ],
  },
]);
// KPI 5's latest figure is for October 2020: years old for a monthly KPI at 29 Feb 2024.
board.tables[0].kpis[4].latest!.periodEnd = "2020-10-31";

describe("page 1: the summary", () => {
  const spec = buildScorecardSpec(board, opts({ settings: settings({ organisation: "Sefton & Co", reportTitle: "SEND performance scorecard", meetingName: "SEND Partnership Board", reportingPeriod: "Quarter 3 2023/24" }) }));

  test("organisation, title, meeting and period from the settings head the page, and the printed header carries them", () => {
    expect(text(cellAt(spec, 0, 0))).toBe("Sefton & Co");
    expect(text(cellAt(spec, 1, 0))).toBe("SEND performance scorecard");
    // The meeting and period, when the figures are as at, and where they came from: one line under the title.
    expect(text(cellAt(spec, 2, 0))).toBe("SEND Partnership Board · Reporting period: Quarter 3 2023/24 (figures as at 29 Feb 2024) — 5 KPIs in 1 table, generated 22 Nov 2026 00:30 UTC from board.xlsx");
    // "&" is Excel's header code character: a literal one is doubled.
    expect(spec.page.centerHeader).toBe("Sefton && Co — SEND performance scorecard");
    expect(spec.page.centerFooter).toBe("Page &P of &N · Quarter 3 2023/24");
    expect(spec.freeze).toEqual({ rows: 2, columns: 0 });
  });

  test("RAG counts as tiles (word, colour and number), with out-of-date figures counted apart", () => {
    expect(spec.tiles).toEqual([
      { id: "total", word: "KPIs", count: 5 },
      { id: "red", word: "Red", count: 2 },
      { id: "amber", word: "Amber", count: 1 },
      { id: "green", word: "Green", count: 1 },
      { id: "grey", word: "Grey (not rated)", count: 1 },
      { id: "stale", word: "Out of date", count: 1 },
    ]);
    const red = allText(spec).indexOf("Red");
    expect(red).toBeGreaterThan(-1);
    // Each tile is one coloured box: its number over its word, merged across its columns.
    const tileRow = spec.blocks[0].values.findIndex((row) => row.includes(5) && row.includes(2));
    const boxes = spec.formats.filter((f) => f.fill && parseRangeAddress(f.address)!.row === tileRow && parseRangeAddress(f.address)!.rowCount === 2);
    expect(boxes.map((f) => f.fill)).toEqual(["1F3864", "C00000", "FFC000", "00796B", "D9D9D9", "595959"]);
  });

  test("on a narrow register (a measure and a target only) the tiles stand in two rows of three boxes, not one line each", () => {
    const narrow = scan([{ sheet: "Plan", kpis: ["Complaints closed within timescale", "Staff appraisals completed", "Trees planted"].map((measure, i) => kpi({ measure, sheet: "Plan", sourceCell: `A${i + 2}`, currentTarget: fig(0.9, "90%", `B${i + 2}`), rag: "grey" })) }]);
    const s = buildScorecardSpec(narrow, { sheetName: "Scorecard", generatedAt: "2024-03-01T09:00:00Z", commentary: [], settings: settings() });
    const tileFills = new Set(["1F3864", "C00000", "FFC000", "00796B", "D9D9D9", "595959"]);
    const boxes = s.formats.filter((f) => f.fill && tileFills.has(f.fill) && parseRangeAddress(f.address)!.rowCount === 2).map((f) => parseRangeAddress(f.address)!);
    expect(boxes).toHaveLength(6);
    const rows = [...new Set(boxes.map((b) => b.row))];
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(boxes.filter((b) => b.row === r)).toHaveLength(3);
    // The tiles line up in columns: the second row's boxes start where the first row's do.
    expect(boxes.filter((b) => b.row === rows[1]).map((b) => b.col)).toEqual(boxes.filter((b) => b.row === rows[0]).map((b) => b.col));
  });

  test("the exceptions: every Red and Amber KPI, worst first, with latest against target, trend, owner and commentary", () => {
    expect(spec.exceptions.map((e) => [e.rag, e.ref])).toEqual([
      ["red", "KPI 1"], // 13% against 60%: 78% short
      ["red", "KPI 5"], // 69 against 0, a 100% miss, but out of date: after the current Reds
      ["amber", "K4"],
    ]);
    expect(spec.exceptions[0]).toMatchObject({ latestVsTarget: "13% (Jan 24) against 60% (By 6 months)", trend: "▲ improving", owner: "Head of SEND" });
    const headerRow = spec.blocks[0].values.findIndex((row) => row.includes("Latest against target"));
    expect(headerRow).toBeGreaterThan(0);
    expect(spec.blocks[0].values[headerRow]).toEqual(expect.arrayContaining(["Ref", "Measure", "Trend", "RAG", "Owner", "Commentary", "Key (do not edit)"]));
    // The exceptions come before the register and its charts: they are on page 1.
    expect(headerRow).toBeLessThan(spec.page.pageBreaksBefore[0]);
    // Out of date is said beside the RAG word (the period it holds for is in the latest figure's words).
    expect(allText(spec)).toContain("Red\nout of date");
  });

  test("the first scorecard says there is no previous one; counts by group follow", () => {
    expect(spec.changes.hasPrevious).toBe(false);
    // Nothing to list: one line.
    expect(allText(spec)).toContain("Changed since the last scorecard: this is the first scorecard in this workbook, so there is none to compare with yet.");
    expect(spec.summary.map((s) => [s.group, s.total, s.stale])).toEqual([
      ["Systems and Practice", 2, 0],
      ["Inclusion", 2, 0],
      [LONG_GROUP, 1, 1],
    ]);
  });
});

test("page 1 holds the tiles, the counts by group and the changes, then the exceptions, continued worst first where they do not fit, never a heading at a page foot", () => {
  for (let n = 6; n <= 40; n += 2) {
    const many = scan([
      {
        sheet: "S",
        kpis: Array.from({ length: n }, (_, i) =>
          kpi({
            ref: `R${i}`,
            measure: `A measure long enough to take a line or two of the exceptions table, number ${i}`,
            group: `Group ${i % 12}`,
            rag: i % 3 ? "red" : "amber",
            owner: "Head of service",
            frequency: "Monthly",
            baseline: fig(0.2, "20%", `B${i + 2}`),
            previous: fig(0.12, "12%", `E${i + 2}`, "percent", `Dec ${i % 2 ? 23 : 22}`),
            latest: fig(0.1, "10%", `C${i + 2}`, "percent", `Jan ${i % 2 ? 24 : 23}`),
            currentTarget: fig(0.5, "50%", `D${i + 2}`),
            dot: { direction: "down", judgement: "worsening" },
          }),
        ),
      },
    ]);
    const spec = buildScorecardSpec(many, opts());
    const page = (PRINT_HEIGHT / (spec.page.scale / 100)) * 0.94;
    // Page the rows as a printer does, with the spec's manual breaks.
    const pageOf: number[] = [];
    let y = 0;
    let p = 0;
    const end = parseCellAddress(spec.sections.find((x) => x.id === "charts" || x.id === "register")!.cell)!.row;
    for (let r = 0; r < end; r++) {
      if (spec.page.pageBreaksBefore.includes(r) || y + heightOf(spec, r) > page) {
        p++;
        y = 0;
      }
      y += heightOf(spec, r);
      pageOf[r] = p;
    }
    const values = spec.blocks.find((b) => b.id === "summary")!.values;
    const rowOf = (t: string) => values.findIndex((row) => String(text(row[0])).startsWith(t));
    // The tiles, every group's counts and the changes are on page 1.
    const lastGroup = values.findIndex((row) => new RegExp(`^Group ${Math.min(n, 12) - 1}[ :(]`).test(String(text(row[0]))));
    expect({ n, page: pageOf[lastGroup], changes: pageOf[rowOf("Changed since")] }).toEqual({ n, page: 0, changes: 0 });
    // Every exception once, in order; each heading has the table's heading row and a first row on its own page.
    const keys = values.map((row) => text(row[spec.table.keyCol])).filter((k) => typeof k === "string" && k.startsWith("S!R"));
    expect(keys).toHaveLength(n);
    const headings = values.map((row, r) => (String(text(row[0])).startsWith("Exceptions") ? r : -1)).filter((r) => r >= 0);
    for (const h of headings) expect([pageOf[h + 1], pageOf[h + 2]]).toEqual([pageOf[h], pageOf[h]]);
    // A continued table says so.
    for (const h of headings.slice(1)) expect(String(text(values[h][0]))).toMatch(/^Exceptions, continued: \d+ more, worst first$/);
  }
});

describe("the register", () => {
  const spec = buildScorecardSpec(board, opts());

  test("grouped under a heading row per group, worst RAG first within a group; no Group column", () => {
    expect(spec.table.columns.map((c) => c.id)).not.toContain("group");
    expect(spec.rows.map((r) => [r.group, r.ragWord])).toEqual([
      ["Systems and Practice", "Red"],
      ["Systems and Practice", "Grey"],
      ["Inclusion", "Amber"],
      ["Inclusion", "Green"],
      [LONG_GROUP, "Red"],
    ]);
    const heading = text(registerAt(spec, spec.rows[0].row - 1, 0));
    // The sheet is named beside a group that is not the sheet itself.
    expect(heading).toBe("Systems and Practice (Board KPIs) — 2 KPIs: 1 Red, 1 Grey");
    expect(text(registerAt(spec, spec.rows[4].row - 1, 0))).toBe(`${LONG_GROUP} (Board KPIs) — 1 KPI: 1 Red; 1 out of date`);
    const inOrder = buildScorecardSpec(board, opts({ settings: settings({ registerOrder: "workbook" }) }));
    expect(inOrder.rows.map((r) => r.ragWord)).toEqual(["Red", "Grey", "Green", "Amber", "Red"]);
  });

  test("a column empty for every KPI is left out; owner and benchmarks appear when a KPI has them", () => {
    const ids = spec.table.columns.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["ref", "measure", "owner", "latest", "target", "dot", "rag", "findings", "commentary", "source"]));
    expect(ids).not.toContain("benchmarks");
    expect(ids).not.toContain("benchmarks");
    // A period every KPI shares is said once, in the heading.
    expect(ids).not.toContain("previousPeriod");
    expect(spec.table.columns.find((c) => c.id === "previous")!.header).toBe("Previous (Dec 23)");
    const none = buildScorecardSpec(scan([{ sheet: "S", kpis: [kpi({ measure: "Only a measure", frequency: null, latest: fig(0.5, "50%", "C2") })] }]), opts());
    expect(none.table.columns.filter((c) => !c.hidden).map((c) => c.id)).toEqual(["measure", "latest", "rag", "commentary", "source"]);
    const withBench = buildScorecardSpec(
      scan([{ sheet: "S", kpis: [kpi({ measure: "m", latest: fig(0.5, "50%", "C2"), benchmarks: [{ label: "England", value: fig(0.62, "62%", "D2") }, { label: "Region", value: fig(0.58, "58%", "E2") }] })] }]),
      opts(),
    );
    expect(reg(withBench, 0, "benchmarks")).toBe("England 62%; Region 58%");
  });

  test("numbers keep the source's format; a unit appears only where the source wrote one", () => {
    const fmt = (i: number, id: string) => {
      const b = spec.register.blocks.find((x) => x.id === "register")!;
      return b.numberFormats[spec.rows[i].row - b.row][colOf(spec, id)];
    };
    expect(reg(spec, 1, "latest")).toBe(356574);
    expect(fmt(1, "latest")).toBe("#,##0");
    expect(fmt(3, "latest")).toBe("0.00"); // 3.15 stays 3.15, not 3.2
    expect(fmt(4, "latest")).toBe("0"); // 69, not "69 weeks"
    expect(reg(spec, 1, "target")).toBe("tbc");
  });

  test("nothing is cut in a stored value: measures, group names and findings are whole somewhere on the sheet", () => {
    const all = allText(spec);
    for (const r of spec.rows) expect(all).toContain(r.measure);
    expect(all.some((t) => t.startsWith(LONG_GROUP))).toBe(true);
    expect(reg(spec, 3, "findings")).toBe("Period missing; Polarity assumed (notes 1–2)");
    expect(all.some((t) => t.startsWith("No period is given for the latest figure, so it cannot be dated against the reporting date of the board."))).toBe(true);
  });

  test("row heights show wrapped text whole (checked with a plain average character width)", () => {
    const wide = buildScorecardSpec(syntheticScan(40), opts());
    for (const spec2 of [spec, wide]) {
      for (const r of spec2.rows) {
        for (const c of spec2.table.columns.filter((x) => !x.hidden && !x.offPage)) {
          const v = text(registerAt(spec2, r.row, spec2.table.columns.indexOf(c)));
          if (typeof v !== "string" || v === "") continue;
          // Calibri averages under half an em a character; 10 pt text needs about 12 pt a line.
          const lines = v.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 0.45 * 10) / (c.width - 7))), 0);
          expect(heightOf(spec2, r.row, true)).toBeGreaterThanOrEqual(lines * 12);
        }
      }
    }
  });

  test("text that looks like a formula is written literally; Source links go to the KPI's cell", () => {
    expect(reg(spec, 3, "measure")).toBe('=HYPERLINK("http://example.invalid","x")');
    for (const b of [...spec.blocks, ...spec.register.blocks]) for (const row of b.values) for (const v of row) if (typeof v === "string") expect(v).not.toMatch(/^[=+\-@]/);
    // The link's text is the cell's address (its group's heading names the sheet): it prints as where the figure came from.
    expect(spec.hyperlinks).toEqual([]);
    expect(spec.register.hyperlinks[0]).toMatchObject({ documentReference: "'Board KPIs'!B7", textToDisplay: "B7" });
  });
});

describe("stale data", () => {
  const old = scan([{ sheet: "S", kpis: [kpi({ measure: "Old", frequency: "Quarterly", latest: { ...fig(0.9, "90%", "C2", "percent", "Q1 2020"), periodEnd: "2020-06-30" }, currentTarget: fig(0.8, "80%", "D2"), rag: "green" })] }]);

  test("a figure older than its frequency allows is marked and counted, and still rated unless the setting says Grey", () => {
    const spec = buildScorecardSpec(old, opts());
    expect(spec.rows[0]).toMatchObject({ rag: "green", stale: true });
    expect(reg(spec, 0, "rag")).toBe("Green\nout of date");
    expect(spec.tiles.find((t) => t.id === "stale")!.count).toBe(1);
  });
});

describe("charts", () => {
  const withSeries = scan([
    {
      sheet: "Plan 'A'",
      kpis: [
        kpi({
          ref: "1.1",
          measure: "EHCPs issued within 20 weeks",
          group: "EHCP",
          baseline: fig(0.3, "30%", "C4", "percent", "Apr 19"),
          // The 12-month actual is "N/A": its point must stay empty, not take the target's value.
          milestones: [milestone("3 months", 0.4, 0.35, "D"), milestone("6 months", 0.5, 0.52, "E"), milestone("12 months", 0.6, null, "F")],
          latest: fig(0.52, "52%", "E6"),
          currentTarget: fig(0.6, "60%", "F5"),
          rag: "red",
        }),
        kpi({ ref: "1.2", measure: "Only one actual", group: "EHCP", latest: fig(0.3, "30%", "C5"), previous: fig(0.25, "25%", "B5"), currentTarget: fig(0.5, "50%", "D5"), milestones: [milestone("3 months", 0.4, 0.3, "D")], rag: "red" }),
        kpi({ ref: "2.1", measure: "Green with a series", group: "EHCP", milestones: [milestone("Q1", 0.4, 0.45, "D"), milestone("Q2", 0.5, 0.55, "E")], rag: "green" }),
      ],
    },
  ]);
  const spec = buildScorecardSpec(withSeries, opts());
  const data = spec.dataSheet.blocks;
  const dataAt = (a1: string) => text(at(data, a1));

  test("a chart for each exception first (a trajectory, or bars for a single actual against its target), then other trajectories", () => {
    // 1.2 misses its target by more (30% against 50%) than 1.1 (52% against 60%): it comes first.
    expect(spec.charts.map((c) => [c.kind, c.type, c.kpiKey ?? null])).toEqual([
      ["actual-vs-target", "ColumnClustered", "Plan 'A'!1.2"],
      ["trajectory", "LineMarkers", "Plan 'A'!1.1"],
      ["trajectory", "LineMarkers", "Plan 'A'!2.1"],
    ]);
    // Only one group: a RAG-by-group chart of one bar would say nothing.
    expect(spec.charts.some((c) => c.kind === "rag-by-group")).toBe(false);
  });

  test("charts plot only what the sheet says: actuals from actual cells, the baseline as the first actual", () => {
    const t = spec.charts[1];
    const cats = parseRangeAddress(t.categories)!;
    const labels = [0, 1, 2, 3].map((i) => dataAt(`${String.fromCharCode(65 + cats.col + i)}${cats.row + 1}`));
    expect(labels).toEqual(["Baseline (Apr 19)", "3 months", "6 months", "12 months"]);
    const series = (name: string) => {
      const r = parseRangeAddress(t.series.find((s) => s.name.startsWith(name))!.values)!;
      return [0, 1, 2, 3].map((i) => at(data, `${String.fromCharCode(65 + r.col + i)}${r.row + 1}`));
    };
    expect(series("Actual")).toEqual([0.3, 0.35, 0.52, ""]);
    expect(series("Target")).toEqual(["", 0.4, 0.5, 0.6]);
    // Its targets' values are left off their points (each close to an actual's): the one in force is in the legend.
    expect(t.series.map((s) => [s.name, s.labels ?? true])).toEqual([["Target (in force: 60%)", false], ["Actual", true]]);
  });

  test("axes from zero for percentages, with titles naming the unit, and values written on the points", () => {
    for (const c of spec.charts) {
      expect(c.valueAxisMinimum).toBe(0);
      expect(c.valueAxisTitle).toBe("Per cent");
      expect(c.dataLabels).toBe(true);
      expect(c.valueFormat).toBe("0%");
    }
    // Labels stand above the columns and the target's point, in near-black on the chart's white; the target's
    // value is in its name, in the legend.
    expect(spec.charts[0].series.map((s) => [s.name, s.labelColour, !!s.asLine, s.labelPosition ?? null])).toEqual([
      ["Actual", "262626", false, "OutsideEnd"],
      ["Target 50%", "262626", true, null],
    ]);
  });

  test("RAG by group (more than one group) with its groups in reading order; charts two by two, none across a page break or outside the printed columns", () => {
    const big = buildScorecardSpec(syntheticScan(100), opts());
    expect(big.charts[0].kind).toBe("rag-by-group");
    expect(big.charts.length).toBeGreaterThan(4);
    const printArea = parseRangeAddress(big.page.printArea)!;
    const rects = big.charts.map((c) => parseRangeAddress(`${c.topLeft}:${c.bottomRight}`)!);
    rects.forEach((a, i) => {
      expect(a.col + a.colCount).toBeLessThanOrEqual(printArea.col + printArea.colCount);
      expect(a.row + a.rowCount).toBeLessThanOrEqual(printArea.row + printArea.rowCount);
      for (const b of big.page.pageBreaksBefore) expect(b > a.row && b < a.row + a.rowCount).toBe(false);
      rects.slice(i + 1).forEach((b) => {
        const apart = a.row + a.rowCount <= b.row || b.row + b.rowCount <= a.row || a.col + a.colCount <= b.col || b.col + b.colCount <= a.col;
        expect(apart).toBe(true);
      });
    });
    // Each chart page holds at most four charts and fits the page's height at the print scale.
    const pageRows = (PRINT_HEIGHT / (big.page.scale / 100)) * 0.97;
    for (const r of rects) {
      let h = 0;
      for (let row = r.row; row < r.row + r.rowCount; row++) h += heightOf(big, row);
      expect(h).toBeLessThan(pageRows / 1.9);
    }
  });

  test("one period axis: the actual columns on their periods, the target in force on the latest's period", () => {
    const c = spec.charts[0];
    const cats = parseRangeAddress(c.categories)!;
    expect([0, 1].map((i) => dataAt(`${String.fromCharCode(65 + cats.col + i)}${cats.row + 1}`))).toEqual(["Previous", "Latest"]);
    const values = (name: string) => {
      const r = parseRangeAddress(c.series.find((x) => x.name === name)!.values)!;
      return [0, 1].map((i) => at(data, `${String.fromCharCode(65 + r.col + i)}${r.row + 1}`));
    };
    expect(values("Actual")).toEqual([0.25, 0.3]);
    expect(values("Target 50%")).toEqual(["", 0.5]);
  });

  test("only the KPI's own figures, and nothing after the reporting date", () => {
    const mixed = scan([
      {
        sheet: "Plan",
        kpis: [
          kpi({
            ref: "1/4",
            measure: "% of audits at least Good",
            // A number inside a sentence about something else is not a figure of this measure.
            milestones: [
              { ...milestone("Oct 2019", null, null, "E"), actual: { ...fig(0.99, "99% staff across partnership received training", "E13"), qualifier: "staff across partnership received training" }, due: "2019-10-31" },
              { ...milestone("Jan 2020", 0.5, 0.5, "F"), due: "2020-01-31" },
              { ...milestone("Oct 2020", 0.7, 0.5, "I"), due: "2020-10-31" },
              // After the reporting date: not charted.
              { ...milestone("Jun 2024", 0.8, 0.9, "J"), due: "2024-06-30" },
            ],
            latest: fig(0.5, "50%", "I13"),
            currentTarget: fig(0.7, "70%", "I12"),
            rag: "red",
          }),
        ],
      },
    ]);
    const c = buildScorecardSpec(mixed, opts()).charts.find((x) => x.kind === "trajectory")!;
    const d = buildScorecardSpec(mixed, opts()).dataSheet.blocks;
    const cats = parseRangeAddress(c.categories)!;
    // October 2019 had no target and no figure of the measure; June 2024 is after the reporting date.
    expect(cats.colCount).toBe(2);
    expect([0, 1].map((i) => text(at(d, `${String.fromCharCode(65 + cats.col + i)}${cats.row + 1}`)))).toEqual(["Jan 2020", "Oct 2020"]);
    const actual = parseRangeAddress(c.series.find((x) => x.name === "Actual")!.values)!;
    expect([0, 1].map((i) => at(d, `${String.fromCharCode(65 + actual.col + i)}${actual.row + 1}`))).toEqual([0.5, 0.5]);
  });

  test("an axis that does not start at zero says so, and one that does never does; close labels are thinned", () => {
    const narrow = scan([
      {
        sheet: "S",
        kpis: [
          kpi({ ref: "N", measure: "Narrow band", milestones: [milestone("Q1", 0.9, 0.93, "C"), milestone("Q2", 0.9, 0.95, "D"), milestone("Q3", 0.9, 0.9, "E")], latest: fig(0.9, "90%", "E3"), currentTarget: fig(0.9, "90%", "E2"), rag: "green" }),
          kpi({ ref: "W", measure: "Wide band", milestones: [milestone("Q1", 0.5, 0.2, "C"), milestone("Q2", 0.6, 0.9, "D")], latest: fig(0.9, "90%", "D3"), currentTarget: fig(0.6, "60%", "D2"), rag: "green" }),
        ],
      },
    ]);
    const [n, w] = buildScorecardSpec(narrow, opts()).charts;
    expect(n.valueAxisTitle).toBe("Per cent (axis does not start at zero)");
    expect(n.valueAxisMinimum).toBeGreaterThan(0);
    expect(n.valueAxisMinimum).toBeLessThan(0.9);
    // At Q3 the target (90%) and the actual (90%) would be labelled on top of each other: only the actuals are,
    // and the target in force is named in the legend.
    expect(n.series.map((x) => [x.name, x.labels !== false])).toEqual([
      ["Target (in force: 90%)", false],
      ["Actual", true],
    ]);
    expect(w.valueAxisMinimum).toBe(0);
    expect(w.valueAxisTitle).toBe("Per cent");
    expect(w.series.every((x) => x.labels !== false)).toBe(true);
  });

  test("the charts' data is on the hidden data sheet, not the printed page", () => {
    expect(spec.dataSheet.sheetName).toBe("KPI Scorecard data");
    expect(spec.blocks.some((b) => b.id === "chartData")).toBe(false);
    expect(data.some((b) => b.id === "chartData")).toBe(true);
  });
});

describe("page setup", () => {
  const spec = buildScorecardSpec(syntheticScan(60), opts());

  test("A4 landscape one page wide at a scale that prints the register at 8 pt or more; breaks before the charts; the register on its own sheet, its heading row first, frozen, filterable and repeated", () => {
    expect(spec.page).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect((spec.page.scale / 100) * 10).toBeGreaterThanOrEqual(8);
    const printed = spec.table.columns.filter((c) => !c.hidden && !c.offPage);
    const width = printed.reduce((n, c) => n + c.width, 0);
    // What the columns come to at that scale fits the page between the margins.
    expect((width * spec.page.scale) / 100).toBeLessThanOrEqual(841.9 - spec.page.margins.left - spec.page.margins.right);
    expect(parseRangeAddress(spec.page.printArea)!.colCount).toBe(printed.length);
    expect(spec.table.headerRow).toBe(0);
    expect(spec.page.printTitleRows).toBeNull();
    expect(spec.register).toMatchObject({ sheetName: "Scorecard register", freeze: { rows: 1, columns: 0 }, page: { printTitleRows: "$1:$1", scale: spec.page.scale } });
    expect(spec.register.autoFilter).toBe(`A1:${String.fromCharCode(64 + spec.table.columns.filter((c) => !c.hidden).length)}${spec.rows.at(-1)!.row + 1}`);
    expect(spec.autoFilter).toBeNull();
    expect(parseRangeAddress(spec.register.page.printArea)!.colCount).toBe(printed.length);
    const chartsRow = parseCellAddress(spec.sections.find((s) => s.id === "charts")!.cell)!.row;
    expect(spec.page.pageBreaksBefore).toContain(chartsRow);
  });

  test("sections the pane links to: the summary, the exceptions, the charts, the register and each group", () => {
    const ids = spec.sections.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["summary", "exceptions", "changes", "charts", "register", "group"]));
    expect(spec.sections.filter((s) => s.id === "group").map((s) => s.label)).toEqual(["Priority 1", "Priority 2", "Priority 3", "Priority 4", "Priority 5"]);
  });
});

describe("regeneration: commentary and what changed", () => {
  const first = buildScorecardSpec(board, opts());

  /** What Excel returns for a sheet: the blocks laid on a grid, apostrophes gone. */
  function grid(blocks: readonly CellBlock[]): (string | number)[][] {
    const g: (string | number)[][] = [];
    for (const b of blocks) {
      b.values.forEach((row, r) => {
        const out = (g[b.row + r] ??= []);
        row.forEach((v, c) => (out[b.col + c] = typeof v === "string" ? v.replace(/^'/, "") : v));
      });
    }
    return g;
  }

  test("commentary typed on an exception row on page 1 wins over the unchanged register copy, and the reverse", () => {
    const g = grid(first.blocks);
    const exceptionRow = g.findIndex((row) => row?.[first.table.keyCol] === "Board KPIs!KPI 1");
    const commentCol = g.find((row) => row?.includes("Latest against target"))!.indexOf("Commentary");
    g[exceptionRow][commentCol] = "Recovery plan agreed";
    let state = readScorecardState([...g, ...grid(first.register.blocks)], grid(first.dataSheet.blocks));
    expect(state.commentary.find((e) => e.key === "Board KPIs!KPI 1")?.text).toBe("Recovery plan agreed");
    const second = buildScorecardSpec(board, opts({ commentary: state.commentary, previous: state.previous }));
    expect(second.rows.find((r) => r.key === "Board KPIs!KPI 1")?.commentary).toBe("Recovery plan agreed");
    expect(second.exceptions.find((e) => e.key === "Board KPIs!KPI 1")?.commentary).toBe("Recovery plan agreed");

    // The register's sheet is read under the scorecard's (src/excel reads both in one sync).
    const g2 = grid(second.register.blocks);
    g2[second.rows.find((r) => r.key === "Board KPIs!KPI 1")!.row][second.table.commentaryCol] = "Plan slipped";
    state = readScorecardState([...grid(second.blocks), ...g2], grid(second.dataSheet.blocks));
    expect(state.commentary.find((e) => e.key === "Board KPIs!KPI 1")?.text).toBe("Plan slipped");
  });

  test("a live register cell that now says another RAG: the last scorecard's RAG is what it wrote (the data sheet's record)", () => {
    const g = grid(first.register.blocks);
    const row = first.rows.find((r) => r.key === "Board KPIs!KPI 1")!.row;
    const ragCol = first.table.columns.findIndex((c) => c.id === "rag");
    expect(g[row][ragCol]).toBe("Red");
    g[row][ragCol] = "Green";
    const both = [...grid(first.blocks), ...g];
    expect(readScorecardState(both, grid(first.dataSheet.blocks)).previous.rags["Board KPIs!KPI 1"]).toBe("red");
    // A scorecard written without that record: the register says it.
    expect(readScorecardState(both, null).previous.rags["Board KPIs!KPI 1"]).toBe("green");
  });

  test("the RAGs the last scorecard showed give what changed: better, worse, new and no longer reported", () => {
    const g = grid(first.blocks);
    const state = readScorecardState(g, grid(first.dataSheet.blocks));
    expect(state.previous.generatedAt).toBe(GEN);
    expect(state.previous.rags["Board KPIs!KPI 1"]).toBe("red");
    const moved = scan([
      {
        sheet: "Board KPIs",
        kpis: [
          { ...board.tables[0].kpis[0], rag: "amber" },
          { ...board.tables[0].kpis[1] },
          { ...board.tables[0].kpis[3], rag: "red" },
          kpi({ ref: "K9", measure: "A new measure", sheet: "Board KPIs", rag: "green" }),
        ],
      },
    ]);
    const next = buildScorecardSpec(moved, opts({ previous: state.previous }));
    expect(next.changes.changed.map((c) => [c.label, c.from, c.to, c.direction])).toEqual([
      ["K4 – -5 days", "amber", "red", "worse"],
      ["KPI 1 – Timeliness of EHCP assessments (completed in 20 weeks)", "red", "amber", "better"],
    ]);
    expect(next.changes.added).toEqual(["K9 – A new measure"]);
    expect(next.changes.removed).toHaveLength(2);
    const lines = allText(next);
    expect(lines).toContain("Worse: K4 – -5 days — Amber → Red");
    // Both are for 29 Feb 2024: page 1 says it compares with the first scorecard for that date.
    expect(lines.some((l) => l.startsWith("Changed since the first scorecard for 29 Feb 2024 (generated 22 Nov 2026 00:30 UTC)"))).toBe(true);
  });

  test("regenerating or packing again for the same reporting date never erases a change; a new reporting date compares with the last one", () => {
    const read = (spec: ScorecardSpec) => readScorecardState(grid(spec.blocks), grid(spec.dataSheet.blocks));
    const moved = scan([{ sheet: "Board KPIs", kpis: [{ ...board.tables[0].kpis[0], rag: "amber" }, ...board.tables[0].kpis.slice(1)] }]);
    // The officer regenerates after KPI 1 moves Red -> Amber; the secretary packs twice more.
    const second = buildScorecardSpec(moved, opts({ previous: read(first).previous, generatedAt: "2026-11-23T09:00:00Z" }));
    const third = buildScorecardSpec(moved, opts({ previous: read(second).previous, generatedAt: "2026-11-24T09:00:00Z" }));
    const fourth = buildScorecardSpec(moved, opts({ previous: read(third).previous, generatedAt: "2026-11-25T09:00:00Z" }));
    for (const spec of [second, third, fourth]) {
      expect(spec.changes.changed.map((c) => [c.key, c.from, c.to])).toEqual([["Board KPIs!KPI 1", "red", "amber"]]);
      expect(spec.changes).toMatchObject({ previousAsOf: "2024-02-29", previousGeneratedAt: GEN });
    }
    // Next month's scorecard compares with the last one for February, and names its date.
    const march = { ...moved, asOf: "2024-03-31" };
    const next = buildScorecardSpec(march, opts({ previous: read(fourth).previous, generatedAt: "2026-12-01T09:00:00Z" }));
    expect(next.changes).toMatchObject({ changed: [], previousAsOf: "2024-02-29", previousGeneratedAt: "2026-11-25T09:00:00Z" });
    expect(allText(next)).toContain("Changed since the scorecard of 29 Feb 2024 (generated 25 Nov 2026 09:00 UTC): no KPI has changed its RAG rating.");
  });

  test("commentary is found by its headers even after someone inserts a column and sorts the rows", () => {
    const g = [
      ["KPI Scorecard"],
      ["", "Ref", "Measure", "Commentary", "Key (do not edit)", "Source sheet"],
      ["", "K2", "Second", "Two", "S!K2", "S"],
      ["", "K1", "First", "", "S!K1", "S"],
    ];
    expect(commentaryFromGrid(g)).toEqual([
      { key: "S!K2", sheet: "S", ref: "K2", measure: "Second", text: "Two" },
      { key: "S!K1", sheet: "S", ref: "K1", measure: "First", text: "" },
    ]);
  });

  test("commentary whose KPI is gone is kept in its own block", () => {
    const spec = buildScorecardSpec(board, opts({ commentary: [{ key: "Old sheet!KPI 9", sheet: "Old sheet", ref: "KPI 9", measure: "Retired measure", text: "=not a formula" }] }));
    expect(spec.orphanedCommentary.map((e) => e.key)).toEqual(["Old sheet!KPI 9"]);
    expect(allText(spec)).toContain("=not a formula");
    expect(allText(spec)).toContain("Commentary for KPIs no longer found");
  });
});

describe("edge cases", () => {
  test("no KPIs: a page 1 that says so, a register with a message, no charts", () => {
    const spec = buildScorecardSpec(scan([]), opts());
    expect(spec.table.rowCount).toBe(0);
    expect(spec.charts).toHaveLength(0);
    expect(allText(spec)).toContain("No KPI tables were recognised in this workbook.");
  });

  test("duplicate references get distinct keys so commentary cannot land on the wrong row", () => {
    const spec = buildScorecardSpec(scan([{ sheet: "S", kpis: [kpi({ ref: "A1", measure: "x" }), kpi({ ref: "A1", measure: "y" })] }]), opts());
    expect(new Set(spec.rows.map((r) => r.key)).size).toBe(2);
  });

  test("1,000 KPIs: the register is whole and the charts are capped with a note", () => {
    const spec = buildScorecardSpec(syntheticScan(1000), opts());
    expect(spec.rows).toHaveLength(1000);
    expect(spec.charts.length).toBeLessThanOrEqual(24);
    expect(spec.chartsOmitted).toBeGreaterThan(0);
    expect(allText(spec).some((t) => t.includes(`${spec.chartsOmitted} more KPIs have a chart`))).toBe(true);
  });
});
