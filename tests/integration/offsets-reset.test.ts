import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import { LiveClient } from '@/tests/support/live-client';
import { actError, actOk } from '@/tests/support/actions';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import {
  createTopic,
  deleteTopic,
  randomName,
  restoreCluster,
  startTestDashboard,
  withAdmin,
} from '@/tests/support/kafka';

// Offset resets through the dashboard: refused while the group has members, committed without
// joining the group once it is empty. Checked against Kafka with a separate admin client.

async function committed(groupId: string, topic: string): Promise<number[]> {
  const [entry] = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
  return entry.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
}

async function groupState(groupId: string): Promise<{ state: string; members: number }> {
  const { groups } = await withAdmin((admin) => admin.describeGroups([groupId]));
  return { state: groups[0].state, members: groups[0].members.length };
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('offset resets', { timeout: 240_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  let member: TestMember | null = null;
  const topic = randomName('reset');
  const groupId = randomName('reset-group');
  // Per partition: 4 messages before `middle`, 6 after; log end 10 on each of 3 partitions.
  let middle = 0;
  const ends = [10, 10, 10];
  const total = 30;
  const lag = async () => (await committed(groupId, topic)).reduce((sum, offset, p) => sum + ends[p] - offset, 0);

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await createTopic(topic, 3, 3);
    await client.waitFor('topic with leaders', (s) =>
      s.topics.some((t) => t.name === topic && t.partitions.every((p) => p.leader >= 0)),
    );
    await client.waitForOffsetsLogLive();
    await produce(
      topic,
      [0, 1, 2].flatMap((partition) => Array.from({ length: 4 }, (_, i) => ({ partition, value: `early-${i}` }))),
    );
    await new Promise((r) => setTimeout(r, 50));
    middle = Date.now();
    await new Promise((r) => setTimeout(r, 50));
    await produce(
      topic,
      [0, 1, 2].flatMap((partition) => Array.from({ length: 6 }, (_, i) => ({ partition, value: `late-${i}` }))),
    );
  });

  after(async () => {
    await member?.stop();
    client.close();
    await dashboard.close();
    await deleteTopic(topic);
  });

  it('refuses a reset while the group is Stable, naming its state and members', async () => {
    member = await startMember(groupId, [topic]);
    await until(
      'the member read everything',
      () => committed(groupId, topic),
      (c) => c.every((o, p) => o === ends[p]),
    );
    await until(
      'Stable',
      () => groupState(groupId),
      (g) => g.state === 'Stable',
    );
    assert.equal(
      await actError(dashboard, 'offsets:reset', { groupId, topic, to: 'earliest' }),
      `group ${groupId} is Stable with 1 member; stop its consumers first`,
    );
    assert.deepEqual(await committed(groupId, topic), ends, 'nothing was committed');
  });

  it('resets an empty group to earliest, latest, a timestamp and explicit offsets without joining it', async () => {
    await member!.stop();
    member = null;
    await until(
      'Empty',
      () => groupState(groupId),
      (g) => g.state === 'Empty' && g.members === 0,
    );
    client.watchGroup(groupId);
    const empty = await client.waitForDetail(
      'the group Empty with its generation',
      (d) => d.state === 'Empty' && d.generation !== null,
    );
    const generation = empty.generation;
    const rebalances = empty.rebalances.length;

    const earliest = await actOk(dashboard, 'offsets:reset', { groupId, topic, to: 'earliest' });
    assert.deepEqual(earliest, { groupId, topic, offsets: [0, 1, 2].map((partition) => ({ partition, offset: 0 })) });
    assert.equal(await lag(), total, 'lag equals all messages');

    const latest = await actOk(dashboard, 'offsets:reset', { groupId, topic, to: 'latest' });
    assert.deepEqual(
      latest.offsets.map((o) => o.offset),
      ends,
    );
    assert.equal(await lag(), 0);

    const byTime = await actOk(dashboard, 'offsets:reset', { groupId, topic, to: 'timestamp', timestamp: middle });
    assert.deepEqual(
      byTime.offsets.map((o) => o.offset),
      [4, 4, 4],
      'the first message at or after the timestamp',
    );
    assert.deepEqual(await committed(groupId, topic), [4, 4, 4]);
    const future = await actOk(dashboard, 'offsets:reset', {
      groupId,
      topic,
      to: 'timestamp',
      timestamp: Date.now() + 3_600_000,
    });
    assert.deepEqual(
      future.offsets.map((o) => o.offset),
      ends,
      'a timestamp past the end means the log end',
    );

    const explicit = await actOk(dashboard, 'offsets:reset', {
      groupId,
      topic,
      to: 'explicit',
      offsets: [
        { partition: 0, offset: 2 },
        { partition: 2, offset: 7 },
      ],
    });
    assert.deepEqual(explicit.offsets, [
      { partition: 0, offset: 2 },
      { partition: 2, offset: 7 },
    ]);
    assert.deepEqual(await committed(groupId, topic), [2, 10, 7], 'partitions left out keep their offsets');

    // The dashboard reads the commits from __consumer_offsets: lag shows, the generation stays.
    const after = await client.waitForDetail('the explicit offsets', (d) =>
      d.offsets.some((o) => o.partition === 0 && o.committed === 2),
    );
    assert.equal(after.totalLag, 8 + 3);
    await new Promise((r) => setTimeout(r, 1_500));
    const settled = client.detail!;
    assert.equal(settled.generation, generation, 'no join: the generation did not change');
    assert.equal(settled.rebalances.length, rebalances, 'no rebalance on the timeline');
    assert.equal(settled.state, 'Empty');
    assert.deepEqual(await groupState(groupId), { state: 'Empty', members: 0 });
  });

  it('refuses explicit offsets outside the log and partitions that do not exist, naming each', async () => {
    const error = await actError(dashboard, 'offsets:reset', {
      groupId,
      topic,
      to: 'explicit',
      offsets: [
        { partition: 1, offset: 11 },
        { partition: 0, offset: 3 },
      ],
    });
    assert.equal(error, 'partition 1: offset 11 is past the log end 10');
    assert.equal(
      await actError(dashboard, 'offsets:reset', {
        groupId,
        topic,
        to: 'explicit',
        offsets: [{ partition: 5, offset: 0 }],
      }),
      `partition 5 does not exist (${topic} has 3 partitions: 0-2)`,
    );
    assert.deepEqual(await committed(groupId, topic), [2, 10, 7], 'nothing was committed');
  });

  it('refuses an unknown topic, and sets offsets for a group id never used before', async () => {
    const missing = randomName('reset-missing');
    assert.equal(
      await actError(dashboard, 'offsets:reset', { groupId, topic: missing, to: 'latest' }),
      `no topic named ${missing}`,
    );
    const fresh = randomName('reset-fresh');
    const result = await actOk(dashboard, 'offsets:reset', { groupId: fresh, topic, to: 'latest' });
    assert.deepEqual(
      result.offsets.map((o) => o.offset),
      ends,
    );
    assert.deepEqual(await committed(fresh, topic), ends);
  });
});
