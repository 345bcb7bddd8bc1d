import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { describeTransactions } from './describe-transactions';

describe('DescribeTransactions v0 wire format', () => {
  it('names the transactional ids', () => {
    const r = new KafkaReader(encodeRequest(describeTransactions, { transactionalIds: ['a', 'b'] }), true);
    r.skipTaggedFields();
    assert.deepEqual(
      r.array((x) => x.string()),
      ['a', 'b'],
    );
  });

  it('decodes state, times, producer, epoch and partitions, with per-id error codes', () => {
    const w = new KafkaWriter(true).emptyTaggedFields().int32(0);
    w.arrayLength(2);
    w.int16(0).string('a').string('Ongoing').int32(60_000).int64(1_700_000_000_000).int64(4001).int16(3);
    w.array([['orders', [0, 2]] as const], (tw, [t, ps]) => {
      tw.string(t).array(ps, (pw, p) => pw.int32(p));
      tw.emptyTaggedFields();
    });
    w.emptyTaggedFields();
    w.int16(105).string('b').string('').int32(0).int64(-1).int64(-1).int16(-1).arrayLength(0).emptyTaggedFields();
    w.emptyTaggedFields();
    assert.deepEqual(decodeResponse(describeTransactions, w.toBuffer(), { transactionalIds: ['a', 'b'] }), [
      {
        errorCode: 0,
        transactionalId: 'a',
        state: 'Ongoing',
        timeoutMs: 60_000,
        startTimeMs: 1_700_000_000_000,
        producerId: 4001,
        producerEpoch: 3,
        partitions: [{ topic: 'orders', partitions: [0, 2] }],
      },
      {
        errorCode: 105,
        transactionalId: 'b',
        state: '',
        timeoutMs: 0,
        startTimeMs: -1,
        producerId: -1,
        producerEpoch: -1,
        partitions: [],
      },
    ]);
  });
});
