// Tell a workbook from what is not one, before anything is unpacked, and say why in plain words.
import { WorkbookOpenError } from "../contract";
import { ZipPackage } from "./zipPackage";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether a compound file holds a stream with this name (directory names are UTF-16LE). */
function cfbHasStream(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Open the package (its directory only: nothing is unpacked yet), or throw WorkbookOpenError saying
 * what the file is instead. Damage to the zip itself is thrown as PackageDamage for the caller to word.
 */
export function openPackage(bytes: Uint8Array, label = "The file"): ZipPackage {
  if (startsWith(bytes, CFB_MAGIC)) {
    if (cfbHasStream(bytes, "EncryptedPackage")) {
      throw new WorkbookOpenError(
        `${label} is password-protected; remove the password in Excel (File > Info > Protect Workbook) and try again.`,
        "password-protected",
      );
    }
    throw new WorkbookOpenError(
      `${label} is in the old Excel 97-2003 format (.xls); open it in Excel and save it as .xlsx (File > Save As > Excel Workbook), then try again.`,
      "legacy-format",
    );
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
  if (!isZip) throw new WorkbookOpenError(`${label} is not an Excel workbook (.xlsx).`, "not-a-workbook");
  return new ZipPackage(bytes);
}
