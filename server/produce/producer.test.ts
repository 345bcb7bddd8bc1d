import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { isBrokenProducer, PRODUCER_RETRY } from '@/server/produce/producer';

describe('dashboard producer', () => {
  it('knows the errors after which an idempotent producer must be replaced, wrapped or not', () => {
    const protocolError = (type: string, message: string) =>
      new KafkaJSProtocolError(Object.assign(new Error(message), { type, retriable: false }));
    const outOfOrder = protocolError(
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
      'The broker received an out of order sequence number',
    );
    assert.equal(isBrokenProducer(outOfOrder), true);
    assert.equal(
      isBrokenProducer(new KafkaJSNonRetriableError(outOfOrder)),
      true,
      'the retrier keeps only the message',
    );
    assert.equal(isBrokenProducer({ type: 'UNKNOWN_PRODUCER_ID' }), true);
    assert.equal(
      isBrokenProducer(
        protocolError('NOT_LEADER_FOR_PARTITION', 'This server is not the leader for that topic-partition'),
      ),
      false,
    );
    assert.equal(isBrokenProducer(new Error('Connection error: ECONNREFUSED')), false);
    assert.equal(isBrokenProducer(null), false);
  });

  it('retries for longer than a killed broker takes to be fenced and its leaderships moved', () => {
    // kafkajs waits initialRetryTime * 2^n (±20 %), capped at maxRetryTime, between attempts.
    let total = 0;
    for (let n = 0; n < PRODUCER_RETRY.retries; n++)
      total += Math.min(PRODUCER_RETRY.maxRetryTime, PRODUCER_RETRY.initialRetryTime * 2 ** n) * 0.8;
    assert.ok(total > 15_000, `retries cover ${total} ms`);
  });
});
