// The live scorecard on corpus workbooks whose figures a formula follows only on the KPI's scale or across rows:
// percentages written whole ("45" in a percentage row), rates written as percentages, KPIs assembled from the rows
// of a long export or from period sheets. After a figure is typed into (or cleared from) a live KPI's source cell,
// the register's live cells, as the host calculates them, say what a fresh scan of the changed workbook says.
import fc from "fast-check";
import { typeInto } from "../helpers/typeInto";
import { readFileSync } from "node:fs";
import { openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { applyScorecard } from "../../src/excel/applyScorecard";
import { buildScorecardSpec, sourceCellsOf, isLiveFormulaText, type ScorecardSpec } from "../../src/core/scorecard";
import { figureCell, ragText, trendText, placeKpis, targetFor } from "../../src/core/scorecard/rows";
import { unquote } from "../../src/core/scorecard/literal";
import type { CellAt, Kpi } from "../../src/core/types";
import { loadEntries } from "../../scripts/corpus/entry";
import { xlsxPath } from "../../scripts/corpus/build";

const LIVE = ["latest", "previous", "target", "rag", "dot", "latestPeriod", "previousPeriod", "targetFor"] as const;
type LiveId = (typeof LIVE)[number];

/**
 * Whole percentages (General cells), rates per 100 written as 0.45%, a long export, period and month sheets, series
 * with points read from text ("12.1% (academic year 22/23)", "6.2 weeks"), times written hh:mm:ss, milestones
 * whose latest period says "n/a" (its own period in force: "Target for" names it), targets read from text ("35 weeks").
 */
const ENTRIES = ["canterbury-tsm-2023-24", "shropshire-housing-performance-2018-01", "devon-send-app-kpis-2023", "mansfield-housing-kpis-2022-24-long", "southend-foi-performance-2024-month-sheets", "derbyshire-fire-performance-2022-23-quarter-sheets", "devon-send-app-kpis-period-sheets-2023-24", "sefton-send-therapy-waits-target-actual-pairs-2020", "eeast-response-times-2022-23", "torbay-asc-outcomes-2021-23", "aberdeenshire-planning-performance-2019-20-q1", "arhag-core-performance-2017-18"];

function liveCells(spec: ScorecardSpec): Map<string, Set<LiveId>> {
  const reg = spec.register.blocks.find((b) => b.id === "register")!;
  const out = new Map<string, Set<LiveId>>(spec.rows.map((r) => [r.key, new Set<LiveId>()]));
  for (const f of reg.formulas ?? []) {
    const r = spec.rows.find((x) => x.row === reg.row + f.r);
    const id = spec.table.columns[reg.col + f.c].id;
    if (r && (LIVE as readonly string[]).includes(id)) out.get(r.key)!.add(id as LiveId);
  }
  return out;
}

/** The register's group headings: each heading's words before its counts ("Name — 3 KPIs: ") -> its row and text. */
function headings(spec: ScorecardSpec, live: boolean): Map<string, { row: number; text: string }> {
  const reg = spec.register.blocks.find((b) => b.id === "register")!;
  const kpiRows = new Set(spec.rows.map((r) => r.row));
  const withFormula = new Set((reg.formulas ?? []).filter((f) => f.c === 0).map((f) => reg.row + f.r));
  const out = new Map<string, { row: number; text: string }>();
  reg.values.forEach((v, i) => {
    const row = reg.row + i;
    const text = typeof v[0] === "string" ? unquote(v[0]) : "";
    const at = text.search(/ KPIs?: /);
    if (row <= spec.table.headerRow || kpiRows.has(row) || at < 0 || (live && !withFormula.has(row))) return;
    out.set(text.slice(0, text.indexOf(": ", at) + 2), { row, text });
  });
  return out;
}

async function registerValues(wb: HeadlessWorkbook, spec: ScorecardSpec, sheetName: string): Promise<Map<string, Record<string, unknown>>> {
  const values = await wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheetName).getUsedRange();
    r.load("values");
    await ctx.sync();
    return r.values;
  });
  return new Map(spec.rows.map((r) => [r.key, Object.fromEntries(spec.table.columns.map((c, i) => [c.id, values[r.row]?.[i]]))]));
}

function expected(kpi: Kpi, stale: boolean): Record<LiveId, unknown> {
  const v = (x: string | number) => (typeof x === "string" ? unquote(x) : x);
  return {
    latest: v(figureCell(kpi.latest, kpi.unit).value),
    previous: v(figureCell(kpi.previous, kpi.unit).value),
    target: v(figureCell(kpi.currentTarget ?? kpi.target, kpi.unit).value),
    rag: ragText({ rag: kpi.rag ?? "grey", stale }),
    dot: trendText(kpi),
    latestPeriod: kpi.latest?.period ?? "",
    previousPeriod: kpi.previous?.period ?? "",
    targetFor: targetFor(kpi),
  };
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return a === b;
}

function sourceCells(kpi: Kpi, live: Set<LiveId>): CellAt[] {
  const c = kpi.figureCells!;
  const figures = [c.latest, c.previous, c.baselineActual, c.baseline, ...c.periods.map((p) => p.actual)];
  const targets = [c.target, ...c.periods.map((p) => p.target)];
  return [...(live.has("latest") ? figures : []), ...(live.has("target") ? targets : [])].filter((x): x is CellAt => !!x);
}

