import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { consumerGroupDescribe } from './consumer-group-describe';

const TOPIC_ID = '00112233445566778899aabbccddeeff';

function writeAssignment(w: KafkaWriter, topic: string, partitions: number[]): void {
  w.array(partitions.length ? [topic] : [], (tw, t) => {
    tw.uuid(TOPIC_ID)
      .string(t)
      .array(partitions, (pw, p) => pw.int32(p))
      .emptyTaggedFields();
  }).emptyTaggedFields();
}

function response(): Buffer {
  return new KafkaWriter(true)
    .emptyTaggedFields()
    .int32(0)
    .array([0], (gw) => {
      gw.int16(0)
        .nullableString(null)
        .string('g')
        .string('Reconciling')
        .int32(5)
        .int32(5)
        .string('uniform')
        .array([0], (mw) => {
          mw.string('m1')
            .nullableString('i1')
            .nullableString(null)
            .int32(4)
            .string('console-consumer')
            .string('/10.0.0.1')
            .array(['t'], (sw, s) => sw.string(s))
            .nullableString(null);
          writeAssignment(mw, 't', [2, 0, 1]);
          writeAssignment(mw, 't', [0]);
          mw.int8(0).emptyTaggedFields();
        })
        .int32(-2147483648)
        .emptyTaggedFields();
    })
    .emptyTaggedFields()
    .toBuffer();
}

describe('ConsumerGroupDescribe v1 wire format', () => {
  it('encodes the group ids and no authorized operations', () => {
    const r = new KafkaReader(encodeRequest(consumerGroupDescribe, { groupIds: ['g', 'h'] }), true);
    r.skipTaggedFields();
    assert.deepEqual(
      r.array((x) => x.string()),
      ['g', 'h'],
    );
    assert.equal(r.int8(), 0);
  });

  it('decodes epochs, current and target assignment, and the member type', () => {
    const [g] = decodeResponse(consumerGroupDescribe, response(), { groupIds: ['g'] });
    assert.equal(g!.state, 'Reconciling');
    assert.deepEqual([g!.groupEpoch, g!.assignmentEpoch, g!.assignor], [5, 5, 'uniform']);
    const m = g!.members[0]!;
    assert.equal(m.memberEpoch, 4);
    assert.equal(m.instanceId, 'i1');
    assert.deepEqual(
      m.assignment.map((tp) => tp.partition),
      [0, 1, 2],
    );
    assert.deepEqual(m.targetAssignment, [{ topic: 't', partition: 0 }]);
    assert.equal(m.memberType, 0);
  });
});
