// Every option value checked where it is parsed, with one line that names the option and says what is
// allowed (exit 2), so a typo never turns silently into a default or a wrong answer.
import { isoParts } from "../core/dates";
import { headingProblem, type Settings } from "../core/settings";
import { usageError } from "./cliError";

/** A plain decimal: "0.1", "2", ".5", "1e-3"; not "", "0x10", "Infinity" or "1,5". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Excel's calendar: 1900-01-01 to 9999-12-31. */
const FIRST_YEAR = 1900;

export function isoDateOption(option: string): (value: string) => string {
  return (value) => {
    const v = value.trim();
    const parts = /^\d{4}-\d{2}-\d{2}$/.test(v) ? isoParts(v) : null;
    if (!parts) {
      const shaped = /^\d{4}-\d{2}-\d{2}$/.test(v);
      throw usageError(`${option} must be a real calendar date as YYYY-MM-DD, e.g. 2024-03-31 (got "${value}"${shaped ? ", which is not a day of the calendar" : ""}).`);
    }
    if (parts.year < FIRST_YEAR) throw usageError(`${option} must be a date from ${FIRST_YEAR}-01-01 to 9999-12-31, as Excel's calendar allows (got "${value}").`);
    return v;
  };
}

/** The amber band: a fraction of the target (relative) or of 100 percentage points, 0 to 1; "10%" is read as 0.1. */
export function amberBandOption(value: string): number {
  const v = value.trim();
  const percent = /%$/.test(v);
  const text = percent ? v.slice(0, -1).trim() : v;
  const n = DECIMAL.test(text) ? Number(text) / (percent ? 100 : 1) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw usageError(`--amber-band must be a fraction between 0 and 1, e.g. 0.1 for 10% (got "${value}").`);
  }
  return n;
}

/** The no-change band, in the figures' own units (percentages as fractions): 0 or more. */
export function flatBandOption(value: string): number {
  const v = value.trim();
  const n = DECIMAL.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0) {
    throw usageError(`--flat-band must be a number of 0 or more, in the figures' own units (percentages as fractions, e.g. 0.01 for 1 point) (got "${value}").`);
  }
  return n;
}

export function polarityOption(value: string): Settings["defaultPolarity"] {
  const v = value.trim().toLowerCase();
  if (v === "higher" || v === "higher-is-better") return "higher-is-better";
  if (v === "lower" || v === "lower-is-better") return "lower-is-better";
  throw usageError(`--default-polarity must be "higher" or "lower" (got "${value}").`);
}

/** The one-line summary of exit codes, shown by --help and in the README. */
export const EXIT_CODES_HELP = [
  "",
  "Exit codes:",
  "  0  done",
  "  1  the workbook could not be read, scored or written (the message says why)",
  "  2  the command line is wrong: an unknown option, a bad option value, or an output that",
  "     would write over the input or over an existing file (add --force to replace a file)",
].join("\n");

/** A line of the scorecard's title block (--organisation, --title, --meeting, --period): one printable line, at most 120 characters. */
export function headingOption(flag: string): (value: string) => string {
  return (value) => {
    const problem = headingProblem(value);
    if (problem) throw usageError(`${flag} ${problem} (got ${value.length} characters).`);
    return value.trim();
  };
}
