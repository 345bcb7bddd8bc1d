import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { describeQuorum, QuorumError } from './describe-quorum';

const encodeDescribeQuorumRequest = () => encodeRequest(describeQuorum, undefined);
const decodeDescribeQuorumResponse = (payload: Buffer) => decodeResponse(describeQuorum, payload, undefined);

function response(errorCode: number, leaderId: number): Buffer {
  const replica = (w: KafkaWriter, id: number) =>
    w
      .int32(id)
      .int64(1230 + id)
      .emptyTaggedFields();
  return new KafkaWriter(true)
    .emptyTaggedFields()
    .int16(errorCode)
    .array(['__cluster_metadata'], (tw, name) => {
      tw.string(name)
        .array([0], (pw) => {
          pw.int32(0)
            .int16(0)
            .int32(leaderId)
            .int32(7)
            .int64(1234)
            .array([1, 2, 3], replica)
            .array([], replica)
            .emptyTaggedFields();
        })
        .emptyTaggedFields();
    })
    .emptyTaggedFields()
    .toBuffer();
}

describe('DescribeQuorum wire format', () => {
  it('encodes header tagged fields, then one topic with partition 0', () => {
    const r = new KafkaReader(encodeDescribeQuorumRequest(), true);
    r.skipTaggedFields();
    const topics = r.array((tr) => {
      const name = tr.nullableString();
      const parts = tr.array((pr) => {
        const n = pr.int32();
        pr.skipTaggedFields();
        return n;
      });
      tr.skipTaggedFields();
      return { name, parts };
    });
    assert.deepEqual(topics, [{ name: '__cluster_metadata', parts: [0] }]);
  });

  it('decodes the leader, epoch, high watermark and voters', () => {
    const q = decodeDescribeQuorumResponse(response(0, 2));
    assert.equal(q.leaderId, 2);
    assert.equal(q.leaderEpoch, 7);
    assert.equal(q.highWatermark, 1234);
    assert.deepEqual(q.voters, [
      { replicaId: 1, logEndOffset: 1231 },
      { replicaId: 2, logEndOffset: 1232 },
      { replicaId: 3, logEndOffset: 1233 },
    ]);
    assert.deepEqual(q.observers, []);
  });

  it('raises the error code a failed answer carries', () => {
    assert.throws(
      () => decodeDescribeQuorumResponse(response(41, -1)),
      (e: unknown) => e instanceof QuorumError && e.code === 41,
    );
  });

  it('round-trips unsigned varints across byte boundaries', () => {
    for (const n of [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21]) {
      assert.equal(new KafkaReader(new KafkaWriter(true).uvarint(n).toBuffer()).uvarint(), n);
    }
  });
});
