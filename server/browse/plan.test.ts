import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowseFrom } from '@/lib/contract/browse';
import { choosePartitions, needsTimestampLookup, planRanges, type PartitionBounds } from './plan';
import { QueryError } from './query-error';

// Partition 0 holds offsets 100..199 (retention deleted 0..99); partition 1 is empty at 50.
const bounds: PartitionBounds[] = [
  { partition: 0, logStart: 100, logEnd: 200, atTimestamp: 150 },
  { partition: 1, logStart: 50, logEnd: 50, atTimestamp: null },
];
const plan = (from: BrowseFrom, direction: 'forward' | 'backward') =>
  planRanges(from, direction, bounds).map((r) => [r.start, r.end]);

describe('scan planner', () => {
  it('forward from each starting point', () => {
    assert.deepEqual(plan({ position: 'oldest' }, 'forward'), [
      [100, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ position: 'newest' }, 'forward'), [
      [200, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ offset: 120 }, 'forward'), [
      [120, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ timestamp: 1 }, 'forward'), [
      [150, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ beforeEnd: 10 }, 'forward'), [
      [190, 200],
      [50, 50],
    ]);
  });

  it('backward from each starting point, the given offset included', () => {
    assert.deepEqual(plan({ position: 'newest' }, 'backward'), [
      [100, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ offset: 120 }, 'backward'), [
      [100, 121],
      [50, 50],
    ]);
    assert.deepEqual(plan({ timestamp: 1 }, 'backward'), [
      [100, 150],
      [50, 50],
    ]);
    assert.deepEqual(plan({ beforeEnd: 10 }, 'backward'), [
      [190, 200],
      [50, 50],
    ]);
  });

  it('clamps offsets outside the log to it', () => {
    assert.deepEqual(plan({ offset: 5 }, 'forward'), [
      [100, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ offset: 10_000 }, 'forward'), [
      [200, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ offset: 5 }, 'backward'), [
      [100, 100],
      [50, 50],
    ]);
    assert.deepEqual(plan({ offset: 10_000 }, 'backward'), [
      [100, 200],
      [50, 50],
    ]);
    assert.deepEqual(plan({ beforeEnd: 1000 }, 'forward'), [
      [100, 200],
      [50, 50],
    ]);
  });

  it('a timestamp later than every message reads nothing forward and everything backward', () => {
    const late = [{ partition: 0, logStart: 0, logEnd: 10, atTimestamp: null }];
    assert.deepEqual(planRanges({ timestamp: 9e12 }, 'forward', late), [{ partition: 0, start: 10, end: 10 }]);
    assert.deepEqual(planRanges({ timestamp: 9e12 }, 'backward', late), [{ partition: 0, start: 0, end: 10 }]);
  });

  it('knows when it needs ListOffsets by timestamp', () => {
    assert.equal(needsTimestampLookup({ timestamp: 5 }), true);
    assert.equal(needsTimestampLookup({ offset: 5 }), false);
  });

  it('chooses all partitions, or those asked once each, refusing unknown ones', () => {
    assert.deepEqual(choosePartitions('t', undefined, [2, 0, 1]), [0, 1, 2]);
    assert.deepEqual(choosePartitions('t', [2, 0, 2], [0, 1, 2]), [0, 2]);
    assert.throws(
      () => choosePartitions('orders', [1, 7, 9], [0, 1, 2]),
      (e: unknown) => e instanceof QueryError && e.message === 'topic orders has partitions 0-2; no partition 7, 9',
    );
  });
});
