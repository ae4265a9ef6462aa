import ExcelJS from "exceljs";
import { openWorkbook } from "../src/host";
import { insertScorecard } from "../src/excel/insertScorecard";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
(async () => {
  const n = Number(process.argv[2] ?? 1000);
  const wb0 = new ExcelJS.Workbook();
  const ws = wb0.addWorksheet("Monthly KPIs");
  const months = ["Apr 23", "May 23", "Jun 23", "Jul 23", "Aug 23", "Sep 23", "Oct 23", "Nov 23", "Dec 23", "Jan 24", "Feb 24", "Mar 24"];
  ws.addRow(["Ref", "Measure", "Target", ...months]);
  for (let i = 0; i < n; i++) { const filled = 10 - (i % 3); ws.addRow([`K${i + 1}`, `Percentage of plans completed on time, area ${i + 1}`, 0.6 + (i % 5) / 100, ...months.map((_, m) => (m < filled ? 0.4 + ((i * 7 + m * 3) % 40) / 100 : null))]); }
  for (let r = 2; r <= n + 1; r++) for (let c = 3; c <= 15; c++) ws.getCell(r, c).numFmt = "0%";
  const wb = await openWorkbook(new Uint8Array(await wb0.xlsx.writeBuffer()));
  let t0 = cpu(); let scanned = 0;
  await wb.run((ctx) => insertScorecard(ctx, { workbookName: "x.xlsx", overrides: { asOf: "2024-02-29" }, today: "2024-02-29", onScanned: () => (scanned = cpu()) }));
  const t1 = cpu();
  await wb.saveCopy();
  const t2 = cpu();
  console.log(`scan ${Math.round(scanned - t0)} ms cpu, build+write ${Math.round(t1 - scanned)} ms, saveCopy ${Math.round(t2 - t1)} ms`);
})();
