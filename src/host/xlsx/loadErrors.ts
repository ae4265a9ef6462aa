// What can be wrong with a package, said in the user's words, and the limits of what is read.
// Readers throw PackageDamage / OverLimit with facts; load.ts turns them into one sentence with
// the file's name and what to do. No internal error text ever reaches that sentence.

export type DamageKind = "incomplete" | "directory" | "part" | "missing" | "duplicate" | "encrypted";

/** The package cannot be read as it is: which part, and (optionally) what is wrong with it in plain words. */
export class PackageDamage extends Error {
  constructor(
    readonly kind: DamageKind,
    readonly part?: string,
    readonly detail?: string,
  ) {
    super(`${kind}${part ? ` ${part}` : ""}${detail ? `: ${detail}` : ""}`);
    this.name = "PackageDamage";
  }
}

/** What the reader accepts, checked before the work it would cost. */
export interface LoadLimits {
  /** The largest one sheet part may be once unpacked, in bytes. */
  maxSheetPartBytes: number;
  /** The most the parts read (sheets, shared text, styles and the rest) may add up to once unpacked, in bytes. */
  maxTotalBytes: number;
  /** The most cells holding a value or a format, over all sheets. */
  maxCells: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxSheetPartBytes: 256 * MiB,
  maxTotalBytes: 512 * MiB,
  maxCells: 4_000_000,
};

export type LimitKind = keyof LoadLimits;

export class OverLimit extends Error {
  constructor(
    readonly limit: LimitKind,
    readonly allowed: number,
    readonly found: number,
    readonly part?: string,
  ) {
    super(`${limit} ${found} > ${allowed}`);
    this.name = "OverLimit";
  }
}

const REPAIR = "Open it in Excel (which may offer to repair it) and save it again, then try again.";

export function damageMessage(label: string, d: PackageDamage): string {
  const why = d.detail ? ` (${d.detail})` : "";
  switch (d.kind) {
    case "incomplete":
      return `${label} is damaged: it is incomplete, as if cut short by an interrupted download or copy. Get a fresh copy of it, or ${lower(REPAIR)}`;
    case "directory":
      return `${label} is damaged: its list of contents cannot be read. ${REPAIR}`;
    case "missing":
      return `${label} is damaged: part ${d.part} is missing${why}. ${REPAIR}`;
    case "duplicate":
      return `${label} is damaged: it holds part ${d.part} twice. ${REPAIR}`;
    case "encrypted":
      return `${label} cannot be read: part ${d.part} is encrypted, which Excel workbooks never are. Open it in Excel and save it again, then try again.`;
    case "part":
      return `${label} is damaged: part ${d.part} cannot be read${why}. ${REPAIR}`;
  }
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function size(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / MiB))} MB`;
}

export function limitMessage(label: string, o: OverLimit): string {
  switch (o.limit) {
    case "maxSheetPartBytes":
      return `${label} is too large to read: its sheet part ${o.part} unpacks to ${size(o.found)}, more than the ${size(o.allowed)} one sheet may take. Split the sheet, or delete what it does not need (unused rows and columns, pasted formatting), save, and try again.`;
    case "maxTotalBytes":
      return `${label} is too large to read: its contents unpack to ${size(o.found)} or more, more than the ${size(o.allowed)} a workbook may take. Split the workbook, or delete what it does not need, save, and try again.`;
    case "maxCells":
      return `${label} is too large to read: it has more than ${o.allowed.toLocaleString("en-GB")} cells in use. Split the workbook, or delete what it does not need (unused rows, pasted formatting), save, and try again.`;
  }
}
