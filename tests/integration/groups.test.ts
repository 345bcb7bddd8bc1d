import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupDetail, GroupSummary } from '@/lib/contract/groups';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard, withAdmin } from '@/tests/support/kafka';
import { LiveClient } from '@/tests/support/live-client';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';

// Consumer groups on the real embedded cluster, seen through the dashboard's socket stream
// and JSON API: assignments, idle members, generations, exact lag.

const assigned = (d: GroupDetail) => d.members.map((m) => m.assignments.length).sort();
const stableWith = (n: number) => (d: GroupDetail) =>
  d.state === 'Stable' &&
  d.generation !== null &&
  d.members.length === n &&
  d.members.every((m) => m.assignments.length >= 0) &&
  assigned(d).reduce((a, b) => a + b, 0) === 3;

describe('consumer groups', () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topic = randomName('order.processing');
  const members: TestMember[] = [];

  before(async () => {
    await createTopic(topic, 3, 3);
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await client.waitFor('topic with leaders', (s) =>
      s.topics.some((t) => t.name === topic && t.partitions.every((p) => p.leader >= 0)),
    );
    await client.waitForOffsetsLogLive();
  });

  after(async () => {
    await Promise.all(members.map((m) => m.stop()));
    client?.close();
    await dashboard?.close();
    await deleteTopic(topic);
  });

  it('shows two members 2:1, then four members with one idle, and each rebalance as a generation', async () => {
    const group = randomName('order-processing-group');
    client.watchGroup(group);
    members.push(await startMember(group, [topic], { clientId: 'instance-A' }));
    members.push(await startMember(group, [topic], { clientId: 'instance-B' }));
    const two = await client.waitForDetail('2 members 2:1', stableWith(2));
    assert.deepEqual(assigned(two), [1, 2]);
    assert.equal(two.protocolType, 'consumer');
    assert.ok(two.generation !== null && two.generation >= 1);
    assert.ok(two.coordinator !== null && [1, 2, 3].includes(two.coordinator));
    assert.deepEqual(two.topics, [topic]);
    for (const m of two.members) {
      assert.match(m.clientId, /^instance-[AB]$/);
      assert.ok(m.host.length > 0);
      assert.deepEqual(m.subscribedTopics, [topic]);
    }

    members.push(await startMember(group, [topic], { clientId: 'instance-C' }));
    members.push(await startMember(group, [topic], { clientId: 'instance-D' }));
    const four = await client.waitForDetail('4 members, one idle', stableWith(4));
    assert.deepEqual(assigned(four), [0, 1, 1, 1]);
    assert.ok(four.generation! > two.generation!);
    // Every generation in between is on the timeline, newest first, each with what changed.
    const gens = four.rebalances.map((r) => r.generation);
    assert.equal(gens[0], four.generation);
    assert.deepEqual(
      gens,
      [...gens].sort((a, b) => b - a),
    );
    const joinedC = four.rebalances.find((r) => r.joined.some((j) => j.clientId === 'instance-C'));
    assert.ok(joinedC, 'the generation where C joined is on the timeline');
    assert.equal(joinedC.source, 'live');

    // One member leaves gracefully: a new generation within seconds, with the right diff.
    const leaver = members[0];
    const leaverId = four.members.find((m) => m.clientId === 'instance-A')!.memberId;
    const ownedBefore = four.members.find((m) => m.memberId === leaverId)!.assignments;
    const t0 = Date.now();
    await leaver.stop();
    const three = await client.waitForDetail(
      'A left',
      (d) =>
        d.members.length === 3 && d.state === 'Stable' && d.rebalances[0].left.some((l) => l.memberId === leaverId),
      20_000,
    );
    const tookMs = Date.now() - t0;
    assert.ok(tookMs < 15_000, `the new generation showed after ${tookMs} ms`);
    const latest = three.rebalances[0];
    assert.equal(latest.generation, three.generation);
    assert.deepEqual(latest.joined, []);
    assert.deepEqual(
      latest.left.map((l) => l.clientId),
      ['instance-A'],
    );
    // Whatever A owned moved to someone still in the group; every partition is owned.
    for (const tp of ownedBefore) {
      const change = latest.changes.find((c) => c.topic === tp.topic && c.partition === tp.partition);
      assert.ok(change, `partition ${tp.partition} moved`);
      assert.equal(change.from, leaverId);
      assert.ok(change.to && three.members.some((m) => m.memberId === change.to));
    }
    assert.deepEqual(assigned(three), [1, 1, 1]);

    // The JSON API says the same.
    const api = (await (await fetch(`${dashboard.url}/api/groups/${encodeURIComponent(group)}`)).json()) as GroupDetail;
    assert.equal(api.groupId, group);
    assert.equal(api.generation, three.generation);
    assert.equal(api.members.length, 3);
    assert.ok(api.rebalances.some((r) => r.left.some((l) => l.memberId === leaverId)));
    const list = (await (await fetch(`${dashboard.url}/api/groups`)).json()) as GroupSummary[];
    const row = list.find((g) => g.groupId === group);
    assert.ok(row);
    assert.equal(row.members, 3);
    assert.deepEqual(row.topics, [topic]);
    await Promise.all(members.splice(0).map((m) => m.stop()));
  });

  it('shows nothing committed as such, exact lag for N unread messages, and 0 once read', async () => {
    const group = randomName('lag-group');
    // Commit offset 0 everywhere while the group has no members, then produce 30 messages.
    await withAdmin((admin) =>
      admin.setOffsets({ groupId: group, topic, partitions: [0, 1].map((p) => ({ partition: p, offset: '0' })) }),
    );
    client.watchGroup(group);
    const empty = await client.waitForDetail(
      'offsets committed',
      (d) => d.offsets.filter((o) => o.committed !== null).length === 2,
    );
    const before = (p: number) => empty.offsets.find((o) => o.partition === p)!;
    const ends = [0, 1, 2].map((p) => before(p).logEnd ?? 0);
    assert.equal(before(2).committed, null, 'partition 2 has nothing committed');
    assert.equal(before(2).lag, null, 'nothing committed is not lag 0');

    await produce(
      topic,
      Array.from({ length: 30 }, (_, i) => ({ key: `order-${i}`, value: `{"orderId":${i}}`, partition: i % 3 })),
    );
    const lagging = await client.waitForDetail(
      'lag for 30 new messages',
      (d) =>
        d.offsets.filter((o) => o.partition < 2).every((o, i) => o.logEnd !== null && o.logEnd > ends[i]) &&
        d.offsets[2].logEnd! > ends[2],
    );
    const expected = [0, 1].map((p) => lagging.offsets.find((o) => o.partition === p)!.logEnd!);
    assert.equal(lagging.totalLag, expected[0] + expected[1]);
    assert.equal(lagging.uncommittedPartitions, 1);

    // A member reads everything from the commits (and from the start where nothing was committed).
    const reader = await startMember(group, [topic]);
    members.push(reader);
    const caughtUp = await client.waitForDetail(
      'lag 0 everywhere',
      (d) => d.offsets.length === 3 && d.offsets.every((o) => o.lag === 0),
      30_000,
    );
    assert.equal(caughtUp.totalLag, 0);
    assert.equal(caughtUp.uncommittedPartitions, 0);
    assert.ok(
      client.lagHistory.some((p) => (p.total ?? 0) > 0),
      'the lag history kept the backlog',
    );
    await reader.stop();

    const metrics = await (await fetch(`${dashboard.url}/metrics`)).text();
    assert.match(
      metrics,
      new RegExp(
        `kafka_live_consumer_group_lag\\{group="${group}",topic="${topic.replace(/\./g, '\\.')}",partition="0",type="classic"\\} 0`,
      ),
    );
    assert.match(metrics, /kafka_live_broker_up\{broker="1"\} 1/);
  });

  it('puts several groups on one topic side by side, each with its own offset', async () => {
    const ahead = randomName('group-a');
    const behind = randomName('group-b');
    client.watchTopic(topic);
    await withAdmin(async (admin) => {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: ahead,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      });
      await admin.setOffsets({
        groupId: behind,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: '0' })),
      });
    });
    const side = await client.waitForTopicConsumers('both groups', (c) =>
      [ahead, behind].every((g) => c.groups.some((x) => x.groupId === g)),
    );
    const a = side.groups.find((g) => g.groupId === ahead)!;
    const b = side.groups.find((g) => g.groupId === behind)!;
    assert.equal(a.totalLag, 0);
    assert.ok((b.totalLag ?? 0) > 0);
    for (const p of b.partitions) assert.equal(p.committed, 0);
    assert.deepEqual(
      a.partitions.map((p) => p.committed),
      a.partitions.map((p) => p.logEnd),
    );
  });

  it('never shows a group of its own, and answers bad watch payloads with an error', async () => {
    const ids = await withAdmin(async (admin) => (await admin.listGroups()).groups.map((g) => g.groupId));
    const ours = (await (await fetch(`${dashboard.url}/api/groups`)).json()) as GroupSummary[];
    // Every group the dashboard lists is a real group, and the dashboard added none to Kafka.
    for (const g of ours)
      assert.ok(ids.includes(g.groupId) || g.state === 'Dead' || g.members === 0, `${g.groupId} is a Kafka group`);
    assert.ok(!ids.some((id) => id.includes('kafka-live')), 'no sidecar group in Kafka');
    assert.equal(client.groupsSnapshot?.offsetsLog.status, 'live');

    client.socket.emit('watch', { kind: 'group', groupId: 42 } as never);
    client.socket.emit('watch', { kind: 'topic', topic: 'bad topic name!' });
    const deadline = Date.now() + 5000;
    while (client.errors.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(client.errors.some((e) => e.event === 'watch' && /groupId/.test(e.message)));
    assert.ok(client.errors.some((e) => e.event === 'watch' && /topic names/.test(e.message)));
  });
});
