// Errors meant for the user on the command line, and the one mapping, for every command (scan, scorecard, pack),
// from what running it can throw to the line the user reads and the exit code.
import { DeclarationError } from "../core/corrections";
import { ScorecardError } from "../excel/applyScorecard";
import { describeOfficeError } from "../excel/officeErrors";
import { isRichApiError } from "../host/errors";

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

/** Exit code for a command line that is wrong (bad option value, unknown option, missing argument). */
export const USAGE_EXIT = 2;

export function usageError(message: string): CliError {
  return new CliError(message, USAGE_EXIT);
}

/**
 * A failure of our own (a bug), owned as such in words: never an internal error text, never blamed on
 * Excel or the file. KPI_SCORECARD_DEBUG=1 prints the details for a report.
 */
export function ownFault(file?: string): CliError {
  const what = file ? `"${file}" could not be handled` : "the command could not finish";
  return new CliError(
    `${what}: KPI Scorecard met something it cannot handle (a fault in KPI Scorecard, not in your workbook or in Excel). Open the workbook in Excel, save it again and try again; if it still fails, please report it (KPI_SCORECARD_DEBUG=1 shows the details).`,
  );
}

/**
 * What the user reads when a command fails, and its exit code: errors meant for the user as they are; a declared
 * table that does not fit the workbook is a wrong command line (exit 2); the add-in's own refusals as they are;
 * Excel's errors explained; anything else a fault of ours.
 */
export function commandError(e: unknown, file?: string): CliError {
  if (e instanceof CliError) return e;
  if (e instanceof DeclarationError) return usageError(e.message);
  if (e instanceof ScorecardError) return new CliError(e.message);
  // Only Excel's own errors are Excel's to explain; anything else is a fault of ours.
  if (!isRichApiError(e)) {
    if (process.env.KPI_SCORECARD_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    return ownFault(file);
  }
  const d = describeOfficeError(e);
  return new CliError(`${d.message} ${d.action}`.trim());
}
