// What a period label alone cannot tell: when the plan started, when the financial year starts,
// and how to read a bare year pair such as "2022/23".
import type { IsoDate } from "../types";

export type YearPairKind = "academic-year" | "financial-year";

export interface PeriodContext {
  /** Where "By 6 months" milestones count from. */
  planStart?: IsoDate | null;
  /** First month of the financial year, 1-12. Default 4 (April, as in UK public bodies). */
  financialYearStartMonth?: number;
  /**
   * How to read a bare "2022/23" or "2022-23". Default "academic-year" (1 Sep to 31 Aug), because
   * the reports this product is built from (SEND boards) count in school years; a council finance
   * or NHS workbook should set "financial-year". "FY 2022/23" and "AY 2022/23" are never ambiguous.
   */
  yearPairKind?: YearPairKind;
  /**
   * Where the year of yearless labels begins, when something around the table says it (a title
   * "Performance 2023/24" under an April financial year gives 2023-04-01): "Q1" is then the
   * quarter starting there and "Jan" the first January after it. Unset: such labels stay undated.
   */
  yearStart?: IsoDate | null;
}

/** The financial year's first month, falling back to April for anything out of range. */
export function fyStartMonth(ctx: PeriodContext | undefined): number {
  const m = ctx?.financialYearStartMonth;
  return typeof m === "number" && Number.isInteger(m) && m >= 1 && m <= 12 ? m : 4;
}
