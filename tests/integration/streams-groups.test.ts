import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Dashboard } from '@/server/app';
import type { GroupDetail } from '@/lib/contract/groups';
import { createTopic, deleteTopic, randomName, startTestDashboard } from '@/tests/support/kafka';
import { produce } from '@/tests/support/consumers';
import { actError } from '@/tests/support/actions';
import { LiveClient } from '@/tests/support/live-client';
import type { JavaMember } from '@/tests/support/java-consumers';
import { startStreamsApp } from '@/tests/support/java-streams';
import { runKafkaTool } from '@/tests/support/kafka-tools';

// A streams group (KIP-1071) made by a real Kafka Streams application, two instances on a
// 3-partition topic: the dashboard shows its type, state, epochs, each member's process and
// tasks, and the partitions its active tasks read, as Kafka's StreamsGroupCommand prints them.

const STREAMS_GROUP_COMMAND = 'org.apache.kafka.tools.streams.StreamsGroupCommand';

/** `ACTIVE: 0:[0,1]; TARGET-ACTIVE: 0:[0,1];` to { active: '0:0,1', target: '0:0,1' }. */
function toolTasks(line: string): { active: string; target: string } {
  const pick = (label: string) => {
    const m = new RegExp(`(?:^|; |\\s)${label}: ([^;]*);`).exec(line);
    return (m?.[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => t.replace(/[[\]]/g, ''))
      .sort()
      .join(' ');
  };
  return { active: pick('ACTIVE'), target: pick('TARGET-ACTIVE') };
}

function rowsOf(d: GroupDetail) {
  return d.members
    .map((m) => ({
      memberId: m.memberId,
      epoch: String(m.epochs?.memberEpoch),
      process: m.epochs?.streams?.processId ?? '',
      clientId: m.clientId,
      active: ourTasks(m.epochs?.streams?.active),
      target: ourTasks(m.epochs?.streams?.targetActive),
    }))
    .sort((a, b) => a.memberId.localeCompare(b.memberId));
}

const ourTasks = (sets: { subtopology: string; partitions: number[] }[] | undefined) =>
  (sets ?? [])
    .map((s) => `${s.subtopology}:${s.partitions.join(',')}`)
    .sort()
    .join(' ');

describe('streams groups', { timeout: 300_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const apps: JavaMember[] = [];
  const input = randomName('streams-in');
  const output = randomName('streams-out');
  const app = randomName('streams-app');

  before(async () => {
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await createTopic(input, 3, 3);
    await createTopic(output, 3, 3);
    await produce(
      input,
      Array.from({ length: 30 }, (_, i) => ({ key: `order-${i % 7}`, value: `v${i}` })),
    );
  });

  after(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    client.close();
    await dashboard.close();
    await deleteTopic(input);
    await deleteTopic(output);
  });

  it('shows two Kafka Streams instances as StreamsGroupCommand does: members, processes, tasks', async () => {
    apps.push(startStreamsApp(app, input, output), startStreamsApp(app, input, output));
    client.watchGroup(app);
    const settled = (d: GroupDetail) =>
      d.type === 'streams' &&
      d.state === 'Stable' &&
      d.members.length === 2 &&
      d.members.reduce((n, m) => n + m.assignments.length, 0) === 3 &&
      d.members.every((m) => ourTasks(m.epochs?.streams?.active) === ourTasks(m.epochs?.streams?.targetActive));
    const startedAt = Date.now();
    await client.waitForDetail('two reconciled streams members', settled, 150_000);
    console.log(`streams group settled on the dashboard ${Date.now() - startedAt} ms after the apps started`);

    // Compare one moment with the tool's view; retry while the group moves between the two reads.
    let ours: ReturnType<typeof rowsOf> = [];
    let theirs: ReturnType<typeof rowsOf> = [];
    let out = '';
    for (let attempt = 0; attempt < 10; attempt++) {
      out = await runKafkaTool(STREAMS_GROUP_COMMAND, ['--describe', '--group', app, '--members', '--verbose']);
      const now = await client.waitForDetail('a reconciled detail', settled, 30_000);
      theirs = out
        .split('\n')
        .filter((l) => l.trim().startsWith(app))
        .map((l) => {
          const cols = l.trim().split(/\s+/);
          return { memberId: cols[3]!, epoch: cols[5]!, process: cols[6]!, clientId: cols[7]!, ...toolTasks(l) };
        })
        .sort((a, b) => a.memberId.localeCompare(b.memberId));
      ours = rowsOf(now);
      if (JSON.stringify(ours) === JSON.stringify(theirs)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.deepEqual(ours, theirs, out);
    const detail = client.detail!;
    for (const m of detail.members)
      // The partitions a member's active tasks read: task 0_p reads partition p of the input.
      assert.deepEqual(
        m.assignments.map((tp) => `${tp.topic}/${tp.partition}`),
        (m.epochs?.streams?.active ?? []).flatMap((t) => t.partitions.map((p) => `${input}/${p}`)),
      );
    assert.equal(new Set(detail.members.map((m) => m.epochs?.streams?.processId)).size, 2, 'two processes');
    assert.ok(detail.epochs && detail.epochs.groupEpoch >= detail.epochs.assignmentEpoch);
    // The offsets the application commits are the group's, with lag as for any group.
    const d = await client.waitForDetail(
      'committed offsets of the streams group',
      (x) => x.offsets.filter((o) => o.topic === input && o.committed !== null).length === 3,
      60_000,
    );
    assert.equal(
      d.offsets.filter((o) => o.topic === input).reduce((n, o) => n + (o.committed ?? 0), 0),
      30,
    );
  });

  it('refuses a reset and a delete of the live streams group in its real state', async () => {
    assert.equal(
      await actError(dashboard, 'offsets:reset', { groupId: app, topic: input, to: 'earliest' }),
      `streams group ${app} is Stable with 2 members; stop its consumers first`,
    );
    assert.match(
      await actError(dashboard, 'group:delete', { groupId: app, confirm: app }),
      /streams group .* is Stable/,
    );
  });

  it('one instance stopped: the other takes every task', async () => {
    await apps[1]!.stop();
    const d = await client.waitForDetail(
      'one member with all three tasks',
      (x) => x.type === 'streams' && x.members.length === 1 && x.members[0]!.assignments.length === 3,
      120_000,
    );
    assert.equal(ourTasks(d.members[0]!.epochs?.streams?.active), '0:0,1,2');
  });
});
