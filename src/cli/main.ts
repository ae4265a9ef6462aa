// `kpi-scorecard scan|scorecard|pack` over .xlsx files. scorecard and pack run src/excel on the headless
// host, the add-in's own code path; scan takes the file from the same reader (src/host/xlsx/workbookReader.ts)
// straight into the core's snapshot (fileSnapshot.ts), held equal to what the host's read gives by
// tests/cli/fileSnapshot.test.ts.
import { once } from "node:events";
import { Command, CommanderError } from "commander";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Settings } from "../core/settings";
import { COLUMN_ROLES } from "../core/corrections";
import { declarationsFrom, headerRowsOption, roleOption, tableOption, type TableFlags } from "./tableOptions";
import { formatScanText } from "./formatScan";
import { scanFile } from "./loadWorkbook";
import { commandError, USAGE_EXIT } from "./cliError";
import { todayIso } from "../excel/scanWorkbook";
import { REPORTING_DATE_RULE } from "../core/reportingDate";
import { runScorecard } from "./scorecardCommand";
import { registerPackCommand } from "./packCommand";
import { amberBandOption, EXIT_CODES_HELP, flatBandOption, headingOption, isoDateOption, polarityOption } from "./options";
import { packageVersion } from "./version";
import { LIMIT_OPTIONS, useLoadLimits, type LimitOpts } from "./loadLimits";
import { writeJson } from "./jsonOut";

interface CommonOpts extends TableFlags, LimitOpts {
  asOf?: string;
  planStart?: string;
  amberBand?: number;
  amberPoints?: boolean;
  flatBand?: number;
  defaultPolarity?: Settings["defaultPolarity"];
  organisation?: string;
  title?: string;
  meeting?: string;
  period?: string;
}

export function overridesFrom(opts: CommonOpts): Partial<Settings> {
  const o: Partial<Settings> = {};
  if (opts.asOf) o.asOf = opts.asOf;
  if (opts.planStart) o.planStart = opts.planStart;
  if (opts.amberBand !== undefined) o.amberBand = opts.amberBand;
  if (opts.amberPoints) o.amberMode = "points";
  if (opts.flatBand !== undefined) o.noChangeBand = opts.flatBand;
  if (opts.defaultPolarity) o.defaultPolarity = opts.defaultPolarity;
  if (opts.organisation !== undefined) o.organisation = opts.organisation;
  if (opts.title) o.reportTitle = opts.title;
  if (opts.meeting !== undefined) o.meetingName = opts.meeting;
  if (opts.period !== undefined) o.reportingPeriod = opts.period;
  return o;
}

function addCommon(cmd: Command): Command {
  for (const [flag, help, parse] of LIMIT_OPTIONS) cmd.option(flag, help, parse);
  return (
    cmd
      .option("--as-of <date>", `reporting date, a real date as YYYY-MM-DD; default: ${REPORTING_DATE_RULE}`, isoDateOption("--as-of"))
      .option("--plan-start <date>", "plan start date for milestones like 'By 6 months' (YYYY-MM-DD)", isoDateOption("--plan-start"))
      .option("--amber-band <fraction>", "how far a miss may be and still be amber: a fraction from 0 to 1 (default 0.1 = within 10% of the target)", amberBandOption)
      .option("--amber-points", "measure the amber band in percentage points instead of relative to the target")
      // Not "--no-change-band": commander reads a "--no-" prefix as the negation of a flag.
      .option("--flat-band <n>", "the no-change band, 0 or more in the figures' own units: changes no larger count as no change (default 0)", flatBandOption)
      .option(
        "--default-polarity <higher|lower>",
        "which way is better where nothing in the workbook says (default higher); counts of demand or volume (referrals, requests) have no better direction",
        polarityOption,
      )
      .option("--table <Sheet!B4:E7>", "this range is a KPI table (with --header-rows and --role); `scorecard` stores it in the copy", tableOption)
      .option("--header-rows <n>", "heading rows of the --table range: 0 (none), 1, 2 or 3 (default 1)", headerRowsOption)
      .option("--role <COL=ROLE>", `a column's role in the --table range, e.g. C=latest; repeatable. Roles: ${COLUMN_ROLES.join(", ")}`, roleOption)
      // The scorecard's title block and printed header; default: the workbook's settings (set in the pane).
      .option("--organisation <name>", "the organisation named at the top of the scorecard and in its printed header", headingOption("--organisation"))
      .option("--title <text>", 'the scorecard\'s title (default "KPI Scorecard")', headingOption("--title"))
      .option("--meeting <text>", 'the meeting or board it goes to, e.g. "SEND Partnership Board, 14 March 2024"', headingOption("--meeting"))
      .option("--period <text>", 'the period reported on as the board names it, e.g. "Quarter 3 2023/24" (default: the reporting date)', headingOption("--period"))
  );
}

