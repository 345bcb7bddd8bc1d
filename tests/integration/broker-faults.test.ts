import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import { LiveClient } from '@/tests/support/live-client';
import {
  createTopic,
  deleteTopic,
  embedded,
  randomName,
  restoreCluster,
  startTestDashboard,
  withAdmin,
} from '@/tests/support/kafka';

const topicOf = (s: ClusterSnapshot, name: string) => s.topics.find((t) => t.name === name);

describe('broker faults on the embedded cluster', { timeout: 300_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topic = randomName('faults');

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await createTopic(topic, 3, 3);
    await client.waitFor(
      'topic with full ISR',
      (s) => topicOf(s, topic)?.partitions.every((p) => p.leader >= 0 && p.isr.length === 3) ?? false,
    );
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await restoreCluster();
    await deleteTopic(topic);
  });

  it('a partition whose only replica is on a stopped broker shows offline; the rest of the cluster stays connected', async () => {
    await restoreCluster();
    const single = randomName('single-replica');
    // One partition on broker 3 alone: when 3 stops, it has no leader at all.
    await withAdmin((admin) =>
      admin.createTopics({
        topics: [{ topic: single, replicaAssignment: [{ partition: 0, replicas: [3] }] }],
        waitForLeaders: false,
      }),
    );
    try {
      await client.waitFor(
        'the single-replica topic led by broker 3',
        (s) => topicOf(s, single)?.partitions[0]?.leader === 3,
      );
      await embedded.stopNode(3);
      const down = await client.waitFor(
        'its partition offline while the dashboard stays connected',
        (s) =>
          s.connection.status === 'connected' &&
          topicOf(s, single)?.partitions[0]?.offline === true &&
          s.brokers.find((b) => b.id === 3)?.status === 'offline',
        60_000,
      );
      assert.equal(topicOf(down, single)!.partitions[0].leader, -1);
      assert.ok(
        topicOf(down, topic)!.partitions.every((p) => p.leader >= 0),
        'the replicated topic still has leaders',
      );
      assert.equal(down.connection.lastError, null);
    } finally {
      await embedded.startNode(3);
      await deleteTopic(single);
    }
  });

  for (const mode of ['stop', 'kill'] as const) {
    it(`${mode === 'stop' ? 'a gracefully stopped' : 'a hard-killed'} broker shows offline, its leaderships move, partitions go under-replicated; restarted, it rejoins the ISR`, async () => {
      await restoreCluster();
      const before = await client.waitFor(
        'full ISR',
        (s) => topicOf(s, topic)?.partitions.every((p) => p.isr.length === 3) ?? false,
      );
      // The broker leading partition 0 of our topic, so a leadership must move.
      const victim = topicOf(before, topic)!.partitions[0].leader;

      if (mode === 'stop') await embedded.stopNode(victim);
      else await embedded.killNode(victim);

      const down = await client.waitFor(
        `broker ${victim} offline with leaderships moved`,
        (s) => {
          const b = s.brokers.find((b) => b.id === victim);
          const t = topicOf(s, topic);
          return (
            b?.status === 'offline' &&
            !!t &&
            t.partitions.every((p) => p.leader >= 0 && p.leader !== victim && !p.isr.includes(victim))
          );
        },
        60_000,
      );
      const b = down.brokers.find((b) => b.id === victim)!;
      assert.equal(b.online, false, 'offline, not silently gone');
      const t = topicOf(down, topic)!;
      assert.ok(
        t.partitions.every((p) => p.underReplicated),
        'every partition lost a replica',
      );
      assert.ok(t.partitions.every((p) => p.isr.length === 2));
      assert.ok(
        t.partitions.every((p) => p.replicas.length === 3),
        'replica assignment stays',
      );
      assert.equal(down.brokers.filter((b) => b.online).length, 2);

      await embedded.startNode(victim);
      const up = await client.waitFor(
        `broker ${victim} back in the ISR`,
        (s) =>
          s.brokers.find((b) => b.id === victim)?.online === true &&
          (topicOf(s, topic)?.partitions.every((p) => p.isr.includes(victim)) ?? false),
        90_000,
      );
      assert.ok(topicOf(up, topic)!.partitions.every((p) => !p.underReplicated));
    });
  }

  it('a killed broker shows as unreachable before the controller fences it', async () => {
    await restoreCluster();
    const victim = 3;
    const seen = new Set<string>();
    const onPatch = () => {
      const status = client.state?.brokers.find((b) => b.id === victim)?.status;
      if (status) seen.add(status);
    };
    client.socket.on('cluster:patch', onPatch);
    await embedded.killNode(victim);
    await client.waitFor(
      `broker ${victim} offline`,
      (s) => s.brokers.find((b) => b.id === victim)?.status === 'offline',
      60_000,
    );
    client.socket.off('cluster:patch', onPatch);
    assert.ok(seen.has('unreachable'), `statuses seen: ${[...seen].join(', ')}`);
    await embedded.startNode(victim);
  });
});
