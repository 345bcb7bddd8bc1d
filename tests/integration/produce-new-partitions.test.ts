import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ProduceRequest } from '@/lib/contract/action-schemas';
import { actOk } from '@/tests/support/actions';
import { LiveClient } from '@/tests/support/live-client';
import { createTopic, deleteTopic, randomName, startTestDashboard, withAdmin } from '@/tests/support/kafka';

// Producing from the dashboard right after "add partitions", on the real cluster: the
// producers learned the topic's partitions before it grew, and must not answer "Kafka's
// answer did not include partition N" for the new ones.

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

describe('produce after adding partitions', { timeout: 120_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topics: string[] = [];

  before(async () => {
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await Promise.all(topics.map(deleteTopic));
  });

  async function grownTopic(): Promise<string> {
    const topic = randomName('grown');
    topics.push(topic);
    await createTopic(topic, 1, 3);
    await client.waitFor('the topic with its leader', (s) =>
      Boolean(s.topics.find((t) => t.name === topic)?.partitions.every((p) => p.leader >= 0)),
    );
    // The producers now know the topic with one partition.
    const first = await actOk(dashboard, 'produce:send', message(topic));
    assert.deepEqual(
      first.messages.map((m) => [m.partition, m.offset]),
      [[0, 0]],
    );
    return topic;
  }

  // Sent the moment "add partitions" answers, it must land on the new partition. How long that
  // takes is printed, not asserted: speed belongs to the benchmark, and most of it is Kafka's
  // own (the new partition's followers join its ISR at their next fetch, up to 500 ms).
  it('a message to a new partition, sent at once, lands there within about a second', async () => {
    const topic = await grownTopic();
    await actOk(dashboard, 'topic:add-partitions', { topic, partitions: 3 });
    const grownAt = Date.now();
    const sent = await actOk(dashboard, 'produce:send', message(topic, { partition: 2, value: 'to the new one' }));
    const tookMs = Date.now() - grownAt;
    assert.deepEqual(
      sent.messages.map((m) => [m.partition, m.offset]),
      [[2, 0]],
    );
    console.log(`# new partition acknowledged ${tookMs} ms after "add partitions" answered`);
    assert.deepEqual(await highWatermarks(topic), [1, 0, 1]);
  });

  it('keys and messages without a key spread over the new partitions once the page shows them', async () => {
    const topic = await grownTopic();
    await actOk(dashboard, 'topic:add-partitions', { topic, partitions: 3 });
    await client.waitFor('three partitions', (s) => s.topics.find((t) => t.name === topic)?.partitions.length === 3);
    const spread = await actOk(dashboard, 'produce:send', message(topic, { count: 30 }));
    assert.deepEqual(
      spread.spread.map((s) => [s.partition, s.count]),
      [
        [0, 10],
        [1, 10],
        [2, 10],
      ],
    );
    const keyed = await actOk(dashboard, 'produce:send', message(topic, { key: 'order-{n}', count: 30 }));
    assert.equal(keyed.spread.length, 3, 'keys hash over all three partitions');
    const highs = await highWatermarks(topic);
    assert.equal(
      highs.reduce((a, b) => a + b, 0),
      61,
    );
  });
});
