import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { describeProducers } from './describe-producers';

const topics = new Map([['orders', [0, 1]]]);

describe('DescribeProducers v0 wire format', () => {
  it('names topics and partitions', () => {
    const r = new KafkaReader(encodeRequest(describeProducers, { topics }), true);
    r.skipTaggedFields();
    assert.equal(r.arrayLength(), 1);
    assert.equal(r.string(), 'orders');
    assert.deepEqual(
      r.array((x) => x.int32()),
      [0, 1],
    );
  });

  it('decodes each partition’s producers, the open transaction’s start offset and errors', () => {
    const w = new KafkaWriter(true).emptyTaggedFields().int32(0).arrayLength(1).string('orders').arrayLength(2);
    w.int32(0).int16(0).nullableString(null).arrayLength(1);
    w.int64(4001).int32(2).int32(5).int64(1_700_000_000_000).int32(7).int64(120).emptyTaggedFields();
    w.emptyTaggedFields();
    w.int32(1).int16(6).nullableString('not the leader').arrayLength(0).emptyTaggedFields();
    w.emptyTaggedFields().emptyTaggedFields();
    assert.deepEqual(decodeResponse(describeProducers, w.toBuffer(), { topics }), [
      {
        topic: 'orders',
        partition: 0,
        errorCode: 0,
        errorMessage: null,
        producers: [
          {
            producerId: 4001,
            producerEpoch: 2,
            lastSequence: 5,
            lastTimestamp: 1_700_000_000_000,
            coordinatorEpoch: 7,
            currentTxnStartOffset: 120,
          },
        ],
      },
      { topic: 'orders', partition: 1, errorCode: 6, errorMessage: 'not the leader', producers: [] },
    ]);
  });
});
