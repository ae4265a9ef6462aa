// The public surface of the headless host. See index.ts.

export interface SyncRecord {
  /** Bytes of the request as office.js sends it: each command and object path in Excel's envelope, with its arguments and values. */
  requestBytes: number;
  /** Bytes of the response: the values loaded, as JSON. */
  responseBytes: number;
  /** Commands the request carried. */
  commands: number;
  /** The command that failed (0-based); those before it stay applied, as in Excel. */
  failedAt?: number;
}

/** Where Excel clears the undo stack for an API: on the web, on Windows and Mac, or everywhere. */
export type UndoPlatform = "web" | "desktop" | "all";

/** A call that cleared the user's undo stack (in the Excel the platforms name). */
export interface UndoClear {
  api: string;
  platforms: UndoPlatform;
  /** Where Microsoft says so: the undo article or an office-js issue. */
  source: string;
}

export interface SyncStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  log: SyncRecord[];
  /** Every call of this session that cleared the user's undo stack, in order. */
  undoClears: UndoClear[];
}

/** Excel.RunOptions the host honours. */
export interface HostRunOptions {
  /** Wait while the user edits a cell instead of failing with InvalidOperation (ExcelApi 1.11). */
  delayForCellEdit?: boolean;
}

export interface HostOptions {
  /** Payload limit per request and per response, in bytes. Default 5 MB, as Excel on the web. */
  payloadLimitBytes?: number;
  /** Cell limit of one range read. Default 5,000,000, as Excel on the web. */
  cellReadLimit?: number;
  /**
   * What a read over the cell limit does. Excel's documentation says it "will either return null or throw
   * an error": "error" (the default) fails the sync with RangeExceedsLimit; "null" returns null for the
   * range's values, text, formats and value types (and for getCellProperties), as Excel sometimes does.
   */
  overCellLimit?: "error" | "null";
  /** Requirement sets the host claims to support (for testing degradation). Default: all it implements. */
  unsupportedRequirementSets?: string[];
  /** What openWorkbook accepts (largest sheet part, total unpacked size, cells); defaults in xlsx/loadErrors.ts. */
  loadLimits?: Partial<import("./xlsx/loadErrors").LoadLimits>;
  /** How messages name the file ("The file" by default). */
  label?: string;
  /** The workbook's structure is protected (Review > Protect Workbook): sheets cannot be added, moved or deleted. */
  structureProtected?: boolean;
}

export interface HeadlessWorkbook {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: HostRunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly stats: SyncStats;
  resetStats(): void;
  /**
   * A co-author: another person's Excel over the same workbook. Their batches interleave with this one's at
   * each sync; what one writes (cells, sheets, settings key by key) the other reads at its next sync, and
   * change events reach the other's handlers with source "Remote".
   */
  coauthor(): HeadlessWorkbook;
  /** The user of this session starts (true) or stops (false) editing a cell: batches then fail or wait (delayForCellEdit). */
  setCellEditing(editing: boolean): void;
  /** Make the sync numbered `sync` (as stats.syncs will count it) fail at command `command` (0-based). */
  injectFault(sync: number, command: number, code?: string): void;
  /** Whether the host supports a requirement set, as Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, minVersion?: string): boolean;
  /** The whole workbook written from the host's model (through ExcelJS). */
  save(): Promise<Uint8Array>;
  /**
   * The workbook as opened with only what the add-in changed patched in: its own sheets (new, or tagged
   * as its own), the names it changed, its settings. Every other part keeps the original bytes (pivot
   * tables, macros, sensitivity labels...). For a workbook made in memory, the same as save().
   */
  saveCopy(): Promise<Uint8Array>;
}

/** Why a file could not be opened as a workbook, in words for the user. */
export class WorkbookOpenError extends Error {
  constructor(
    message: string,
    /** too-large: over a load limit; unreadable: our own fault with a file we could not handle. */
    readonly reason: "not-a-workbook" | "password-protected" | "legacy-format" | "corrupt" | "too-large" | "unreadable",
  ) {
    super(message);
    this.name = "WorkbookOpenError";
  }
}
