import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ThroughputTracker } from '@/server/cluster/throughput';
import { THROUGHPUT_HISTORY_CAP } from '@/lib/contract/metrics';
import { partition, topic } from '@/tests/support/fixtures';

const topics = (high: number) => [
  topic('orders', [partition(0, { high }), partition(1, { high: 0 })]),
  topic('__consumer_offsets', [partition(0, { high: high * 10 })], true),
];

describe('throughput history', () => {
  it('turns high watermark growth of user topics into messages per second', () => {
    const t = new ThroughputTracker();
    const seen: number[] = [];
    t.on('point', (p) => seen.push(p.rate));
    t.record(topics(0), 1000);
    t.record(topics(50), 2000);
    t.record(topics(50), 2500);
    assert.deepEqual(seen, [50, 0]);
  });

  it('never reports a negative rate, and starts over after an outage', () => {
    const t = new ThroughputTracker();
    t.record(topics(100), 0);
    t.record(topics(10), 1000);
    t.reset();
    t.record(topics(500), 2000);
    assert.deepEqual(
      t.history().map((p) => p.rate),
      [0],
    );
  });

  it('keeps a bounded history', () => {
    const t = new ThroughputTracker();
    for (let i = 0; i < THROUGHPUT_HISTORY_CAP + 50; i++) t.record(topics(i), i * 1000);
    assert.equal(t.history().length, THROUGHPUT_HISTORY_CAP);
    assert.equal(t.history().at(-1)?.at, (THROUGHPUT_HISTORY_CAP + 49) * 1000);
  });
});
