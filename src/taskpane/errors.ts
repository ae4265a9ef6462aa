// Any error the pane meets, in plain words with what to do next.
import { describeOfficeError } from "../excel/officeErrors";
import { ScorecardError } from "../excel/scorecardError";
import { NavigateError } from "../excel/navigate";

export interface PlainError {
  message: string;
  action: string;
  /** The message bar's title; "Something went wrong" when not given. */
  title?: string;
}

export function plainError(e: unknown): PlainError {
  if (e instanceof ScorecardError) return { message: e.message, action: "" };
  if (e instanceof NavigateError) return { message: e.message, action: "", title: "Cannot go to that cell" };
  if (e instanceof Error && e.name === "WorkbookOpenError") return { message: e.message, action: "Choose another .xlsx file." };
  const d = describeOfficeError(e);
  return { message: d.message, action: d.action };
}
