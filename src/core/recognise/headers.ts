// What a column heading says the column holds, in the many words councils and NHS bodies use.
// A heading that names a time ("Target for 6 months December 2019", "Aug 2020") is a time column;
// its role (target / actual / baseline) comes from the heading's own words.
import { parseMilestoneHeading, type MilestoneHeading, type PeriodContext } from "../periods";

export type ColumnRole =
  | "ref"
  | "measure"
  | "group"
  | "frequency"
  | "baseline"
  | "target"
  | "previous"
  | "latest"
  | "time"
  | "dot"
  | "rag"
  | "notes"
  | "polarity"
  | "unit"
  | "period"
  | "section";

export interface HeaderClass {
  role: ColumnRole;
  /** For time columns: the parsed heading (period, relative months, what the heading says it holds). */
  heading?: MilestoneHeading;
  /** "KPI" alone could be a reference or the measure; the table decides. */
  ambiguousKpi?: boolean;
  /** For period columns ("Previous period"): the value column it qualifies is the one to its left. */
  qualifies?: "previous" | "latest" | "left";
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[()*:.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

// Whole-heading patterns, tried in order. Each is anchored so that "Notes" does not match "Footnotes" etc.
const EXACT: [RegExp, ColumnRole][] = [
  [/^(kpi|pi|indicator|measure|performance indicator|key performance indicator)? ?(ref|reference|ref no|no|number|id|code|#)$/, "ref"],
  [/^key performance indicator reference$/, "ref"],
  [/^(performance )?(measure|indicator|description|metric|kpi description|kpi name|indicator name|measure description)( that we will monitor| name| title)?$/, "measure"],
  [/^(priority|priority area|area|theme|outcome|objective|group|domain|category|section|workstream|service|strategic priority|ambition)$/, "group"],
  [/^(reporting )?(frequency|freq|how often|reporting period|reporting cycle)$/, "frequency"],
  [/^(polarity|good is|aiming|aim is|preferred outcome|better is|higher or lower is better|direction of improvement|desired direction)$/, "polarity"],
  [/^(unit|units|unit of measure|measure type|format)$/, "unit"],
  [/^(dot|direction of travel|direction|trend|travel|change|movement|comparison|\d{4} comparison|trend arrow|dot arrow)$/, "dot"],
  [/^(rag|rag status|rag rating|status|traffic light|rating|rag rated|overall rag|current rag|rag \d+ months?|action rag)$/, "rag"],
  [/^(notes?|comments?|commentary|narrative|remarks|explanation|exception report|context)$/, "notes"],
  [/^(questionnaire section|survey section|sub ?measure|breakdown|cohort)$/, "section"],
  [/^(previous|prior|last|previous period|last period|prior period|previous value|last year|previous year|previous quarter|previous month|last reported|earlier)$/, "previous"],
  [/^(latest|current|actual|actuals|outturn|latest value|current value|latest period|current period|this period|year to date|ytd|performance|current performance|latest performance|latest data|latest position|current position|result|value)$/, "latest"],
  [/^(target|targets|aim|goal|ambition target|annual target|end target|final target|target value|standard|threshold|benchmark target)$/, "target"],
  [/^(baseline|current baseline|baseline value|starting point|base line)$/, "baseline"],
];

/** "Previous period", "Latest period", "Period", "Date" beside a value column. */
const PERIOD_COL: [RegExp, HeaderClass["qualifies"]][] = [
  [/^(previous|prior|last) (period|date|month|quarter|as at)$/, "previous"],
  [/^(latest|current) (period|date|month|quarter|as at)$/, "latest"],
  [/^(period|date|as at|as of|data period|reporting date)$/, "left"],
];

/**
 * Classify one heading. `prev` is the class of the heading to its left, used for blank headings
 * that are RAG columns after a milestone (004's "3 months | (blank) | 6 months | (blank)").
 */
export function classifyHeading(text: string, ctx: PeriodContext = {}): HeaderClass | null {
  const raw = text.trim();
  if (!raw || raw.length > 140) return null;
  const n = norm(raw);
  if (!n) return null;
  if (n === "kpi" || n === "kpis" || n === "key performance indicator" || n === "pi") return { role: "ref", ambiguousKpi: true };
  for (const [re, q] of PERIOD_COL) if (re.test(n)) return { role: "period", qualifies: q };
  for (const [re, role] of EXACT) if (re.test(n)) return { role };
  // Headings that start with a role word and go on to name a time are time columns.
  const heading = parseMilestoneHeading(raw, ctx);
  if (heading) return { role: "time", heading };
  // Looser matches on the leading word for long headings ("Target 2024/25" is caught above as time).
  if (/^(rag|status)\b/.test(n)) return { role: "rag" };
  if (/^(direction of travel|dot)\b/.test(n)) return { role: "dot" };
  if (/^(notes?|comments?)\b/.test(n)) return { role: "notes" };
  if (/^(performance )?(measure|indicator)\b/.test(n) && n.length < 60) return { role: "measure" };
  if (/^(kpi|key performance indicator) ref/.test(n)) return { role: "ref" };
  return null;
}

/**
 * A cheap first look: could this text head a name column (reference or measure)? A heading row must have one,
 * so rows without such a cell are passed over before any heading is parsed — most rows of a large sheet.
 */
const NAME_QUICK = /^\s*(kpi|pi\b|ref|reference|measure|performance (measure|indicator)|indicator|description|metric|key performance|id\b|code\b|no\.?\s*$|number\s*$|#)/i;
export function mayNameColumn(text: string): boolean {
  // Headings name, they do not number: "REF-10234" or "KPI 1/2" is a data cell.
  return text.length <= 60 && NAME_QUICK.test(text) && !/\d/.test(text);
}

/** Roles that carry figures: a table needs at least one of these to be a KPI table. */
export const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set(["baseline", "target", "previous", "latest", "time"]);
