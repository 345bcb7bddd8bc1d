import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse } from '@/server/kafka/protocol/request';
import { shareGroupDescribe } from './share-group-describe';

function writeAssignment(w: KafkaWriter, topic: string, partitions: number[]): void {
  w.array([topic], (tw, t) => {
    tw.uuid('00112233445566778899aabbccddeeff')
      .string(t)
      .array(partitions, (pw, p) => pw.int32(p))
      .emptyTaggedFields();
  }).emptyTaggedFields();
}

function response(errorCode: number): Buffer {
  return new KafkaWriter(true)
    .emptyTaggedFields()
    .int32(0)
    .array([0], (gw) => {
      gw.int16(errorCode)
        .nullableString(errorCode ? 'Group s is not a share group.' : null)
        .string('s')
        .string('Stable')
        .int32(3)
        .int32(3)
        .string('simple')
        .array(['a', 'b'], (mw, id) => {
          mw.string(id)
            .nullableString(null)
            .int32(3)
            .string(`client-${id}`)
            .string('/127.0.0.1')
            .array(['t'], (sw, s) => sw.string(s));
          writeAssignment(mw, 't', [0, 1, 2]);
          mw.emptyTaggedFields();
        })
        .int32(-2147483648)
        .emptyTaggedFields();
    })
    .emptyTaggedFields()
    .toBuffer();
}

describe('ShareGroupDescribe v1 wire format', () => {
  it('decodes members that share the same partitions', () => {
    const [g] = decodeResponse(shareGroupDescribe, response(0), { groupIds: ['s'] });
    assert.equal(g!.state, 'Stable');
    assert.equal(g!.members.length, 2);
    assert.deepEqual(g!.members[0]!.assignment, g!.members[1]!.assignment);
    assert.equal(g!.members[1]!.clientId, 'client-b');
  });

  it('keeps the per-group error for the caller', () => {
    const [g] = decodeResponse(shareGroupDescribe, response(69), { groupIds: ['s'] });
    assert.equal(g!.errorCode, 69);
    assert.match(g!.errorMessage!, /not a share group/);
  });
});
