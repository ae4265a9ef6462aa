// A finding in a few words, for the register's Findings column; the full message is in the findings
// block, numbered, and the column points to it.
const PHRASES: Record<string, string> = {
  "missing-target": "No target",
  "target-to-be-confirmed": "Target tbc",
  "target-not-numeric": "Target not a figure",
  "target-not-applicable": "Data only (no target)",
  "target-needs-comparator": "Target needs a comparator",
  "target-needs-baseline": "Target needs a baseline",
  "missing-baseline": "No baseline",
  "baseline-to-be-confirmed": "Baseline tbc",
  "baseline-not-numeric": "Baseline not a figure",
  "value-not-numeric": "Figure written as text",
  "unit-mismatch": "Mixed units",
  "scale-mismatch": "Figure read on another scale",
  "percent-out-of-range": "Percentage out of range",
  "staged-targets-wrong-way": "Staged targets go the wrong way",
  "polarity-assumed": "Polarity assumed",
  "polarity-conflict": "Polarity unclear",
  "polarity-not-recognised": "Polarity not read",
  "periods-out-of-order": "Periods out of order",
  "stale-data": "Figure out of date",
  "duplicate-reference": "Duplicate reference",
  "several-values": "Several values in one cell",
  "excel-error": "Excel error in a cell",
  "stated-dot-contradicts-data": "Stated trend disagrees",
  "stated-rag-contradicts-data": "Stated RAG disagrees",
  "frequency-not-recognised": "Frequency not read",
  "no-milestone-due": "No milestone due yet",
  "plan-start-needed": "Plan start date needed",
  "merged-data-cells": "Merged data cells",
  "hidden-sheet": "On a hidden sheet",
  "sheet-not-read": "Sheet not read",
  "actual-not-numeric": "Actual written as words",
};

/** "target-to-be-confirmed" -> "Target tbc"; a code not listed -> its words ("new-code" -> "New code"). */
export function findingPhrase(code: string): string {
  const known = PHRASES[code];
  if (known) return known;
  const words = code.replace(/[-_]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Finding";
}
