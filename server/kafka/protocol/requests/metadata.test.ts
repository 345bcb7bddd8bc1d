import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { metadata, UNKNOWN_TOPIC_OR_PARTITION } from './metadata';

const LEADER_NOT_AVAILABLE = 5;

/** A v6 answer: two brokers, a topic with a leaderless partition, and an unknown topic. */
function answer(): Buffer {
  const w = new KafkaWriter().int32(0);
  w.array([1, 2], (bw, id) =>
    bw
      .int32(id)
      .string('127.0.0.1')
      .int32(9090 + id)
      .nullableString(id === 1 ? 'r1' : null),
  );
  w.nullableString('cluster-a').int32(2);
  w.arrayLength(2);
  w.int16(0).string('orders').int8(0).arrayLength(2);
  w.int16(0).int32(0).int32(1);
  w.array([1, 2], (x, n) => x.int32(n))
    .array([1, 2], (x, n) => x.int32(n))
    .array([], (x, n: number) => x.int32(n));
  w.int16(LEADER_NOT_AVAILABLE).int32(1).int32(-1);
  w.array([2], (x, n) => x.int32(n))
    .array([], (x, n: number) => x.int32(n))
    .array([2], (x, n) => x.int32(n));
  w.int16(UNKNOWN_TOPIC_OR_PARTITION).string('gone').int8(0).arrayLength(0);
  return w.toBuffer();
}

describe('Metadata v6', () => {
  it('asks for every topic with a null list, and never creates one', () => {
    const r = new KafkaReader(encodeRequest(metadata, { topics: [] }));
    assert.equal(r.int32(), -1);
    assert.equal(r.int8(), 0);
    assert.equal(r.remaining(), 0);
  });

  it('asks for named topics', () => {
    const r = new KafkaReader(encodeRequest(metadata, { topics: ['orders', 'audit'] }));
    assert.deepEqual(
      r.array(() => r.string()),
      ['orders', 'audit'],
    );
    assert.equal(r.int8(), 0);
  });

  it('keeps per-topic and per-partition error codes instead of failing the answer', () => {
    const md = decodeResponse(metadata, answer(), { topics: [] });
    assert.equal(md.clusterId, 'cluster-a');
    assert.equal(md.controllerId, 2);
    assert.deepEqual(md.brokers, [
      { nodeId: 1, host: '127.0.0.1', port: 9091, rack: 'r1' },
      { nodeId: 2, host: '127.0.0.1', port: 9092, rack: null },
    ]);
    const [orders, gone] = md.topicMetadata;
    assert.equal(orders.topic, 'orders');
    assert.equal(orders.isInternal, false);
    assert.deepEqual(orders.partitionMetadata[1], {
      partitionErrorCode: LEADER_NOT_AVAILABLE,
      partitionId: 1,
      leader: -1,
      replicas: [2],
      isr: [],
      offlineReplicas: [2],
    });
    assert.equal(gone.topicErrorCode, UNKNOWN_TOPIC_OR_PARTITION);
    assert.deepEqual(gone.partitionMetadata, []);
  });
});
