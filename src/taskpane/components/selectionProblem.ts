// Why a selection cannot be a KPI table, in words: a table has a row for each KPI and its measures beside their
// figures, so one cell, one row or one column is refused before anything is stored (with nothing selected, Excel's
// selection is the one cell A1 of the active sheet).
import { parseRangeAddress } from "../../core/address";
import type { SelectedRange } from "../../excel/selection";

export function selectionProblem(s: SelectedRange): string | null {
  const rect = parseRangeAddress(s.range);
  if (!rect) return null;
  const filled = s.selected !== s.range ? ` (the filled part of ${s.selected})` : "";
  const where = `${s.range} on ${s.sheet}${filled}`;
  const select = "Select the whole KPI table, its heading row too if it has one, then try again.";
  if (rect.rowCount === 1 && rect.colCount === 1) return `${where} is one cell: a KPI table has a row for each KPI, its measures beside their figures. ${select}`;
  if (rect.rowCount === 1) return `${where} is one row: a KPI table has a row for each KPI under its headings. ${select}`;
  if (rect.colCount === 1) return `${where} is one column: a KPI table has its measures beside their figures. ${select}`;
  return null;
}
