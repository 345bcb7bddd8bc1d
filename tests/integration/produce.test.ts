import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ProduceRequest } from '@/lib/contract/action-schemas';
import { partitionForKey } from '@/lib/partitioner';
import { LiveClient } from '@/tests/support/live-client';
import { createTopic, deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';

// Produce from the dashboard, on the real embedded cluster: where messages land, their
// offsets, headers, the size limit, bad input; and the live tail that reads them back.

const message = (topic: string, over: Partial<ProduceRequest> = {}): ProduceRequest => ({
  topic,
  key: null,
  value: 'hello',
  format: 'text',
  headers: [],
  partition: null,
  count: 1,
  ...over,
});

async function highWatermarks(topic: string): Promise<number[]> {
  const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  return offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high));
}

describe('produce and tail', { timeout: 180_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topic = randomName('order.processing');
  const small = randomName('small-messages');

  before(async () => {
    await withAdmin((admin) =>
      admin.createTopics({
        waitForLeaders: false,
        topics: [
          { topic, numPartitions: 3, replicationFactor: 3 },
          {
            topic: small,
            numPartitions: 1,
            replicationFactor: 3,
            configEntries: [{ name: 'max.message.bytes', value: '1000' }],
          },
        ],
      }),
    );
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await client.waitFor('both topics with leaders', (s) =>
      [topic, small].every((n) => s.topics.find((t) => t.name === n)?.partitions.every((p) => p.leader >= 0)),
    );
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await Promise.all([deleteTopic(topic), deleteTopic(small)]);
  });

  it('a keyed message lands in the partition murmur2 predicts, at the offset it reports', async () => {
    const answer = await client.action(
      'produce:send',
      message(topic, { key: 'order-42', value: '{"orderId":42}', format: 'json' }),
    );
    assert.ok(answer.ok, JSON.stringify(answer));
    const [sent] = answer.result.messages;
    assert.equal(sent.partition, partitionForKey('order-42', 3));
    const highs = await highWatermarks(topic);
    assert.equal(sent.offset, highs[sent.partition] - 1);
    // kafkajs's own default partitioner (Java-compatible) agrees with the prediction.
    const producer = testKafka().producer();
    await producer.connect();
    const [meta] = await producer.send({ topic, messages: [{ key: 'order-42', value: 'again' }] });
    await producer.disconnect();
    assert.equal(meta.partition, sent.partition);
  });

  it('the same key always goes to the same partition; no key spreads messages evenly', async () => {
    const keyed = await client.action('produce:send', message(topic, { key: 'order-7', count: 20 }));
    assert.ok(keyed.ok);
    assert.deepEqual(
      keyed.result.spread.map((s) => s.partition),
      [partitionForKey('order-7', 3)],
    );
    const offsets = keyed.result.messages.map((m) => m.offset);
    assert.deepEqual(
      offsets,
      offsets.map((_, i) => offsets[0] + i),
      'consecutive offsets, in order',
    );

    const before = await highWatermarks(topic);
    const spread = await client.action('produce:send', message(topic, { count: 30, value: 'event {n}' }));
    assert.ok(spread.ok);
    assert.deepEqual(
      spread.result.spread.map((s) => s.count),
      [10, 10, 10],
    );
    const after = await highWatermarks(topic);
    assert.deepEqual(
      after.map((h, p) => h - before[p]),
      [10, 10, 10],
    );
    for (const s of spread.result.spread) assert.equal(s.lastOffset, after[s.partition] - 1);
  });

  it('{n} patterns give each message of a bulk send its own key, hashed one by one', async () => {
    const answer = await client.action('produce:send', message(topic, { key: 'order-{n}', count: 50 }));
    assert.ok(answer.ok);
    for (const m of answer.result.messages) {
      assert.equal(m.key, `order-${m.index}`);
      assert.equal(m.partition, partitionForKey(`order-${m.index}`, 3));
    }
  });

  it('the tail backfills the newest messages, then streams new ones with headers (duplicate keys kept)', async () => {
    client.watchTail(topic);
    await client.waitForTail('a backfill', () => client.tail.some((b) => b.reset && b.messages.length > 0));
    const answer = await client.action(
      'produce:send',
      message(topic, {
        key: 'order-tail',
        value: 'tailed',
        headers: [
          { key: 'trace', value: 'a' },
          { key: 'trace', value: 'b' },
          { key: 'source', value: 'test' },
        ],
      }),
    );
    assert.ok(answer.ok);
    const [sent] = answer.result.messages;
    const seen = await client.waitForTail('the new message live', (ms) => ms.some((m) => m.value === 'tailed'));
    const m = seen.find((x) => x.value === 'tailed')!;
    assert.equal(m.partition, sent.partition);
    assert.equal(m.offset, sent.offset);
    assert.equal(m.key, 'order-tail');
    assert.deepEqual(
      m.headers.filter((h) => h.key === 'trace').map((h) => h.value),
      ['a', 'b'],
    );
    assert.ok(client.tail.filter((b) => !b.reset).length > 0, 'arrived as a live batch');
    // The tail joins no group: nothing new among the groups.
    assert.ok(!(client.groupsSnapshot?.groups ?? []).some((g) => g.topics.includes(topic)));
    client.watchTail(null);
  });

  it('refuses bad input with clear errors and sends nothing', async () => {
    const before = await highWatermarks(topic);
    const cases: [Record<string, unknown>, RegExp][] = [
      [message(topic, { value: '{"orderId":', format: 'json' }), /the value is not valid JSON/],
      [message(topic, { partition: 7 }), /has 3 partitions \(0-2\); there is no partition 7/],
      [message(randomName('no-such-topic')), /no topic named/],
      [message('bad topic!'), /invalid produce:send: topic: topic names are/],
      [{ ...message(topic), count: 0 }, /invalid produce:send: count/],
      [
        { ...message(topic), headers: Array.from({ length: 5000 }, (_, i) => ({ key: `h${i}`, value: 'x' })) },
        /at most 100 headers/,
      ],
      [{ ...message(topic), extra: true }, /invalid produce:send/],
    ];
    for (const [payload, error] of cases) {
      const answer = await client.action('produce:send', payload);
      assert.equal(answer.ok, false, JSON.stringify(payload).slice(0, 100));
      if (!answer.ok) assert.match(answer.error, error);
    }
    assert.deepEqual(await highWatermarks(topic), before, 'nothing was written');
  });

  it("a message over the topic's max.message.bytes is refused with the limit in the error", async () => {
    await client.waitFor(
      'the small topic settings',
      (s) => s.topics.find((t) => t.name === small)?.config?.maxMessageBytes === 1000,
    );
    const answer = await client.action('produce:send', message(small, { value: 'x'.repeat(2000) }));
    assert.equal(answer.ok, false);
    if (!answer.ok) assert.match(answer.error, /accepts at most 1,000 bytes per batch \(max\.message\.bytes\)/);
    // Near the default 1 MB limit: the broker's limit is named too.
    const big = await client.action('produce:send', message(topic, { value: 'y'.repeat(1_100_000) }));
    assert.equal(big.ok, false);
    if (!big.ok) assert.match(big.error, /accepts at most 1,048,588 bytes/);
    // Small enough, one per batch: accepted.
    const fits = await client.action('produce:send', message(small, { value: 'z'.repeat(500), count: 3 }));
    assert.ok(fits.ok, JSON.stringify(fits));
  });

  it('the load generator sends at the asked rate for the asked time, and stops on request', async () => {
    const before = (await highWatermarks(topic)).reduce((a, b) => a + b, 0);
    const started = await client.action('produce:load-start', {
      topic,
      rate: 200,
      durationSeconds: 3,
      keyPattern: 'order-{n}',
      keySpace: 10,
    });
    assert.ok(started.ok, JSON.stringify(started));
    const [done] = (
      await client.waitForLoad(
        'the run to finish',
        (runs) => runs.some((r) => r.id === started.result.id && r.status === 'done'),
        20_000,
      )
    ).filter((r) => r.id === started.result.id);
    assert.equal(done.acked, 600);
    assert.equal(done.failed, 0);
    assert.ok(done.achievedRate >= 180 && done.achievedRate <= 220, `achieved ${done.achievedRate}/s`);
    assert.equal((await highWatermarks(topic)).reduce((a, b) => a + b, 0) - before, 600);

    const long = await client.action('produce:load-start', {
      topic,
      rate: 50,
      durationSeconds: 600,
      keyPattern: null,
      keySpace: 1,
    });
    assert.ok(long.ok);
    const stopped = await client.action('produce:load-stop', { id: long.result.id });
    assert.ok(stopped.ok);
    assert.equal(stopped.result.status, 'stopped');
    const again = await client.action('produce:load-stop', { id: long.result.id });
    assert.equal(again.ok, false);
    if (!again.ok) assert.match(again.error, /has already ended \(stopped\)/);
  });
});

