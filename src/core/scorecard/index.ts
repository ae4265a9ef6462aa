// The scorecard sheet as a declarative spec (pure; no Office.js). See build.ts for the layout.
export { buildScorecardSpec } from "./build";
export { withSheetCommentary } from "./rebuild";
export { kpiKey, matchCommentary, mergeCommentary } from "./commentary";
export { contrastRatio, perceivedDifference, relativeLuminance } from "./colour";
export type { ColourVision, HexColour } from "./colour";
export { literal, needsQuotePrefix, unquote } from "./literal";
export { numberFormatFor, excelSerial } from "./numberFormat";
export { RAG_COLOURS, RAG_WORDS } from "./palette";
export { dotText } from "./dot";
export { COMMENTARY_HEADER, KEY_HEADER, SHEET_HEADER, KPI_COLUMNS } from "./columns";
export { commentaryFromGrid } from "./readBack";
export type * from "./types";
