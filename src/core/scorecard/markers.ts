// Text the add-in writes only on its own sheets, so a scan never reads them as KPIs, tagged or not
// (a copy a user made of the scorecard loses its tag but keeps these).

/** In the scorecard's hidden key column, row 1. */
export const SCORECARD_MARKER = "KPI Scorecard sheet (written by the KPI Scorecard add-in)";
/** A1 of the hidden data sheet. */
export const DATA_SHEET_MARKER = "KPI Scorecard data (written by the KPI Scorecard add-in; do not edit)";
