import { newWorkbook } from "../../src/host";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";

describe("charts through the API", () => {
  it("derive series from a source block, take title, position and colours, and are saved as chart parts", async () => {
    const wb = newWorkbook();
    const seen = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.add("KPI Scorecard");
      ws.getRange("A1:D4").values = [["Group", "Red", "Amber", "Green"], ["Adults", 1, 2, 3], ["Children", 2, 1, 4], ["Housing", 0, 3, 2]];
      const chart = ws.charts.add("ColumnStacked", ws.getRange("A1:D4"), "Columns");
      chart.title.text = "RAG by group";
      chart.legend.position = "Bottom";
      chart.setPosition("F2", "M18");
      chart.axes.valueAxis.title.text = "KPIs";
      chart.series.getItemAt(0).format.fill.setSolidColor("#C00000");
      const line = ws.charts.add("Line", ws.getRange("B2:B4"), "Columns");
      const target = line.series.add("Target");
      target.setValues(ws.getRange("C2:C4"));
      target.setXAxisValues(ws.getRange("A2:A4"));
      target.format.line.lineStyle = "Dash";
      chart.series.load("items/name");
      chart.load("name, top, left, width, height");
      ws.charts.load("count");
      await context.sync();
      return {
        names: chart.series.items.map((s) => s.name),
        count: ws.charts.count,
        box: [chart.top, chart.left, chart.width, chart.height],
      };
    });
    expect(seen.names).toEqual(["Red", "Amber", "Green"]);
    expect(seen.count).toBe(2);
    // F2 is 5 default columns (48 pt) in and one row (15 pt) down; M18 ends 8 columns and 17 rows later.
    expect(seen.box).toEqual([15, 240, 384, 255]);

    const charts = await readChartsFromXlsx(await wb.save());
    expect(charts).toHaveLength(2);
    const [rag, trend] = charts;
    expect(rag).toMatchObject({ sheetName: "KPI Scorecard", kind: "ColumnStacked", title: "RAG by group" });
    expect(rag.series.map((s) => [s.name, s.valuesRef, s.categoriesRef])).toEqual([
      ["Red", "'KPI Scorecard'!$B$2:$B$4", "'KPI Scorecard'!$A$2:$A$4"],
      ["Amber", "'KPI Scorecard'!$C$2:$C$4", "'KPI Scorecard'!$A$2:$A$4"],
      ["Green", "'KPI Scorecard'!$D$2:$D$4", "'KPI Scorecard'!$A$2:$A$4"],
    ]);
    expect(trend.series.map((s) => s.valuesRef)).toEqual(["'KPI Scorecard'!$B$2:$B$4", "'KPI Scorecard'!$C$2:$C$4"]);
  });

  it("a chart on a protected sheet is refused", async () => {
    const wb = newWorkbook();
    const code = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [["a", 1], ["b", 2]];
      ws.protection.protect();
      await context.sync();
      ws.charts.add("Pie", ws.getRange("A1:B2"), "Auto");
      try {
        await context.sync();
        return "no error";
      } catch (e) {
        return (e as { code: string }).code;
      }
    });
    expect(code).toBe("AccessDenied");
  });
});
