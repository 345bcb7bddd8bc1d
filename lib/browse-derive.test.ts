import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PartitionProgress, ScanOutcome } from '@/lib/contract/browse';
import { describeDuration, describeOutcome, estimateLeftMs, partitionFraction } from './browse-derive';

const part = (over: Partial<PartitionProgress>): PartitionProgress => ({
  partition: 0,
  start: 100,
  end: 300,
  position: 100,
  scanned: 0,
  matches: 0,
  done: false,
  ...over,
});
const outcome = (over: Partial<ScanOutcome>): ScanOutcome => ({
  scanned: 0,
  matches: 0,
  remaining: 0,
  elapsedMs: 0,
  partitions: [],
  stoppedBy: 'end',
  done: true,
  ...over,
});

describe('browse scan, as the page shows it', () => {
  it('estimates the time left from the rate so far', () => {
    assert.equal(estimateLeftMs({ scanned: 10_000, remaining: 30_000, elapsedMs: 2000 }), 6000);
    assert.equal(estimateLeftMs({ scanned: 10, remaining: 30_000, elapsedMs: 2000 }), null);
    assert.equal(estimateLeftMs({ scanned: 10_000, remaining: 30_000, elapsedMs: 10 }), null);
    assert.equal(estimateLeftMs({ scanned: 0, remaining: 0, elapsedMs: 0 }), 0);
  });

  it('words a duration', () => {
    assert.deepEqual(describeDuration(400), { key: 'underSecond' });
    assert.deepEqual(describeDuration(12_400), { key: 'seconds', value: 12 });
    assert.deepEqual(describeDuration(185_000), { key: 'minutes', value: 3 });
    assert.deepEqual(describeDuration(5_400_000), { key: 'hours', value: 1.5 });
  });

  it('measures a partition forward from its start and backward from its end', () => {
    assert.equal(partitionFraction(part({ position: 150 }), 'forward'), 0.25);
    assert.equal(partitionFraction(part({ position: 250 }), 'backward'), 0.25);
    assert.equal(partitionFraction(part({ position: 100, done: true }), 'forward'), 1);
    assert.equal(partitionFraction(part({ start: 5, end: 5, position: 5 }), 'forward'), 1);
    assert.equal(partitionFraction(part({ position: 900 }), 'forward'), 1);
  });

  it('says why a scan stopped in plain words', () => {
    const limits = { limit: 100, maxScanned: 1_000_000 };
    assert.deepEqual(describeOutcome(outcome({ stoppedBy: 'limit', matches: 100 }), limits), {
      key: 'limit',
      values: { limit: 100 },
    });
    assert.deepEqual(describeOutcome(outcome({ stoppedBy: 'maxScanned', scanned: 1_000_000 }), limits), {
      key: 'maxScanned',
      values: { scanned: 1_000_000 },
    });
    assert.deepEqual(describeOutcome(outcome({ scanned: 1, matches: 1 }), limits), {
      key: 'end',
      values: { scanned: 1, matches: 1 },
    });
    assert.deepEqual(describeOutcome(outcome({ stoppedBy: 'error', error: 'broker gone' }), limits), {
      key: 'errorWith',
      values: { scanned: 0, error: 'broker gone' },
    });
  });
});
