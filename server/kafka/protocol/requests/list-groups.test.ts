import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { listGroups, ListGroupsError } from './list-groups';

function response(errorCode: number): Buffer {
  const groups = [
    ['a', 'consumer', 'Stable', 'consumer'],
    ['s', 'share', 'Empty', 'share'],
  ];
  return new KafkaWriter(true)
    .emptyTaggedFields()
    .int32(0)
    .int16(errorCode)
    .array(groups, (w, g) => {
      for (const f of g) w.string(f);
      w.emptyTaggedFields();
    })
    .emptyTaggedFields()
    .toBuffer();
}

describe('ListGroups v5 wire format', () => {
  it('encodes the states and types filters', () => {
    const r = new KafkaReader(encodeRequest(listGroups, { types: ['consumer', 'share'] }), true);
    r.skipTaggedFields();
    assert.deepEqual(
      r.array((x) => x.string()),
      [],
    );
    assert.deepEqual(
      r.array((x) => x.string()),
      ['consumer', 'share'],
    );
  });

  it('decodes each group with its state and type', () => {
    assert.deepEqual(decodeResponse(listGroups, response(0), {}), [
      { groupId: 'a', protocolType: 'consumer', state: 'Stable', type: 'consumer' },
      { groupId: 's', protocolType: 'share', state: 'Empty', type: 'share' },
    ]);
  });

  it('raises a top-level error code', () => {
    assert.throws(
      () => decodeResponse(listGroups, response(15), {}),
      (e: unknown) => e instanceof ListGroupsError && e.code === 15,
    );
  });
});
