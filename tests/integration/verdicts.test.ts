import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Consumer, EachBatchPayload, Producer } from 'kafkajs';
import type { GroupHealth, Verdict } from '@/lib/contract/lag';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard, testKafka } from '@/tests/support/kafka';
import { actOk } from '@/tests/support/actions';
import { LiveClient } from '@/tests/support/live-client';

// Each health verdict made by a real kafkajs consumer on the shared cluster: healthy, slow,
// stalled, stopped, rewound. The windows are shortened (VERDICT_* below) so each case takes
// seconds; the times from the event to the verdict shown are printed for the report.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const WINDOWS = {
  POLL_INTERVAL_MS: '500',
  VERDICT_WINDOW_MS: '30000',
  VERDICT_TREND_MIN_MS: '5000',
  VERDICT_TREND_MIN_COMMITS: '4',
  VERDICT_STOP_FLOOR_MS: '3000',
  VERDICT_STOP_FACTOR: '3',
  VERDICT_ASSUMED_COMMIT_INTERVAL_MS: '1000',
  VERDICT_REWIND_HOLD_MS: '20000',
};

interface Reader {
  consumer: Consumer;
  /** From the next batch on, hold it: heartbeat, commit nothing (alive but not moving). */
  stall(): void;
  stop(): Promise<void>;
}

async function startReader(group: string, topic: string, perMessageMs = 0): Promise<Reader> {
  const consumer = testKafka(`verdict-${group}`).consumer({
    groupId: group,
    sessionTimeout: 6_000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 200,
    rebalanceTimeout: 10_000,
  });
  await consumer.connect();
  for (let attempt = 1; ; attempt++) {
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      break;
    } catch (e) {
      if (attempt >= 10) throw e;
      await sleep(300);
    }
  }
  let stalled = false;
  await consumer.run({
    autoCommitInterval: 200,
    eachBatchAutoResolve: false,
    eachBatch: async ({
      batch,
      resolveOffset,
      heartbeat,
      commitOffsetsIfNecessary,
      isRunning,
      isStale,
    }: EachBatchPayload) => {
      for (const m of batch.messages) {
        while (stalled && isRunning() && !isStale()) {
          await heartbeat();
          await sleep(200);
        }
        if (!isRunning() || isStale()) return;
        if (perMessageMs > 0) await sleep(perMessageMs);
        resolveOffset(m.offset);
        // Commits every autoCommitInterval inside a batch, as a per-message consumer does
        // (kafkajs would otherwise commit only at the batch's end).
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    },
  });
  let stopped = false;
  return {
    consumer,
    stall: () => (stalled = true),
    async stop() {
      if (stopped) return;
      stopped = true;
      await consumer.disconnect().catch(() => undefined);
    },
  };
}

/** Sends `perSecond` messages a second until stopped. */
function startProducing(producer: Producer, topic: string, perSecond: number): () => Promise<void> {
  let on = true;
  const loop = (async () => {
    let n = 0;
    while (on) {
      await producer.send({ topic, messages: [{ value: `m${n++}` }] }).catch(() => undefined);
      await sleep(1000 / perSecond);
    }
  })();
  return async () => {
    on = false;
    await loop;
  };
}

