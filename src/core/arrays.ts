// Largest, smallest and append over arrays of any length. Spreading an array into a call
// (Math.max(...xs), out.push(...xs)) passes one argument per item and overflows the call stack past
// about 100,000 items — a sheet's rows or a big register's KPIs — so lint forbids it and these loop.

/** The largest of the numbers, or `empty` when there are none. */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** The smallest of the numbers, or `empty` when there are none. */
export function minOf(xs: Iterable<number>, empty = Infinity): number {
  let m = empty;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/** Append every item to the target, in order; returns the target. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
