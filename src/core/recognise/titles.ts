// Lines above and inside a table: which name a section a reader files KPIs under ("Reducing Inequalities",
// "Housing Repairs", "Key Stage 4"), and which are the report's own title ("Key Performance Indicators",
// "Performance indicators: 2016/17"), a sentence ("These are the results from the surveys …") or a note
// ("COMMENTS: strong performance"). Only the first kind is a group.
import { findPeriods, withoutPeriods } from "../periods";

/**
 * Words that make a line a report's or a table's caption ("Planning performance", "GCSE Results: Headline
 * Figures", "Key Stage 2 Results 2019", "Our most recent performance"), not the name of a section. A caption
 * may name its subject too; a section heading names only the subject ("Housing Repairs", "Key Stage 4").
 */
export const CAPTION_WORDS =
  /\b(?:performance|performing|indicators?|kpis?|pis?|measures?|metrics?|reports?|reporting|summary|score ?cards?|dashboards?|results?|stat(?:istic)?s|figures|headlines?|annual|quarterly|monthly|weekly|yearly|update|overview|tables?|appendix|targets?|achievements?|information|survey|perception|key (?:performance|targets?|indicators?|measures?|facts)|timespan|(?:county|borough|district|city|town|parish) council|nhs|trust|icb|constabulary|police|fire and rescue|university hospitals?|foundation trust|authority)\b/i;
export const REPORT_WORDS =
  /\b(?:key|performance|performing|indicators?|kpis?|pis?|measures?|metrics?|reports?|reporting|summary|score ?cards?|dashboards?|results?|data|stat(?:istic)?s|figures|headlines?|annual|quarterly|monthly|weekly|yearly|core|corporate|council|update|overview|tables?|appendix|targets?|achievements?|outcomes?|progress|current|latest|year|quarter|month|period|q[1-4]|tsm|tenant satisfaction|perception|survey|against|end|to date|ytd|information|monitoring|position|exams?|assessments?|main|other|local|national|statutory|tests?|plan|framework|standards?)\b/gi;
const SMALL_WORDS = /\b(?:of|and|the|for|in|on|to|at|by|our|we|with|from|all|a|an|as|vs|v|&|how|is|most|recent)\b/gi;

/** A sentence rather than a heading: many words, a full stop inside, or words that talk about the table. */
function isSentence(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return (
    words.length > 9 ||
    /[.!?]\s+\S/.test(text) ||
    (/[.!?]$/.test(text.trim()) && words.length >= 5) ||
    /\b(?:below|above|shown|here's|here is|these are|this is|this table|the table|we have|we are|please|see|click|published)\b/i.test(text)
  );
}

/** A report's or table's own title: only report words, periods and small words. */
export function isReportTitle(text: string): boolean {
  let rest = text;
  for (const f of [...findPeriods(text)].reverse()) rest = `${rest.slice(0, f.from)} ${rest.slice(f.to)}`;
  rest = rest.replace(REPORT_WORDS, " ").replace(SMALL_WORDS, " ").replace(/[^A-Za-z]+/g, " ").trim();
  return rest === "" || /^[A-Za-z]$/.test(rest);
}

/** A caption: report words or a period beside a subject ("Repairs January 2018", "Building Standards performance"). */
export function isCaption(text: string): boolean {
  return CAPTION_WORDS.test(text) || findPeriods(text).some((f) => f.period.kind !== "unknown" && f.period.kind !== "relative-months");
}

/** A line that says only how the figures under it are written ("Billions", "£000s", "Numbers", "%"): a scale, not a section. */
function isScaleLine(text: string): boolean {
  return /^(?:[£$€]\s*)?(?:billions?|millions?|thousands?|bn|m|k|0{3}s?|numbers?|counts?|percentages?|per ?cent|%|rates?|values?)(?:\s*\([^)]*\))?$/i.test(text.trim());
}

/** A question ("How are we doing?") invites the reader in; it names no section. */
function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text);
}

