// Corrections a user makes are stored in the workbook and hold as the workbook changes: a range declared a KPI
// table with no heading row, its columns' roles, a KPI's target, a row that is not a KPI. Rows inserted above
// the table and a renamed sheet do not lose them; a correction whose columns were deleted is dropped with a
// finding, never a crash or a silently wrong table.
import ExcelJS from "exceljs";
import { openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { saveSettings } from "../../src/excel/settingsStore";
import type { Settings } from "../../src/core/settings";
import type { ScanResult } from "../../src/core/types";

const ROWS: [string, number, number, number][] = [
  ["Families seen this month", 412, 400, 388],
  ["Hours of respite delivered", 1290, 1500, 1100],
  ["Young carers identified", 37, 45, 29],
  ["Short breaks arranged", 86, 80, 91],
];

/** Four rows of a label and three figures, no heading row: nothing to recognise. Shifted down and renamed on request. */
async function board(opts: { sheet?: string; shift?: number; dropTargets?: boolean } = {}): Promise<HeadlessWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? "Board");
  const top = 4 + (opts.shift ?? 0);
  ws.getCell("B2").value = "Board figures";
  ROWS.forEach((r, i) => {
    const values = opts.dropTargets ? [r[0], r[1], r[3]] : r;
    values.forEach((v, j) => (ws.getCell(top + i, 2 + j).value = v));
  });
  return openWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const scan = (wb: HeadlessWorkbook, extra: Partial<Parameters<typeof scanWorkbook>[1]> = {}) =>
  wb.run((ctx) => scanWorkbook(ctx, { workbookName: "board.xlsx", today: "2024-03-31", overrides: { asOf: "2024-03-31" }, ...extra }));

const DECLARED = { declarations: [{ sheet: "Board", range: "B4:E7", headerRows: 0, roles: [{ column: "C", role: "latest" as const }, { column: "D", role: "target" as const }, { column: "E", role: "previous" as const }] }] };

function figures(r: ScanResult) {
  return r.tables.flatMap((t) => t.kpis.map((k) => [k.measure, k.latest?.value, k.currentTarget?.value, k.previous?.value, k.rag]));
}

const EXPECTED = [
  ["Families seen this month", 412, 400, 388, "green"],
  ["Hours of respite delivered", 1290, 1500, 1100, "red"],
  ["Young carers identified", 37, 45, 29, "red"],
  ["Short breaks arranged", 86, 80, 91, "green"],
];

describe("a range declared a KPI table", () => {
  it("is not recognised on its own, and with the declaration gives four KPIs with the right figures, the columns marked as the user's", async () => {
    const wb = await board();
    expect((await scan(wb)).result.tables).toEqual([]);
    const { result, toStore } = await scan(wb, DECLARED);
    expect(figures(result)).toEqual(EXPECTED);
    expect(result.tables[0]).toMatchObject({ range: "B4:E7", userDefined: true, headerRows: 0 });
    expect(result.tables[0].columns!.map((c) => [c.column, c.role, c.source])).toEqual([
      ["B", "measure", "position"],
      ["C", "latest", "user"],
      ["D", "target", "user"],
      ["E", "previous", "user"],
    ]);
    expect(toStore?.tables).toHaveLength(1);
  });

  async function stored(): Promise<Settings> {
    const { toStore } = await scan(await board(), DECLARED);
    return toStore!;
  }

  it("still applies after three rows are inserted above the table and the sheet is renamed", async () => {
    const settings = await stored();
    const moved = await board({ sheet: "Partnership board", shift: 3 });
    await moved.run((ctx) => saveSettings(ctx, settings));
    const { result } = await scan(moved);
    expect(figures(result)).toEqual(EXPECTED);
    expect(result.tables[0]).toMatchObject({ sheet: "Partnership board", range: "B7:E10", userDefined: true });
    expect(result.findings.map((f) => f.code)).not.toContain("correction-dropped");
  });

  it("a correction whose columns were deleted is dropped with a finding naming it, and nothing is guessed in its place", async () => {
    const settings = await stored();
    const cut = await board({ dropTargets: true });
    await cut.run((ctx) => saveSettings(ctx, settings));
    const { result } = await scan(cut);
    const dropped = result.findings.find((f) => f.code === "correction-dropped");
    expect(dropped?.message).toMatch(/Board!B4:E7.*no longer fits/);
    expect(result.tables).toEqual([]);
  });
});

describe("corrections to single KPIs", () => {
  it("a target set by the user is rated against; a row marked not a KPI is left out", async () => {
    const wb = await board();
    const settings = (await scan(wb, DECLARED)).toStore!;
    const keyed = (await scan(wb, { overrides: { ...settings, asOf: "2024-03-31" } })).result.tables[0].kpis;
    const respite = keyed.find((k) => k.measure.startsWith("Hours of respite"))!;
    const carers = keyed.find((k) => k.measure.startsWith("Young carers"))!;
    const corrected = { ...settings, asOf: "2024-03-31", kpiCorrections: { [respite.key!]: { target: 1200 }, [carers.key!]: { notKpi: true } } };
    const after = (await scan(wb, { overrides: corrected })).result.tables[0].kpis;
    expect(after.map((k) => k.measure)).not.toContain("Young carers identified");
    const r = after.find((k) => k.measure.startsWith("Hours of respite"))!;
    expect([r.currentTarget?.value, r.currentTarget?.text, r.rag]).toEqual([1200, "1200 (set by the user)", "green"]);
  });
});
