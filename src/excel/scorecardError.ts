// Errors from applying the scorecard, in words a board secretary can act on.

export type ScorecardErrorReason = "protected" | "unsupported";

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
