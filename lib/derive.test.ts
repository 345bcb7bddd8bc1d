import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clusterCounts, leaderCounts, replicaRole, topicSummary, totalHighWatermark } from '@/lib/derive';
import { broker, partition, topic } from '@/tests/support/fixtures';

describe('derived values', () => {
  it('counts topics and their partitions apart from internal ones, and unhealthy partitions of all', () => {
    const c = clusterCounts({
      brokers: [broker(1), broker(2, { status: 'offline', online: false }), broker(3)],
      topics: [
        topic('orders', [
          partition(0),
          partition(1, { isr: [1, 3], underReplicated: true }),
          partition(2, { leader: -1, offline: true, isr: [], underReplicated: true }),
        ]),
        topic('__consumer_offsets', [partition(0)], true),
      ],
    });
    assert.deepEqual(c, {
      brokers: 3,
      brokersOnline: 2,
      topics: 1,
      internalTopics: 1,
      partitions: 3,
      internalPartitions: 1,
      underReplicated: 2,
      offline: 1,
    });
  });

  it('counts leaderships per broker and ignores leaderless partitions', () => {
    const counts = leaderCounts([
      topic('t', [partition(0, { leader: 1 }), partition(1, { leader: 1 }), partition(2, { leader: -1 })]),
    ]);
    assert.deepEqual([...counts], [[1, 2]]);
  });

  it('names each replica role on the leadership map', () => {
    const p = partition(0, { leader: 2, replicas: [1, 2, 3], isr: [2, 3], offlineReplicas: [1] });
    assert.equal(replicaRole(p, 2), 'leader');
    assert.equal(replicaRole(p, 3), 'in-sync');
    assert.equal(replicaRole(p, 1), 'offline');
    assert.equal(replicaRole(partition(0, { isr: [1, 2] }), 3), 'out-of-sync');
    assert.equal(replicaRole(partition(0, { replicas: [1, 2] }), 3), 'none');
  });

  it('sums messages only where both watermarks are known', () => {
    const s = topicSummary(
      topic('t', [
        partition(0, { low: 5, high: 15 }),
        partition(1, { low: null, high: null }),
        partition(2, { low: 0, high: 3 }),
      ]),
    );
    assert.equal(s.messages, 13);
    assert.equal(s.replicationFactor, 3);
    assert.equal(
      totalHighWatermark([
        topic('t', [partition(0, { high: 15 }), partition(1, { high: null })]),
        topic('__x', [partition(0, { high: 99 })], true),
      ]),
      15,
    );
  });
});
