import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PendingOffsets, type AppliedRecord, type LogPlace } from './pending-offsets';

// The coordinator's rules for transactional offset commits, record by record.

const commit = (group: string, offset: number, partition = 0): AppliedRecord => ({
  kind: 'offset',
  group,
  topic: 't',
  partition,
  value: { offset, leaderEpoch: null, metadata: '', commitTimestamp: 0, expireTimestamp: null },
});
const tombstone = (group: string): AppliedRecord => ({ kind: 'offset', group, topic: 't', partition: 0, value: null });
const at = (offset: number, partition = 3, live = true): LogPlace => ({ partition, offset, timestamp: 0, live });
const plain = { producerId: -1, inTransaction: false };
const txn = (producerId: number) => ({ producerId, inTransaction: true });
const offsets = (applied: { record: AppliedRecord }[]) =>
  applied.map(({ record }) => (record.kind === 'offset' ? `${record.group}=${record.value?.offset ?? 'deleted'}` : ''));

describe('PendingOffsets', () => {
  it('applies a plain commit at once, and a transactional one only at its COMMIT marker', () => {
    const p = new PendingOffsets();
    assert.deepEqual(offsets(p.record(commit('a', 5), at(1), plain)), ['a=5']);
    assert.deepEqual(p.record(commit('b', 9), at(2), txn(42)), []);
    assert.deepEqual(p.openTransactions(), [{ partition: 3, producerId: 42, offsets: 1 }]);
    assert.deepEqual(offsets(p.marker(42, 'commit', at(3))), ['b=9']);
    assert.deepEqual(p.openTransactions(), []);
  });

  it('drops an aborted transaction’s offsets for good', () => {
    const p = new PendingOffsets();
    p.record(commit('a', 5), at(1), txn(42));
    assert.deepEqual(p.marker(42, 'abort', at(2)), []);
    assert.deepEqual(p.marker(42, 'commit', at(3)), [], 'a later marker finds nothing left');
  });

  it('never holds back another group’s or another producer’s offsets', () => {
    const p = new PendingOffsets();
    p.record(commit('stuck', 1), at(1), txn(7));
    assert.deepEqual(offsets(p.record(commit('other', 2), at(2), plain)), ['other=2']);
    p.record(commit('other2', 3), at(3), txn(8));
    assert.deepEqual(offsets(p.marker(8, 'commit', at(4))), ['other2=3']);
    assert.deepEqual(p.openTransactions(), [{ partition: 3, producerId: 7, offsets: 1 }]);
  });

  it('keeps the newer record when a plain commit was written after the pending one', () => {
    const p = new PendingOffsets();
    p.record(commit('a', 10), at(1), txn(42));
    p.record(commit('a', 20), at(2), plain);
    assert.deepEqual(p.marker(42, 'commit', at(3)), [], 'the plain commit at log offset 2 is newer');
    p.record(commit('a', 30), at(4), txn(43));
    assert.deepEqual(offsets(p.marker(43, 'commit', at(5))), ['a=30']);
  });

  it('keeps transactions of one producer apart per log partition, as each has its own marker', () => {
    const p = new PendingOffsets();
    p.record(commit('a', 1), at(1, 0), txn(42));
    p.record(commit('b', 2), at(1, 1), txn(42));
    assert.deepEqual(offsets(p.marker(42, 'commit', at(2, 1))), ['b=2']);
    assert.deepEqual(offsets(p.marker(42, 'commit', at(2, 0))), ['a=1']);
  });

  it('lets a tombstone remove the offset from open transactions too', () => {
    const p = new PendingOffsets();
    p.record(commit('a', 1), at(1), txn(42));
    assert.deepEqual(offsets(p.record(tombstone('a'), at(2), plain)), ['a=deleted']);
    assert.deepEqual(p.marker(42, 'commit', at(3)), []);
  });

  it('marks offsets of a replayed transaction live when its marker is read live', () => {
    const p = new PendingOffsets();
    p.record(commit('a', 1), at(1, 3, false), txn(42));
    const [applied] = p.marker(42, 'commit', at(2, 3, true));
    assert.equal(applied.meta.live, true);
    assert.equal(applied.meta.offset, 1, 'the place stays the record’s own');
  });

  it('passes group metadata through whatever batch it came in', () => {
    const p = new PendingOffsets();
    const group: AppliedRecord = { kind: 'group', group: 'g', value: null };
    assert.equal(p.record(group, at(1), txn(1)).length, 1);
  });
});
