import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupDetail } from '@/lib/contract/groups';
import type { Dashboard } from '@/server/app';
import { actError } from '@/tests/support/actions';
import { produce } from '@/tests/support/consumers';
import { parseToolTable, startJavaConsumer, type JavaMember } from '@/tests/support/java-consumers';
import { createTopic, deleteTopic, randomName, startTestDashboard } from '@/tests/support/kafka';
import { runKafkaTool } from '@/tests/support/kafka-tools';
import { LiveClient } from '@/tests/support/live-client';

// Groups of the new protocols, run by Kafka's own Java consumers on the real cluster: a KIP-848
// consumer group and a KIP-932 share group, each compared with what Kafka's tools print.

const CONSUMER_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';
const SHARE_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ShareGroupCommand';

/** `t:0,1` style assignment lists as the tools print them, to sorted partition numbers. */
function toolPartitions(cell: string | undefined): number[] {
  if (!cell || cell === '-') return [];
  return [...cell.matchAll(/(\d+)(?=,|$|\))/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

const partitions = (tps: { partition: number }[] | null | undefined) =>
  (tps ?? []).map((tp) => tp.partition).sort((a, b) => a - b);

describe('consumer and share groups', { timeout: 300_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const members: JavaMember[] = [];
  const topic = randomName('types');
  const consumerGroup = randomName('kip848');
  const shareGroup = randomName('share');
  // One partition for two share members: Kafka's share assignor then gives it to both.
  const shareTopic = randomName('types-shared');

  before(async () => {
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await createTopic(topic, 3, 3);
    await createTopic(shareTopic, 1, 3);
    await client.waitFor('topics with leaders', (s) =>
      [topic, shareTopic].every((name) =>
        s.topics.some((t) => t.name === name && t.partitions.every((p) => p.leader >= 0)),
      ),
    );
    await produce(
      topic,
      [0, 1, 2].flatMap((partition) => Array.from({ length: 5 }, (_, i) => ({ partition, value: `m-${i}` }))),
    );
  });

  after(async () => {
    await Promise.all(members.map((m) => m.stop()));
    client.close();
    await dashboard.close();
    await deleteTopic(topic);
    await deleteTopic(shareTopic);
  });

  it('shows a KIP-848 group as Kafka does: state, epochs, members, current and target assignment', async () => {
    for (let i = 0; i < 2; i++)
      members.push(
        startJavaConsumer('org.apache.kafka.tools.consumer.ConsoleConsumer', [
          '--topic',
          topic,
          '--group',
          consumerGroup,
          '--from-beginning',
          '--consumer-property',
          'group.protocol=consumer',
          '--consumer-property',
          `client.id=kip848-${i}`,
        ]),
      );
    client.watchGroup(consumerGroup);
    const joinedAt = Date.now();
    const settled = (d: GroupDetail) =>
      d.type === 'consumer' &&
      d.state === 'Stable' &&
      d.members.length === 2 &&
      d.members.reduce((n, m) => n + m.assignments.length, 0) === 3 &&
      d.members.every((m) => partitions(m.assignments).join() === partitions(m.epochs?.targetAssignment).join());
    await client.waitForDetail('two reconciled KIP-848 members', settled, 90_000);
    console.log(`consumer group settled on the dashboard ${Date.now() - joinedAt} ms after the members started`);

    // Compare one moment with the tool's view; retry while the group moves between the two reads.
    let last = '';
    for (let attempt = 0; attempt < 10; attempt++) {
      const out = await runKafkaTool(CONSUMER_GROUP_COMMAND, [
        '--describe',
        '--group',
        consumerGroup,
        '--members',
        '--verbose',
      ]);
      const detail = await client.waitForDetail('a reconciled detail', settled, 30_000);
      const rows = parseToolTable(out, 'GROUP');
      const ours = detail.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        epoch: String(m.epochs?.memberEpoch),
        current: partitions(m.assignments),
        target: partitions(m.epochs?.targetAssignment),
      }));
      const theirs = rows.map((r) => ({
        memberId: r['CONSUMER-ID']!,
        clientId: r['CLIENT-ID']!,
        epoch: r['CURRENT-EPOCH']!,
        current: toolPartitions(r['CURRENT-ASSIGNMENT']),
        target: toolPartitions(r['TARGET-ASSIGNMENT']),
      }));
      const sort = (xs: typeof ours) => [...xs].sort((a, b) => a.memberId.localeCompare(b.memberId));
      last = `${out}\n${JSON.stringify(ours)}`;
      if (JSON.stringify(sort(ours)) !== JSON.stringify(sort(theirs))) continue;
      const state = await runKafkaTool(CONSUMER_GROUP_COMMAND, [
        '--describe',
        '--group',
        consumerGroup,
        '--state',
        '--verbose',
      ]);
      const [row] = parseToolTable(state, 'GROUP');
      assert.equal(row?.STATE, detail.state);
      assert.equal(row?.['GROUP-EPOCH'], String(detail.epochs?.groupEpoch));
      assert.equal(row?.['ASSIGNMENT-STRATEGY'], detail.epochs?.assignor);
      assert.ok(detail.members.every((m) => m.epochs?.usesClassicProtocol === false));
      return;
    }
    assert.fail(`the dashboard never matched ConsumerGroupCommand:\n${last}`);
  });

  it('refuses to reset a live consumer group, in its real state', async () => {
    const detail = await client.waitForDetail('Stable', (d) => d.state === 'Stable' && d.members.length === 2);
    assert.equal(detail.type, 'consumer');
    assert.equal(
      await actError(dashboard, 'offsets:reset', { groupId: consumerGroup, topic, to: 'earliest' }),
      `consumer group ${consumerGroup} is Stable with 2 members; stop its consumers first`,
    );
  });

  it('shows a share group with both members on the same partition, as ShareGroupCommand does', async () => {
    for (let i = 0; i < 2; i++)
      members.push(
        startJavaConsumer('org.apache.kafka.tools.consumer.ConsoleShareConsumer', [
          '--topic',
          shareTopic,
          '--group',
          shareGroup,
          '--consumer-property',
          `client.id=share-${i}`,
        ]),
      );
    client.watchGroup(shareGroup);
    const detail = await client.waitForDetail(
      'two share members on the one partition',
      (d) =>
        d.type === 'share' &&
        d.state === 'Stable' &&
        d.members.length === 2 &&
        d.members.every((m) => partitions(m.assignments).join() === '0'),
      90_000,
    );
    const out = await runKafkaTool(SHARE_GROUP_COMMAND, ['--describe', '--group', shareGroup, '--members']);
    const rows = parseToolTable(out, 'GROUP');
    assert.deepEqual(rows.map((r) => r['CONSUMER-ID']).sort(), detail.members.map((m) => m.memberId).sort(), out);
    for (const r of rows) {
      const m = detail.members.find((x) => x.memberId === r['CONSUMER-ID'])!;
      assert.equal(m.clientId, r['CLIENT-ID']);
      assert.deepEqual(partitions(m.assignments), toolPartitions(r.ASSIGNMENT), out);
    }
  });
});
