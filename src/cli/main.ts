// `kpi-scorecard scan|scorecard` over .xlsx files, through src/excel on the headless host: the
// same code path as the add-in in Excel.
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Settings } from "../core/settings";
import { formatScanText } from "./formatScan";
import { scanFile, CliError } from "./loadWorkbook";
import { todayIso } from "../excel/scanWorkbook";
import { runScorecard } from "./scorecardCommand";

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError("expected a date as YYYY-MM-DD");
  }
  return value;
}

function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected a number of 0 or more");
  return n;
}

interface CommonOpts {
  asOf?: string;
  planStart?: string;
  amberBand?: number;
  amberPoints?: boolean;
  flatBand?: number;
  defaultPolarity?: string;
}

export function overridesFrom(opts: CommonOpts): Partial<Settings> {
  const o: Partial<Settings> = {};
  if (opts.asOf) o.asOf = opts.asOf;
  if (opts.planStart) o.planStart = opts.planStart;
  if (opts.amberBand !== undefined) o.amberBand = opts.amberBand;
  if (opts.amberPoints) o.amberMode = "points";
  if (opts.flatBand !== undefined) o.noChangeBand = opts.flatBand;
  if (opts.defaultPolarity === "higher" || opts.defaultPolarity === "lower") o.defaultPolarity = `${opts.defaultPolarity}-is-better`;
  return o;
}

function addCommon(cmd: Command): Command {
  return cmd
    .option("--as-of <date>", "reporting date (YYYY-MM-DD); default: the workbook's setting, else today", isoDate)
    .option("--plan-start <date>", "plan start date for milestones like 'By 6 months' (YYYY-MM-DD)", isoDate)
    .option("--amber-band <fraction>", "how far a miss may be and still be amber (default 0.1 = within 10% of the target)", number)
    .option("--amber-points", "measure the amber band in percentage points instead of relative to the target")
    // Not "--no-change-band": commander reads a "--no-" prefix as the negation of a flag.
    .option("--flat-band <n>", "the no-change band: changes no larger than this count as no change (default 0)", number)
    .option("--default-polarity <higher|lower>", "polarity where nothing in the workbook says (default higher)");
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const program = new Command();
  let exitCode = 0;
  program
    .name("kpi-scorecard")
    .description("Recognise KPI tables in an Excel workbook, validate targets and baselines, compute direction of travel and RAG, and insert a scorecard sheet.")
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError();

  addCommon(program.command("scan").description("scan a workbook and print every KPI with its DoT, RAG and findings").argument("<file.xlsx>", "the workbook to scan"))
    .option("--json", "print one JSON document (its schema: schema/scan-result.schema.json in the package)")
    .action(async (file: string, opts: CommonOpts & { json?: boolean }) => {
      // The file is read straight into a snapshot (one pass, no workbook model): the scan only reads.
      const { result } = await scanFile(file, readFile, { workbookName: basename(file), overrides: overridesFrom(opts), today: todayIso() });
      out(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatScanText(result));
    });

  addCommon(program.command("scorecard").description("write a copy of the workbook with the scorecard sheet and charts inserted").argument("<file.xlsx>", "the workbook to read (never overwritten)"))
    .option("-o, --output <out.xlsx>", "where to write the copy (default: <name>-scorecard.xlsx beside the input)")
    .option("--stats", "print the number of syncs and the largest payload")
    .action(async (file: string, opts: CommonOpts & { output?: string; stats?: boolean }) => {
      exitCode = await runScorecard(file, { ...opts, overrides: overridesFrom(opts) }, out);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      err(`kpi-scorecard: ${e.message}\n`);
      return e.exitCode;
    }
    err(`kpi-scorecard: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.KPI_SCORECARD_DEBUG) err(`${e instanceof Error ? e.stack : ""}\n`);
    return 1;
  }
}
