// Cell text and typed numbers to figures: value, unit, period, or the reason there is none.
export { parseFigure } from "./parse-figure";
export type { FigureContext, FigureInput, ParsedFigure, SeveralValue } from "./types";
export { unitFromNumberFormat } from "./format-unit";
export { excelErrorText } from "./excel-errors";
export { parseRelativeTarget, type RelativeReading } from "./relative-target";
