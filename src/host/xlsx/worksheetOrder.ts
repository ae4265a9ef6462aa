// The order CT_Worksheet's sequence gives a worksheet part's children (ECMA-376 Part 1, sml.xsd; "drawingHF" came with
// the second edition). Excel reports a file as corrupt when a child is out of this order, so an element we insert into a
// worksheet written by someone else goes before the first child the sequence places after it.
const WORKSHEET_CHILD_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetChild = (typeof WORKSHEET_CHILD_ORDER)[number];

/** The worksheet children (local names) that the schema places after `name`. */
export function childrenAfter(name: WorksheetChild): ReadonlySet<string> {
  return new Set(WORKSHEET_CHILD_ORDER.slice(WORKSHEET_CHILD_ORDER.indexOf(name) + 1));
}
