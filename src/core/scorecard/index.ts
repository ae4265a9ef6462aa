// The scorecard as a declarative spec (pure; no Office.js). See build.ts for the layout.
export { buildScorecardSpec } from "./build";
export { withSheetCommentary, withSheetState } from "./rebuild";
export { kpiKey, matchCommentary, mergeCommentary } from "./commentary";
export { contrastRatio, perceivedDifference, relativeLuminance } from "./colour";
export type { ColourVision, HexColour } from "./colour";
export { literal, needsQuotePrefix, unquote } from "./literal";
export { excelSerial } from "./numberFormat";
export { figureFormat, formatFromText } from "./sourceFormat";
export { RAG_COLOURS, RAG_WORDS } from "./palette";
export { dotText } from "./dot";
export { COMMENTARY_HEADER, KEY_HEADER, SHEET_HEADER, RAG_HEADER } from "./columns";
export { commentaryFromGrid, readScorecardState, ragFromText, type ScorecardState, type Grid } from "./readBack";
export { DATA_SHEET_DEFAULT_NAME } from "./dataSheet";
export { DATA_SHEET_MARKER, SCORECARD_MARKER } from "./markers";
export { heightFor, textWidth, wrapLines, lineHeight } from "./textFit";
export { MIN_PRINTED_FONT, REGISTER_FONT_SIZE, PRINT_HEIGHT, PRINT_WIDTH, heightAtScale, widthAtScale } from "./page";
export type * from "./types";
