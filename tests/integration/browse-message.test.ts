import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { BrowseResponse } from '@/lib/contract/browse';
import { BROWSE_DISPLAY_BYTES } from '@/lib/contract/browse';
import { messagePath, type MessageResponse } from '@/lib/contract/browse-message';
import { postJson } from '@/tests/support/http';
import { deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';

// "Load full value" on the real cluster: a search sends the first 64 KiB of a value, and
// GET /api/topics/:name/messages/:partition/:offset answers that one message whole, in
// read-only mode, with a 404 where there is no message.

const HUGE = 300 * 1024;

describe('one message in full (GET /api/topics/:name/messages/:partition/:offset)', { timeout: 120_000 }, () => {
  let dashboard: Dashboard;
  const topic = randomName('browse-one');

  const get = async (path: string) => {
    const res = await fetch(`${dashboard.url}${path}`);
    return { status: res.status, body: (await res.json()) as MessageResponse & { error?: string } };
  };

  before(async () => {
    await withAdmin((admin) =>
      admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] }),
    );
    const producer = testKafka('browse-one-test').producer({ allowAutoTopicCreation: false });
    await producer.connect();
    // Several records in one batch, so the answer must be picked out of its batch.
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { partition: 1, key: 'small-0', value: 'first' },
        { partition: 1, key: 'huge', value: `${'h'.repeat(HUGE - 1)}!`, headers: { kind: 'big' } },
        { partition: 1, key: 'bin', value: Buffer.from([0xff, 0x00, 0xfe]) },
        { partition: 1, key: 'gone', value: null },
      ],
    });
    await producer.disconnect();
    dashboard = await startTestDashboard({ READ_ONLY: 'true' });
    // A read asks a broker the poller has seen: wait for its first round.
    for (let i = 0; i < 100 && !dashboard.store.snapshot().topics.some((t) => t.name === topic); i++)
      await new Promise((r) => setTimeout(r, 200));
  });

  after(async () => {
    await dashboard?.close();
    await deleteTopic(topic);
  });

  it('answers a value the search truncated, whole, with its headers', async () => {
    const search = (await (
      await postJson(`${dashboard.url}/api/topics/${topic}/messages/search`, {
        partitions: [1],
        from: { position: 'oldest' },
        filters: { key: 'huge' },
      })
    ).json()) as BrowseResponse;
    const shown = search.messages[0];
    assert.equal(shown.value?.truncated, true);
    assert.equal(shown.value?.data.length, BROWSE_DISPLAY_BYTES);

    const { status, body } = await get(messagePath(topic, 1, shown.offset));
    assert.equal(status, 200, body.error);
    assert.equal(body.offset, shown.offset);
    assert.equal(body.key?.data, 'huge');
    assert.equal(body.value?.truncated, false);
    assert.equal(body.value?.size, HUGE);
    assert.equal(body.value?.data.length, HUGE);
    assert.ok(body.value?.data.endsWith('h!'));
    assert.deepEqual(
      body.headers.map((h) => [h.key, h.value?.data]),
      [['kind', 'big']],
    );
  });

  it('answers the first, a binary and a tombstone record by their offsets', async () => {
    const first = await get(messagePath(topic, 1, 0));
    assert.equal(first.status, 200);
    assert.equal(first.body.value?.data, 'first');
    const bin = await get(messagePath(topic, 1, 2));
    assert.deepEqual(bin.body.value, { encoding: 'binary', data: '/wD+', size: 3, truncated: false });
    const tomb = await get(messagePath(topic, 1, 3));
    assert.equal(tomb.status, 200);
    assert.equal(tomb.body.key?.data, 'gone');
    assert.equal(tomb.body.value, null);
  });

  it('answers 404 where there is no message: at or past the end, an empty partition, no partition, no topic', async () => {
    for (const [path, words] of [
      [messagePath(topic, 1, 4), /no message at offset 4/],
      [messagePath(topic, 1, 1000), /no message at offset 1000/],
      [messagePath(topic, 0, 0), /no message at offset 0/],
      [messagePath(topic, 7, 0), /has no partition 7 \(it has 2\)/],
      [messagePath(randomName('nope'), 0, 0), /no topic/],
    ] as const) {
      const { status, body } = await get(path);
      assert.equal(status, 404, `${path}: ${body.error}`);
      assert.match(body.error ?? '', words);
    }
  });
});
