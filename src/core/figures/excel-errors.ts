// Excel's error values, as range.values returns them.

const ERROR_TEXT = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

/** "#N/A", "#DIV/0!" ... as Excel writes them; null when the text is not an Excel error. */
export function excelErrorText(text: string): string | null {
  const t = text.trim();
  return ERROR_TEXT.test(t) ? t.toUpperCase() : null;
}
