import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addRange, appendRange, idsOf, inRanges, rangeCount, type IdRange } from '@/lib/id-ranges';

describe('id ranges', () => {
  it('appends consecutive batches into one range', () => {
    const r: IdRange[] = [];
    appendRange(r, 0, 500);
    appendRange(r, 500, 500);
    appendRange(r, 1000, 1);
    assert.deepEqual(r, [[0, 1000]]);
    assert.equal(rangeCount(r), 1001);
  });

  it('keeps a gap as two ranges and fills it when the missing numbers come', () => {
    const r: IdRange[] = [];
    appendRange(r, 0, 10);
    appendRange(r, 20, 5);
    assert.deepEqual(r, [
      [0, 9],
      [20, 24],
    ]);
    appendRange(r, 10, 10);
    assert.deepEqual(r, [[0, 24]]);
  });

  it('merges overlapping and out-of-order additions', () => {
    assert.deepEqual(
      addRange(
        [
          [5, 9],
          [20, 29],
        ],
        0,
        3,
      ),
      [
        [0, 2],
        [5, 9],
        [20, 29],
      ],
    );
    assert.deepEqual(
      addRange(
        [
          [5, 9],
          [20, 29],
        ],
        8,
        20,
      ),
      [[5, 29]],
    );
    assert.deepEqual(addRange([[5, 9]], 10, 0), [[5, 9]]);
  });

  it('answers membership and lists every number', () => {
    const r: IdRange[] = [
      [0, 2],
      [7, 8],
    ];
    assert.deepEqual([...idsOf(r)], [0, 1, 2, 7, 8]);
    assert.equal(inRanges(r, 8), true);
    assert.equal(inRanges(r, 5), false);
    assert.equal(inRanges(r, -1), false);
    assert.equal(inRanges([], 0), false);
  });
});
