import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { writeTxnMarkers, type TxnMarker } from './write-txn-markers';

const marker: TxnMarker = {
  producerId: 4001,
  producerEpoch: 3,
  coordinatorEpoch: 7,
  commit: false,
  topic: 'orders',
  partitions: [2],
};

describe('WriteTxnMarkers v1 wire format', () => {
  it('writes one ABORT marker with producer, epochs, topic and partition', () => {
    const r = new KafkaReader(encodeRequest(writeTxnMarkers, marker), true);
    r.skipTaggedFields();
    assert.equal(r.arrayLength(), 1);
    assert.equal(r.int64(), 4001);
    assert.equal(r.int16(), 3);
    assert.equal(r.int8(), 0, 'false: abort');
    assert.equal(r.arrayLength(), 1);
    assert.equal(r.string(), 'orders');
    assert.deepEqual(
      r.array((x) => x.int32()),
      [2],
    );
    r.skipTaggedFields();
    assert.equal(r.int32(), 7);
    r.skipTaggedFields();
    r.skipTaggedFields();
    assert.equal(r.remaining(), 0);
  });

  it('decodes each partition’s error code', () => {
    const w = new KafkaWriter(true).emptyTaggedFields().arrayLength(1).int64(4001).arrayLength(1).string('orders');
    w.array([[2, 0] as const, [3, 48] as const], (pw, [p, e]) => pw.int32(p).int16(e).emptyTaggedFields());
    w.emptyTaggedFields().emptyTaggedFields().emptyTaggedFields();
    assert.deepEqual(decodeResponse(writeTxnMarkers, w.toBuffer(), marker), [
      { partition: 2, errorCode: 0 },
      { partition: 3, errorCode: 48 },
    ]);
  });
});
