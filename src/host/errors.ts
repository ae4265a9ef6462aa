// Errors shaped like OfficeExtension.Error, so code written for Excel catches them the same way.

export interface RichApiErrorShape extends Error {
  name: "RichApi.Error";
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
}

/** Excel's own wording for the errors the host raises. */
export const ExcelMessages = {
  PropertyNotLoaded: (prop: string) =>
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  AccessDenied: "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ItemAlreadyExists: "The resource already exists.",
  InvalidOperation: "The operation is invalid for the object, or the object is in an invalid state.",
  /** A range read over the cell limit (5,000,000 cells), as Excel words it. */
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  GeneralException: "There was an internal error while processing the request.",
} as const;

class RichApiError extends Error implements RichApiErrorShape {
  override name = "RichApi.Error" as const;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
  override toString(): string {
    return JSON.stringify({ code: this.code, message: this.message, debugInfo: this.debugInfo });
  }
}

export function richApiError(code: string, message?: string, errorLocation?: string): RichApiErrorShape {
  const text = message ?? (ExcelMessages as Record<string, unknown>)[code];
  return new RichApiError(code, typeof text === "string" ? text : code, errorLocation);
}

export function isRichApiError(e: unknown): e is RichApiErrorShape {
  return e instanceof Error && (e as { name?: string }).name === "RichApi.Error";
}
