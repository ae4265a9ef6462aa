// Page 1's tables (tiles, counts by group, exceptions) share the sheet's columns with the register
// below them, so each of their fields spans a run of register columns. This finds the runs whose widths
// come closest to the widths wanted, never narrower than a field needs.

/** [first, last] register columns (0-based, inclusive) of one field. */
export type Span = readonly [number, number];

/**
 * Split columns 0..widths.length-1 into `wanted.length` contiguous runs, the j-th as close as it can be
 * to `wanted[j]` (least squares, scaled to the total width; a shortfall counting `shortfallWeight` times an
 * excess) and at least `minimum[j]` wide. Null when there are too few columns or no split gives every field
 * its minimum.
 */
export function partitionColumns(widths: readonly number[], wanted: readonly number[], minimum: readonly number[] = [], shortfallWeight = 1): Span[] | null {
  const n = widths.length;
  const k = wanted.length;
  if (k === 0 || n < k) return null;
  const total = widths.reduce((a, b) => a + b, 0);
  const wantedTotal = wanted.reduce((a, b) => a + b, 0) || 1;
  const target = wanted.map((w) => (w / wantedTotal) * total);
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1] + w);
  // best[j][i]: least cost of laying the first j fields over the first i columns.
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0][0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n - (k - j); i++) {
      for (let s = j - 1; s < i; s++) {
        if (best[j - 1][s] === Infinity) continue;
        const w = prefix[i] - prefix[s];
        if (w < (minimum[j - 1] ?? 0)) continue;
        // A field narrower than wanted wraps its text (costlier, with shortfallWeight > 1) than one with room to spare.
        const miss = w - target[j - 1];
        const cost = best[j - 1][s] + miss ** 2 * (miss < 0 ? shortfallWeight : 1);
        if (cost < best[j][i]) {
          best[j][i] = cost;
          from[j][i] = s;
        }
      }
    }
  }
  if (best[k][n] === Infinity) return null;
  const spans: Span[] = [];
  for (let j = k, i = n; j > 0; j--) {
    const s = from[j][i];
    spans.unshift([s, i - 1]);
    i = s;
  }
  return spans;
}

/** The width of a span, in points. */
export function spanWidth(widths: readonly number[], span: Span): number {
  let w = 0;
  for (let c = span[0]; c <= span[1]; c++) w += widths[c];
  return w;
}

/** The column boundary (index of the first column on the right) closest to splitting the width in two halves. */
export function middleBoundary(widths: readonly number[]): number {
  const total = widths.reduce((a, b) => a + b, 0);
  let best = 1;
  let bestGap = Infinity;
  let x = 0;
  for (let c = 0; c < widths.length - 1; c++) {
    x += widths[c];
    const gap = Math.abs(x - total / 2);
    if (gap < bestGap) {
      bestGap = gap;
      best = c + 1;
    }
  }
  return best;
}
