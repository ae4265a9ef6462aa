// Open an .xlsx file on the headless host, turning every way it can fail into a plain message.
import { openWorkbook, WorkbookOpenError, type HeadlessWorkbook } from "../host";
import { setRequirementChecker } from "../excel/requirements";

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

export async function loadWorkbook(file: string, readFile: (path: string) => Promise<Uint8Array>): Promise<HeadlessWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`cannot find "${file}". Check the path and try again.`);
    if (code === "EISDIR") throw new CliError(`"${file}" is a folder, not a workbook.`);
    if (code === "EACCES" || code === "EPERM") throw new CliError(`cannot read "${file}": permission denied.`);
    throw new CliError(`cannot read "${file}": ${(e as Error).message}`);
  }
  try {
    const wb = await openWorkbook(bytes);
    // src/excel asks Office which requirement sets it has; on the command line the host answers.
    setRequirementChecker((name, version) => wb.isSetSupported(name, version));
    return wb;
  } catch (e) {
    if (e instanceof WorkbookOpenError) throw new CliError(`"${file}": ${e.message}`);
    throw new CliError(`"${file}" could not be opened as an Excel workbook (${e instanceof Error ? e.message : String(e)}).`);
  }
}
