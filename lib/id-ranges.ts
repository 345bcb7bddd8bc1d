// Sets of message numbers kept as sorted, merged ranges of [first, last] (both included). A
// load run acknowledges its numbers in order, batch by batch, so a run of any length stays a
// handful of ranges: one, plus two per stretch that failed.

export type IdRange = [first: number, last: number];

/** Adds `count` numbers from `first` on; returns a new, merged list. */
export function addRange(ranges: readonly IdRange[], first: number, count: number): IdRange[] {
  if (count <= 0) return [...ranges];
  const last = first + count - 1;
  const out: IdRange[] = [];
  let merged: IdRange = [first, last];
  let placed = false;
  for (const r of ranges) {
    if (r[1] < merged[0] - 1) out.push(r);
    else if (r[0] > merged[1] + 1) {
      if (!placed) out.push(merged);
      placed = true;
      out.push(r);
    } else merged = [Math.min(r[0], merged[0]), Math.max(r[1], merged[1])];
  }
  if (!placed) out.push(merged);
  return out;
}

/** Appends in place when the numbers follow the last range (the common case: O(1)). */
export function appendRange(ranges: IdRange[], first: number, count: number): void {
  if (count <= 0) return;
  const tail = ranges[ranges.length - 1];
  if (tail && first === tail[1] + 1) tail[1] += count;
  else if (!tail || first > tail[1] + 1) ranges.push([first, first + count - 1]);
  else ranges.splice(0, ranges.length, ...addRange(ranges, first, count));
}

export function rangeCount(ranges: readonly IdRange[]): number {
  return ranges.reduce((n, [a, b]) => n + (b - a + 1), 0);
}

export function inRanges(ranges: readonly IdRange[], n: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid];
    if (n < a) hi = mid - 1;
    else if (n > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Every number of the ranges, in order (for tests and small sets). */
export function* idsOf(ranges: readonly IdRange[]): Generator<number> {
  for (const [a, b] of ranges) for (let n = a; n <= b; n++) yield n;
}
