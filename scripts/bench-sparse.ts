// The read of a sparse sheet: a 20-row KPI table and one value in XFD1048576, so the used range is the
// whole grid (17 billion cells). Prints what readWorkbook costs on the host: syncs, bytes, time, heap.
import ExcelJS from "exceljs";
import { openWorkbook } from "../src/host";
import { readWorkbook } from "../src/excel/readWorkbook";

export async function benchSparse(print: (line: string) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPIs");
  ws.addRow(["Ref", "Measure", "Target", "Previous", "Latest"]);
  for (let i = 1; i <= 20; i++) ws.addRow([`KPI ${i}`, `% of plans issued within 20 weeks (area ${i})`, 0.6, 0.5, 0.55]);
  ws.getCell("XFD1048576").value = "x";
  const host = await openWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const snap = await host.run((context) => readWorkbook(context));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const grown = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
  const bytes = host.stats.log.reduce((n, l) => n + l.responseBytes, 0);
  const blocks = snap.sheets[0].blocks;
  const cells = blocks.reduce((n, b) => n + b.rowCount * b.colCount, 0);
  print(`sparse read (20-row table + one value in XFD1048576): ${host.stats.syncs} syncs, ${bytes.toLocaleString("en-GB")} response bytes, ${ms.toFixed(0)} ms, heap +${grown.toFixed(1)} MB; ${blocks.length} blocks, ${cells} cells kept`);
}
