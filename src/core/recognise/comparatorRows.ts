// A small table under a line naming one measure ("Private sector employment – past performance:"), its rows named by
// the area the report is about and then by comparators ("West Midlands", "Great Britain", "England average"): a reader
// sees one KPI, the line's measure, with the first row's figures, and the other rows as what it is compared with.
// Not where the table heads its names column ("Areas | …"): there each area's row is reported in its own right.
import type { SheetGrid } from "./grid";
import type { CellRef, DraftKpi } from "./drafts";
import type { FoundTable } from "./findTables";

/** The UK's nations and England's regions, and the words that name a comparison group rather than a place reported on. */
export const COMPARATOR =
  /^(?:the\s+)?(?:england(?:\s+(?:and|&)\s+wales)?|wales|scotland|northern ireland|great britain|gb|uk|united kingdom|national|nationally|nation|regional|region|county average|north east|north west|yorkshire\s+(?:and|&)\s+(?:the\s+)?humber|east midlands|west midlands|east of england|eastern region|london|inner london|outer london|south east|south west|statistical neighbou?rs?|nearest neighbou?rs?|similar (?:authorities|councils|areas|forces|services)|most similar (?:group|forces|family)|family group|peer group|peers|comparators?|benchmark)(?:\s+(?:region|average|avg|mean|rate|figure|total|comparator))?$/i;

/** Whether a row's name is a comparator's ("Great Britain", "England average", "Statistical neighbours"). */
export function isComparatorName(text: string): boolean {
  const t = text.trim().replace(/[*†‡¹²³]+$/u, "").replace(/[\s.:;,]+$/, "").replace(/\s+/g, " ");
  return COMPARATOR.test(t);
}

/**
 * The table's drafts, as one KPI where its unheaded names column lists the subject area first and only comparators
 * after it, under a lone line naming the measure; else as they are.
 */
export function oneKpiOverComparators(grid: SheetGrid, table: FoundTable, drafts: DraftKpi[]): DraftKpi[] {
  if (drafts.length < 2 || drafts.some((d) => d.continuation || d.ref || d.measureDerived || !d.measureCell)) return drafts;
  const [subject, ...others] = drafts;
  if (isComparatorName(subject.measure) || !others.every((d) => isComparatorName(d.measure))) return drafts;
  const nameCol = subject.measureCell!.col;
  if (table.headerRows > 0 && grid.text(table.headerRow + table.headerRows - 1, nameCol) !== "") return drafts;
  const line = measureLineAbove(grid, table);
  if (!line) return drafts;
  const figureCol = newestFigureCol(grid, subject);
  const benchmarkCells = figureCol === null ? [] : others.map((d) => ({ label: d.measure, cell: { row: d.row, col: figureCol } }));
  return [{ ...subject, measure: line.text, measureCell: line.cell, unitHint: subject.unitHint, benchmarkCells: [...subject.benchmarkCells, ...benchmarkCells] }];
}

/**
 * The lone line just above the table (past one heading row the table did not take) that names a measure: words, not
 * only a period or a figure.
 */
export function measureLineAbove(grid: SheetGrid, table: FoundTable): { text: string; cell: CellRef } | null {
  let skipped = 0;
  for (let r = table.headerRow - 1; r >= Math.max(grid.firstRow, table.headerRow - 3); r--) {
    const filled = grid.filledCols(r, table.firstCol, table.lastCol);
    if (filled.length === 0) return null;
    if (filled.length > 1) {
      if (++skipped > 1 || table.headerRows > 0) return null;
      continue;
    }
    const text = grid.text(r, filled[0]).trim();
    const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
    if (words.length < 2 || text.length > 160) return null;
    return { text, cell: { row: r, col: filled[0] } };
  }
  return null;
}

/** The column of the subject's newest figure: its Latest column, else its rightmost filled period column. */
function newestFigureCol(grid: SheetGrid, d: DraftKpi): number | null {
  if (d.latestCell) return d.latestCell.col;
  const filled = d.milestones.map((m) => m.targetCell).filter((c): c is CellRef => !!c && grid.rawText(c.row, c.col) !== "");
  return filled.length ? filled[filled.length - 1].col : null;
}
