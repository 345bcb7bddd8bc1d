import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { topicIds } from './topic-ids';

const ID_A = '00112233445566778899aabbccddeeff';
const ID_B = 'ffeeddccbbaa99887766554433221100';

function response(): Buffer {
  const w = new KafkaWriter(true).emptyTaggedFields().int32(0);
  w.array([1], (b, id) => b.int32(id).string('localhost').int32(9092).nullableString(null).emptyTaggedFields());
  w.nullableString('cluster').int32(1);
  w.array(
    [
      [0, 'orders', ID_A],
      [3, 'gone', ID_B],
    ] as const,
    (t, [code, name, id]) => {
      t.int16(code).nullableString(name).uuid(id).int8(0);
      t.array([0], (p, n) => {
        p.int16(0).int32(n).int32(1).int32(0);
        for (let i = 0; i < 3; i++) p.array([1], (x, v) => x.int32(v));
        p.emptyTaggedFields();
      });
      t.int32(-2147483648).emptyTaggedFields();
    },
  );
  return w.emptyTaggedFields().toBuffer();
}

describe('Metadata v12 topic ids', () => {
  it('asks for every topic, creating none', () => {
    const r = new KafkaReader(encodeRequest(topicIds, {}), true);
    r.skipTaggedFields();
    assert.equal(r.uvarint(), 0); // null array
    assert.equal(r.int8(), 0);
    assert.equal(r.int8(), 0);
  });

  it('maps each topic id to its name, leaving out topics with an error', () => {
    assert.deepEqual(decodeResponse(topicIds, response(), {}), new Map([[ID_A, 'orders']]));
  });
});
