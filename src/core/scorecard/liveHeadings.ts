// The register's group headings, live: "Children's services — 3 KPIs: 1 Green, 2 Red; 1 out of date" counts the
// register's live RAG cells. On the data sheet, a row per group holds its counts (COUNTIFS over the helper codes)
// and the heading's fixed words (the group's name and its number of KPIs, as text cells); the heading is those
// cells joined with words cells — no text in the formula.
import { bin, fn, num, type Expr } from "../formula";
import type { Rag } from "../types";
import { RAG_BY_CODE, RAG_CODE } from "./liveWords";

/** The words a heading joins its counts with, in the order they stand in the words row. */
export const HEADING_WORDS = [", ", " ", "; ", "out of date"] as const;

export interface HeadingCells {
  /** The group's fixed words ("Children's services — 3 KPIs: "). */
  prefix: Expr;
  /** The group's count of each RAG, by RAG code (1 Blue … 5 Grey). */
  count: (code: number) => Expr;
  stale: Expr;
  /** The words cells (HEADING_WORDS, in order) and each RAG's word, by code. */
  word: (i: number) => Expr;
  ragWord: (code: number) => Expr;
}

/** The count cells of a group: COUNTIFS over the helper codes (group number, RAG code; out of date). */
export function groupCounts(groupRange: Expr, ragRange: Expr, staleRange: Expr, group: number): Expr[] {
  const counts = RAG_BY_CODE.map((r) => fn("COUNTIFS", groupRange, num(group), ragRange, num(RAG_CODE[r])));
  return [...counts, fn("COUNTIFS", groupRange, num(group), staleRange, num(1))];
}

/** The heading as register.ts words it: the prefix, then "n Word" for each RAG counted (", " between), then "; n out of date". */
export function headingFormula(c: HeadingCells, rags: readonly Rag[]): Expr {
  const none = fn("T", num(0));
  let out: Expr = c.prefix;
  let before: Expr | null = null;
  for (const r of rags) {
    const n = c.count(RAG_CODE[r]);
    const words = bin("&", bin("&", n, c.word(1)), c.ragWord(RAG_CODE[r]));
    const sep = before ? fn("IF", bin(">", before, num(0)), c.word(0), none) : null;
    out = bin("&", out, fn("IF", bin(">", n, num(0)), sep ? bin("&", sep, words) : words, none));
    before = before ? bin("+", before, n) : n;
  }
  const stale = bin("&", bin("&", bin("&", c.word(2), c.stale), c.word(1)), c.word(3));
  return bin("&", out, fn("IF", bin(">", c.stale, num(0)), stale, none));
}
