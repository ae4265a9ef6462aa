// Words in brackets, found in one pass over the text. A regular expression such as /\([^)]*\)/ starts again
// from every "(" and runs on to the next ")": a text of many "(" and no ")" costs it the square of its length.

/** The text with each "(…)" replaced, exactly as text.replace(/\([^)]*\)/g, by) would, in one pass. */
export function replaceBracketed(text: string, by: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("(", from);
    if (open < 0) break;
    const close = text.indexOf(")", open + 1);
    if (close < 0) break; // no ")" after this "(": none after any later one either
    out += text.slice(from, open) + by;
    from = close + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** What a bracketed statement is read by: words inside a bracket, a bracket that is only certain words, and words anywhere. */
export interface BracketedWords {
  /** Met inside a bracket, among other words ("(n, lower is better)"): tested on the bracket's inside. */
  inside: RegExp;
  /** A bracket that holds exactly these words ("(minimise)"): anchored, tested on the bracket's inside. */
  whole: RegExp;
  /** Words met anywhere ("lower is better"). */
  plain: RegExp;
}

/**
 * The leftmost statement in the text, as one regular expression `\((?:[^)]*\b)?INSIDE[^)]*\)|\(WHOLE\)|PLAIN`
 * finds it (the same match and text), in one pass. Between two ")" only the first "(" can start a bracket that
 * holds words among others (any later "(" sees less of the same inside), and only the last a bracket that is
 * exactly the words (an earlier one's inside holds another "(").
 */
export function firstBracketedWords(text: string, words: BracketedWords): { index: number; text: string } | null {
  const plain = words.plain.exec(text);
  const limit = plain ? plain.index : text.length;
  let segment = 0;
  while (segment < limit) {
    const close = text.indexOf(")", segment);
    if (close < 0) break;
    const first = text.indexOf("(", segment);
    if (first >= 0 && first < close && first < limit) {
      if (words.inside.test(text.slice(first + 1, close))) return { index: first, text: text.slice(first, close + 1) };
      const last = text.lastIndexOf("(", close);
      if (last < limit && words.whole.test(text.slice(last + 1, close))) return { index: last, text: text.slice(last, close + 1) };
    }
    segment = close + 1;
  }
  return plain ? { index: plain.index, text: plain[0] } : null;
}
