// Errors from applying the scorecard, in words a board secretary can act on.

export type ScorecardErrorReason = "protected" | "unsupported" | "too-large";

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
    `The scorecard for ${kpis.toLocaleString("en-GB")} KPIs is too large to write in one go (about ${Math.round(bytes / 1e6)} MB; Excel on the web accepts 5 MB). Leave some tables out of the scan (Settings > Tables) and try again.`,
    "too-large",
  );
}
