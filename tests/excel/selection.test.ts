// Reading the selection for "Use selection as KPI table", and storing a correction: the host keeps what was
// selected on each sheet as Excel does, the selection is cut to its filled cells, and a correction costs the
// scan's read (2 syncs) and one sync to store the settings.
import { openWorkbook } from "../../src/host";
import { selectCell } from "../../src/excel/navigate";
import { readSelection, SelectionError, showSheet } from "../../src/excel/selection";
import { correctWorkbook } from "../../src/excel/correctWorkbook";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { SETTINGS_KEY } from "../../src/core/settings";
import { declareTable } from "../../src/taskpane/correctionEdits";
import { BOARD_ROWS, headedTable, unrecognisedBoard } from "../helpers/correctionWorkbooks";

async function twoSheets() {
  const wb = await openWorkbook(await unrecognisedBoard());
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.add("Notes").getRange("A1:B2").values = [["a", "b"], ["c", "d"]];
    await ctx.sync();
  });
  return wb;
}

describe("the selection", () => {
  it("is what was last selected, on the sheet shown; each sheet keeps its own", async () => {
    const wb = await twoSheets();
    await wb.run((ctx) => selectCell(ctx, "Board", "B4:E7"));
    expect(await wb.run((ctx) => readSelection(ctx))).toEqual({ sheet: "Board", range: "B4:E7", selected: "B4:E7" });
    await wb.run((ctx) => selectCell(ctx, "Notes", "A1:B2"));
    expect(await wb.run((ctx) => readSelection(ctx))).toMatchObject({ sheet: "Notes", range: "A1:B2" });
    // Back to Board: its selection is as it was left.
    await wb.run((ctx) => showSheet(ctx, "Board"));
    expect(await wb.run((ctx) => readSelection(ctx))).toMatchObject({ sheet: "Board", range: "B4:E7" });
    const active = await wb.run(async (ctx) => {
      const c = ctx.workbook.getActiveCell();
      c.load("address");
      await ctx.sync();
      return c.address;
    });
    expect(active).toBe("Board!B4");
  });

  it("is cut to the cells that hold something: whole columns B:E are the table within them", async () => {
    const wb = await twoSheets();
    await wb.run((ctx) => selectCell(ctx, "Board", "B:E"));
    expect(await wb.run((ctx) => readSelection(ctx))).toEqual({ sheet: "Board", range: "B2:E7", selected: "B:E" });
  });

  it("of empty cells is refused in words", async () => {
    const wb = await twoSheets();
    await wb.run((ctx) => selectCell(ctx, "Board", "H10:J12"));
    const e = await wb.run((ctx) => readSelection(ctx)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SelectionError);
    expect((e as Error).message).toBe("Nothing is typed in H10:J12 on Board. Select the KPI table's cells, its heading row too if it has one, then try again.");
  });

  it("costs one sync to read", async () => {
    const wb = await twoSheets();
    await wb.run((ctx) => selectCell(ctx, "Board", "B4:E7"));
    wb.resetStats();
    await wb.run((ctx) => readSelection(ctx));
    expect(wb.stats.syncs).toBe(1);
  });

  it("cannot be made on a hidden sheet; a failed batch keeps the selection made before the failing command, as Excel does", async () => {
    const wb = await twoSheets();
    await wb.run((ctx) => selectCell(ctx, "Board", "B4:E7"));
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").visibility = "Hidden";
      await ctx.sync();
    });
    const failed = await wb
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Board").getRange("C5").select();
        ctx.workbook.worksheets.getItem("Notes").getRange("A1").select();
        await ctx.sync();
      })
      .catch((e: { code?: string }) => e.code);
    expect(failed).toBe("InvalidOperation");
    expect(await wb.run((ctx) => readSelection(ctx))).toMatchObject({ sheet: "Board", range: "C5" });
  });
});

describe("a correction stored from the pane", () => {
  it("reads the workbook once (3 syncs), stores the settings in 1, and rates from what it read", async () => {
    const wb = await openWorkbook(await unrecognisedBoard());
    wb.resetStats();
    const out = await wb.run((ctx) =>
      correctWorkbook(ctx, { workbookName: "board.xlsx", today: "2024-03-31", change: (s, snap) => declareTable(s, snap, "Board", "B4:E7", 0) }),
    );
    expect(wb.stats.syncs).toBe(4);
    if (out.problem !== undefined) throw new Error(out.problem);
    expect(out.result.tables.map((t) => [t.range, t.userDefined, t.kpis.map((k) => k.measure)])).toEqual([["B4:E7", true, BOARD_ROWS.map((r) => r[0])]]);
    // Stored: a later scan, with nothing given, reads the same table.
    const again = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "board.xlsx", today: "2024-03-31" }));
    expect(again.result.tables.map((t) => t.range)).toEqual(["B4:E7"]);
    expect(again.settings.tables).toEqual([expect.objectContaining({ sheet: "Board", range: "B4:E7", headerRows: 0, userDefined: true })]);
  });

  it("that cannot be made stores nothing and says why", async () => {
    const wb = await openWorkbook(await headedTable());
    const out = await wb.run((ctx) => correctWorkbook(ctx, { workbookName: "t.xlsx", change: (s, snap) => declareTable(s, snap, "KPIs", "A1:E1", 1) }));
    expect(out.problem).toBe("A1:E1 has 1 row; with 1 heading row no row is left for KPIs.");
    const stored = await wb.run(async (ctx) => {
      const s = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      await ctx.sync();
      return s.isNullObject;
    });
    expect(stored).toBe(true);
  });
});
