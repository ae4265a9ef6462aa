import ExcelJS from "exceljs";
import { openWorkbook } from "../src/host";
import { scanWorkbook } from "../src/excel/scanWorkbook";
import { buildScorecardSpec, sourceCellsOf } from "../src/core/scorecard";
(async () => {
  const n = Number(process.argv[2] ?? 1000);
  const wb0 = new ExcelJS.Workbook();
  const ws = wb0.addWorksheet("Monthly KPIs");
  const months = ["Apr 23", "May 23", "Jun 23", "Jul 23", "Aug 23", "Sep 23", "Oct 23", "Nov 23", "Dec 23", "Jan 24", "Feb 24", "Mar 24"];
  ws.addRow(["Ref", "Measure", "Target", ...months]);
  for (let i = 0; i < n; i++) { const filled = 10 - (i % 3); ws.addRow([`K${i + 1}`, `Percentage of plans completed on time, area ${i + 1}`, 0.6 + (i % 5) / 100, ...months.map((_, m) => (m < filled ? 0.4 + ((i * 7 + m * 3) % 40) / 100 : null))]); }
  for (let r = 2; r <= n + 1; r++) for (let c = 3; c <= 15; c++) ws.getCell(r, c).numFmt = "0%";
  const wb = await openWorkbook(new Uint8Array(await wb0.xlsx.writeBuffer()));
  const { result, settings, snapshot } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "x.xlsx", overrides: { asOf: "2024-02-29" }, today: "2024-02-29" }));
  const t0 = process.cpuUsage();
  const spec = buildScorecardSpec(result, { sheetName: "Scorecard", generatedAt: "2026-11-22T01:00:00Z", commentary: [], settings, sourceCells: sourceCellsOf(snapshot) });
  const t = process.cpuUsage(t0);
  let chars = 0, count = 0; const byBlock: Record<string, number> = {};
  for (const b of [...spec.blocks, ...spec.dataSheet.blocks]) for (const f of b.formulas ?? []) { chars += f.formula.length; count++; byBlock[b.id] = (byBlock[b.id] ?? 0) + 1; }
  console.log("cpu ms", Math.round((t.user + t.system) / 1000), "formulas", count, "chars", chars, byBlock);
  const reg = spec.blocks.find((b) => b.id === "register")!;
  const perRow = new Map<number, string[]>();
  for (const f of reg.formulas ?? []) perRow.set(f.r, [...(perRow.get(f.r) ?? []), spec.table.columns[f.c].id]);
  const hist = new Map<string, number>(); for (const v of perRow.values()) hist.set(v.join(","), (hist.get(v.join(",")) ?? 0) + 1);
  console.log(hist, spec.table.columns.map((c) => c.id).join(","));
  const live = spec.dataSheet.blocks.find((b) => b.id === "live")!;
  console.log(live.formulas!.slice(20, 32).map((f) => `${f.r},${f.c}: ${f.formula}`).join("\n"));
})();
