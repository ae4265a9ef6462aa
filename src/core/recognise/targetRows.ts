// A row that names itself a target for a measure ("NHS Target for paid within 30 days" above "% Value paid in 7 days |
// % Value paid in 30 days | …"): a reader takes its figures as the targets of the measure it names, period by period,
// not as a KPI of its own. Where no row of the table reads as that measure, the row stays what it was.
import type { SheetGrid } from "./grid";
import type { CellRef, DraftKpi, DraftMilestone } from "./drafts";
import { measureWords } from "../assemble/identity";

/** "Target for …", "NHS Target for …", "National target - …": a word or two, then "target", then what it is for. */
const TARGET_FOR = /^(?:[\p{L}]+\s+){0,2}targets?\s*(?:for|of|[:\-–])\s*(.+)$/iu;
/** How much of what the target row names the measure must say, word for word. */
const NAMES_MEASURE = 0.75;

/** The table's drafts with each target row bound to the measure it names (its figures that measure's targets). */
export function bindTargetRows(grid: SheetGrid, drafts: DraftKpi[]): DraftKpi[] {
  if (drafts.some((d) => d.actualRow !== null)) return drafts;
  const bound = new Set<DraftKpi>();
  for (const t of drafts) {
    const named = targetNames(t);
    if (!named || !t.milestones.length) continue;
    const measure = measureNamed(named, t, drafts.filter((d) => d !== t && !targetNames(d)));
    if (!measure) continue;
    measure.milestones = measure.milestones.map((m) => withTarget(grid, m, t.milestones.find((o) => o.col === m.col)));
    bound.add(t);
  }
  return bound.size ? drafts.filter((d) => !bound.has(d)) : drafts;
}

/** What a row that names itself a target is the target for, as words to compare; null for any other row. */
function targetNames(d: DraftKpi): string[] | null {
  if (d.ref || d.continuation || d.measureDerived) return null;
  const m = TARGET_FOR.exec(d.measure.trim());
  return m ? words(m[1]) : null;
}

/** A measure's words, "within" and "in" one word ("paid within 30 days" is "paid in 30 days"). */
function words(text: string): string[] {
  return measureWords(text).split(" ").map((w) => (w === "within" ? "in" : w)).filter(Boolean);
}

/** The row whose measure says most of what the target row names — the nearest after it where two say as much. */
function measureNamed(named: string[], target: DraftKpi, others: DraftKpi[]): DraftKpi | null {
  let best: { d: DraftKpi; said: number; distance: number } | null = null;
  for (const d of others) {
    const own = new Set(words(d.measure));
    const said = named.filter((w) => own.has(w)).length / named.length;
    const distance = d.row > target.row ? d.row - target.row : 1000 + target.row - d.row;
    if (said >= NAMES_MEASURE && (!best || said > best.said || (said === best.said && distance < best.distance))) best = { d, said, distance };
  }
  return best?.d ?? null;
}

/** A period's milestone with the target row's cell of that period as its target, and the measure's own as its actual. */
function withTarget(grid: SheetGrid, m: DraftMilestone, t: DraftMilestone | undefined): DraftMilestone {
  const cell: CellRef | null = t ? (t.targetCell ?? t.actualCell) : null;
  if (!cell || grid.rawText(cell.row, cell.col) === "" || m.headingRole === "target" || m.headingRole === "final-target") return m;
  const actual = m.actualCell ?? m.targetCell;
  return { ...m, headingRole: "target", targetCell: cell, actualCell: actual };
}
