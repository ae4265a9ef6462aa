// One spelling for the typography people paste from Word: curly quotes, en dashes, hard spaces.
// Parsers match the normalised text; labels they return keep the text as written.

/** Dashes and minus signs that mean "-" in a cell. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u02BC]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/** Dashes to "-", curly quotes to "'", any run of white space to one space; trimmed. Case kept. */
export function normaliseText(text: string): string {
  return text.replace(DASHES, "-").replace(QUOTES, "'").replace(/[\u201C\u201D\u201E\u2033]/g, '"').replace(SPACES, " ").trim();
}

/** normaliseText, lower-cased. */
export function normaliseLower(text: string): string {
  return normaliseText(text).toLowerCase();
}

/** Strips one pair of brackets that wraps the whole text: "(Jan 23)" -> "Jan 23". */
export function unwrapBrackets(text: string): string {
  const m = /^[([]\s*([^()[\]]*?)\s*[)\]]$/.exec(text);
  return m ? m[1] : text;
}
