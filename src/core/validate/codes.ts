// Stable finding codes: tests, the pane and anyone reading the JSON rely on these names.
// Add codes; never rename one.
import type { Severity } from "../types";

export const FINDING_CODES = {
  "missing-target": { severity: "warning", about: "No target is given." },
  "target-to-be-confirmed": { severity: "warning", about: "The target is 'tbc', 'to be determined' or similar." },
  "target-not-numeric": { severity: "warning", about: "The target is text that cannot be measured against." },
  "target-not-applicable": { severity: "info", about: "The target is n/a: the KPI is reported as data only." },
  "target-needs-comparator": { severity: "warning", about: "The target depends on a figure the workbook does not give (e.g. the national average)." },
  "target-needs-baseline": { severity: "warning", about: "The target is relative to a baseline that is not known." },
  "missing-baseline": { severity: "info", about: "No baseline is given where the table has a baseline column." },
  "baseline-to-be-confirmed": { severity: "info", about: "The baseline is still to be established." },
  "baseline-not-numeric": { severity: "warning", about: "The baseline is text, not a figure." },
  "value-not-numeric": { severity: "warning", about: "Text stands where a figure belongs." },
  "unit-mismatch": { severity: "warning", about: "Figures of one KPI are in different units." },
  "scale-mismatch": { severity: "warning", about: "A figure was read on another scale than written (97.5 in a percentage row)." },
  "percent-out-of-range": { severity: "error", about: "A percentage below 0% or above 100%." },
  "staged-targets-wrong-way": { severity: "warning", about: "A later staged target is easier than an earlier one for the KPI's polarity." },
  "polarity-assumed": { severity: "info", about: "Nothing says whether higher or lower is better; the default was assumed." },
  "polarity-conflict": { severity: "warning", about: "The evidence for polarity disagrees (wording against targets, or a stated polarity)." },
  "polarity-not-recognised": { severity: "warning", about: "A stated polarity could not be read." },
  "periods-out-of-order": { severity: "warning", about: "Periods or milestones are not in time order." },
  "stale-data": { severity: "warning", about: "The latest figure is older than the KPI's frequency allows at the reporting date." },
  "duplicate-reference": { severity: "warning", about: "Two KPIs share a reference." },
  "several-values": { severity: "warning", about: "One cell holds several values." },
  "excel-error": { severity: "error", about: "A cell holds an Excel error such as #N/A or #DIV/0!." },
  "stated-dot-contradicts-data": { severity: "warning", about: "The stated direction of travel disagrees with the figures." },
  "stated-rag-contradicts-data": { severity: "warning", about: "The stated RAG disagrees with the figures." },
  "frequency-not-recognised": { severity: "warning", about: "The frequency cell holds something that is not a frequency." },
  "no-milestone-due": { severity: "info", about: "No staged milestone is due yet at the reporting date." },
  "plan-start-needed": { severity: "info", about: "Milestones count from a plan start date that is not set." },
  "merged-data-cells": { severity: "info", about: "Data cells are merged; the value is read once, for the first row." },
  "hidden-sheet": { severity: "info", about: "The table is on a hidden sheet." },
  "sheet-not-read": { severity: "error", about: "A sheet could not be read." },
  "scorecard-needs-regenerating": {
    severity: "warning",
    about: "KPI rows or period columns were added or moved in the source since the scorecard was made: its live cells may point at the wrong cells until it is regenerated.",
  },
  "correction-dropped": { severity: "warning", about: "A correction stored in the workbook no longer fits it (its table's headings were not found) and was left out." },
  "columns-guessed": { severity: "info", about: "Some of a table's columns were read from what they hold or where they stand, not from their headings." },
  "sheet-read-partly": { severity: "warning", about: "Part of what a sheet holds could not be read (e.g. its merged areas); the rest was scanned." },
  "actual-not-numeric": { severity: "info", about: "An actual is written as words, not a figure." },
  "rows-assembled": { severity: "info", about: "Every row of a table is an earlier period of a KPI kept on in a later table or sheet; the KPIs are listed there, with its figures in their history." },
  "sources-disagree": { severity: "warning", about: "Two rows or sheets that keep one KPI give different figures for the same period; the newer source's figure is used." },
  "no-better-direction": {
    severity: "info",
    about: "A measure of demand or volume with no better direction stated: its movement is shown without improving/worsening, and it is rated only against its target.",
  },
  "polarity-inconsistent": { severity: "warning", about: "KPIs of one table measured the same way are judged in different directions." },
} as const satisfies Record<string, { severity: Severity; about: string }>;

export type FindingCode = keyof typeof FINDING_CODES;

export function severityOf(code: FindingCode): Severity {
  return FINDING_CODES[code].severity;
}