describe('health verdicts from real consumers', () => {
  let dashboard: Dashboard;
  let producer: Producer;
  const topics: string[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  const health = (group: string): GroupHealth | null =>
    dashboard.groups.list().find((g) => g.groupId === group)?.health ?? null;

  /** Polls the group's verdict as clients get it (the summary) until `want`; returns when. */
  async function until(group: string, want: (h: GroupHealth) => boolean, what: string, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const h = health(group);
      if (h && want(h)) return { at: Date.now(), health: h };
      if (Date.now() > deadline) throw new Error(`${what}: last verdict ${JSON.stringify(h)}`);
      await sleep(50);
    }
  }
  const is = (v: Verdict) => (h: GroupHealth) => h.verdict === v;
  /** OK from a commit (not the OK of an empty partition nobody committed on yet). */
  const readingOk = (h: GroupHealth) => h.verdict === 'OK' && h.reason.code !== 'nothing-to-read';

  async function fresh(prefix: string, perSecond: number) {
    const topic = randomName(`verdict.${prefix}`);
    const group = randomName(`verdict-${prefix}`);
    topics.push(topic);
    await createTopic(topic, 1, 3);
    const stopProducing = startProducing(producer, topic, perSecond);
    cleanups.push(stopProducing);
    return { topic, group, stopProducing };
  }

  before(async () => {
    dashboard = await startTestDashboard(WINDOWS);
    const client = new LiveClient(dashboard.url);
    await client.waitForOffsetsLogLive();
    client.close();
    producer = testKafka('verdict-producer').producer();
    await producer.connect();
  });

  after(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await producer?.disconnect();
    await dashboard?.close();
    for (const t of topics) await deleteTopic(t);
  });

  it('a consumer keeping up is OK, in the API and /metrics, with its reason in words', async () => {
    const { group } = await fresh('healthy', 20);
    const reader = await startReader(group, topics.at(-1)!);
    cleanups.push(() => reader.stop());
    await until(group, readingOk, 'healthy reads OK');
    // Judged for longer than the trend window: never anything but OK.
    const seen = new Set<Verdict>();
    for (const end = Date.now() + 8_000; Date.now() < end; await sleep(100)) seen.add(health(group)!.verdict);
    assert.deepEqual([...seen], ['OK']);
    const api = (await (await fetch(`${dashboard.url}/api/groups/${encodeURIComponent(group)}`)).json()) as {
      health: { verdict: Verdict; text: string; partitions: { verdict: Verdict; text: string }[]; windows: object };
    };
    assert.equal(api.health.verdict, 'OK');
    assert.ok(api.health.text.length > 10, api.health.text);
    assert.equal(api.health.partitions[0].verdict, 'OK');
    assert.equal((api.health.windows as { stopFloorMs: number }).stopFloorMs, 3_000);
    const metrics = await (await fetch(`${dashboard.url}/metrics`)).text();
    assert.match(
      metrics,
      new RegExp(`kafka_live_consumer_group_status\\{group="${group}",type="classic",status="OK"\\} 1`),
    );
    assert.match(
      metrics,
      new RegExp(`kafka_live_consumer_group_status\\{group="${group}",type="classic",status="STOP"\\} 0`),
    );
    assert.match(
      metrics,
      new RegExp(`kafka_live_consumer_group_partition_status\\{group="${group}",[^}]*status="OK"\\} 1`),
    );
    await reader.stop();
  });

  it('a consumer slower than its producer (lag growing while offsets advance) is WARN', async () => {
    const { group, topic } = await fresh('slow', 25);
    const reader = await startReader(group, topic, 100);
    cleanups.push(() => reader.stop());
    const started = Date.now();
    const { at, health: h } = await until(group, is('WARN'), 'slow reads WARN', 40_000);
    assert.equal(h.reason.code, 'lag-growing');
    if (h.reason.code === 'lag-growing') {
      assert.ok(h.reason.to > h.reason.from && h.reason.consumed > 0, JSON.stringify(h.reason));
    }
    console.log(`# slow consumer: WARN ${at - started} ms after it started (trend window 5 s): ${h.text}`);
    await reader.stop();
  });

  it('a member alive but not committing, with lag, is STALL (not STOP)', async () => {
    const { group, topic } = await fresh('stall', 20);
    const reader = await startReader(group, topic);
    cleanups.push(() => reader.stop());
    await until(group, readingOk, 'reads OK before the stall');
    reader.stall();
    const stalledAt = Date.now();
    const { at, health: h } = await until(group, (x) => x.verdict !== 'OK', 'stalled reads STALL', 30_000);
    assert.equal(h.verdict, 'STALL', JSON.stringify(h));
    assert.equal(h.reason.code, 'owner-silent');
    assert.equal(dashboard.groups.list().find((g) => g.groupId === group)?.members, 1, 'the member is still in');
    console.log(`# stalled consumer: STALL ${at - stalledAt} ms after it stopped committing: ${h.text}`);
    await reader.stop();
  });

  it('a group whose consumer stopped (left, group empty) with lag is NO_MEMBERS, its partitions STOP', async () => {
    const { group, topic } = await fresh('stop', 20);
    const reader = await startReader(group, topic);
    cleanups.push(() => reader.stop());
    await until(group, readingOk, 'reads OK before stopping');
    await sleep(2_000);
    const stoppedAt = Date.now();
    await reader.stop();
    // The last commit can have caught up a moment before the stop: "nothing waits" is then
    // true until the producer's next message is read from the log end, so wait for the lag.
    const noMembers = await until(
      group,
      (h) => h.verdict === 'NO_MEMBERS' && !h.text.includes('nothing waits'),
      'stopped reads NO_MEMBERS with messages waiting',
    );
    const stop = await until(
      group,
      () => dashboard.groups.verdict(group)?.partitions[0]?.verdict === 'STOP',
      'partition STOP',
    );
    assert.match(
      noMembers.health.text,
      /^No members: nobody is reading, and [\d,]+ messages? waits? on 1 partition\.$/,
    );
    console.log(
      `# stopped consumer: NO_MEMBERS ${noMembers.at - stoppedAt} ms, partition STOP ${stop.at - stoppedAt} ms after disconnect (stop after max(3 × median commit interval, 3 s))`,
    );
  });

  it('an offset reset to earliest is REWIND, and stays REWIND for the hold', async () => {
    const { group, topic, stopProducing } = await fresh('rewind', 50);
    const reader = await startReader(group, topic);
    cleanups.push(() => reader.stop());
    await until(group, readingOk, 'reads OK before the reset');
    await sleep(1_500);
    await stopProducing();
    await sleep(1_000);
    await reader.stop();
    await until(group, (h) => h.verdict !== 'OK', 'empty group');
    const resetAt = Date.now();
    // The dashboard's own reset (what kafka-consumer-groups.sh --to-earliest does: the log
    // start, resolved). kafkajs's admin.resetOffsets commits the sentinel -2 instead.
    await actOk(dashboard, 'offsets:reset', { groupId: group, topic, to: 'earliest' });
    const { at, health: h } = await until(group, is('REWIND'), 'reset reads REWIND');
    assert.equal(h.reason.code, 'rewound');
    if (h.reason.code === 'rewound') assert.equal(h.reason.to, 0);
    assert.match(h.text, /^Rewound \(.+\/0\)\. Committed offset moved back from [\d,]+ to 0/);
    console.log(`# rewind: REWIND ${at - resetAt} ms after the reset returned: ${h.text}`);
    await sleep(5_000);
    assert.equal(health(group)?.verdict, 'REWIND', 'still shown within the hold (20 s)');
  });
});
