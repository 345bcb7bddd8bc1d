import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import { LiveClient } from '@/tests/support/live-client';
import { produce } from '@/tests/support/consumers';
import {
  createTopic,
  deleteTopic,
  randomName,
  restoreCluster,
  startTestDashboard,
  withAdmin,
} from '@/tests/support/kafka';

// Log ends between poll rounds: a topic some page shows is read every 200 ms, and the
// dashboard's own produce shows from its ack. The poll interval here is a minute, longer than
// any wait below, so a new end that shows did not come from a round (the test checks the
// round count too).

async function readable(topic: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await withAdmin((admin) => admin.fetchTopicOffsets(topic)).then(
      (o) => o.length === 2,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${topic}: offsets not readable within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const highOf = (s: ClusterSnapshot, topic: string, partition: number) =>
  s.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partition === partition)?.high ?? null;

describe('log ends between poll rounds', { timeout: 120_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const watched = randomName('ends.watched');
  const unwatched = randomName('ends.unwatched');

  before(async () => {
    await restoreCluster();
    await createTopic(watched, 2, 3);
    await createTopic(unwatched, 2, 3);
    // Every partition's leader answers ListOffsets before the one early round reads them.
    for (const topic of [watched, unwatched]) await readable(topic);
    dashboard = await startTestDashboard({ POLL_INTERVAL_MS: '60000' });
    client = new LiveClient(dashboard.url);
    // The first round (at start) must have seen both topics with their leaders.
    await client.waitFor('both topics read once', (s) =>
      [watched, unwatched].every((t) => highOf(s, t, 0) === 0 && highOf(s, t, 1) === 0),
    );
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await deleteTopic(watched);
    await deleteTopic(unwatched);
  });

  it("a watched topic's new end reaches the client before the next round", async () => {
    client.watchTopic(watched);
    const rounds = dashboard.poller.rounds;
    await produce(watched, [
      { value: 'a', partition: 0 },
      { value: 'b', partition: 0 },
      { value: 'c', partition: 1 },
    ]);
    const s = await client.waitFor(
      'the watched topic at 2/1',
      (s) => highOf(s, watched, 0) === 2 && highOf(s, watched, 1) === 1,
      20_000,
    );
    assert.equal(dashboard.poller.rounds, rounds, 'no poll round ran meanwhile');
    assert.ok(dashboard.poller.watchedReads > 0);
    assert.equal(highOf(s, unwatched, 0), 0);
  });

  it('an unwatched topic is not read between rounds', async () => {
    client.watchTopic(watched);
    const rounds = dashboard.poller.rounds;
    await produce(unwatched, [{ value: 'x', partition: 0 }]);
    // Several reads of the watched topic after the produce: none of them is about this one.
    const reads = dashboard.poller.watchedReads;
    const deadline = Date.now() + 20_000;
    while (dashboard.poller.watchedReads < reads + 5 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    assert.ok(dashboard.poller.watchedReads >= reads + 5, 'the watched reads went on');
    assert.equal(dashboard.poller.rounds, rounds);
    assert.equal(highOf(client.state!, unwatched, 0), 0, 'still the end the last round read');
  });

  it("the dashboard's own produce shows its new end from the ack, watched or not", async () => {
    client.watchTopic(null);
    const rounds = dashboard.poller.rounds;
    // Partition 0 of the unwatched topic holds 1 message (the test above): this one is at 1.
    const answer = await client.action('produce:send', {
      topic: unwatched,
      key: null,
      value: 'from the page',
      format: 'text',
      headers: [],
      partition: 0,
      count: 1,
    });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(answer.result.messages[0].offset, 1);
    await client.waitFor('the unwatched topic at 2 after the ack', (s) => highOf(s, unwatched, 0) === 2, 10_000);
    assert.equal(dashboard.poller.rounds, rounds, 'no poll round ran meanwhile');
  });
});
