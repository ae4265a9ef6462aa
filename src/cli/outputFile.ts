// Writing the copy safely: never over the input (by any name, link or letter case), never over an
// existing file without --force, and never half a file: the bytes go to a temporary file beside the
// output, which is then linked (no-clobber) or renamed (--force) into place.
import * as nodeFs from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, extname, join } from "node:path";
import { CliError } from "./cliError";
import { usageError } from "./cliError";

/** The file-system calls this module makes; tests pass failing ones. */
export interface OutputFs {
  stat(path: string): Promise<{ dev: number; ino: number; isDirectory(): boolean }>;
  writeFile(path: string, data: Uint8Array, options: { flag: string }): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const realFs: OutputFs = {
  stat: (p) => nodeFs.stat(p),
  writeFile: (p, d, o) => nodeFs.writeFile(p, d, o),
  link: (a, b) => nodeFs.link(a, b),
  rename: (a, b) => nodeFs.rename(a, b),
  unlink: (p) => nodeFs.unlink(p),
};

const codeOf = (e: unknown): string => ((e as NodeJS.ErrnoException | null)?.code ?? "");

/** Why a file could not be written, in words. */
export function writeFailure(output: string, e: unknown): CliError {
  const dir = dirname(output);
  const why: Record<string, string> = {
    ENOENT: `the folder "${dir}" does not exist`,
    ENOTDIR: `part of the path "${dir}" is a file, not a folder`,
    EACCES: `permission denied: you cannot write in "${dir}"`,
    EPERM: `permission denied: you cannot write in "${dir}" (or the file is locked by another program)`,
    ENOSPC: "the disk is full",
    EDQUOT: "your disk quota is used up",
    EROFS: "the disk or folder is read-only",
    EISDIR: `"${output}" is a folder`,
    ENAMETOOLONG: "the file name or path is too long",
    EBUSY: "the file is in use by another program (close it, e.g. in Excel, and try again)",
    ETXTBSY: "the file is in use by another program",
    EMFILE: "too many files are open",
    ENFILE: "too many files are open",
    EIO: "the disk reported a read or write error",
    EXDEV: "the temporary file and the output are on different disks",
  };
  const code = codeOf(e);
  const reason = why[code] ?? `the system said: ${e instanceof Error ? e.message : String(e)}`;
  return new CliError(`cannot write "${output}": ${reason}.`);
}

/** Output names the CLI may write: the copy keeps the input's kind of workbook. */
export function checkOutputExtension(output: string): void {
  const ext = extname(output).toLowerCase();
  if (![".xlsx", ".xlsm", ".xltx", ".xltm"].includes(ext)) {
    throw usageError(`-o must name a file ending in .xlsx (.xlsm for a workbook with macros) (got "${output}").`);
  }
}

function sameFile(a: { dev: number; ino: number }, b: { dev: number; ino: number }): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.ino !== 0;
}

async function statOrNull(fs: OutputFs, path: string) {
  try {
    return await fs.stat(path);
  } catch (e) {
    if (codeOf(e) === "ENOENT" || codeOf(e) === "ENOTDIR") return null;
    throw e;
  }
}

export interface OutputPlan {
  input: string;
  /** The -o value, or undefined for the default name beside the input. */
  output?: string;
  force: boolean;
  /** The copy's extension, with its dot (".xlsx", ".xlsm"). */
  extension: string;
}

/** Default: <name>-scorecard.xlsx beside the input, then -2, -3 ... while taken. */
export function defaultOutputs(input: string, extension: string, max = 999): string[] {
  const base = basename(input, extname(input));
  const out = [join(dirname(input), `${base}-scorecard${extension}`)];
  for (let n = 2; n <= max; n++) out.push(join(dirname(input), `${base}-scorecard-${n}${extension}`));
  return out;
}

/**
 * Refuse, before any work, an output that is the input (same file by another path, a symlink, a hard
 * link, or another letter case on a case-insensitive disk), or that exists without --force, or whose folder is missing.
 */
export async function checkOutput(plan: OutputPlan, fs: OutputFs = realFs): Promise<void> {
  if (plan.output === undefined) return;
  const output = plan.output;
  const dir = await statOrNull(fs, dirname(output)).catch((e) => {
    throw writeFailure(output, e);
  });
  if (!dir) throw writeFailure(output, Object.assign(new Error("missing"), { code: "ENOENT" }));
  if (!dir.isDirectory()) throw writeFailure(output, Object.assign(new Error("not a folder"), { code: "ENOTDIR" }));
  const existing = await statOrNull(fs, output).catch((e) => {
    throw writeFailure(output, e);
  });
  if (!existing) return;
  // An input that cannot be read is reported by loading it, in its own words.
  const input = await fs.stat(plan.input).catch(() => null);
  if (input && sameFile(existing, input)) {
    throw usageError(`will not write over the input: "${output}" is "${plan.input}" under another name or link; choose another name with -o.`);
  }
  if (existing.isDirectory()) throw usageError(`-o names a folder ("${output}"); give a file name ending in ${plan.extension}.`);
  if (!plan.force) throw usageError(`"${output}" already exists; add --force to replace it, or choose another name with -o.`);
}

/** Write the bytes beside the output and move them into place; returns the path written. */
export async function writeOutput(plan: OutputPlan, bytes: Uint8Array, fs: OutputFs = realFs): Promise<string> {
  const candidates = plan.output !== undefined ? [plan.output] : defaultOutputs(plan.input, plan.extension);
  const first = candidates[0];
  const tmp = join(dirname(first), `.${basename(first)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw writeFailure(first, e);
  }
  try {
    return await place(plan, candidates, tmp, fs);
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

async function place(plan: OutputPlan, candidates: string[], tmp: string, fs: OutputFs): Promise<string> {
  const input = await fs.stat(plan.input);
  for (const candidate of candidates) {
    const existing = await statOrNull(fs, candidate).catch((e) => {
      throw writeFailure(candidate, e);
    });
    if (existing && sameFile(existing, input)) {
      if (plan.output !== undefined) throw usageError(`will not write over the input: "${candidate}" is "${plan.input}" under another name or link; choose another name with -o.`);
      continue;
    }
    if (existing && plan.force && plan.output !== undefined) {
      if (existing.isDirectory()) throw usageError(`-o names a folder ("${candidate}"); give a file name ending in ${plan.extension}.`);
      // Atomic replacement: readers see the old file or the new one, never half of one.
      await fs.rename(tmp, candidate).catch((e) => {
        throw writeFailure(candidate, e);
      });
      return candidate;
    }
    if (existing) {
      if (plan.output !== undefined) throw usageError(`"${candidate}" already exists; add --force to replace it, or choose another name with -o.`);
      continue;
    }
    // A hard link never replaces a file that appeared meanwhile (EEXIST); disks without hard links get a rename.
    try {
      await fs.link(tmp, candidate);
      return candidate;
    } catch (e) {
      const code = codeOf(e);
      if (code === "EEXIST") {
        if (plan.output !== undefined) throw usageError(`"${candidate}" already exists; add --force to replace it, or choose another name with -o.`);
        continue;
      }
      if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"].includes(code)) throw writeFailure(candidate, e);
    }
    await fs.rename(tmp, candidate).catch((e) => {
      throw writeFailure(candidate, e);
    });
    return candidate;
  }
  throw new CliError(`cannot choose a name for the copy: ${candidates[0]} and ${candidates.length - 1} numbered names beside it are all taken; choose one with -o.`);
}
