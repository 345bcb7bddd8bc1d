import type { KeyedChanges } from './contract/patch';

// The one patch mechanism, for every versioned list the server streams (cluster brokers and
// topics, group summaries): the server computes changed rows and removed keys, the client
// applies them to the version they follow, and a gap means a resync. Shared by server (to
// compute) and browser and test clients (to apply), so both sides agree on one algorithm.

export class PatchGapError extends Error {
  constructor(what: string, have: number, from: number) {
    super(`${what} patch from version ${from} cannot apply to version ${have}`);
  }
}

/** Throws PatchGapError unless the patch follows `version` (the client then resyncs). */
export function checkFollows(what: string, version: number, patch: { from: number }): void {
  if (patch.from !== version) throw new PatchGapError(what, version, patch.from);
}

/** Rows are small plain JSON; comparing their serialisation is exact and cheap enough. */
export function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The changes that turn `prev` into `next`; undefined when none. */
export function diffKeyed<T, K>(prev: T[], next: T[], key: (row: T) => K): KeyedChanges<T, K> | undefined {
  const before = new Map(prev.map((row) => [key(row), row]));
  const upsert: T[] = [];
  for (const row of next) {
    const old = before.get(key(row));
    before.delete(key(row));
    if (old === undefined || !same(old, row)) upsert.push(row);
  }
  const remove = [...before.keys()];
  return upsert.length || remove.length ? { upsert, remove } : undefined;
}

/** For a caller that knows which keys may have changed: records one key's new row (undefined:
 *  gone) in `rows` and, when it differs from the stored one, in `changes`. */
export function recordKeyed<T, K>(rows: Map<K, T>, key: K, next: T | undefined, changes: KeyedChanges<T, K>): void {
  const before = rows.get(key);
  if (next === undefined) {
    if (before !== undefined) changes.remove.push(key);
    rows.delete(key);
  } else if (before === undefined || !same(before, next)) {
    rows.set(key, next);
    changes.upsert.push(next);
  }
}

/** Applies changes to rows kept in `order`. Unchanged rows keep their identity, so a screen of
 *  thousands re-renders only what changed. */
export function applyKeyed<T, K>(
  rows: T[],
  changes: KeyedChanges<T, K> | undefined,
  key: (row: T) => K,
  order: (a: T, b: T) => number,
): T[] {
  if (!changes) return rows;
  if (changes.remove.length === 0) {
    // Only known rows changed (the usual patch): swap them in place, no re-sort.
    const changed = new Map(changes.upsert.map((row) => [key(row), row]));
    let replaced = 0;
    const next = rows.map((row) => {
      const update = changed.get(key(row));
      if (update === undefined) return row;
      replaced++;
      return update;
    });
    if (replaced === changed.size) return next;
  }
  const byKey = new Map(rows.map((row) => [key(row), row]));
  for (const k of changes.remove) byKey.delete(k);
  for (const row of changes.upsert) byKey.set(key(row), row);
  return [...byKey.values()].sort(order);
}
