import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import { LiveClient } from '@/tests/support/live-client';
import { actError, actOk } from '@/tests/support/actions';
import {
  createTopic,
  deleteTopic,
  embedded,
  randomName,
  restoreCluster,
  startTestDashboard,
} from '@/tests/support/kafka';

// Broker stop, kill and start as dashboard actions on the embedded cluster.

const topicOf = (s: ClusterSnapshot, name: string) => s.topics.find((t) => t.name === name);
const fullIsr = (name: string) => (s: ClusterSnapshot) =>
  topicOf(s, name)?.partitions.every((p) => p.leader >= 0 && p.isr.length === 3) ?? false;

describe('broker fault actions', { timeout: 360_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topic = randomName('broker-actions');

  before(async () => {
    await restoreCluster();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await createTopic(topic, 3, 3);
    await client.waitFor('topic with full ISR', fullIsr(topic));
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await restoreCluster();
    await deleteTopic(topic);
  });

  for (const fault of ['stop', 'kill'] as const) {
    it(`broker:${fault} takes a broker offline and its leaderships move; broker:start brings it back`, async () => {
      await restoreCluster();
      const before = await client.waitFor('full ISR', fullIsr(topic));
      const victim = topicOf(before, topic)!.partitions[0].leader;

      assert.deepEqual(await actOk(dashboard, `broker:${fault}`, { brokerId: victim }), { brokerId: victim });
      assert.equal(embedded.status().find((n) => n.id === victim)!.running, false);
      const down = await client.waitFor(
        `broker ${victim} offline, leaderships moved`,
        (s) =>
          s.brokers.find((b) => b.id === victim)?.status === 'offline' &&
          (topicOf(s, topic)?.partitions.every(
            (p) => p.leader >= 0 && p.leader !== victim && !p.isr.includes(victim),
          ) ??
            false),
        60_000,
      );
      assert.equal(down.brokers.filter((b) => b.online).length, 2);

      // A second fault on a stopped node is refused with a reason.
      assert.equal(
        await actError(dashboard, 'broker:stop', { brokerId: victim }),
        `broker ${victim} is not running; start it first`,
      );

      assert.deepEqual(await actOk(dashboard, 'broker:start', { brokerId: victim }), { brokerId: victim });
      await client.waitFor(
        `broker ${victim} back in the ISR`,
        (s) =>
          s.brokers.find((b) => b.id === victim)?.online === true &&
          (topicOf(s, topic)?.partitions.every((p) => p.isr.includes(victim)) ?? false),
        90_000,
      );
      assert.equal(
        await actError(dashboard, 'broker:start', { brokerId: victim }),
        `broker ${victim} is already running`,
      );
    });
  }

  it('refuses an unknown broker id, listing the nodes', async () => {
    assert.equal(
      await actError(dashboard, 'broker:kill', { brokerId: 9 }),
      'no broker 9 in the embedded cluster; its nodes are 1, 2, 3',
    );
    assert.match(await actError(dashboard, 'broker:stop', { brokerId: -1 }), /invalid broker:stop: brokerId/);
  });

  it('refuses a second fault on a node while one runs', async () => {
    await restoreCluster();
    const stopping = actOk(dashboard, 'broker:stop', { brokerId: 3 });
    assert.equal(
      await actError(dashboard, 'broker:kill', { brokerId: 3 }),
      'broker 3 is busy with a stop already; wait for it to finish',
    );
    await stopping;
    await actOk(dashboard, 'broker:start', { brokerId: 3 });
  });

  it('refuses faults on a cluster given by KAFKA_BROKERS', async () => {
    const external = await startTestDashboard({ KAFKA_BROKERS: embedded.bootstrap.join(',') });
    try {
      assert.equal(external.embedded, null);
      assert.equal(
        await actError(external, 'broker:stop', { brokerId: 1 }),
        'broker faults are for the embedded cluster; this dashboard reads a cluster given by KAFKA_BROKERS',
      );
      assert.ok(
        embedded.status().every((n) => n.running),
        'nothing was stopped',
      );
    } finally {
      await external.close();
    }
  });
});
