// A workbook with groups, RAG counts and a trajectory (ExcelJS-made, with an image, a table and conditional
// formats), and the charts a scorecard draws over it: shared by the chart XML tests and their render check.
import ExcelJS from "exceljs";
import { quoteSheetName } from "../../src/core/address";
import type { ChartModel } from "../../src/host/xlsx/chartModel";

export const SHEET = "Score card – Bürgermeister's";
export const CYRILLIC = "Данные";
const q = quoteSheetName(SHEET);
export const RED = "D55E00";
export const AMBER = "E69F00";
export const GREEN = "009E73";
export const BLUE = "0072B2";
export const PURPLE = "6A3D9A";

export const groups = ["Education", "Health", "Housing", "Transport"];
export const rag = { red: [2, 1, 3, 0], amber: [3, 2, 1, 2], green: [5, 6, 2, 4] };
export const months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep"];
export const actual = [0.52, 0.55, 0.61, 0.6, 0.66, 0.7];
export const target = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

// A 1x1 PNG, so the sheet already has an ExcelJS drawing part when the charts are added.
const PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

export async function baseWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET, { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.headerFooter.oddFooter = "Page &P of &N";
  ws.addRow(["Group", "Red", "Amber", "Green"]);
  groups.forEach((g, i) => ws.addRow([g, rag.red[i], rag.amber[i], rag.green[i]]));
  ws.getCell("F1").value = "Month";
  ws.getCell("G1").value = "Actual";
  ws.getCell("H1").value = "Target";
  months.forEach((m, i) => {
    ws.getCell(i + 2, 6).value = m;
    ws.getCell(i + 2, 7).value = actual[i];
    ws.getCell(i + 2, 8).value = target[i];
  });
  ws.addConditionalFormatting({
    ref: "B2:B5",
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: [2], priority: 1, style: { font: { bold: true } } }],
  });
  ws.addTable({ name: "Notes", ref: "J1", columns: [{ name: "Note" }], rows: [["first"], ["second"]] });
  const image = wb.addImage({ base64: PIXEL_PNG, extension: "png" });
  ws.addImage(image, { tl: { col: 10, row: 0 }, ext: { width: 16, height: 16 } });

  const other = wb.addWorksheet(CYRILLIC);
  other.addRow(["Статус", "Число"]);
  [["Красный", 6], ["Жёлтый", 8], ["Зелёный", 17]].forEach((r) => other.addRow(r));
  wb.addWorksheet("No charts").getCell("A1").value = "untouched";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const col = (letter: string, from: number, to: number, sheet = q): string => `${sheet}!$${letter}$${from}:$${letter}$${to}`;

export function charts(): ChartModel[] {
  const ragSeries = (["red", "amber", "green"] as const).map((k, i) => ({
    name: ["Red", "Amber", "Green"][i],
    valuesRef: col(["B", "C", "D"][i], 2, 5),
    categoriesRef: col("A", 2, 5),
    values: rag[k],
    categories: groups,
    color: [RED, AMBER, GREEN][i],
  }));
  return [
    {
      sheetName: SHEET,
      name: "RAG by group",
      kind: "ColumnClustered",
      title: "RAG by group – Bürgermeister's <KPIs> & more",
      anchor: { fromRow: 8, fromCol: 0, toRow: 24, toCol: 6 },
      series: ragSeries,
      legendPosition: "Bottom",
      categoryAxisTitle: "Group",
      valueAxisTitle: "KPIs",
    },
    {
      sheetName: SHEET,
      name: "RAG stacked",
      kind: "BarStacked",
      title: "RAG share by group",
      anchor: { fromRow: 8, fromCol: 7, toRow: 24, toCol: 13 },
      series: ragSeries,
      legendPosition: "Right",
    },
    {
      sheetName: SHEET,
      name: "Trajectory",
      kind: "ColumnClustered",
      title: "Attainment against staged targets",
      anchor: { fromRow: 26, fromCol: 0, toRow: 42, toCol: 8 },
      series: [
        { name: "Actual", valuesRef: col("G", 2, 7), categoriesRef: col("F", 2, 7), values: actual, categories: months, color: BLUE },
        {
          name: "Target",
          valuesRef: col("H", 2, 7),
          categoriesRef: col("F", 2, 7),
          values: target,
          categories: months,
          color: PURPLE,
          kind: "Line",
          lineDash: "dash",
          marker: true,
        },
      ],
      legendPosition: "Bottom",
      valueAxisNumberFormat: "0%",
    },
    {
      sheetName: CYRILLIC,
      name: "Статусы",
      kind: "Pie",
      title: "Статусы показателей",
      anchor: { fromRow: 5, fromCol: 0, toRow: 20, toCol: 6 },
      series: [
        {
          name: "Число",
          valuesRef: `${quoteSheetName(CYRILLIC)}!$B$2:$B$4`,
          categoriesRef: `${quoteSheetName(CYRILLIC)}!$A$2:$A$4`,
          values: [6, 8, 17],
          categories: ["Красный", "Жёлтый", "Зелёный"],
          pointColors: [RED, AMBER, GREEN],
        },
      ],
      legendPosition: "Right",
    },
  ];
}
