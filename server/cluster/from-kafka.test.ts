import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RawMetadata } from '@/server/kafka/protocol';
import { partition, topic } from '@/tests/support/fixtures';
import { brokersFromKafka, clusterFromKafka } from './from-kafka';
import type { ClusterObservation, KnownBroker, Watermarks } from './reader';

const known: KnownBroker[] = [1, 2, 3].map((id) => ({ id, host: '127.0.0.1', port: 19091 + id, rack: null }));

function metadata(
  brokers: number[],
  partitions: RawMetadata['topicMetadata'][number]['partitionMetadata'],
): RawMetadata {
  return {
    clusterId: 'c',
    controllerId: 1,
    brokers: brokers.map((id) => ({
      nodeId: id,
      host: '127.0.0.1',
      port: 19091 + id,
      rack: id === 1 ? 'rack-a' : null,
    })),
    topicMetadata: [{ topic: 'orders', isInternal: false, topicErrorCode: 0, partitionMetadata: partitions }],
  };
}

const p = (partitionId: number, leader: number, isr: number[], offlineReplicas: number[] = []) => ({
  partitionErrorCode: 0,
  partitionId,
  leader,
  replicas: [1, 2, 3],
  isr,
  offlineReplicas,
});

/** Watermarks from `topic/partition` keys. */
function marks(entries: [string, { low?: number; high: number; stable?: number }][]): Watermarks {
  const out: Watermarks = { ends: new Map(), starts: new Map(), stable: new Map() };
  for (const [key, { low, high, stable }] of entries) {
    const [topicName, n] = [key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1))];
    const put = (m: Watermarks['ends'], v: number) => m.set(topicName, (m.get(topicName) ?? new Map()).set(n, v));
    put(out.ends, high);
    if (low !== undefined) put(out.starts, low);
    if (stable !== undefined) put(out.stable, stable);
  }
  return out;
}

function obs(md: RawMetadata, reachable: number[], extra: Partial<ClusterObservation> = {}): ClusterObservation {
  return { metadata: md, reachable: new Set(reachable), quorum: null, watermarks: marks([]), configs: null, ...extra };
}

describe('reshaping kafkajs metadata into the contract', () => {
  it('keeps a broker that left the metadata, as offline', () => {
    const brokers = brokersFromKafka(obs(metadata([1, 3], [p(0, 1, [1, 3])]), [1, 3]), known);
    assert.deepEqual(
      brokers.map((b) => [b.id, b.status, b.online]),
      [
        [1, 'online', true],
        [2, 'offline', false],
        [3, 'online', true],
      ],
    );
    assert.equal(brokers[0].rack, 'rack-a');
  });

  it('shows a broker named in offline replicas as offline even while still listed', () => {
    const brokers = brokersFromKafka(obs(metadata([1, 2, 3], [p(0, 1, [1, 3], [2])]), [1, 2, 3]), known);
    assert.equal(brokers.find((b) => b.id === 2)?.status, 'offline');
  });

  it('marks a listed broker whose port refuses as unreachable', () => {
    const brokers = brokersFromKafka(obs(metadata([1, 2, 3], [p(0, 1, [1, 2, 3])]), [1, 3]), known);
    assert.equal(brokers.find((b) => b.id === 2)?.status, 'unreachable');
  });

  it('keeps every partition of a topic whose one partition lost its leader', () => {
    const view = clusterFromKafka(
      obs(metadata([1, 2, 3], [p(0, 1, [1, 2, 3]), p(1, -1, []), p(2, 3, [3, 1])]), [1, 2, 3], {
        watermarks: marks([
          ['orders/0', { low: 0, high: 5 }],
          ['orders/2', { low: 1, high: 2 }],
        ]),
      }),
      known,
      { quorum: null, topics: [] },
    );
    const [p0, p1, p2] = view.topics[0].partitions;
    assert.equal(view.topics[0].partitions.length, 3);
    assert.deepEqual([p0.offline, p1.offline, p2.offline], [false, true, false]);
    assert.deepEqual([p0.underReplicated, p1.underReplicated, p2.underReplicated], [false, true, true]);
    assert.deepEqual([p1.low, p1.high], [null, null], 'no leader, no watermarks');
    assert.equal(p0.high, 5);
  });

  it('keeps last known watermarks and settings when this round could not read them', () => {
    const previous = {
      quorum: { leaderId: 2, leaderEpoch: 3, highWatermark: 10, voters: [], observers: [] },
      topics: [topic('orders', [partition(0, { low: 2, high: 9 })])],
    };
    const view = clusterFromKafka(obs(metadata([1, 2, 3], [p(0, 1, [1, 2, 3])]), [1, 2, 3]), known, previous);
    assert.equal(view.topics[0].partitions[0].high, 9);
    assert.equal(view.topics[0].config?.cleanupPolicy, 'delete');
    assert.equal(view.controllerId, 2, 'the quorum leader, not the metadata controller field');
  });
});

describe('reshaping round after round', () => {
  it('shows the last stable offset, never above the high watermark read before it', () => {
    const md = metadata([1, 2, 3], [p(0, 1, [1, 2, 3]), p(1, 2, [2, 3, 1])]);
    const view = clusterFromKafka(
      obs(md, [1, 2, 3], {
        watermarks: marks([
          ['orders/0', { high: 10, stable: 4 }],
          ['orders/1', { high: 9, stable: 12 }],
        ]),
      }),
      known,
      { quorum: null, topics: [] },
    );
    const [open, grown] = view.topics[0].partitions;
    assert.equal(open.lastStable, 4, 'a transaction is open from offset 4');
    assert.equal(grown.lastStable, 9, 'produced to between the two reads: no transaction, so the end');
  });

  it('keeps unchanged partitions and topics as the same objects, and keeps log starts not read this round', () => {
    const md = metadata([1, 2, 3], [p(0, 1, [1, 2, 3]), p(1, 2, [2, 3, 1])]);
    const first = clusterFromKafka(
      obs(md, [1, 2, 3], {
        watermarks: marks([
          ['orders/0', { low: 2, high: 5 }],
          ['orders/1', { low: 0, high: 9 }],
        ]),
      }),
      known,
      { quorum: null, topics: [] },
    );
    const same = clusterFromKafka(
      obs(md, [1, 2, 3], {
        watermarks: marks([
          ['orders/0', { high: 5 }],
          ['orders/1', { high: 9 }],
        ]),
      }),
      known,
      { quorum: null, topics: first.topics },
    );
    assert.equal(same.topics[0], first.topics[0], 'nothing moved: the same topic object');
    const moved = clusterFromKafka(
      obs(md, [1, 2, 3], {
        watermarks: marks([
          ['orders/0', { high: 5 }],
          ['orders/1', { high: 12 }],
        ]),
      }),
      known,
      { quorum: null, topics: first.topics },
    );
    assert.notEqual(moved.topics[0], first.topics[0]);
    assert.equal(
      moved.topics[0].partitions[0],
      first.topics[0].partitions[0],
      'the partition that did not move is kept',
    );
    assert.deepEqual(
      moved.topics[0].partitions.map((x) => [x.low, x.high]),
      [
        [2, 5],
        [0, 12],
      ],
      'log starts not read this round keep their last value',
    );
  });
});
