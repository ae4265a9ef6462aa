// Open an .xlsx file for the command line, turning every way it can fail into a plain message: on the
// headless host (for `scorecard`, which writes), or straight into a snapshot (for `scan`, which reads).
// The host (the workbook model, its writer and ExcelJS under it) is loaded only by the commands that open a
// workbook on it: `scan` reads the file straight into a snapshot and never needs it.
import type { HeadlessWorkbook } from "../host";
import { WorkbookOpenError } from "../host/contract";
import { setRequirementChecker } from "../excel/requirements";
import { scanReadSnapshot, type ScanWorkbookOptions, type ScanWorkbookOutcome } from "../excel/scanWorkbook";
import { readSnapshotFromFile } from "./fileSnapshot";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { LimitKind } from "../host/xlsx/loadErrors";
import { loadLimits, RAISE_WITH } from "./loadLimits";
import { CliError, ownFault } from "./cliError";

async function readBytes(file: string, readFile: (path: string) => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`cannot find "${file}". Check the path and try again.`);
    if (code === "EISDIR") throw new CliError(`"${file}" is a folder, not a workbook.`);
    if (code === "EACCES" || code === "EPERM") throw new CliError(`cannot read "${file}": permission denied.`);
    if (code === "ERR_FS_FILE_TOO_LARGE") throw new CliError(`"${file}" is too large to read (over 2 GB). Split the workbook and try again.`);
    throw new CliError(`cannot read "${file}" (${code ?? "the system refused"}). Check the file and try again.`);
  }
}

function cliErrorOf(e: unknown, file: string): CliError {
  if (e instanceof WorkbookOpenError) {
    const limit = (e as { limit?: LimitKind }).limit;
    // A limit the command line sets can be raised there, at the cost of time and memory.
    return new CliError(limit ? `${e.message.replace(/\.$/, "")}; or raise the limit with ${RAISE_WITH[limit]} if this machine has the memory.` : e.message);
  }
  return ownFault(file);
}

export async function loadWorkbook(file: string, readFile: (path: string) => Promise<Uint8Array>): Promise<HeadlessWorkbook> {
  const bytes = await readBytes(file, readFile);
  const { openWorkbook } = await import("../host/headlessWorkbook");
  try {
    const wb = await openWorkbook(bytes, { label: `"${file}"`, loadLimits: loadLimits() });
    // src/excel asks Office which requirement sets it has; on the command line the host answers.
    setRequirementChecker((name, version) => wb.isSetSupported(name, version));
    return wb;
  } catch (e) {
    throw cliErrorOf(e, file);
  }
}

/**
 * `scan` on the command line: the file is read once, straight into the snapshot readWorkbook would
 * give on the host (fileSnapshot.ts), and scanned as scanWorkbook scans it.
 */
export async function scanFile(file: string, readFile: (path: string) => Promise<Uint8Array>, options: ScanWorkbookOptions): Promise<ScanWorkbookOutcome> {
  return scanReadSnapshot(await snapshotOfFile(file, readFile), options);
}

/** The file's snapshot; its bytes are held only while it is read, not through the scan (a frame's locals can be). */
async function snapshotOfFile(file: string, readFile: (path: string) => Promise<Uint8Array>): Promise<WorkbookSnapshot> {
  const bytes = await readBytes(file, readFile);
  try {
    return await readSnapshotFromFile(bytes, `"${file}"`, loadLimits());
  } catch (e) {
    throw cliErrorOf(e, file);
  }
}
