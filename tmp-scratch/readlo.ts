import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(process.argv[2]));
  const ws = wb.getWorksheet("Scorecard")!;
  ws.eachRow((row, r) => {
    const m = row.getCell(2).value;
    if (typeof m === "string" && /Annual Review/.test(m)) {
      const out: string[] = [];
      row.eachCell((c, col) => out.push(`${col}:${JSON.stringify(c.value).slice(0, 140)}`));
      console.log(r, out.join(" | "));
    }
  });
  for (const r of [5, 6, 9, 10]) { const out: string[] = []; ws.getRow(r).eachCell((c, col) => out.push(`${col}:${JSON.stringify(c.value).slice(0, 100)}`)); console.log(r, out.join(" | ")); }
})();
