import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TransactionRow } from '@/lib/contract/transactions';
import { blockedGroups, classifyOpen, HANGING_AFTER_MS } from './classify';

const row = (producerId: number, partitions: [string, number][], timeoutMs = 60_000): TransactionRow => ({
  transactionalId: `tx-${producerId}`,
  state: 'Ongoing',
  producerId,
  producerEpoch: 0,
  timeoutMs,
  startedAt: 0,
  partitions: partitions.map(([topic, partition]) => ({ topic, partition })),
  coordinator: 1,
});

describe('classifyOpen, as kafka-transactions.sh find-hanging decides', () => {
  const known = new Map([[7, row(7, [['orders', 0]])]]);
  const open = (producerId: number, openMs: number, partition = 0) => ({
    topic: 'orders',
    partition,
    producerId,
    openMs,
  });

  it('calls a young transaction its coordinator knows open', () => {
    assert.equal(classifyOpen(open(7, 5_000), known, 60_000), 'open');
  });

  it('calls it long-open past its own timeout or the threshold, whichever is shorter', () => {
    assert.equal(classifyOpen(open(7, 61_000), known, 120_000), 'long-open', 'past its 60 s timeout');
    assert.equal(classifyOpen(open(7, 11_000), known, 10_000), 'long-open', 'past the asked 10 s');
  });

  it('calls it hanging past 15 min when the coordinator does not know the producer or the partition', () => {
    assert.equal(classifyOpen(open(8, HANGING_AFTER_MS + 1), known, 60_000), 'hanging', 'unknown producer');
    assert.equal(classifyOpen(open(7, HANGING_AFTER_MS + 1, 1), known, 60_000), 'hanging', 'partition not in it');
    assert.equal(classifyOpen(open(7, HANGING_AFTER_MS + 1), known, 60_000), 'long-open', 'a marker may still come');
    assert.equal(classifyOpen(open(8, HANGING_AFTER_MS - 1), known, 60_000), 'long-open', 'not yet 15 min');
  });
});

describe('blockedGroups', () => {
  const commits = [
    { groupId: 'reader-b', committed: 40 },
    { groupId: 'reader-a', committed: 40 },
    { groupId: 'ahead', committed: 90 },
  ];

  it('lists groups committed at the last stable offset while records wait after it', () => {
    assert.deepEqual(blockedGroups(commits, 40, 90), ['reader-a', 'reader-b']);
  });

  it('lists none when nothing waits past the last stable offset', () => {
    assert.deepEqual(blockedGroups(commits, 90, 90), []);
    assert.deepEqual(blockedGroups(commits, null, 90), []);
  });
});
