import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import { actError, actOk } from '@/tests/support/actions';
import { produce, startMember } from '@/tests/support/consumers';
import { parseToolTable, startJavaConsumer } from '@/tests/support/java-consumers';
import { runKafkaTool } from '@/tests/support/kafka-tools';
import { createTopic, deleteTopic, randomName, startTestDashboard, withAdmin } from '@/tests/support/kafka';
import { LiveClient } from '@/tests/support/live-client';

// Deleting a group, and resetting a share group, from the dashboard on the real cluster:
// refused in the group's real state while anyone is in it, done once it is empty.

const CONSOLE_CONSUMER = 'org.apache.kafka.tools.consumer.ConsoleConsumer';
const CONSOLE_SHARE_CONSUMER = 'org.apache.kafka.tools.consumer.ConsoleShareConsumer';

describe('group actions by type', { timeout: 300_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const topic = randomName('delete-groups');

  before(async () => {
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await createTopic(topic, 3, 3);
    await client.waitFor('the topic with leaders', (s) =>
      s.topics.some((t) => t.name === topic && t.partitions.every((p) => p.leader >= 0)),
    );
    await produce(
      topic,
      [0, 1, 2].map((partition) => ({ partition, value: `m-${partition}` })),
    );
  });

  after(async () => {
    client.close();
    await dashboard.close();
    await deleteTopic(topic);
  });

  const listed = (groupId: string) => client.groupsSnapshot?.groups.some((g) => g.groupId === groupId) ?? false;

  async function kafkaHasGroup(groupId: string): Promise<boolean> {
    const { groups } = await withAdmin((admin) => admin.listGroups());
    return groups.some((g) => g.groupId === groupId);
  }

  /** Refused while live (in the words given), deleted once `stop` has emptied it. */
  async function refusedThenDeleted(groupId: string, refusal: RegExp, stop: () => Promise<void>, type: string) {
    client.watchGroup(groupId);
    await client.waitForDetail('the group live', (d) => d.state === 'Stable' && d.members.length > 0, 90_000);
    assert.match(await actError(dashboard, 'group:delete', { groupId, confirm: groupId }), refusal);
    assert.ok(await kafkaHasGroup(groupId), 'a refused delete leaves the group in Kafka');
    await stop();
    await client.waitForDetail('the group empty', (d) => d.members.length === 0, 60_000);
    assert.deepEqual(await actOk(dashboard, 'group:delete', { groupId, confirm: groupId }), { groupId, type });
    assert.equal(await kafkaHasGroup(groupId), false, 'Kafka no longer lists the group');
    const deadline = Date.now() + 15_000;
    while (listed(groupId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(listed(groupId), false, 'the dashboard dropped the group from its list');
  }

  it('a classic group (kafkajs): refused while Stable, deleted once empty', async () => {
    const groupId = randomName('delete-classic');
    const member = await startMember(groupId, [topic]);
    await refusedThenDeleted(
      groupId,
      new RegExp(`^group ${groupId} is Stable with 1 member; stop its consumers first$`),
      () => member.stop(),
      'classic',
    );
  });

  it('a KIP-848 consumer group: refused in its real state, deleted once empty', async () => {
    const groupId = randomName('delete-kip848');
    const member = startJavaConsumer(CONSOLE_CONSUMER, [
      '--topic',
      topic,
      '--group',
      groupId,
      '--from-beginning',
      '--consumer-property',
      'group.protocol=consumer',
    ]);
    await refusedThenDeleted(
      groupId,
      new RegExp(`^consumer group ${groupId} is Stable with 1 member; stop its consumers first$`),
      () => member.stop(),
      'consumer',
    );
  });

  it('a share group: refused in its real state, deleted once empty', async () => {
    const groupId = randomName('delete-share');
    const member = startJavaConsumer(CONSOLE_SHARE_CONSUMER, ['--topic', topic, '--group', groupId]);
    await refusedThenDeleted(
      groupId,
      new RegExp(`^share group ${groupId} is Stable with 1 member; stop its consumers first$`),
      () => member.stop(),
      'share',
    );
  });

  it('asks for the id typed to confirm, and names a group that does not exist', async () => {
    const groupId = randomName('delete-none');
    assert.match(
      await actError(dashboard, 'group:delete', { groupId, confirm: 'something else' }),
      /^type the group id .* to confirm/,
    );
    assert.equal(await actError(dashboard, 'group:delete', { groupId, confirm: groupId }), `no group named ${groupId}`);
  });

  it('a share group: its start offsets reset only once empty, as ShareGroupCommand then shows', async () => {
    const groupId = randomName('reset-share');
    const member = startJavaConsumer(CONSOLE_SHARE_CONSUMER, ['--topic', topic, '--group', groupId]);
    client.watchGroup(groupId);
    await client.waitForDetail('the share group live', (d) => d.state === 'Stable' && d.members.length === 1, 90_000);
    assert.equal(
      await actError(dashboard, 'offsets:reset', { groupId, topic, to: 'earliest' }),
      `share group ${groupId} is Stable with 1 member; stop its consumers first`,
    );
    await member.stop();
    await client.waitForDetail('the share group empty', (d) => d.members.length === 0, 60_000);
    // A new share group starts at the log end (1 here): earliest moves every partition back to 0.
    const reset = await actOk(dashboard, 'offsets:reset', { groupId, topic, to: 'earliest' });
    assert.deepEqual(reset.offsets, [
      { partition: 0, offset: 0 },
      { partition: 1, offset: 0 },
      { partition: 2, offset: 0 },
    ]);
    const out = await runKafkaTool('org.apache.kafka.tools.consumer.group.ShareGroupCommand', [
      '--describe',
      '--group',
      groupId,
      '--offsets',
    ]);
    const rows = parseToolTable(out, 'GROUP').filter((r) => r.TOPIC === topic);
    assert.deepEqual(
      rows.map((r) => [r.PARTITION, r['START-OFFSET']]).sort(),
      [
        ['0', '0'],
        ['1', '0'],
        ['2', '0'],
      ],
      out,
    );
    await client.waitForDetail('the new start offsets on the page', (d) =>
      [0, 1, 2].every((p) => d.shareOffsets.find((o) => o.topic === topic && o.partition === p)?.startOffset === 0),
    );
  });
});
