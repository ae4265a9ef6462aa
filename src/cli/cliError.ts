// Errors meant for the user on the command line, and the one mapping from what the add-in's code can throw
// while a command runs it on the headless host (scorecard, pack) to the line the user reads.
import { ScorecardError } from "../excel/applyScorecard";
import { describeOfficeError } from "../excel/officeErrors";
import { isRichApiError } from "../host";

/** An error meant for the user: printed as one line, with an exit code, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * A failure of our own (a bug), owned as such in words: never an internal error text, never blamed on
 * Excel or the file. KPI_SCORECARD_DEBUG=1 prints the details for a report.
 */
export function ownFault(file?: string): CliError {
  const what = file ? `"${file}" could not be handled` : "the command could not finish";
  return new CliError(`${what}: KPI Scorecard met something it cannot handle (a fault in KPI Scorecard, not in your workbook or in Excel). Open the workbook in Excel, save it again and try again; if it still fails, please report it (KPI_SCORECARD_DEBUG=1 shows the details).`);
}

/** What the user reads when the add-in's code fails on a workbook: its own refusals as they are, Excel's errors explained, anything else a fault of ours. */
export function commandError(e: unknown, file: string): CliError {
  if (e instanceof ScorecardError) return new CliError(e.message);
  // Only Excel's own errors are Excel's to explain; anything else is a fault of ours.
  if (!isRichApiError(e)) {
    if (process.env.KPI_SCORECARD_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    return ownFault(file);
  }
  const d = describeOfficeError(e);
  return new CliError(`${d.message} ${d.action}`.trim());
}
