import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { BrowseQueryInput, BrowseResponse } from '@/lib/contract/browse';
import { postJson } from '@/tests/support/http';
import { deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';

// The message browser's JSON API on the real embedded cluster: plain Fetch to the leaders,
// bounds from ListOffsets, filters on the server, in read-only mode (searching changes nothing).

const MESSAGES = 100_000;
const NEEDLE_AT = 73_123;
// Recent: older record times fall to time-based retention at once.
const T0 = Date.now() - 3_600_000;

describe('message browser (POST /api/topics/:name/messages/search)', { timeout: 300_000 }, () => {
  let dashboard: Dashboard;
  const big = randomName('browse-big');
  const misc = randomName('browse-misc');
  const tx = randomName('browse-tx');

  const search = async (topic: string, query: BrowseQueryInput) => {
    const res = await postJson(`${dashboard.url}/api/topics/${topic}/messages/search`, query);
    return { status: res.status, body: (await res.json()) as BrowseResponse & { error?: string } };
  };
  const ok = async (topic: string, query: BrowseQueryInput): Promise<BrowseResponse> => {
    const { status, body } = await search(topic, query);
    assert.equal(status, 200, body.error);
    return body;
  };
  const text = (m: BrowseResponse['messages'][number]) => m.value?.data ?? null;

  before(async () => {
    await withAdmin((admin) =>
      admin.createTopics({
        waitForLeaders: false,
        topics: [
          { topic: big, numPartitions: 3, replicationFactor: 1 },
          { topic: misc, numPartitions: 1, replicationFactor: 1 },
          { topic: tx, numPartitions: 1, replicationFactor: 3 },
        ],
      }),
    );
    const kafka = testKafka('browse-test');
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const started = Date.now();
    const batches: Promise<unknown>[] = [];
    for (let from = 0; from < MESSAGES; from += 5000) {
      const messages = Array.from({ length: 5000 }, (_, j) => {
        const i = from + j;
        return {
          key: i === NEEDLE_AT ? 'order-4711' : `order-${1_000_000 + i}`,
          value: JSON.stringify({ order: { id: i, status: 'open', note: 'x'.repeat(60) } }),
        };
      });
      batches.push(producer.send({ topic: big, acks: 1, messages }));
      if (batches.length >= 4) await Promise.all(batches.splice(0));
    }
    await Promise.all(batches);
    console.log(`produced ${MESSAGES} messages in ${Date.now() - started} ms`);

    await producer.send({
      topic: misc,
      acks: -1,
      messages: [
        ...Array.from({ length: 10 }, (_, i) => ({
          key: `k${i}`,
          value: JSON.stringify({ order: { status: i % 2 === 0 ? 'open' : 'paid', n: i } }),
          timestamp: String(T0 + i * 1000),
          headers: { trace: `x${i}` },
        })),
        { key: 'bin', value: Buffer.from([0xff, 0xfe, 0x00, 0x01]), timestamp: String(T0 + 10_000) },
        { key: 'huge', value: 'h'.repeat(200 * 1024), timestamp: String(T0 + 11_000) },
        { key: 'gone', value: null, timestamp: String(T0 + 12_000) },
        { key: 'evil', value: `${'a'.repeat(40)}!`, timestamp: String(T0 + 13_000) },
      ],
    });
    await producer.disconnect();

    const txProducer = kafka.producer({
      transactionalId: randomName('browse-tx'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await txProducer.connect();
    for (const [values, commit] of [
      [['c1'], true],
      [['a1', 'a2'], false],
      [['c2'], true],
    ] as const) {
      const t = await txProducer.transaction();
      await t.send({ topic: tx, messages: values.map((value) => ({ value })) });
      await (commit ? t.commit() : t.abort());
    }
    await txProducer.disconnect();

    dashboard = await startTestDashboard({ READ_ONLY: 'true' });
    // A search asks a broker the poller has seen: wait for its first round.
    for (let i = 0; i < 100 && !dashboard.store.snapshot().topics.some((t) => t.name === big); i++)
      await new Promise((r) => setTimeout(r, 200));
  });

  after(async () => {
    await dashboard?.close();
    await Promise.all([deleteTopic(big), deleteTopic(misc), deleteTopic(tx)]);
  });

  it('finds one key among 100,000 messages over 3 partitions, reading every one', async () => {
    const started = Date.now();
    const body = await ok(big, { from: { position: 'oldest' }, filters: { key: 'order-4711' } });
    const ms = Date.now() - started;
    console.log(`found 1 key among ${body.scanned} messages in ${ms} ms`);
    assert.equal(body.messages.length, 1);
    assert.equal(body.messages[0].key?.data, 'order-4711');
    assert.equal(JSON.parse(text(body.messages[0]) ?? '').order.id, NEEDLE_AT);
    assert.equal(body.scanned, MESSAGES);
    assert.equal(body.stoppedBy, 'end');
    assert.equal(body.done, true);
    assert.equal(typeof body.messages[0].offset, 'number');
  });

  it('stops at maxScanned and says so', async () => {
    const body = await ok(big, { from: { position: 'oldest' }, filters: { key: 'nothing' }, maxScanned: 5000 });
    assert.equal(body.scanned, 5000);
    assert.equal(body.stoppedBy, 'maxScanned');
    assert.equal(body.done, false);
  });

  it('seeks by timestamp to the first message at or after it', async () => {
    const body = await ok(misc, { from: { timestamp: T0 + 3500 }, limit: 2 });
    assert.deepEqual(
      body.messages.map((m) => [m.offset, m.timestamp]),
      [
        [4, T0 + 4000],
        [5, T0 + 5000],
      ],
    );
  });

  it('pages backward from the end, newest first', async () => {
    const first = await ok(misc, { from: { position: 'newest' }, direction: 'backward', limit: 3 });
    assert.deepEqual(
      first.messages.map((m) => m.offset),
      [13, 12, 11],
    );
    const next = await ok(misc, { from: { offset: 10 }, direction: 'backward', limit: 3 });
    assert.deepEqual(
      next.messages.map((m) => m.offset),
      [10, 9, 8],
    );
    const tail = await ok(misc, { from: { beforeEnd: 2 } });
    assert.deepEqual(
      tail.messages.map((m) => m.offset),
      [12, 13],
    );
  });

  it('filters on a JSON path and on a header', async () => {
    const paid = await ok(misc, {
      from: { position: 'oldest' },
      filters: { jsonPath: '$.order.status', jsonEquals: 'paid' },
    });
    assert.deepEqual(
      paid.messages.map((m) => m.offset),
      [1, 3, 5, 7, 9],
    );
    const compared = await ok(misc, {
      from: { position: 'oldest' },
      filters: { jsonPath: '$.order.n', jsonCompare: { op: '>=', value: 8 } },
    });
    assert.deepEqual(
      compared.messages.map((m) => m.offset),
      [8, 9],
    );
    const traced = await ok(misc, { from: { position: 'oldest' }, filters: { header: { key: 'trace', value: 'x3' } } });
    assert.deepEqual(
      traced.messages.map((m) => [m.offset, m.headers[0].key, m.headers[0].value?.data]),
      [[3, 'trace', 'x3']],
    );
  });

  it('bounds a regex that would backtrack catastrophically', async () => {
    const started = Date.now();
    const body = await ok(misc, { from: { position: 'oldest' }, filters: { valueRegex: '^(a+)+$' } });
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal(body.messages.length, 0);
    assert.equal(body.scanned, 14);
  });

  it('shows binary values as base64, huge ones truncated with their real size, and tombstones as null', async () => {
    const body = await ok(misc, { from: { offset: 10 }, limit: 3 });
    const [bin, huge, gone] = body.messages;
    assert.equal(bin.value?.encoding, 'binary');
    assert.equal(bin.value?.data, Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('base64'));
    assert.equal(huge.value?.size, 200 * 1024);
    assert.equal(huge.value?.truncated, true);
    assert.ok((huge.value?.data.length ?? 0) < 200 * 1024);
    assert.equal(gone.key?.data, 'gone');
    assert.equal(gone.value, null);
  });

  it('read_committed hides aborted messages and transaction markers; read_uncommitted shows them', async () => {
    const committed = await ok(tx, { from: { position: 'oldest' }, readCommitted: true });
    assert.deepEqual(committed.messages.map(text), ['c1', 'c2']);
    const all = await ok(tx, { from: { position: 'oldest' } });
    assert.deepEqual(all.messages.map(text), ['c1', 'a1', 'a2', 'c2']);
    const markers = await ok(tx, { from: { position: 'oldest' }, readCommitted: true, showControl: true });
    assert.deepEqual(
      markers.messages.filter((m) => m.control).map((m) => m.control?.type),
      ['commit', 'abort', 'commit'],
    );
  });

  it('answers a bad regex, a bad path and an unknown topic or partition with a clear refusal', async () => {
    const regex = await search(big, { from: { position: 'oldest' }, filters: { valueRegex: 'a(' } });
    assert.equal(regex.status, 400);
    assert.match(regex.body.error ?? '', /regex/i);
    const path = await search(big, { from: { position: 'oldest' }, filters: { jsonPath: 'order.status' } });
    assert.equal(path.status, 400);
    assert.match(path.body.error ?? '', /path/i);
    const partition = await search(big, { from: { position: 'oldest' }, partitions: [7] });
    assert.equal(partition.status, 400);
    assert.match(partition.body.error ?? '', /no partition 7/);
    const missing = await search(randomName('no-such-topic'), { from: { position: 'oldest' } });
    assert.equal(missing.status, 404);
  });
});
