// When two rows are the same KPI: the same measure in the same words (case, spacing, punctuation and footnote marks
// aside), under the same reference and section where both state one. A reader does not take "Number of referrals"
// under Health and under Social care for one measure, nor "KPI 3" and "KPI 4" for one KPI.
import type { DraftKpi } from "../recognise/drafts";

/** The measure's words as a reader compares them. */
export function measureWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d'"`]/g, "")
    .replace(/[*†‡§¹²³⁴⁵]+/gu, " ")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}%£]+/gu, " ")
    .trim();
}

/** The key rows of one KPI share: null for a row that cannot be told apart by its own words. */
export function identityKey(d: DraftKpi): string | null {
  if (d.continuation || d.measureDerived) return null;
  const words = measureWords(d.measure);
  // A name of a word or two ("Total", "Other") is a line of a breakdown, not a measure that names itself.
  if (words.split(" ").length < 3 && !d.ref) return null;
  return words || null;
}

const norm = (s: string | null): string | null => (s ? measureWords(s) || null : null);

/** Rows with the same key that still differ: different references or different sections, where both state one. */
export function sameKpi(a: DraftKpi, b: DraftKpi): boolean {
  const ra = norm(a.ref);
  const rb = norm(b.ref);
  if (ra && rb && ra !== rb) return false;
  const ga = norm(a.group);
  const gb = norm(b.group);
  return !(ga && gb && ga !== gb);
}
