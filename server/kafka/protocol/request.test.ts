import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrokerConnection } from '@/server/kafka/kafkajs-private';
import { KafkaWriter } from './codec';
import { defineRequest, send } from './request';

/** A broker connection that records what kafkajs would frame and answers a fixed body. */
function fakeBroker(answer: Buffer) {
  const sent: { apiKey: number; apiVersion: number; apiName: string; body: Buffer }[] = [];
  const broker = {
    connectionPool: {
      async send({ request, response }) {
        const { buf } = await request.encode();
        sent.push({ apiKey: request.apiKey, apiVersion: request.apiVersion, apiName: request.apiName, body: buf });
        return response.parse(await response.decode(answer));
      },
    },
  } as Pick<BrokerConnection, 'connectionPool'> as BrokerConnection;
  return { broker, sent };
}

const echo = (flexible: boolean) =>
  defineRequest<{ n: number }, { n: number; s: string }>({
    name: 'Echo',
    apiKey: 99,
    version: 3,
    flexible,
    encode: (w, { n }) => w.int32(n),
    decode: (r) => ({ n: r.int32(), s: r.string() }),
  });

describe('sending a request', () => {
  it('hands kafkajs the api key, version and body, and decodes the answer', async () => {
    const { broker, sent } = fakeBroker(new KafkaWriter().int32(7).string('ok').toBuffer());
    assert.deepEqual(await send(broker, echo(false), { n: 5 }), { n: 7, s: 'ok' });
    assert.deepEqual(sent, [{ apiKey: 99, apiVersion: 3, apiName: 'Echo', body: Buffer.from([0, 0, 0, 5]) }]);
  });

  it('adds request header v2 tagged fields and skips response header v1 ones when flexible', async () => {
    const { broker, sent } = fakeBroker(new KafkaWriter(true).emptyTaggedFields().int32(7).string('ok').toBuffer());
    assert.deepEqual(await send(broker, echo(true), { n: 5 }), { n: 7, s: 'ok' });
    assert.deepEqual(sent[0].body, Buffer.from([0, 0, 0, 0, 5]));
  });
});
