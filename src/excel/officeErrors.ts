// Office.js errors in plain English, with what the user (or we) can do about them.

export interface OfficeErrorDescription {
  code: string;
  message: string;
  action: string;
}

/** Excel refusing a request for its size: the 5 MB payload limit, or a range read past 5,000,000 cells (RangeExceedsLimit). */
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge", "RangeExceedsLimit"]);

function codeOf(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
    if (typeof o.code === "string" && o.code) return o.code;
    if (typeof o.debugInfo?.code === "string") return o.debugInfo.code;
  }
  return "Unknown";
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string") return (e as { message: string }).message;
  return String(e);
}

/** Whether an error is Excel refusing a request or response for its size (or a range read for its cell count). */
export function isPayloadLimitError(e: unknown): boolean {
  const code = codeOf(e);
  // Excel's code for a read over the cell limit has varied; its message always speaks of the limit.
  return PAYLOAD_CODES.has(code) || /payload|too large|exceed(s|ed)? .*limit/i.test(messageOf(e));
}

export function describeOfficeError(e: unknown): OfficeErrorDescription {
  const code = codeOf(e);
  const detail = messageOf(e);
  const protectedSheet = /protected/i.test(detail);
  switch (code) {
    case "PropertyNotLoaded":
      return {
        code,
        message: "The add-in read something from Excel before asking for it. This is a bug in KPI Scorecard, not in your workbook.",
        action: "Please report it with the steps that led to it; closing and reopening the pane may get you going again.",
      };
    case "ItemNotFound":
      return {
        code,
        message: "Something the add-in expected in the workbook is not there any more (a sheet, table or name may have been renamed or deleted).",
        action: "Scan the workbook again; if it keeps happening, check that the sheet or table still exists.",
      };
    case "AccessDenied":
    case "InvalidOperationInCellEditMode":
      if (code === "InvalidOperationInCellEditMode") {
        return { code, message: "Excel is busy: a cell is being edited.", action: "Press Enter or Esc to finish editing the cell, then try again." };
      }
      return {
        code,
        message: protectedSheet
          ? "Excel refused the change because the sheet is protected. Nothing was changed."
          : "Excel refused the change (access denied): the sheet or workbook may be protected or read-only. Nothing was changed.",
        action: "Unprotect the sheet (Review > Unprotect Sheet) or choose another scorecard sheet name in the settings, then try again.",
      };
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return {
        code,
        message: "The workbook is too large to exchange with Excel in one go (Excel on the web limits each request to 5 MB).",
        action: "Try again in Excel on the desktop, or split very large sheets; the add-in reads large sheets in blocks where it can.",
      };
    case "RangeExceedsLimit":
      return {
        code,
        message: "A range is too large for Excel to read in one go (Excel reads at most 5,000,000 cells at a time).",
        action: "Try again; if it keeps happening, clear stray cells far below or to the right of the data, so the sheet's used range shrinks.",
      };
    case "InvalidArgument":
      return {
        code,
        message: "Excel rejected a value the add-in sent (an address, size or format it does not accept).",
        action: "This is most likely a bug in KPI Scorecard; please report it with the workbook's sheet names.",
      };
    default:
      return {
        code,
        message: detail ? `Excel reported a problem: ${detail}` : "Excel reported a problem the add-in did not recognise.",
        action: "Try again; if it keeps happening, save the workbook, reopen it and report the message above.",
      };
  }
}
