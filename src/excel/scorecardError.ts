// Errors from applying the scorecard, in words a board secretary can act on.

export type ScorecardErrorReason = "protected" | "unsupported" | "too-large" | "structure-protected" | "unwritable";

export class ScorecardError extends Error {
  constructor(
    message: string,
    readonly reason: ScorecardErrorReason,
  ) {
    super(message);
    this.name = "ScorecardError";
  }
}

export function protectedSheetError(sheetName: string): ScorecardError {
  return new ScorecardError(
    `The scorecard sheet '${sheetName}' is protected. Unprotect it (Review > Unprotect Sheet) and try again.`,
    "protected",
  );
}

export function tooLargeError(kpis: number, bytes: number): ScorecardError {
  return new ScorecardError(
    `The scorecard for ${kpis.toLocaleString("en-GB")} KPIs is too large to write (about ${Math.round(bytes / 1e6)} MB; a scorecard holds at most 20,000 KPIs). Leave some tables out of the scan (Settings > Tables) and try again.`,
    "too-large",
  );
}

export function structureProtectedError(): ScorecardError {
  return new ScorecardError(
    "The workbook's structure is protected, so the scorecard sheet cannot be added. Unprotect it (Review > Protect Workbook) and try again.",
    "structure-protected",
  );
}

/** What in the scorecard Excel would refuse: found before anything is written. A fault of ours, said as such. */
export function unwritableSpecError(problems: string[]): ScorecardError {
  return new ScorecardError(
    `The scorecard could not be written, and nothing was changed: ${problems.slice(0, 3).join("; ")}. This is a fault in the add-in; please report it.`,
    "unwritable",
  );
}
