// When two rows are the same KPI, as a reader tells: the same measure in the same words (case, spacing,
// punctuation and footnote marks aside), or the same reference over a measure worded nearly alike ("… (via
// Survey)" and "… (Collected via Survey)"); never two references, never two sections, never two measures that
// merely share a code ("1" over "Rent collected" and "1" over "Repairs completed").
import type { DraftKpi } from "../recognise/drafts";
import { withoutPeriods } from "../periods";

/** The measure's words as a reader compares them: the periods it names aside ("(average taken from July – September)"). */
export function measureWords(text: string): string {
  return withoutPeriods(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d'"`]/g, "")
    .replace(/[*†‡§¹²³⁴⁵]+/gu, " ")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}%£]+/gu, " ")
    .trim();
}

/** Keys under which a row may meet the other rows of its KPI: its measure's words, and its reference. */
export function identityKeys(d: DraftKpi): string[] {
  if (d.continuation || d.measureDerived) return [];
  const keys: string[] = [];
  const words = measureWords(d.measure);
  // A name of a word or two ("Total", "Other") names a KPI only among tables headed the same (a table repeated
  // for each year); elsewhere it is a line of a breakdown.
  if (words.split(" ").length >= 3) keys.push(`m:${words}`);
  else if (words && d.tableShape) keys.push(`s:${d.tableShape}|${words}`);
  const ref = refKey(d.ref);
  if (ref) keys.push(`r:${ref}`);
  return keys;
}

/** A reference that identifies: one with a digit in it ("KPI 4/3", "CP01", "1.2"), as written, case and spacing aside. */
function refKey(ref: string | null): string | null {
  if (!ref || !/\d/.test(ref)) return null;
  return ref.toLowerCase().replace(/^(?:kpi|pi|ref)\s*/, "").replace(/\s+/g, "");
}

/** Rows that share a key and are still one KPI: no two references, no two sections, measures worded alike. */
export function sameKpi(a: DraftKpi, b: DraftKpi, sameSheet: boolean): boolean {
  const ra = refKey(a.ref);
  const rb = refKey(b.ref);
  if (ra && rb && ra !== rb) return false;
  // On one sheet, sections tell KPIs apart ("Number of referrals" under Health and under Social care); a sheet kept
  // for another period may name its sections anew.
  const ga = a.group ? measureWords(a.group) : "";
  const gb = b.group ? measureWords(b.group) : "";
  if (ga && gb && ga !== gb && sameSheet) return false;
  // A code of letters and digits ("TP01", "CS02a", "KPI 4/3") names the KPI whatever its caption says ("Overall
  // satisfaction" / "Satisfaction with overall service"), so long as the captions share words; a bare number
  // ("1", "2.1") is reused from table to table, so the measures must read nearly alike.
  const strong = !!ra && ra === rb && /\p{L}/u.test(ra.replace(/^(?:kpi|pi|ref)/, "")) || /^kpi|^pi\b/i.test(a.ref ?? "");
  return overlap(measureWords(a.measure), measureWords(b.measure)) >= (ra && ra === rb && strong ? 0.3 : 0.75);
}

/** The share of words two measures have in common (1 for the same words). */
function overlap(a: string, b: string): number {
  if (a === b) return 1;
  const wa = new Set(a.split(" "));
  const wb = new Set(b.split(" "));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}
