// The geometry of a scorecard write, worked out before anything is written: the area it covers, the cells
// of the last scorecard's area it does not write again (cleared, so nothing stale is left), and whatever in
// the spec Excel would refuse (so the write is refused before its first command, not half-way).
import { parseRangeAddress } from "../core/address";
import { MAX_CELL_TEXT } from "../core/scorecard/literal";
import type { CellBlock, ChartSpec, ScorecardSpec, SheetPartSpec } from "../core/scorecard";
import type { CellRect } from "../core/snapshot";

/** Excel's grid and its longest cell text (Excel specifications and limits). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export function blockRect(b: CellBlock): CellRect {
  return { row: b.row, col: b.col, rowCount: b.values.length, colCount: b.values[0]?.length ?? 0 };
}

function rectOf(address: string): CellRect | null {
  return parseRangeAddress(address.replace(/\$/g, ""));
}

/** The smallest rectangle holding all the given ones (null for none). */
export function bounding(rects: readonly (CellRect | null)[]): CellRect | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  for (const r of rects) {
    if (!r || r.rowCount <= 0 || r.colCount <= 0) continue;
    top = Math.min(top, r.row);
    left = Math.min(left, r.col);
    bottom = Math.max(bottom, r.row + r.rowCount);
    right = Math.max(right, r.col + r.colCount);
  }
  return bottom < 0 ? null : { row: top, col: left, rowCount: bottom - top, colCount: right - left };
}

/** Everything the write puts on a sheet it lays out: cells, formats, merges, rules, links and the charts' anchors. */
export function writtenArea(spec: SheetPartSpec & { charts?: readonly ChartSpec[] }): CellRect | null {
  const rects: (CellRect | null)[] = [rectOf(spec.usedRange)];
  for (const b of spec.blocks) rects.push(blockRect(b));
  for (const f of spec.formats) rects.push(rectOf(f.address));
  for (const m of spec.merges) rects.push(rectOf(m.address));
  for (const t of spec.textRules) rects.push(rectOf(t.address));
  for (const h of spec.hyperlinks) rects.push(rectOf(h.cell));
  for (const c of spec.charts ?? []) rects.push(bounding([rectOf(c.topLeft), rectOf(c.bottomRight)]));
  return bounding(rects);
}

/**
 * The cells of `area` that none of `covered` holds, as rectangles (row bands, each cut by the covered
 * columns): what a regeneration clears because it writes nothing there any more.
 */
export function uncovered(area: CellRect, covered: readonly CellRect[]): CellRect[] {
  const bottom = area.row + area.rowCount;
  const cuts = new Set<number>([area.row, bottom]);
  for (const c of covered) {
    if (c.row > area.row && c.row < bottom) cuts.add(c.row);
    if (c.row + c.rowCount > area.row && c.row + c.rowCount < bottom) cuts.add(c.row + c.rowCount);
  }
  const rows = [...cuts].sort((a, b) => a - b);
  const out: CellRect[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const top = rows[i], rowCount = rows[i + 1] - top;
    const across = covered.filter((c) => c.row <= top && c.row + c.rowCount >= top + rowCount).map((c) => [c.col, c.col + c.colCount] as const).sort((a, b) => a[0] - b[0]);
    let col = area.col;
    const end = area.col + area.colCount;
    for (const [from, to] of across) {
      if (from > col) out.push({ row: top, col, rowCount, colCount: Math.min(from, end) - col });
      col = Math.max(col, to);
      if (col >= end) break;
    }
    if (col < end) out.push({ row: top, col, rowCount, colCount: end - col });
  }
  return mergeBands(out.filter((r) => r.colCount > 0));
}

/** Join rectangles of consecutive bands that have the same columns, so a tall gap is one clear. */
function mergeBands(rects: CellRect[]): CellRect[] {
  const out: CellRect[] = [];
  for (const r of rects) {
    const prev = out.find((p) => p.col === r.col && p.colCount === r.colCount && p.row + p.rowCount === r.row);
    if (prev) prev.rowCount += r.rowCount;
    else out.push({ ...r });
  }
  return out;
}

const HEX = /^[0-9A-Fa-f]{6}$/;

/**
 * What in the spec Excel would refuse part-way through the write, in words: a cell past the grid, a text
 * longer than a cell holds, a colour that is not one. Checked before the first write.
 */
export function specProblems(spec: ScorecardSpec): string[] {
  const problems: string[] = [];
  for (const sheet of [spec.blocks, spec.dataSheet.blocks, spec.register.blocks]) {
    for (const b of sheet) {
      const r = blockRect(b);
      if (r.row + r.rowCount > MAX_ROWS || r.col + r.colCount > MAX_COLS) problems.push(`the ${b.id} block goes past Excel's last row or column`);
      for (const row of b.values) {
        for (const v of row)
          if (typeof v === "string" && v.length > MAX_CELL_TEXT) problems.push(`a text in the ${b.id} block is longer than the ${MAX_CELL_TEXT.toLocaleString("en-GB")} characters a cell holds`);
      }
    }
  }
  for (const f of [...spec.formats, ...spec.register.formats]) {
    for (const c of [f.fill, f.fontColour, f.border?.colour]) if (c !== undefined && !HEX.test(c)) problems.push(`"${c}" at ${f.address} is not a colour`);
  }
  for (const t of [...spec.textRules, ...spec.register.textRules]) for (const c of [t.fill, t.fontColour]) if (!HEX.test(c)) problems.push(`"${c}" in a RAG rule is not a colour`);
  for (const c of spec.charts) for (const s of c.series) if (!HEX.test(s.colour)) problems.push(`"${s.colour}" in chart ${c.name} is not a colour`);
  return [...new Set(problems)];
}

/**
 * Where the register's sheet must be moved to stand right after the scorecard, given the sheets in order as they
 * will be when the move is made (null: it is there already). Moving a sheet takes it out and puts it in at the index.
 */
export function registerPosition(order: readonly string[], scorecard: string, register: string): number | null {
  const s = order.indexOf(scorecard);
  const r = order.indexOf(register);
  if (s < 0 || r < 0 || r === s + 1) return null;
  return r > s ? s + 1 : s;
}
