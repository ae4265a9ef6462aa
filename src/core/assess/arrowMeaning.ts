// What a table's arrows mean, from what the workbook says beside them: a legend anywhere on the sheet that ties an
// arrow to a judgement ("↑ = better", "▲ improving"), or comments on the rows that call each move better or worse
// in step with its arrow (a housing provider's "↑ … Better than last quarter"). Then an arrow states a judgement,
// not the direction the figure moved, and a falling figure under "↑" is no contradiction.
import type { Kpi } from "../types";
import type { SheetGrid } from "../recognise/grid";

const UP = "↑⬆▲△⇧";
const DOWN = "↓⬇▼▽⇩";
const GOOD = "better|improv\\w*|positive|good";
const BAD = "worse|worsen\\w*|deteriorat\\w*|negative|declin\\w*|poor";
// An arrow and a judgement side by side, in either order, joined by at most "=", ":", "-", "means", "is".
const JOIN = "\\s*(?:=|:|-|–|means|is|shows)?\\s*";
const LEGEND = new RegExp(`[${UP}]${JOIN}(?:${GOOD})\\b|[${DOWN}]${JOIN}(?:${BAD})\\b|\\b(?:${GOOD})${JOIN}[${UP}]|\\b(?:${BAD})${JOIN}[${DOWN}]`, "iu");
/** Every legend holds an arrow: the one cheap test that passes over the sheet's other cells. */
const ANY_ARROW = new RegExp(`[${UP}${DOWN}]`, "u");

/** A legend anywhere on the sheet says an arrow means better or worse. */
export function sheetLegendSaysArrowsJudge(grid: SheetGrid): boolean {
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    for (const c of grid.filledCols(r)) {
      const t = grid.rawText(r, c);
      if (t.length <= 300 && ANY_ARROW.test(t) && LEGEND.test(t)) return true;
    }
  }
  return false;
}

const SAYS_GOOD = new RegExp(`\\b(?:${GOOD})\\b`, "i");
const SAYS_BAD = new RegExp(`\\b(?:${BAD})\\b`, "i");

/**
 * Rows whose comments call the move better or worse agree with their arrows read as judgements (up with better,
 * down with worse) on two rows or more, and on none the other way: the arrows are judgements.
 */
export function commentsSayArrowsJudge(kpis: readonly Kpi[]): boolean {
  let agree = 0;
  for (const k of kpis) {
    const arrow = k.dot.stated;
    const note = k.notes ?? "";
    if ((arrow !== "up" && arrow !== "down") || !note) continue;
    const good = SAYS_GOOD.test(note);
    const bad = SAYS_BAD.test(note);
    if (good === bad) continue;
    if ((arrow === "up") === good) agree++;
    else return false;
  }
  return agree >= 2;
}
