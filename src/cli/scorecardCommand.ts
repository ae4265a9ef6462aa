// `kpi-scorecard scorecard`: the scorecard the add-in would insert, written to a copy of the workbook.
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { Settings } from "../core/settings";
import type { ScanResult } from "../core/types";
import { insertScorecard } from "../excel/insertScorecard";
import { saveSettings } from "../excel/settingsStore";
import type { TableDeclaration } from "../core/corrections";
import { todayIso } from "../excel/scanWorkbook";
import { copyExtension } from "../host/xlsx/patchPackage";
import { loadWorkbook } from "./loadWorkbook";
import { commandError, usageError } from "./cliError";
import { checkOutput, checkOutputExtension, realFs, writeOutput, type OutputFs, type OutputPlan } from "./outputFile";

export interface ScorecardCommandOptions {
  output?: string;
  force?: boolean;
  stats?: boolean;
  overrides: Partial<Settings>;
  /** Tables declared on the command line (--table): used, and stored in the copy's settings. */
  declarations?: TableDeclaration[];
}

export async function runScorecard(file: string, opts: ScorecardCommandOptions, out: (s: string) => void, fs: OutputFs = realFs): Promise<number> {
  // The command line is checked before any work: a wrong -o costs nothing.
  if (opts.output !== undefined) checkOutputExtension(opts.output);
  const guessed = opts.output !== undefined ? extname(opts.output).toLowerCase() : extname(file).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  const plan: OutputPlan = { input: file, output: opts.output, force: !!opts.force, extension: guessed };
  await checkOutput(plan, fs);
  let original: Uint8Array | undefined;
  const wb = await loadWorkbook(file, async (p) => (original = await readFile(p)));
  // The copy is the same kind of workbook as the input: macros stay, and Excel opens only a matching name.
  plan.extension = original ? await copyExtension(original) : ".xlsx";
  if (opts.output !== undefined && extname(opts.output).toLowerCase() !== plan.extension) {
    throw usageError(`-o must end in ${plan.extension} for this workbook${plan.extension === ".xlsm" ? " (it has macros, which the copy keeps)" : ""} (got "${opts.output}").`);
  }
  let readSyncs = 0;
  let readBytes = 0;
  let outcome;
  try {
    outcome = await wb.run((ctx) =>
      insertScorecard(ctx, {
        workbookName: basename(file),
        overrides: opts.overrides,
        today: todayIso(),
        declarations: opts.declarations,
        onScanned: () => {
          readSyncs = wb.stats.syncs;
          readBytes = Math.max(wb.stats.largestRequestBytes, wb.stats.largestResponseBytes);
        },
      }),
    );
    // The declared tables go into the copy's settings as the pane would store them: a later scan needs no flags.
    const toStore = outcome.toStore;
    if (toStore) await wb.run((ctx) => saveSettings(ctx, toStore));
  } catch (e) {
    throw commandError(e, file);
  }
  const output = await writeOutput(plan, await wb.saveCopy(), fs);
  const { applied, scan } = outcome;
  out(summary(scan, output, applied.sheetName, applied.renamedBecauseTaken, applied.degraded));
  if (opts.stats) {
    const writeSyncs = wb.stats.syncs - readSyncs;
    out(`syncs: read ${readSyncs}, write ${writeSyncs}\n`);
    out(
      `largest payload: ${Math.max(readBytes, wb.stats.largestRequestBytes, wb.stats.largestResponseBytes)} bytes (request ${wb.stats.largestRequestBytes}, response ${wb.stats.largestResponseBytes})\n`,
    );
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
