// Text from the workbook is written as text. Excel treats a value written through the API as if
// typed: "=..." becomes a formula, "-5 days" and "+1" are parsed as formula input, "@x" as a
// function, "10%" and "Jan 24" as numbers and dates, "#N/A" as an error. A leading apostrophe
// (Excel's "quote prefix") keeps the cell literal and is not part of the value read back.

/** Text a person typed could be coerced if it starts like a formula or might parse as a number, date, time, boolean or error. */
export function needsQuotePrefix(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@#'\s]/.test(text)) return true;
  if (/\d/.test(text)) return true;
  if (/^(true|false)$/i.test(text.trim())) return true;
  return false;
}

/** The most characters an Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;

/**
 * A workbook string ready to write to `range.values` so that it appears exactly as given. Text that would
 * not fit in a cell (workbook text with our words around it) is cut short and ends with "…", so the write
 * still succeeds and the reader sees that there is more in the workbook.
 */
export function literal(text: string): string {
  const quoted = needsQuotePrefix(text);
  const room = MAX_CELL_TEXT - (quoted ? 1 : 0);
  const fitted = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  return quoted ? `'${fitted}` : fitted;
}

/** What a cell written with `literal(text)` holds when read back: the text itself. */
export function unquote(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}
