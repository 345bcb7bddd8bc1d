import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { labProtocols } from './java-runtime';

// Which lab protocols are offered, from what the machine has and what the broker advertises.

const kafka4 = { consumerGroupDescribe: 1, shareGroupDescribe: 1 };
const brief = (ps: ReturnType<typeof labProtocols>) => ps.map((p) => [p.protocol, p.available, p.why]);

describe('lab protocols on offer', () => {
  it('Kafka 4 with Java: all three', () => {
    assert.deepEqual(brief(labProtocols({ problem: null }, kafka4, false)), [
      ['classic', true, null],
      ['consumer', true, null],
      ['share', true, null],
    ]);
  });

  it('a 3.9 broker (describe APIs absent or v0, early access): consumer and share disabled with the reason', () => {
    for (const apis of [
      { consumerGroupDescribe: null, shareGroupDescribe: null },
      { consumerGroupDescribe: 0, shareGroupDescribe: 0 },
    ]) {
      const ps = labProtocols({ problem: null }, apis, false);
      assert.deepEqual(brief(ps), [
        ['classic', true, null],
        ['consumer', false, 'brokerTooOld'],
        ['share', false, 'brokerTooOld'],
      ]);
      assert.match(ps[1]!.reason!, /KIP-848.*Kafka 4\.0 or newer/);
      assert.match(ps[2]!.reason!, /share groups.*Kafka 4\.0 or newer/);
    }
  });

  it('no Java: the Java reason wins over the broker; classic stays', () => {
    const ps = labProtocols({ problem: { why: 'noJava', reason: 'javac was not found' } }, null, false);
    assert.deepEqual(brief(ps), [
      ['classic', true, null],
      ['consumer', false, 'noJava'],
      ['share', false, 'noJava'],
    ]);
  });

  it('TLS or SASL: Java protocols off; a broker that could not be asked says so', () => {
    assert.equal(labProtocols({ problem: null }, kafka4, true)[1]!.why, 'tlsSasl');
    assert.equal(labProtocols({ problem: null }, null, false)[2]!.why, 'brokerUnknown');
  });
});