/** A line saying which way is better ("Bigger values are best", "Good is low"): a legend, not a section. */
function isPolarityLine(text: string): boolean {
  return /\b(?:bigger|higher|larger|greater|more|smaller|lower|less|fewer)\b(?:\s+\S+){0,2}\s+(?:is|are)\s+(?:best|better|good)\b|^good\s+(?:is|=)\s+\S+$/i.test(text.trim());
}

/** A row's label saying it holds the commentary on the KPI above ("Comments:", "Commentary -"). */
export const COMMENT_LABEL = /^(?:comments?|commentary|narrative)\s*[:\-–]\s*/i;

/** A note written on a row of its own ("COMMENTS: …", "Note: …", "* Internal data"), not a section. */
export function isNoteLine(text: string): boolean {
  // "Data based on total number of referrals", "Figures exclude …": a line saying what the figures are drawn from.
  const drawnFrom = /^(?:(?:data|figures?|numbers?|counts?)\s+(?:is\s+|are\s+)?)?(?:based\s+on|taken\s+from|drawn\s+from|sourced\s+from|exclud(?:e|es|ing)|includ(?:e|es|ing))\b/i.test(text.trim());
  return /^(?:comments?|commentary|actions?|notes?|nb|narrative|update|analysis|source|key|definition)\s*[:\-–]/i.test(text) || /^[*†‡#]/.test(text) || text.length > 100 || drawnFrom;
}

/**
 * A line of references or figures ("Baseline 1/ 2 to 1/ 6/", "2019 2020 2021"), not words a reader takes for a
 * heading: more tokens hold a digit than there are words of three letters or more.
 */
function isReferenceLine(text: string): boolean {
  const tokens = text.split(/\s+/).filter(Boolean);
  // A name with its number in it ("KS1", "Y6") is a word; a figure or a code of figures ("1/", "2.1") is not.
  const figures = tokens.filter((t) => /\d/.test(t) && !/^\p{L}{2,}\d{1,2}$/u.test(t)).length;
  const words = tokens.filter((t) => (/^\p{L}{3,}$/u.test(t.replace(/[^\p{L}]+$/u, "")) || /^\p{L}{2,}\d{1,2}$/u.test(t)) && !/^(?:and|the|for|to|of|from)$/i.test(t)).length;
  return figures > words;
}

/** Words that mark a line as naming a section ("Priority 2 – Inclusion", "Objective: …"). */
const SECTION_WORD = "(?:section|priority|theme|outcome|objective|domain|area|pillar|ambition|workstream)";
const SECTION_LINE = new RegExp(`^${SECTION_WORD}\\s*(?:[A-Z\\d]{1,3}\\b)?\\s*[:.\\-–—]\\s*\\S`, "i");
/** The word alone, or with a number or a letter ("Priority 2", "Theme B:"), never a word after it ("Priority One"). */
const SECTION_LABEL = new RegExp(`^${SECTION_WORD}(?:\\s*(?:\\d{1,3}|[A-Z]))?\\s*:?$`, "i");

/**
 * "Objective | Improve economic growth and employability": a section's word in one cell and the section's name in the
 * next — the name is the group of the rows under it. Null where the first cell is not such a word.
 */
export function sectionLabelled(label: string, text: string): string | null {
  const name = text.trim().replace(/[.:]\s*$/, "").trim();
  // The name is words: a figure beside the word ("Priority 1 | 8 min 14 seconds") is a row of a table.
  if (!SECTION_LABEL.test(label.trim()) || !/^\p{L}/u.test(name) || !/\p{L}{2,}/u.test(name) || name.length > 160) return null;
  return name;
}

/** The line as a group name, or null when it is a report title, a sentence, a note or a line of references. */
export function asGroup(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim().replace(/[.:]\s*$/, "").trim();
  // "Section A: Strategy – …", "Priority 2 – Inclusion", "Theme: …": marked as a section, however long.
  if (SECTION_LINE.test(t) && t.length <= 160) return t;
  // "Data completeness of:", "Broken down by:", "Satisfaction:" lead into the rows below (often lettered a), b));
  // they do not name the section the table is organised by.
  if (/\b(?:of|for|by|in|on|to|with|from|and|the|per)\s*:?\s*$/i.test(text.trim()) || /:\s*$/.test(text)) return null;
  if (isReferenceLine(t) || isScaleLine(t) || isQuestion(t)) return null;
  if (!t || t.length > 90 || isNoteLine(t) || isPolarityLine(t) || isSentence(text.trim()) || isReportTitle(t) || isCaption(t)) return null;
  return t;
}

/**
 * A lone line inside a table's body, under its heading row: its place says it heads the rows below it, so words
 * that would make a line above a table its caption ("Repairs completed in target time", "Cancer Targets") do not
 * stop it naming their section. It is kept as written, a leading footnote mark too ("**Cancer Targets"); the
 * caller has already taken a marked line under a KPI as a note on that KPI.
 */
export function asGroupInBody(text: string): string | null {
  const group = asGroup(text);
  if (group) return group;
  const t = text.trim().replace(/[.:]\s*$/, "").trim();
  const words = t.replace(/^[*†‡#]+\s*/, "");
  if (!words || words.length > 90 || /:\s*$/.test(text) || /\b(?:of|for|by|in|on|to|with|from|and|the|per)\s*$/i.test(words)) return null;
  if (isReferenceLine(words) || isNoteLine(words) || isPolarityLine(words) || isSentence(text.trim().replace(/^[*†‡#]+\s*/, "")) || isReportTitle(words)) return null;
  return t;
}

/**
 * The line above one of several tables a sheet stacks under the same heading row: it is what tells them apart, so it
 * names their subject even where it reads like a caption ("Subject access requests 2023/24", a year beside the
 * subject) — unless it is a report's title, a sentence, a note or a line of references.
 */
export function asStackedTitle(text: string): string | null {
  const t = text.trim().replace(/[.:]\s*$/, "").trim();
  // A question ("How are we performing?") invites the reader in; it names no subject.
  if (!t || t.length > 90 || /\?\s*$/.test(t) || isScaleLine(t) || isReferenceLine(t) || isNoteLine(t) || isPolarityLine(t) || isSentence(text.trim()) || isReportTitle(t)) return null;
  return t;
}

/**
 * The line right over a table's heading row that names its subject, longer than a heading is ("% of children reaching
 * the ‘higher’ standard (tests) of ‘greater depth’ (writing teacher assessment only)"): judged by its words outside
 * brackets, up to fourteen of them, and kept whole. Null for a sentence, a note, a report's title, a question.
 */
export function asCaptionLine(text: string): string | null {
  const whole = text.trim();
  const t = whole.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").replace(/[.:]\s*$/, "").trim();
  const words = t.split(/\s+/).filter(Boolean);
  // Names with a digit in them ("KS1 results 2018") are words; a line of bare figures is not a caption.
  const bare = words.filter((w) => !/\p{L}/u.test(w)).length;
  if (!t || whole.length > 160 || words.length > 14 || bare * 2 > words.length || /\?\s*$/.test(t) || isScaleLine(t) || isNoteLine(t) || isPolarityLine(t) || isReportTitle(t)) return null;
  if (/[.!?]\s+\S/.test(t) || /\b(?:below|above|shown|here's|here is|these are|this is|this table|the table|we have|we are|please|see|click|published)\b/i.test(t)) return null;
  return whole.replace(/[.:]\s*$/, "").trim();
}

/** A title's subject as words to compare: its periods and punctuation set aside ("Annual reviews 2019/20" is "annual reviews"). */
export function titleSubject(text: string): string {
  let subject = SUBJECTS.get(text);
  if (subject === undefined) {
    subject = withoutPeriods(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (SUBJECTS.size >= 50_000) SUBJECTS.clear();
    SUBJECTS.set(text, subject);
  }
  return subject;
}

/** Subjects worked out, by text: the same measures and headings are compared again table after table. */
const SUBJECTS = new Map<string, string>();
