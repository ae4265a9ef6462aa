// Workbooks for the corrections tests (pane, e2e), built as real .xlsx files with ExcelJS.
import ExcelJS from "exceljs";

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Four KPIs on "Board" at B4:E7, each a label and three figures (latest, target, previous), with no heading row: nothing to recognise. */
export const BOARD_ROWS: [string, number, number, number][] = [
  ["Families seen this month", 412, 400, 388],
  ["Hours of respite delivered", 1290, 1500, 1100],
  ["Young carers identified", 37, 45, 29],
  ["Short breaks arranged", 86, 80, 91],
];

export async function unrecognisedBoard(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Board");
  ws.getCell("B2").value = "Short breaks service, March 2024";
  BOARD_ROWS.forEach((r, i) => r.forEach((v, j) => (ws.getCell(4 + i, 2 + j).value = v)));
  return bytes(wb);
}

/** A table the add-in recognises by its headings: percentages against targets, on "KPIs" at A1:E4. */
export async function headedTable(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPIs");
  const rows: (string | number)[][] = [
    ["Ref", "Measure", "Target", "Previous", "Latest"],
    ["K1", "% of EHC plans issued within 20 weeks", 0.6, 0.5, 0.55],
    ["K2", "% of annual reviews completed on time", 0.9, 0.8, 0.92],
    ["K3", "% of families satisfied with the service", 0.75, 0.7, 0.5],
  ];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      if (typeof v === "number") cell.numFmt = "0%";
    }),
  );
  return bytes(wb);
}
