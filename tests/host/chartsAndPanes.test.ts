// Where the headless host is as strict as Excel about charts and panes, so code that only works in
// the host fails here first: hidden cells are not plotted, panes freeze on the active sheet only.
import { newWorkbook } from "../../src/host";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";

describe("charts over hidden cells", () => {
  async function chartOverHiddenColumns(plotVisibleOnly?: boolean) {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C3").values = [["", "Q1", "Q2"], ["Target", 0.4, 0.5], ["Actual", 0.35, 0.52]];
      ws.getRange("B:C").columnHidden = true;
      const chart = ws.charts.add("LineMarkers", ws.getRange("A1:C3"), "Rows");
      if (plotVisibleOnly !== undefined) chart.plotVisibleOnly = plotVisibleOnly;
      chart.series.getItemAt(1).hasDataLabels = true;
      chart.axes.valueAxis.minimum = 0;
      await ctx.sync();
    });
    return (await readChartsFromXlsx(await wb.save()))[0];
  }

  test("are left out, as Excel does by default: a chart on hidden columns is drawn empty", async () => {
    const chart = await chartOverHiddenColumns();
    expect(chart.plotVisibleOnly).toBe(true);
    expect(chart.series.map((s) => s.values)).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  test("are plotted when plotVisibleOnly is false; labels and the axis minimum are saved", async () => {
    const chart = await chartOverHiddenColumns(false);
    expect(chart.plotVisibleOnly).toBe(false);
    expect(chart.series.map((s) => s.values)).toEqual([
      [0.4, 0.5],
      [0.35, 0.52],
    ]);
    expect(chart.series.map((s) => s.dataLabels)).toEqual([false, true]);
    expect(chart.valueAxisMinimum).toBe(0);
  });
});

describe("frozen panes", () => {
  test("are refused on a sheet that is not active (Excel freezes the active sheet's panes, office-js#3148), and set once it is", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add("Scorecard");
      await ctx.sync();
    });
    const refused = await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Scorecard");
      ws.freezePanes.freezeRows(2);
      try {
        await ctx.sync();
        return null;
      } catch (e) {
        return (e as { code: string }).code;
      }
    });
    expect(refused).toBe("InvalidOperation");
    const frozen = await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Scorecard");
      ws.activate();
      ws.freezePanes.freezeRows(2);
      const at = ws.freezePanes.getLocationOrNullObject();
      at.load("address");
      await ctx.sync();
      return at.address;
    });
    expect(frozen).toBe("Scorecard!1:2");
  });

  test("are not unfrozen on a sheet that is not active either: Microsoft does not document which sheet's panes unfreeze() removes there", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Scorecard");
      ws.activate();
      ws.freezePanes.freezeRows(1);
      ctx.workbook.worksheets.getItem("Sheet1").activate();
      await ctx.sync();
    });
    const attempt = (activateFirst: boolean) =>
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Scorecard");
        if (activateFirst) ws.activate();
        ws.freezePanes.unfreeze();
        const at = ws.freezePanes.getLocationOrNullObject();
        at.load("address");
        try {
          await ctx.sync();
          return at.isNullObject ? "unfrozen" : at.address;
        } catch (e) {
          return (e as { code: string }).code;
        }
      });
    expect(await attempt(false)).toBe("InvalidOperation");
    expect(await attempt(true)).toBe("unfrozen");
  });
});

describe("where values are written by their points", () => {
  async function chart(type: string, place: (c: Excel.Chart) => void) {
    const wb = newWorkbook();
    const code = await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D3").values = [["", "Q1", "Q2", "Q3"], ["Target", 0.5, 0.75, 0.9], ["Actual", 0.6, 0.7, 0.95]];
      const c = ws.charts.add(type as Excel.ChartType, ws.getRange("A1:D3"), "Rows");
      c.series.getItemAt(1).hasDataLabels = true;
      place(c);
      try {
        await ctx.sync();
        return null;
      } catch (e) {
        return (e as { code: string }).code;
      }
    });
    return { code, saved: (await readChartsFromXlsx(await wb.save()))[0] };
  }

  test("a line's labels go above its points and one point's below, as saved", async () => {
    const { code, saved } = await chart("LineMarkers", (c) => {
      const actual = c.series.getItemAt(1);
      actual.dataLabels.position = "Top";
      actual.points.getItemAt(1).dataLabel.position = "Bottom";
    });
    expect(code).toBeNull();
    const actual = saved.series[1];
    expect(actual.labelPosition).toBe("t");
    expect(actual.pointLabelPositions).toEqual({ 1: "b" });
  });

  test("are refused where Excel offers no such place: above a column, or a point past the series' last", async () => {
    expect((await chart("ColumnClustered", (c) => void (c.series.getItemAt(1).dataLabels.position = "Top"))).code).toBe("InvalidArgument");
    expect((await chart("LineMarkers", (c) => void (c.series.getItemAt(1).points.getItemAt(3).dataLabel.position = "Bottom"))).code).toBe("ItemNotFound");
    // A column's value can go past its end, as Excel's default.
    expect((await chart("ColumnClustered", (c) => void (c.series.getItemAt(1).dataLabels.position = "OutsideEnd"))).code).toBeNull();
  });
});
