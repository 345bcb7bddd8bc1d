import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { GroupDescribeError } from './group-assignment';
import { describeShareGroupOffsets } from './describe-share-group-offsets';

function response(groupError: number): Buffer {
  const parts: [number, number, number, number][] = [
    [1, 40, 2, 0],
    [0, -1, -1, 0],
    [2, 10, 0, 3],
  ];
  return new KafkaWriter(true)
    .emptyTaggedFields()
    .int32(0)
    .array(['s'], (gw, g) => {
      gw.string(g)
        .array(['t'], (tw, t) => {
          tw.string(t)
            .uuid('00112233445566778899aabbccddeeff')
            .array(parts, (pw, [p, start, lag, err]) => {
              pw.int32(p).int64(start).int32(0).int64(lag).int16(err).nullableString(null).emptyTaggedFields();
            })
            .emptyTaggedFields();
        })
        .int16(groupError)
        .nullableString(null)
        .emptyTaggedFields();
    })
    .emptyTaggedFields()
    .toBuffer();
}

describe('DescribeShareGroupOffsets v1 wire format', () => {
  it('asks for every topic of the group (null topics)', () => {
    const r = new KafkaReader(encodeRequest(describeShareGroupOffsets, { groupId: 's' }), true);
    r.skipTaggedFields();
    assert.equal(r.arrayLength(), 1);
    assert.equal(r.string(), 's');
    assert.equal(r.uvarint(), 0, 'a null array');
  });

  it('decodes start offset and lag, unknown as null, sorted', () => {
    assert.deepEqual(decodeResponse(describeShareGroupOffsets, response(0), { groupId: 's' }), [
      { topic: 't', partition: 0, startOffset: null, lag: null },
      { topic: 't', partition: 1, startOffset: 40, lag: 2 },
      { topic: 't', partition: 2, startOffset: null, lag: null },
    ]);
  });

  it('raises the group error code', () => {
    assert.throws(
      () => decodeResponse(describeShareGroupOffsets, response(16), { groupId: 's' }),
      (e: unknown) => e instanceof GroupDescribeError && e.code === 16,
    );
  });
});
