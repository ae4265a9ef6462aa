// Period labels, period cells and milestone headings to date ranges.
export type { PeriodContext, YearPairKind } from "./context";
export { fyStartMonth } from "./context";
export { idWithoutPeriod, parsePeriod } from "./parse-period";
export { parsePeriodCell, type PeriodCellInput } from "./period-cell";
export { findPeriods, type FoundPeriod } from "./find-periods";
export { parseMilestoneHeading, type HeadingRole, type MilestoneHeading } from "./milestone-heading";
export { normaliseText, normaliseLower, unwrapBrackets } from "./normalise";
export { withoutPeriods } from "./without-periods";
