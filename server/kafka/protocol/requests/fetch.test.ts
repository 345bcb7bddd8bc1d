import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { fetchRequest, type FetchArgs } from './fetch';

const args: FetchArgs = {
  topic: 'orders',
  partitions: [
    { partition: 0, offset: 5, maxBytes: 1024 },
    { partition: 2, offset: 2 ** 40, maxBytes: 2048 },
  ],
  isolationLevel: 1,
  maxWaitMs: 0,
  minBytes: 1,
  maxBytes: 3072,
};

describe('Fetch v11', () => {
  it('writes one topic, every partition with its offset and size, and no session', () => {
    const expected = new KafkaWriter(false)
      .int32(-1) // replica
      .int32(0)
      .int32(1)
      .int32(3072)
      .int8(1)
      .int32(0) // session id
      .int32(-1) // full fetch
      .arrayLength(1)
      .string('orders')
      .arrayLength(2)
      .int32(0)
      .int32(-1)
      .int64(5)
      .int64(-1)
      .int32(1024)
      .int32(2)
      .int32(-1)
      .int64(2 ** 40)
      .int64(-1)
      .int32(2048)
      .arrayLength(0)
      .string('')
      .toBuffer();
    assert.deepEqual(encodeRequest(fetchRequest, args), expected);
  });

  it('reads each partition: error code, offsets, aborted transactions, and the records as a view', () => {
    const records = Buffer.from('raw batches');
    const answer = new KafkaWriter(false)
      .int32(0) // throttle
      .int16(0)
      .int32(0)
      .arrayLength(1)
      .string('orders')
      .arrayLength(2)
      // partition 0: two aborted transactions, records
      .int32(0)
      .int16(0)
      .int64(100)
      .int64(90)
      .int64(3)
      .int32(2)
      .int64(7)
      .int64(40)
      .int64(8)
      .int64(41)
      .int32(-1)
      .bytes(records)
      // partition 2: not the leader any more, no aborted list, null records
      .int32(2)
      .int16(6)
      .int64(-1)
      .int64(-1)
      .int64(-1)
      .int32(-1)
      .int32(-1)
      .bytes(null)
      .toBuffer();
    const [p0, p2] = decodeResponse(fetchRequest, answer, args);
    assert.deepEqual(
      { ...p0, records: p0.records?.toString() },
      {
        partition: 0,
        errorCode: 0,
        highWatermark: 100,
        lastStableOffset: 90,
        logStartOffset: 3,
        abortedTransactions: [
          { producerId: 7, firstOffset: 40 },
          { producerId: 8, firstOffset: 41 },
        ],
        records: 'raw batches',
      },
    );
    assert.equal(p2.partition, 2);
    assert.equal(p2.errorCode, 6);
    assert.deepEqual(p2.abortedTransactions, []);
    assert.equal(p2.records, null);
  });
});