/** Standard output that asks its writer to wait while the pipe is full (see jsonOut.ts). */
function toStdout(s: string): void | Promise<void> {
  if (!process.stdout.write(s)) return once(process.stdout, "drain").then(() => undefined);
}

export async function main(argv: string[], out: (s: string) => unknown = toStdout, err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const program = new Command();
  let exitCode = 0;
  program
    .name("kpi-scorecard")
    .description("Recognise KPI tables in an Excel workbook, validate targets and baselines, compute direction of travel and RAG, and insert a scorecard sheet.")
    .version(packageVersion(), "-V, --version", "print the version and exit")
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError("(run kpi-scorecard --help for the options)")
    .addHelpText("after", EXIT_CODES_HELP)
    // What every command agrees to read (--max-cells, --max-sheet-mb, --max-total-mb), set before it runs.
    .hook("preAction", (_program, command) => useLoadLimits(command.opts() as LimitOpts));

  addCommon(program.command("scan").description("scan a workbook and print every KPI with its DoT, RAG and findings").argument("<file.xlsx>", "the workbook to scan"))
    .option("--json", "print one JSON document (its schema: schema/scan-result.schema.json in the package)")
    .action(async (file: string, opts: CommonOpts & { json?: boolean }) => {
      const declarations = declarationsFrom(opts);
      // The file is read straight into a snapshot (one pass, no workbook model): the scan only reads.
      const options = { workbookName: basename(file), overrides: overridesFrom(opts), today: todayIso(), declarations };
      const { result } = await scanFile(file, readFile, options).catch((e: unknown) => {
        throw commandError(e, file);
      });
      if (opts.json) await writeJson(result, out);
      else out(formatScanText(result));
    });

  addCommon(
    program
      .command("scorecard")
      .description("write a copy of the workbook with the scorecard sheet and charts inserted; every other part of the workbook is kept as it was")
      .argument("<file.xlsx>", "the workbook to read (.xlsx, or .xlsm whose macros the copy keeps; never overwritten)"),
  )
    .option(
      "-o, --output <out.xlsx>",
      "where to write the copy, ending in .xlsx (.xlsm for a macro-enabled workbook); default: <name>-scorecard.xlsx beside the input, or -2, -3 ... when that is taken",
    )
    .option("--force", "replace the -o file if it exists (never the input)")
    .option("--stats", "print the number of syncs and the largest payload")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (file: string, opts: CommonOpts & { output?: string; force?: boolean; stats?: boolean }) => {
      exitCode = await runScorecard(file, { ...opts, overrides: overridesFrom(opts), declarations: declarationsFrom(opts) }, out);
    });

  registerPackCommand(program, addCommon, overridesFrom, out, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : USAGE_EXIT;
    // Said in one line; a fault of ours in words, the internal text only on request.
    const failed = commandError(e);
    err(`kpi-scorecard: ${failed.message}\n`);
    return failed.exitCode;
  }
}
