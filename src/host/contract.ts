// The public surface of the headless host. See index.ts.

export interface SyncRecord {
  /** Bytes of the request: the queued commands and the values written, as JSON. */
  requestBytes: number;
  /** Bytes of the response: the values loaded, as JSON. */
  responseBytes: number;
}

export interface SyncStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  log: SyncRecord[];
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
}

export interface HeadlessWorkbook {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly stats: SyncStats;
  resetStats(): void;
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
