// What the command line agrees to read (--max-cells, --max-sheet-mb, --max-total-mb), with sensible
// defaults, checked before the work: a file over a limit is refused in one line that says how to go on.
import { DEFAULT_LOAD_LIMITS, type LimitKind, type LoadLimits } from "../host/xlsx/loadErrors";
import { CliError } from "./cliError";

const MiB = 1024 * 1024;

export interface LimitOpts {
  maxCells?: number;
  maxSheetMb?: number;
  maxTotalMb?: number;
}

/** The options as commander declares them: flag, help text, parser. */
export const LIMIT_OPTIONS: [string, string, (v: string) => number][] = [
  ["--max-cells <n>", `the most cells in use the workbook may have (default ${DEFAULT_LOAD_LIMITS.maxCells.toLocaleString("en-GB")})`, positiveWhole("--max-cells")],
  ["--max-sheet-mb <n>", `the most one sheet may take once unpacked, in MB (default ${DEFAULT_LOAD_LIMITS.maxSheetPartBytes / MiB})`, positiveWhole("--max-sheet-mb")],
  ["--max-total-mb <n>", `the most the workbook's contents may take once unpacked, in MB (default ${DEFAULT_LOAD_LIMITS.maxTotalBytes / MiB})`, positiveWhole("--max-total-mb")],
];

function positiveWhole(option: string): (value: string) => number {
  return (value) => {
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`${option} must be a whole number of 1 or more (got "${value}").`, 2);
    return n;
  };
}

export function limitsFrom(opts: LimitOpts): LoadLimits {
  return {
    maxCells: opts.maxCells ?? DEFAULT_LOAD_LIMITS.maxCells,
    maxSheetPartBytes: opts.maxSheetMb !== undefined ? opts.maxSheetMb * MiB : DEFAULT_LOAD_LIMITS.maxSheetPartBytes,
    maxTotalBytes: opts.maxTotalMb !== undefined ? opts.maxTotalMb * MiB : DEFAULT_LOAD_LIMITS.maxTotalBytes,
  };
}

/** The option that raises a limit, for the refusal's last words. */
export const RAISE_WITH: Record<LimitKind, string> = {
  maxCells: "--max-cells",
  maxSheetPartBytes: "--max-sheet-mb",
  maxTotalBytes: "--max-total-mb",
};

let current: LoadLimits = DEFAULT_LOAD_LIMITS;

/** The limits of this run (set once from the command line's options, before any file is read). */
export function useLoadLimits(opts: LimitOpts): void {
  current = limitsFrom(opts);
}

export function loadLimits(): LoadLimits {
  return current;
}
