// Finding commentary in a scorecard sheet's values as read back from Excel: locate the header
// row by its headers (so rows or columns a person inserted do not lose anything), then take every
// row below that carries a key. Rows with a key and empty commentary are returned too, so that
// clearing a comment on the sheet clears it for good.
import { COMMENTARY_HEADER, KEY_HEADER, MEASURE_HEADER, REF_HEADER, SHEET_HEADER } from "./columns";
import { unquote } from "./literal";
import type { CommentaryEntry } from "./types";

type Raw = string | number | boolean | null | undefined;

function str(v: Raw): string {
  return v === null || v === undefined ? "" : unquote(String(v));
}

export function commentaryFromGrid(values: readonly (readonly Raw[])[]): CommentaryEntry[] {
  const out: CommentaryEntry[] = [];
  let cols: { key: number; text: number; sheet: number; ref: number; measure: number } | null = null;
  for (const row of values) {
    if (!row) continue;
    const cells = Array.from(row, str);
    const key = cells.indexOf(KEY_HEADER);
    const text = cells.indexOf(COMMENTARY_HEADER);
    if (key >= 0 && text >= 0) {
      // A header row (the KPI table's, or the orphaned-commentary block's).
      const sheet = cells.indexOf(SHEET_HEADER);
      const ref = cells.indexOf(REF_HEADER);
      const measure = cells.indexOf(MEASURE_HEADER);
      cols = { key, text, sheet, ref, measure };
      continue;
    }
    if (!cols) continue;
    const k = cells[cols.key]?.trim();
    if (!k) continue;
    out.push({
      key: k,
      sheet: cols.sheet >= 0 ? cells[cols.sheet] || null : null,
      ref: (cols.ref >= 0 && cells[cols.ref]) || null,
      measure: (cols.measure >= 0 && cells[cols.measure]) || null,
      text: cells[cols.text] ?? "",
    });
  }
  return out;
}
