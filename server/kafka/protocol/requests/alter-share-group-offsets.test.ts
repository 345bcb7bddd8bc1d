import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { alterShareGroupOffsets } from './alter-share-group-offsets';

const target = {
  groupId: 'g',
  topic: 't',
  offsets: [
    { partition: 0, offset: 5 },
    { partition: 1, offset: 0 },
  ],
};

describe('AlterShareGroupOffsets v0 wire format', () => {
  it('sends the group, one topic and its start offsets per partition', () => {
    const r = new KafkaReader(encodeRequest(alterShareGroupOffsets, target), true);
    r.skipTaggedFields();
    assert.equal(r.string(), 'g');
    const topics = r.array((tr) => {
      const name = tr.string();
      const parts = tr.array((pr) => {
        const p = [pr.int32(), pr.int64()];
        pr.skipTaggedFields();
        return p;
      });
      tr.skipTaggedFields();
      return { name, parts };
    });
    r.skipTaggedFields();
    assert.deepEqual(topics, [
      {
        name: 't',
        parts: [
          [0, 5],
          [1, 0],
        ],
      },
    ]);
  });

  it('reads the group error and each partition error, with their messages', () => {
    const answer = new KafkaWriter(true)
      .emptyTaggedFields()
      .int32(0)
      .int16(68)
      .nullableString('the group is not empty')
      .array(['t'], (tw, name) => {
        tw.string(name)
          .uuid('00112233445566778899aabbccddeeff')
          .array(
            [
              [1, 0, null],
              [0, 3, 'no such partition'],
            ] as const,
            (pw, [p, code, message]) => {
              pw.int32(p).int16(code).nullableString(message).emptyTaggedFields();
            },
          )
          .emptyTaggedFields();
      })
      .emptyTaggedFields()
      .toBuffer();
    assert.deepEqual(decodeResponse(alterShareGroupOffsets, answer, target), {
      errorCode: 68,
      errorMessage: 'the group is not empty',
      partitions: [
        { partition: 0, errorCode: 3, errorMessage: 'no such partition' },
        { partition: 1, errorCode: 0, errorMessage: null },
      ],
    });
  });
});
