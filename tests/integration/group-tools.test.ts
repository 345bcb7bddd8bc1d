import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupDetail } from '@/lib/contract/groups';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard } from '@/tests/support/kafka';
import { LiveClient } from '@/tests/support/live-client';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import { describeGroupWithKafkaTool, hasKcat, startKcatConsumer, type KcatConsumer } from '@/tests/support/kafka-tools';

// The dashboard against clients and tools that are not kafkajs: Kafka's own consumer-groups
// tool (the class bin/kafka-consumer-groups.sh runs, same Kafka version) and librdkafka's kcat.

const tenEach = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({ key: `${tag}-${i}`, value: `${tag} ${i}`, partition: i % 3 }));

describe('groups of other clients, checked against Kafka tools', () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topic = randomName('order.processing');
  const members: TestMember[] = [];
  let kcat: KcatConsumer | null = null;

  before(async () => {
    assert.ok(hasKcat(), 'kcat is installed (Debian package kcat; .ci/run installs it)');
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
    await kcat?.stop();
    client?.close();
    await dashboard?.close();
    await deleteTopic(topic);
  });

  it('shows the same offsets, lag and owners as kafka-consumer-groups.sh', async () => {
    const group = randomName('order-processing-group');
    await produce(topic, tenEach(30, 'before'));
    members.push(
      await startMember(group, [topic], { clientId: 'instance-A' }),
      await startMember(group, [topic], { clientId: 'instance-B' }),
    );
    client.watchGroup(group);
    const caughtUp = await client.waitForDetail(
      'all read and committed',
      (d) =>
        d.state === 'Stable' &&
        d.members.length === 2 &&
        d.offsets.length === 3 &&
        d.offsets.every((o) => o.lag === 0 && (o.committed ?? 0) >= 10),
    );
    const endsBefore = caughtUp.offsets.map((o) => o.logEnd!);
    // Members stay in the group but stop reading: 15 new messages become lag.
    for (const m of members) m.consumer.pause([{ topic }]);
    await produce(topic, tenEach(15, 'after'));
    const ours = await client.waitForDetail(
      'lag of the 15 new messages',
      (d) =>
        d.offsets.every((o, i) => o.logEnd! >= endsBefore[i] + 5) &&
        d.totalLag === d.offsets.reduce((a, o) => a + o.logEnd! - o.committed!, 0),
    );
    assert.ok(ours.totalLag! >= 15);

    const tool = await describeGroupWithKafkaTool(group);
    assert.equal(tool.state, 'Stable');
    assert.equal(tool.rows.length, 3);
    for (const row of tool.rows) {
      const mine = ours.offsets.find((o) => o.topic === row.topic && o.partition === row.partition);
      assert.ok(mine, `partition ${row.partition} is on the dashboard`);
      assert.equal(mine.committed, row.currentOffset, `committed offset of partition ${row.partition}`);
      assert.equal(mine.logEnd, row.logEndOffset, `log end of partition ${row.partition}`);
      assert.equal(mine.lag, row.lag, `lag of partition ${row.partition}`);
      assert.equal(mine.memberId, row.consumerId, `owner of partition ${row.partition}`);
      const owner = ours.members.find((m) => m.memberId === row.consumerId)!;
      assert.equal(owner.clientId, row.clientId);
      assert.equal(owner.host, row.host);
    }
    await Promise.all(members.splice(0).map((m) => m.stop()));
  });

  it('shows a kcat (librdkafka) group with its assignment and lag', async () => {
    const group = randomName('kcat-group');
    const other = randomName('order.audit');
    await createTopic(other, 3, 3);
    try {
      client.watchGroup(group);
      kcat = startKcatConsumer(group, topic, { clientId: 'kcat-orders' });
      const seen = await client.waitForDetail(
        'kcat group read everything',
        (d: GroupDetail) =>
          d.state === 'Stable' &&
          d.members.length === 1 &&
          d.offsets.length === 3 &&
          d.offsets.every((o) => o.lag === 0),
        60_000,
      );
      // Everything in the topic, read once: what kcat printed is what the dashboard saw committed.
      const total = seen.offsets.reduce((a, o) => a + o.logEnd!, 0);
      assert.ok(total >= 45);
      assert.equal(kcat.messages(), total);
      const member = seen.members[0];
      assert.equal(member.clientId, 'kcat-orders');
      assert.deepEqual(
        member.assignments,
        [0, 1, 2].map((partition) => ({ topic, partition })),
      );
      assert.deepEqual(member.subscribedTopics, [topic]);
      assert.equal(seen.protocolType, 'consumer');
      assert.ok(
        seen.protocol && ['range', 'roundrobin', 'cooperative-sticky'].includes(seen.protocol),
        `assignor ${seen.protocol}`,
      );
      assert.equal(
        seen.offsets.reduce((a, o) => a + (o.committed ?? 0), 0),
        total,
      );

      const tool = await describeGroupWithKafkaTool(group);
      assert.deepEqual(
        tool.rows.map((r) => r.consumerId),
        seen.offsets.map((o) => o.memberId),
      );

      // kcat leaves: the group turns Empty, with a generation that shows it left.
      await kcat.stop();
      // Describe may say Empty a moment before the log brings the generation that records it.
      const gone = await client.waitForDetail(
        'kcat left',
        (d) => d.state === 'Empty' && d.members.length === 0 && d.rebalances[0]?.members === 0,
        20_000,
      );
      assert.deepEqual(
        gone.rebalances[0].left.map((l) => l.clientId),
        ['kcat-orders'],
      );
      assert.ok(gone.rebalances[0].changes.every((c) => c.to === null));
      assert.equal(gone.totalLag, 0, 'offsets outlive the members');
    } finally {
      await deleteTopic(other);
    }
  });
});
