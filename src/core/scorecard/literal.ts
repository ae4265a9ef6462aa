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

/** A workbook string ready to write to `range.values` so that it appears exactly as given. */
export function literal(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}

/** What a cell written with `literal(text)` holds when read back: the text itself. */
export function unquote(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}
