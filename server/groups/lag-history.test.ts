import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LagHistory } from '@/server/groups/lag-history';
import { LAG_HISTORY_CAP } from '@/lib/contract/groups';
import type { PartitionLag } from '@/lib/contract/groups';

const row = (topic: string, partition: number, committed: number | null, logEnd: number): PartitionLag => ({
  topic,
  partition,
  committed,
  logEnd,
  logStart: 0,
  lag: committed === null ? null : logEnd - committed,
  lagUnknown: committed === null ? 'no-commit' : null,
  lagAtLeast: null,
  expiredUnread: committed === null ? null : 0,
  memberId: null,
  committedAt: null,
  lagAge: { seconds: null, estimate: false, reason: 'lag-unknown' },
});

describe('lag history, stored compact', () => {
  it('gives back each point as sent: lag per partition, null where nothing was committed', () => {
    const h = new LagHistory();
    const sent = h.record('g', [row('t', 0, 3, 10), row('t', 1, null, 4)], 1_000);
    assert.deepEqual(sent, { at: 1_000, total: 7, partitions: { 't:0': 7, 't:1': null } });
    h.record('g', [row('t', 0, 10, 10), row('t', 1, 1, 4), row('u', 0, 0, 2)], 2_000);
    assert.deepEqual(
      h.history('g'),
      [sent, { at: 2_000, total: 5, partitions: { 't:0': 0, 't:1': 3, 'u:0': 2 } }],
      'a partition that appears joins from then on',
    );
  });

  it(`keeps the last ${LAG_HISTORY_CAP} points`, () => {
    const h = new LagHistory();
    for (let i = 0; i < LAG_HISTORY_CAP + 5; i++) h.record('g', [row('t', 0, i, 2 * i)], i * 1000);
    const points = h.history('g');
    assert.equal(points.length, LAG_HISTORY_CAP);
    assert.equal(points[0].at, 5_000);
    assert.equal(points[points.length - 1].partitions['t:0'], LAG_HISTORY_CAP + 4);
  });
});
