// Words, colours and arrows for statuses. Status is never shown by colour alone: every badge
// carries its word, every arrow its direction and judgement.
import type { BadgeProps } from "@fluentui/react-components";
import type { ColumnRoleName, Direction, Dot, Figure, Judgement, Polarity, PolaritySource, Rag, ScanResult, Severity, TableColumn } from "../core/types";

export const RAG_WORD: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green", blue: "Blue", grey: "Grey" };

export const RAG_BADGE: Record<Rag, NonNullable<BadgeProps["color"]>> = {
  red: "danger",
  amber: "warning",
  green: "success",
  blue: "brand",
  grey: "informative",
};

export const SEVERITY_WORD: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };

const ARROW: Record<Direction, string> = { up: "↑", down: "↓", flat: "→" };
const DIRECTION_WORD: Record<Direction, string> = { up: "up", down: "down", flat: "flat" };
const JUDGEMENT_WORD: Record<Judgement, string> = { improving: "improving", worsening: "worsening", "no-change": "no change" };

/** "↑ up, improving"; "No direction" where there is no previous figure. */
export function dotText(dot: Dot): { arrow: string; words: string } {
  if (!dot.direction) return { arrow: "–", words: "no direction of travel" };
  const words = dot.judgement ? `${DIRECTION_WORD[dot.direction]}, ${JUDGEMENT_WORD[dot.judgement]}` : DIRECTION_WORD[dot.direction];
  return { arrow: ARROW[dot.direction], words };
}

export const POLARITY_WORD: Record<Polarity, string> = { "higher-is-better": "Higher is better", "lower-is-better": "Lower is better" };

export const POLARITY_SOURCE_WORD: Record<PolaritySource, string> = {
  user: "set for this KPI",
  stated: "stated in the workbook",
  "stated-rag": "the polarity that agrees with the RAG the workbook states",
  "target-wording": "from the wording of the target",
  setting: "set in the add-in's settings",
  "target-vs-baseline": "from the direction of the target against the baseline",
  wording: "from the wording of the measure",
};

const LAYOUT_WORD: Record<string, string> = {
  "previous-latest": "Previous and latest columns",
  "milestone-columns": "Milestone columns",
  "target-actual-rows": "Target and actual rows",
  "period-columns": "A column per period",
  survey: "Survey results",
  "qualitative-milestones": "Qualitative milestones",
  "excel-table": "Excel table",
};

export function layoutWord(layout: string): string {
  return LAYOUT_WORD[layout] ?? layout;
}

/** Where the reporting date came from, as the summary line says it. */
export const ASOF_SOURCE_WORD: Record<NonNullable<ScanResult["asOfSource"]>, string> = {
  given: "as given",
  setting: "set in Settings",
  "latest-period": "not set: the end of the latest period with figures",
  today: "not set: today's date",
};

/**
 * A figure as a KPI card says it: its text, or what is missing in words. A target cell reading
 * "n/a", "-" or nothing is no target, not a target called "n/a".
 */
export function figureWords(f: Figure | null, none: string): string {
  if (!f || f.text.trim() === "") return none;
  if (f.error) return `${none} (the cell shows ${f.error})`;
  switch (f.missing) {
    case "blank":
    case "not-applicable":
      return none;
    case "to-be-confirmed":
      return `${none} yet (to be confirmed)`;
    case "not-yet-due":
      return `${none} yet (not yet due)`;
    default:
      return f.text;
  }
}

/** Column roles as the Tables tab's dropdowns name them. */
export const ROLE_WORD: Record<ColumnRoleName, string> = {
  measure: "Measure (the KPI's name)",
  ref: "Reference",
  group: "Group or section",
  latest: "Latest actual",
  previous: "Previous actual",
  target: "Target",
  baseline: "Baseline",
  milestone: "Milestone target",
  status: "Status (RAG)",
  trend: "Trend (direction of travel)",
  polarity: "Polarity (which way is better)",
  benchmark: "Benchmark",
  notes: "Notes",
  owner: "Owner",
  unit: "Unit",
  frequency: "Frequency",
  ignore: "Ignore",
};

/** Where a column's reading came from, as the Tables tab says it. */
export const COLUMN_SOURCE_WORD: Record<NonNullable<TableColumn["source"]>, string> = {
  heading: "from its heading",
  content: "from what it holds",
  position: "from where it stands",
  user: "set by you",
};
