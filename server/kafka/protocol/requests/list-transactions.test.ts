import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { listTransactions, ListTransactionsError } from './list-transactions';

const answer = (errorCode: number) =>
  new KafkaWriter(true)
    .emptyTaggedFields()
    .int32(0)
    .int16(errorCode)
    .arrayLength(0)
    .array(
      [
        ['payments-tx', 4001, 'Ongoing'],
        ['audit-tx', 4002, 'CompleteCommit'],
      ] as const,
      (w, [id, pid, state]) => w.string(id).int64(pid).string(state).emptyTaggedFields(),
    )
    .emptyTaggedFields()
    .toBuffer();

describe('ListTransactions v1 wire format', () => {
  it('asks for every state, the producer ids given, and no duration filter', () => {
    const r = new KafkaReader(encodeRequest(listTransactions, { producerIds: [7] }), true);
    r.skipTaggedFields();
    assert.equal(r.arrayLength(), 0, 'no state filter');
    assert.deepEqual(
      r.array((x) => x.int64()),
      [7],
    );
    assert.equal(r.int64(), -1);
    r.skipTaggedFields();
    assert.equal(r.remaining(), 0);
  });

  it('decodes id, producer id and state, and raises the error code in Kafka’s words', () => {
    assert.deepEqual(decodeResponse(listTransactions, answer(0), {}), [
      { transactionalId: 'payments-tx', producerId: 4001, state: 'Ongoing' },
      { transactionalId: 'audit-tx', producerId: 4002, state: 'CompleteCommit' },
    ]);
    assert.throws(
      () => decodeResponse(listTransactions, answer(15), {}),
      (e: unknown) =>
        e instanceof ListTransactionsError && e.code === 15 && /COORDINATOR_NOT_AVAILABLE/.test(e.message),
    );
  });
});