describe('read-only mode', { timeout: 60_000 }, () => {
  it('tells the page, and refuses every action on the socket and over HTTP; reads still answer', async () => {
    const dashboard = await startTestDashboard({ READ_ONLY: 'true' });
    const client = new LiveClient(dashboard.url);
    const topic = randomName('read-only');
    await createTopic(topic, 1, 3);
    try {
      await poll(() => client.info !== null);
      assert.deepEqual(client.info, { readOnly: true, brokerFaults: true, auth: false, retentionCheckMs: 10_000 });
      const answer = await client.action('produce:send', message('anything'));
      assert.equal(answer.ok, false);
      if (!answer.ok) assert.match(answer.error, /read-only mode/);
      const res = await fetch(`${dashboard.url}/api/actions/topic:delete`, {
        method: 'POST',
        body: JSON.stringify({ topic: 'x', confirm: 'x' }),
      });
      assert.equal(res.status, 403);
      assert.match((await res.json()).error, /read-only mode/);
      // Reading a topic's settings is not an action: the topic page opens with it.
      // A broker may learn of the new topic a moment after it is created (3.9 more slowly).
      let config = await fetch(`${dashboard.url}/api/topics/${topic}/config`);
      for (let i = 0; config.status === 404 && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 200));
        config = await fetch(`${dashboard.url}/api/topics/${topic}/config`);
      }
      assert.equal(config.status, 200);
      assert.deepEqual(await config.json(), { topic, overrides: {} });
    } finally {
      client.close();
      await dashboard.close();
      await deleteTopic(topic);
    }
  });
});

async function poll(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
