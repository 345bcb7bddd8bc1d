import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import { SCANS_MAX_TOTAL } from '@/lib/contract/browse';
import { LiveClient } from '@/tests/support/live-client';
import { deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';

// A live scan (a `scan` watch) on the real embedded cluster: events in order, cancel and a
// closed socket free the scan's slot at once, refusals before anything is read, the cap on
// scans at once. In read-only mode: browsing changes nothing.

const SMALL = 3000;
const BIG = 200_000;
const HIT_EVERY = 100;

describe('live scan over the socket', { timeout: 300_000 }, () => {
  let dashboard: Dashboard;
  const small = randomName('scan-small');
  const big = randomName('scan-big');
  const clients: LiveClient[] = [];

  const client = async (): Promise<LiveClient> => {
    const c = new LiveClient(dashboard.url);
    clients.push(c);
    await c.waitFor('a snapshot', () => true);
    return c;
  };
  const settled = async (what: string, check: () => boolean, timeoutMs = 5000, everyMs = 20) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  const eventsOf = (c: LiveClient, scanId: string) => c.scanLog.filter((e) => e.scanId === scanId);

  before(async () => {
    await withAdmin((admin) =>
      admin.createTopics({
        waitForLeaders: true,
        topics: [
          { topic: small, numPartitions: 3, replicationFactor: 1 },
          { topic: big, numPartitions: 3, replicationFactor: 1 },
        ],
      }),
    );
    const producer = testKafka('browse-live-test').producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: small,
      acks: 1,
      messages: Array.from({ length: SMALL }, (_, i) => ({
        key: `k${i}`,
        value: JSON.stringify({ n: i, tag: i % HIT_EVERY === 0 ? 'hit' : 'miss' }),
      })),
    });
    const started = Date.now();
    const pending: Promise<unknown>[] = [];
    for (let from = 0; from < BIG; from += 5000) {
      const messages = Array.from({ length: 5000 }, (_, j) => ({
        key: `order-${from + j}`,
        value: JSON.stringify({ order: { id: from + j, status: 'open', note: 'x'.repeat(120) } }),
      }));
      pending.push(producer.send({ topic: big, acks: 1, messages }));
      if (pending.length >= 4) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    await producer.disconnect();
    console.log(`produced ${BIG} messages in ${Date.now() - started} ms`);
    dashboard = await startTestDashboard({ READ_ONLY: 'true' });
    for (let i = 0; i < 100 && !dashboard.store.snapshot().topics.some((t) => t.name === big); i++)
      await new Promise((r) => setTimeout(r, 200));
  });

  after(async () => {
    for (const c of clients) c.close();
    await dashboard?.close();
    await Promise.all([deleteTopic(small), deleteTopic(big)]);
  });

  it('streams progress first, matches in offset order per partition, then one end with the right outcome', async () => {
    const c = await client();
    const id = c.startScan(small, { from: { position: 'oldest' }, filters: { valueContains: '"hit"' }, limit: 1000 });
    const state = await c.waitForScan(id, (s) => s.status === 'ended');
    const log = eventsOf(c, id);
    assert.equal(log[0].event, 'scan:progress', 'progress at the start');
    assert.equal(log.at(-1)?.event, 'scan:end');
    assert.equal(log.filter((e) => e.event === 'scan:end').length, 1);
    assert.equal(state.outcome?.stoppedBy, 'end');
    assert.equal(state.outcome?.done, true);
    assert.equal(state.outcome?.scanned, SMALL);
    assert.equal(state.outcome?.matches, SMALL / HIT_EVERY);
    assert.equal(state.error, null);
    assert.equal(state.matches.length, SMALL / HIT_EVERY);
    const found = log.flatMap((e) => e.found ?? []);
    assert.deepEqual(
      found,
      state.matches.map((m) => `${m.partition}:${m.offset}`),
      'the page holds the matches in the order they came',
    );
    for (const p of [0, 1, 2]) {
      const offsets = state.matches.filter((m) => m.partition === p).map((m) => m.offset);
      assert.deepEqual(
        offsets,
        [...offsets].sort((a, b) => a - b),
        `partition ${p} in offset order`,
      );
    }
    for (const m of state.matches) assert.equal(JSON.parse(m.value?.data ?? '{}').n % HIT_EVERY, 0);

    const limited = c.startScan(small, { from: { position: 'oldest' }, filters: { valueContains: '"hit"' }, limit: 5 });
    const five = await c.waitForScan(limited, (s) => s.status === 'ended');
    assert.equal(five.outcome?.stoppedBy, 'limit');
    assert.equal(five.matches.length, 5);
  });

  it('streams progress about 4 times a second on a long scan', async () => {
    const c = await client();
    const id = c.startScan(big, { from: { position: 'oldest' }, filters: { valueContains: 'no such text' } });
    const state = await c.waitForScan(id, (s) => s.status === 'ended', 120_000);
    assert.equal(state.outcome?.scanned, BIG);
    assert.equal(state.outcome?.stoppedBy, 'end');
    const times = eventsOf(c, id)
      .filter((e) => e.event === 'scan:progress')
      .map((e) => e.elapsedMs ?? 0);
    const seconds = state.outcome!.elapsedMs / 1000;
    console.log(`scanned ${BIG} in ${state.outcome?.elapsedMs} ms with ${times.length} progress events`);
    if (seconds > 1) {
      const rate = (times.length - 1) / seconds;
      assert.ok(rate >= 2 && rate <= 6, `progress at ${rate.toFixed(1)}/s`);
    }
    for (let i = 2; i < times.length; i++)
      assert.ok(times[i] - times[i - 1] >= 200, `no burst of progress: ${times.join(', ')}`);
  });

  it('cancel mid-scan frees its slot at once and nothing more arrives for it', async () => {
    const c = await client();
    // On a fast machine a scan reads all 200,000 in about 200 ms, before its first progress
    // event after the start: so the cancel is sent as soon as the server holds the scan, and a
    // scan that still beat it to the end is started again (it proves nothing about a cancel).
    let first = '';
    for (let attempt = 1; ; attempt++) {
      first = c.startScan(big, { from: { position: 'oldest' }, filters: { valueContains: 'no such text' } });
      await settled(
        'the scan held by the server',
        () => dashboard.browse.limiter.running() === 1 || c.scan(first).outcome != null,
        5000,
        1,
      );
      if (!c.scan(first).outcome) break;
      assert.ok(attempt < 5, 'every scan read the whole topic before it could be cancelled');
      await settled('no scan running', () => dashboard.browse.limiter.running() === 0, 3000);
    }
    c.cancelScan(first, big);
    // Straight after the unwatch, on the same connection: not refused by its own old scan.
    const second = c.startScan(big, { from: { position: 'oldest' }, filters: { valueContains: 'no such text' } });
    await c.waitForScan(second, (s) => (s.progress?.scanned ?? 0) > 0);
    assert.equal(c.scan(second).error, null);
    assert.equal(c.scan(first).outcome?.stoppedBy, 'cancelled');
    const before = eventsOf(c, first).length;
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(eventsOf(c, first).length, before, 'no event after the unwatch');
    assert.equal(
      eventsOf(c, first).some((e) => e.event === 'scan:end'),
      false,
    );
    // The second may already have read all 200,000 on a quiet machine, so it holds one slot or
    // none; a slot the cancelled one kept shows here as 2, or below as a slot left after both.
    assert.ok(dashboard.browse.limiter.running() <= 1, 'only the second scan may hold a slot');
    c.cancelScan(second, big);
    await settled('no scan running', () => dashboard.browse.limiter.running() === 0, 1000);
  });

  it('a closed socket ends its scan and frees its slot', async () => {
    // On a quiet machine the whole topic is read in a few hundred ms, before a first progress
    // event may come: so the close is sent as soon as the server holds the scan, and a scan
    // that still beat it to the end is started again (it proves nothing about the close).
    let c: LiveClient | undefined;
    let id = '';
    for (let attempt = 1; !c; attempt++) {
      const next = await client();
      id = next.startScan(big, { from: { position: 'oldest' }, filters: { valueContains: 'no such text' } });
      await settled('the scan running', () => dashboard.subscriptions.scans.running() === 1, 5000);
      next.close();
      if (!eventsOf(next, id).some((e) => e.event === 'scan:end')) c = next;
      else assert.ok(attempt < 5, 'every scan ended before its socket closed');
      await settled('no scan running', () => dashboard.subscriptions.scans.running() === 0, 3000);
    }
    await settled('the scan ended with its socket', () => dashboard.browse.limiter.running() === 0, 3000);
    assert.equal(dashboard.subscriptions.scans.running(), 0);
    assert.equal(c.scan(id).outcome?.stoppedBy, 'error', 'the page says the scan was lost');
  });

  it('refuses a bad regex, a bad JSON path and a bad query before reading, with the reason', async () => {
    const c = await client();
    const cases = [
      [{ valueRegex: '(unclosed' }, /invalid regex/],
      [{ jsonPath: '$.a[' }, /JSON path|jsonPath/i],
    ] as const;
    for (const [filters, reason] of cases) {
      const id = c.startScan(big, { from: { position: 'oldest' }, filters });
      const state = await c.waitForScan(id, (s) => s.status === 'ended', 5000);
      assert.equal(state.outcome?.stoppedBy, 'error');
      assert.match(state.error ?? '', reason);
      assert.equal(state.outcome?.scanned, 0);
      assert.deepEqual(
        eventsOf(c, id).map((e) => e.event),
        ['scan:end'],
        'nothing read, no progress',
      );
    }
    const limit = c.startScan(big, { from: { position: 'oldest' }, limit: 0 });
    assert.match((await c.waitForScan(limit, (s) => s.status === 'ended', 5000)).error ?? '', /limit/);
    const missing = c.startScan(randomName('no-such-topic'), { from: { position: 'oldest' } });
    assert.match((await c.waitForScan(missing, (s) => s.status === 'ended', 10_000)).error ?? '', /topic/);
    assert.equal(dashboard.browse.limiter.running(), 0);
  });

  it(`refuses a scan past ${SCANS_MAX_TOTAL} at once, clearly, and serves it once one ends`, async () => {
    const scanning = await Promise.all(Array.from({ length: SCANS_MAX_TOTAL }, () => client()));
    const ids = scanning.map((c) =>
      c.startScan(big, { from: { position: 'oldest' }, filters: { valueContains: 'no such text' } }),
    );
    await settled('every slot taken', () => dashboard.browse.limiter.running() === SCANS_MAX_TOTAL);
    const late = await client();
    const refused = late.startScan(big, { from: { position: 'oldest' } });
    const state = await late.waitForScan(refused, (s) => s.status === 'ended', 5000);
    assert.equal(state.outcome?.stoppedBy, 'error');
    assert.match(state.error ?? '', new RegExp(`limit of ${SCANS_MAX_TOTAL} searches at once`));
    scanning[0].cancelScan(ids[0], big);
    const again = late.startScan(big, { from: { position: 'oldest' }, limit: 1 });
    const served = await late.waitForScan(again, (s) => s.status === 'ended', 30_000);
    assert.equal(served.error, null);
    assert.equal(served.outcome?.stoppedBy, 'limit');
    for (const [i, c] of scanning.entries()) c.cancelScan(ids[i], big);
    await settled('every slot free', () => dashboard.browse.limiter.running() === 0);
  });
});
