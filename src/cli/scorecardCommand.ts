// `kpi-scorecard scorecard`: the scorecard the add-in would insert, written to a copy of the workbook.
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Settings } from "../core/settings";
import type { ScanResult } from "../core/types";
import { insertScorecard } from "../excel/insertScorecard";
import { todayIso } from "../excel/scanWorkbook";
import { describeOfficeError } from "../excel/officeErrors";
import { ScorecardError } from "../excel/applyScorecard";
import { CliError, loadWorkbook } from "./loadWorkbook";

export interface ScorecardCommandOptions {
  output?: string;
  stats?: boolean;
  overrides: Partial<Settings>;
}

export function defaultOutput(file: string): string {
  const ext = extname(file) || ".xlsx";
  return join(dirname(file), `${basename(file, ext)}-scorecard${ext}`);
}

export async function runScorecard(file: string, opts: ScorecardCommandOptions, out: (s: string) => void): Promise<number> {
  const output = opts.output ?? defaultOutput(file);
  if (resolve(output) === resolve(file)) throw new CliError(`will not write over the input "${file}"; choose another name with -o.`);
  const wb = await loadWorkbook(file, readFile);
  let readSyncs = 0;
  let readBytes = 0;
  let outcome;
  try {
    outcome = await wb.run((ctx) =>
      insertScorecard(ctx, {
        workbookName: basename(file),
        overrides: opts.overrides,
        today: todayIso(),
        onScanned: () => {
          readSyncs = wb.stats.syncs;
          readBytes = Math.max(wb.stats.largestRequestBytes, wb.stats.largestResponseBytes);
        },
      }),
    );
  } catch (e) {
    if (e instanceof ScorecardError) throw new CliError(e.message);
    const d = describeOfficeError(e);
    throw new CliError(`${d.message} ${d.action}`.trim());
  }
  const bytes = await wb.save();
  try {
    await writeFile(output, bytes);
  } catch (e) {
    throw new CliError(`cannot write "${output}": ${(e as Error).message}`);
  }
  const { applied, scan } = outcome;
  out(summary(scan, output, applied.sheetName, applied.renamedBecauseTaken, applied.degraded));
  if (opts.stats) {
    const writeSyncs = wb.stats.syncs - readSyncs;
    out(`syncs: read ${readSyncs}, write ${writeSyncs}\n`);
    out(`largest payload: ${Math.max(readBytes, wb.stats.largestRequestBytes, wb.stats.largestResponseBytes)} bytes (request ${wb.stats.largestRequestBytes}, response ${wb.stats.largestResponseBytes})\n`);
  }
  return 0;
}

function summary(scan: ScanResult, output: string, sheet: string, renamed: boolean, degraded: string[]): string {
  const kpis = scan.tables.flatMap((t) => t.kpis);
  const findings = [...scan.findings, ...kpis.flatMap((k) => k.findings)];
  const rag: Record<string, number> = {};
  for (const k of kpis) rag[k.rag ?? "grey"] = (rag[k.rag ?? "grey"] ?? 0) + 1;
  const sev = (s: string) => findings.filter((f) => f.severity === s).length;
  const lines = [
    `Wrote ${output} with the scorecard on sheet "${sheet}"${renamed ? ` (the configured name belongs to a sheet the add-in does not own, so it took "${sheet}")` : ""}.`,
    `KPIs: ${kpis.length} in ${scan.tables.length} table${scan.tables.length === 1 ? "" : "s"}, reporting date ${scan.asOf}` +
      (kpis.length ? ` — ${["blue", "green", "amber", "red", "grey"].filter((r) => rag[r]).map((r) => `${rag[r]} ${r}`).join(", ")}` : ""),
    `Findings: ${sev("error")} error, ${sev("warning")} warning, ${sev("info")} info`,
    ...degraded.map((d) => `Note: ${d}`),
  ];
  return `${lines.join("\n")}\n`;
}
