import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupDetail, GroupSummary } from '@/lib/contract/groups';
import type { Dashboard } from '@/server/app';
import { deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';
import { LiveClient } from '@/tests/support/live-client';

// Lag in seconds against messages produced with known timestamps: the dashboard's age of the
// oldest unread record must be within a second of the true age, per partition and as the
// group's maximum, and 0 (not absent) once nothing is unread.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lag in seconds', () => {
  let dashboard: Dashboard;
  const topics: string[] = [];

  before(async () => {
    dashboard = await startTestDashboard();
    const client = new LiveClient(dashboard.url);
    await client.waitForOffsetsLogLive();
    client.close();
  });

  after(async () => {
    await dashboard?.close();
    for (const t of topics) await deleteTopic(t);
  });

  async function topicWith(timestampType: 'CreateTime' | 'LogAppendTime') {
    const topic = randomName('lag.seconds');
    topics.push(topic);
    await withAdmin((admin) =>
      admin.createTopics({
        topics: [
          {
            topic,
            numPartitions: 2,
            replicationFactor: 3,
            configEntries: [{ name: 'message.timestamp.type', value: timestampType }],
          },
        ],
        waitForLeaders: false,
      }),
    );
    await waitFor(
      'leaders',
      () =>
        dashboard.store
          .snapshot()
          .topics.find((t) => t.name === topic)
          ?.partitions.every((p) => p.leader >= 0) || null,
    );
    return topic;
  }

  async function waitFor<T>(what: string, get: () => T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = get();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  const commit = (group: string, topic: string, offsets: [number, number][]) =>
    withAdmin((admin) =>
      admin.setOffsets({
        groupId: group,
        topic,
        partitions: offsets.map(([partition, offset]) => ({ partition, offset: String(offset) })),
      }),
    );

  it('is the age of the record at the committed offset, within 1 s, per partition and the group maximum', async () => {
    const topic = await topicWith('CreateTime');
    const group = randomName('lag-seconds');
    const base = Date.now() - 120_000;
    // Partition 0: one message a second from 120 s ago; partition 1: from 60 s ago.
    const producer = testKafka('lag-seconds-producer').producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        ...Array.from({ length: 10 }, (_, i) => ({
          partition: 0,
          value: `a${i}`,
          timestamp: String(base + i * 1_000),
        })),
        ...Array.from({ length: 10 }, (_, i) => ({
          partition: 1,
          value: `b${i}`,
          timestamp: String(base + 60_000 + i * 1_000),
        })),
      ],
    });
    await producer.disconnect();
    await commit(group, topic, [
      [0, 3],
      [1, 8],
    ]);

    const detail = await waitFor('both ages known', () => {
      const d = dashboard.groups.detail(group);
      return d && d.offsets.length === 2 && d.offsets.every((o) => o.lagAge.seconds !== null) ? d : null;
    });
    const now = Date.now();
    const [p0, p1] = detail.offsets;
    const true0 = (now - (base + 3_000)) / 1000;
    const true1 = (now - (base + 68_000)) / 1000;
    assert.ok(Math.abs(p0.lagAge.seconds! - true0) < 1, `partition 0: ${p0.lagAge.seconds} s, truly ${true0} s`);
    assert.ok(Math.abs(p1.lagAge.seconds! - true1) < 1, `partition 1: ${p1.lagAge.seconds} s, truly ${true1} s`);
    assert.equal(p0.lagAge.reason, 'create-time');
    assert.equal(p0.lagAge.estimate, true, 'producer-set times are an estimate');
    assert.equal(detail.lagAge.partition?.partition, 0, 'the maximum is partition 0');
    assert.ok(Math.abs(detail.lagAge.seconds! - true0) < 1);
    console.log(`# lag seconds: ${p0.lagAge.seconds!.toFixed(2)} s shown, ${true0.toFixed(2)} s true (partition 0)`);

    // The API and /metrics say the same.
    const list = (await (await fetch(`${dashboard.url}/api/groups`)).json()) as GroupSummary[];
    const row = list.find((g) => g.groupId === group)!;
    assert.ok(Math.abs(row.lagAge.seconds! - (Date.now() - (base + 3_000)) / 1000) < 1.5);
    const metrics = await (await fetch(`${dashboard.url}/metrics`)).text();
    const line = metrics
      .split('\n')
      .find((l) => l.startsWith(`kafka_live_consumer_group_lag_seconds{group="${group}"`));
    assert.ok(line, 'group lag seconds exported');
    assert.ok(Math.abs(Number(line.split(' ').at(-1)) - (Date.now() - (base + 3_000)) / 1000) < 1.5, line);

    // Nothing unread: 0, not absent (an alert on lag seconds resolves).
    await commit(group, topic, [
      [0, 10],
      [1, 10],
    ]);
    const caughtUp = await waitFor('caught up', () => {
      const d: GroupDetail | null = dashboard.groups.detail(group);
      return d && d.offsets.every((o) => o.lag === 0) ? d : null;
    });
    assert.deepEqual(
      caughtUp.offsets.map((o) => o.lagAge),
      [0, 1].map(() => ({ seconds: 0, estimate: false, reason: 'caught-up' })),
    );
    assert.equal(caughtUp.lagAge.seconds, 0);
  });

  it('on a LogAppendTime topic is exact (the broker set the time), not an estimate', async () => {
    const topic = await topicWith('LogAppendTime');
    const group = randomName('lag-seconds-append');
    const producer = testKafka('lag-seconds-producer').producer();
    await producer.connect();
    const sentAt = Date.now();
    // The producer's claimed time is ignored on this topic.
    await producer.send({ topic, messages: [{ partition: 0, value: 'x', timestamp: String(sentAt - 3_600_000) }] });
    await producer.disconnect();
    await commit(group, topic, [[0, 0]]);
    const d = await waitFor('age known', () => {
      const x = dashboard.groups.detail(group);
      return x?.offsets.find((o) => o.partition === 0)?.lagAge.seconds != null ? x : null;
    });
    const p0 = d.offsets.find((o) => o.partition === 0)!;
    assert.equal(p0.lagAge.reason, 'log-append-time');
    assert.equal(p0.lagAge.estimate, false);
    const trueAge = (Date.now() - sentAt) / 1000;
    assert.ok(p0.lagAge.seconds! <= trueAge + 1 && p0.lagAge.seconds! >= 0, `${p0.lagAge.seconds} s vs ${trueAge} s`);
  });
  it('a lagging group that only ages is not resent each round; the API row still ages', async () => {
    const topic = await topicWith('LogAppendTime');
    const group = randomName('lag-seconds-idle');
    const producer = testKafka('lag-seconds-producer').producer();
    await producer.connect();
    await producer.send({ topic, messages: [0, 1, 2].map((n) => ({ partition: 0, value: `v${n}` })) });
    await commit(group, topic, [[0, 1]]);
    const row = async () =>
      ((await (await fetch(`${dashboard.url}/api/groups`)).json()) as GroupSummary[]).find((g) => g.groupId === group);
    await waitFor('judged, with an age', () => {
      const g = dashboard.groups.list().find((x) => x.groupId === group);
      // The lag trend appears once the trend window has history: a real change, so wait for it.
      return g?.health?.verdict === 'NO_MEMBERS' && g.lagAge.seconds !== null && g.lagTrend !== null;
    });
    await sleep(1_500);
    const upserts: GroupSummary[] = [];
    const onPatch = (patch: { upsert: GroupSummary[] }) =>
      upserts.push(...patch.upsert.filter((g) => g.groupId === group));
    dashboard.groups.on('patch', onPatch);
    try {
      const first = (await row())!;
      await sleep(3_000); // six poll rounds at 500 ms
      const later = (await row())!;
      assert.equal(upserts.length, 0, `resent while only its age grew: ${JSON.stringify({ first, upserts })}`);
      assert.ok(
        later.lagAge.seconds! - first.lagAge.seconds! >= 2.5,
        `API ages: ${first.lagAge.seconds} → ${later.lagAge.seconds}`,
      );
      assert.ok(later.observedAt > first.observedAt);

      // A real change (more lag) is sent, with the figures as of its observedAt.
      await producer.send({ topic, messages: [{ partition: 0, value: 'v3' }] });
      await waitFor('the new lag sent', () => upserts.find((g) => g.totalLag === 3), 10_000);
    } finally {
      dashboard.groups.off('patch', onPatch);
      await producer.disconnect();
    }
  });
});