describe.each(ENTRIES)("the live register of corpus workbook %s", (id) => {
  const entry = loadEntries().find((e) => e.id === id)!;
  const scan = (wb: HeadlessWorkbook) => wb.run((ctx) => scanWorkbook(ctx, { workbookName: `${id}.xlsx`, overrides: { asOf: entry.asOf }, today: entry.asOf }));
  let wb: HeadlessWorkbook;
  let spec: ScorecardSpec;
  let sheetName: string;
  let placed: Map<string, ReturnType<typeof placeKpis>[number]>;
  let live: Map<string, Set<LiveId>>;
  let source: ReturnType<typeof sourceCellsOf>;
  let scanSettings: Awaited<ReturnType<typeof scan>>["settings"];

  beforeAll(async () => {
    wb = await openWorkbook(new Uint8Array(readFileSync(xlsxPath(entry))));
    const { result, settings, snapshot } = await scan(wb);
    scanSettings = settings;
    source = sourceCellsOf(snapshot);
    spec = buildScorecardSpec(result, { sheetName: settings.scorecardSheetName, generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings, sourceCells: source });
    // The register (its rows and group headings) is on its own sheet.
    sheetName = (await wb.run((ctx) => applyScorecard(ctx, spec))).registerSheetName;
    placed = new Map(placeKpis(result).map((p) => [p.key, p]));
    live = liveCells(spec);
  }, 60_000);

  test("every KPI with a latest figure has a live latest, but one read from text in a Latest column; formulas hold only references, functions and numbers", () => {
    // A Latest column's text ("4.18%*") is the add-in's reading, shown as read (issue 18 item 4); a series' point read
    // from text is held as read while its cell says the same, and the series is followed.
    const textColumn = (kpi: Kpi, sheet: string) => {
      const at = kpi.figureCells!.latest;
      return !!at && source.cell(at.sheet ?? sheet, at.cell)?.valueType === "String";
    };
    const without = spec.rows.filter((r) => {
      const p = placed.get(r.key)!;
      return !live.get(r.key)!.has("latest") && p.kpi.latest?.value != null && !textColumn(p.kpi, p.sheet);
    });
    expect(without.map((r) => r.key)).toEqual([]);
    // The group headings count the live RAGs.
    expect(headings(spec, true).size).toBeGreaterThan(0);
    expect([...live.values()].filter((l) => l.has("latest")).length).toBeGreaterThan(0);
    for (const b of [...spec.blocks, ...spec.dataSheet.blocks]) for (const f of b.formulas ?? []) expect(isLiveFormulaText(f.formula)).toBe(true);
  });

  test("a figure typed into or cleared from a source cell: the live cells say what a fresh scan says", async () => {
    const editable = spec.rows.flatMap((r) => {
      const p = placed.get(r.key)!;
      if (p.kpi.polaritySource === "stated-rag") return [];
      return sourceCells(p.kpi, live.get(r.key)!).map((at) => ({ key: r.key, sheet: at.sheet ?? p.sheet, cell: at.cell, unit: p.kpi.unit }));
    });
    expect(editable.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...editable), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 })), fc.boolean(), async (at, n, whole) => {
        // A percentage typed as a fraction (0.456) or written whole (46); any other figure as a number.
        const typed = n === null ? "" : at.unit === "percent" ? (whole ? Math.round(n / 7) : n / 1000) : n;
        const old = await typeInto(wb, at.sheet, at.cell, typed);
        try {
          const { result, snapshot } = await scan(wb);
          const fresh = new Map(placeKpis(result).map((p) => [p.key, p]));
          const shown = await registerValues(wb, spec, sheetName);
          const p = fresh.get(at.key);
          const before = placed.get(at.key)!.kpi;
          // Polarity and unit are the add-in's reading of the workbook, and which rows make one KPI its reading of the
          // table: an edit that turns them (a row of a long export emptied leaves the KPI) is a case for regenerating.
          const shape = (k: Kpi) => JSON.stringify(k.figureCells);
          if (!p || p.kpi.polarity !== before.polarity || p.kpi.unit !== before.unit || shape(p.kpi) !== shape(before)) return;
          const want = expected(p.kpi, p.stale);
          // The group headings count the register afresh, as a scorecard generated now words them.
          // (Only where the KPI's RAG is live: a heading counts what the register shows.)
          const regenerated = buildScorecardSpec(result, { sheetName: scanSettings.scorecardSheetName, generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings: scanSettings, sourceCells: sourceCellsOf(snapshot) });
          const now = live.get(at.key)!.has("rag") ? headings(regenerated, false) : new Map<string, { text: string }>();
          const column = await wb.run(async (ctx) => {
            const r = ctx.workbook.worksheets.getItem(sheetName).getUsedRange();
            r.load("values");
            await ctx.sync();
            return r.values.map((v) => v[0]);
          });
          for (const c of live.get(at.key)!) expect([at.key, at.cell, typed, c, same(shown.get(at.key)![c], want[c]) ? want[c] : shown.get(at.key)![c]]).toEqual([at.key, at.cell, typed, c, want[c]]);
          for (const [prefix, h] of headings(spec, true)) if (now.size) expect([prefix, column[h.row]]).toEqual([prefix, now.get(prefix)?.text]);
        } finally {
          await typeInto(wb, at.sheet, at.cell, old);
        }
      }),
      { numRuns: Number(process.env.LIVE_RUNS ?? 25) },
    );
  }, 300_000);
});
