// `kpi-scorecard pack <file.xlsx> -o pack.pdf`: the board pack as a PDF. The scorecard is inserted as the
// add-in would (regenerated, commentary kept, if the workbook has one), then a throwaway copy in which
// only the scorecard is visible is printed by LibreOffice. Without LibreOffice it says how to install it.
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, extname, join, resolve } from "node:path";
import type { Command } from "commander";
import type { Settings } from "../core/settings";
import { insertScorecard } from "../excel/insertScorecard";
import { todayIso } from "../excel/scanWorkbook";
import { loadWorkbook } from "./loadWorkbook";
import { CliError, commandError } from "./cliError";
import { hideAllSheetsBut } from "../excel/printOnly";

export const INSTALL_LIBREOFFICE =
  "LibreOffice prints the pack and was not found (no soffice on PATH or in the usual places). Install it, then run this again: " +
  "Debian or Ubuntu: sudo apt-get install libreoffice-calc-nogui fonts-crosextra-carlito; " +
  "macOS: brew install --cask libreoffice; Windows: https://www.libreoffice.org/download/. " +
  "Or set KPI_SCORECARD_SOFFICE to the soffice program.";

/** LibreOffice's soffice: KPI_SCORECARD_SOFFICE, else on PATH, else where installers put it; null when absent. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.KPI_SCORECARD_SOFFICE;
  if (chosen) return existsSync(chosen) ? chosen : null;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    for (const n of names) if (dir && existsSync(join(dir, n))) return join(dir, n);
  }
  const usual = [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  ];
  return usual.find((p) => existsSync(p)) ?? null;
}

/**
 * Whether LibreOffice prints Calibri as Carlito here (fontconfig's answer): then the pack's rows are sized for its
 * lines, which are shorter than Excel's. Elsewhere (no fontconfig, another fallback font) they keep Excel's heights,
 * which show every line whole in any font.
 */
export function printsWithCarlito(): boolean {
  try {
    const out = execFileSync("fc-match", ["-f", "%{family}", "Calibri"], { timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] });
    return /\bCarlito\b/i.test(String(out));
  } catch {
    return false;
  }
}

export interface PackOptions {
  output?: string;
  force?: boolean;
  overrides: Partial<Settings>;
  /** For tests: where soffice is (null: not installed). Default findSoffice(). */
  soffice?: string | null;
  /** For tests: whether LibreOffice prints Calibri as Carlito. Default printsWithCarlito(). */
  carlito?: boolean;
}

function defaultOutput(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}-pack.pdf`);
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a).toLowerCase() === resolve(b).toLowerCase()) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 8 * 1024 * 1024 }, (err, _out, stderr) => {
      if (err) fail(new CliError(`LibreOffice could not print the pack (${err.killed ? "it took too long" : String(stderr).trim().split("\n")[0] || err.message}).`));
      else done();
    });
  });
}

/** Pages in a PDF LibreOffice wrote (its page objects). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function runPack(file: string, opts: PackOptions, out: (s: string) => void): Promise<number> {
  const output = opts.output ?? defaultOutput(file);
  if (extname(output).toLowerCase() !== ".pdf") throw new CliError(`-o must name a .pdf file (got "${output}").`, 2);
  if (existsSync(file) && sameFile(file, output)) throw new CliError(`will not write over the input "${file}"; choose another name with -o.`);
  if (existsSync(output) && !opts.force) throw new CliError(`"${output}" exists already; choose another name with -o, or add --force to replace it.`);
  if (!existsSync(dirname(resolve(output)))) throw new CliError(`the folder for "${output}" does not exist.`);
  const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
  if (!soffice) throw new CliError(INSTALL_LIBREOFFICE);

  const carlito = opts.carlito ?? printsWithCarlito();
  const wb = await loadWorkbook(file, readFile);
  let outcome;
  try {
    outcome = await wb.run(async (ctx) => {
      const inserted = await insertScorecard(ctx, { workbookName: basename(file), overrides: opts.overrides, today: todayIso(), printer: carlito ? "libreoffice" : "excel" });
      await hideAllSheetsBut(ctx, [inserted.applied.sheetName, inserted.applied.registerSheetName]);
      return inserted;
    });
  } catch (e) {
    throw commandError(e, file);
  }

  const work = mkdtempSync(join(tmpdir(), "kpi-pack-"));
  const profile = join(tmpdir(), `kpi-pack-lo-${randomBytes(6).toString("hex")}`);
  try {
    const xlsx = join(work, "scorecard.xlsx");
    writeFileSync(xlsx, await wb.save());
    // A profile of its own, so a LibreOffice the user has open does not take the job (or refuse it).
    await run(soffice, [`-env:UserInstallation=file://${profile.replace(/\\/g, "/")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, xlsx], 180_000);
    const pdf = join(work, "scorecard.pdf");
    if (!existsSync(pdf)) throw new CliError("LibreOffice finished but wrote no PDF.");
    const pages = pdfPageCount(readFileSync(pdf));
    // Written beside the output and renamed, so an interrupted run never leaves half a PDF.
    const partial = `${output}.${randomBytes(4).toString("hex")}.part`;
    writeFileSync(partial, readFileSync(pdf));
    renameSync(partial, output);
    const { applied } = outcome;
    out(`Wrote ${output}: ${pages} page${pages === 1 ? "" : "s"}, the scorecard of ${applied.kpiRows} KPIs with ${applied.charts} chart${applied.charts === 1 ? "" : "s"}.\n`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Adds `pack` to the command line (one line in main.ts). */
export function registerPackCommand<O>(
  program: Command,
  addCommon: (cmd: Command) => Command,
  overridesFrom: (opts: O) => Partial<Settings>,
  out: (s: string) => void,
  setExitCode: (code: number) => void,
): void {
  addCommon(
    program
      .command("pack")
      .description("print the scorecard as a board pack PDF through LibreOffice (the workbook itself is not changed)")
      .argument("<file.xlsx>", "the workbook to read (never overwritten)"),
  )
    .option("-o, --output <pack.pdf>", "where to write the PDF; default: <name>-pack.pdf beside the input")
    .option("--force", "replace the -o file if it exists (never the input)")
    .action(async (file: string, opts: O & { output?: string; force?: boolean }) => {
      setExitCode(await runPack(file, { output: opts.output, force: opts.force, overrides: overridesFrom(opts) }, out));
    });
}
