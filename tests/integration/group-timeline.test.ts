import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EpochTimelineView, TimelineMember } from '@/lib/contract/epoch-timeline';
import type { GroupDetail } from '@/lib/contract/groups';
import type { Dashboard } from '@/server/app';
import { produce } from '@/tests/support/consumers';
import { parseToolTable, startJavaConsumer, type JavaMember } from '@/tests/support/java-consumers';
import { createTopic, deleteTopic, randomName, startTestDashboard } from '@/tests/support/kafka';
import { runKafkaTool } from '@/tests/support/kafka-tools';
import { LiveClient } from '@/tests/support/live-client';

// The KIP-848 rebalance timeline, from the group's own records in __consumer_offsets, on the real
// cluster with Kafka's own Java consumers (group.protocol=consumer): epochs and assignments equal
// what ConsumerGroupCommand prints; a member joining and leaving shows as per-partition moves
// with ownerless times; a restarted dashboard replays the log to the same timeline.

const CONSUMER_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';

function toolPartitions(cell: string | undefined): number[] {
  if (!cell || cell === '-') return [];
  return [...cell.matchAll(/(\d+)(?=,|$|\))/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}
const partitions = (tps: { partition: number }[]) => tps.map((tp) => tp.partition).sort((a, b) => a - b);

/** `n` members, each owning exactly its target, all three partitions owned, named by topic. */
const reconciled = (topic: string, n: number) => (d: GroupDetail) => {
  const t = d.timeline;
  if (!t || t.members.length !== n || t.ownerless.length > 0) return false;
  // The coordinator may bump the group epoch (a member joined) before it computes the new target
  // assignment: until then every member matches the old target and the group only looks settled.
  if (t.assignmentEpoch === null || t.assignmentEpoch !== t.groupEpoch) return false;
  const owned = t.members.flatMap((m) => m.assigned);
  return (
    owned.length === 3 &&
    owned.every((p) => p.topic === topic) &&
    // A member is done reconciling once its epoch reaches the target assignment's.
    t.members.every(
      (m) =>
        m.memberEpoch === t.assignmentEpoch &&
        m.revoking.length === 0 &&
        partitions(m.assigned).join() === partitions(m.target).join(),
    )
  );
};

describe('KIP-848 epoch timeline', { timeout: 400_000 }, () => {
  let dashboard: Dashboard;
  let client: LiveClient;
  const members: JavaMember[] = [];
  const topic = randomName('timeline');
  const group = randomName('kip848-timeline');
  const start = (clientId: string) =>
    startJavaConsumer('org.apache.kafka.tools.consumer.ConsoleConsumer', [
      '--topic',
      topic,
      '--group',
      group,
      '--consumer-property',
      'group.protocol=consumer',
      '--consumer-property',
      `client.id=${clientId}`,
    ]);

  before(async () => {
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    await createTopic(topic, 3, 3);
    await client.waitFor('topic with leaders', (s) =>
      s.topics.some((t) => t.name === topic && t.partitions.every((p) => p.leader >= 0)),
    );
    await produce(
      topic,
      [0, 1, 2].map((partition) => ({ partition, value: 'm' })),
    );
  });

  after(async () => {
    await Promise.all(members.map((m) => m.stop()));
    client.close();
    await dashboard.close();
    await deleteTopic(topic);
  });

  it('shows the epochs and current and target assignments ConsumerGroupCommand prints', async () => {
    members.push(start('timeline-0'), start('timeline-1'));
    client.watchGroup(group);
    await client.waitForDetail('two reconciled members on the timeline', reconciled(topic, 2), 90_000);
    let last = '';
    for (let attempt = 0; attempt < 10; attempt++) {
      const [out, state] = await Promise.all([
        runKafkaTool(CONSUMER_GROUP_COMMAND, ['--describe', '--group', group, '--members', '--verbose']),
        runKafkaTool(CONSUMER_GROUP_COMMAND, ['--describe', '--group', group, '--state', '--verbose']),
      ]);
      const t = (await client.waitForDetail('reconciled', reconciled(topic, 2), 30_000)).timeline!;
      const ours = t.members.map((m) => [
        m.memberId,
        m.clientId,
        String(m.memberEpoch),
        partitions(m.assigned),
        partitions(m.target),
      ]);
      const theirs = parseToolTable(out, 'GROUP')
        .map((r) => [
          r['CONSUMER-ID'],
          r['CLIENT-ID'],
          r['CURRENT-EPOCH'],
          toolPartitions(r['CURRENT-ASSIGNMENT']),
          toolPartitions(r['TARGET-ASSIGNMENT']),
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      const [row] = parseToolTable(state, 'GROUP');
      last = `${out}\n${state}\n${JSON.stringify(t)}`;
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) continue;
      if (row?.['GROUP-EPOCH'] !== String(t.groupEpoch)) continue;
      if (row?.['TARGET-ASSIGNMENT-EPOCH'] !== String(t.assignmentEpoch)) continue;
      return;
    }
    assert.fail(`the timeline never matched ConsumerGroupCommand:\n${last}`);
  });

  let beforeRestart: EpochTimelineView;

  it('shows a member joining and leaving as partition moves with ownerless times', async () => {
    const two = (await client.waitForDetail('two members', reconciled(topic, 2))).timeline!;
    const old = new Set(two.members.map((m) => m.memberId));
    const third = start('timeline-2');
    members.push(third);
    const joined = (await client.waitForDetail('three reconciled members', reconciled(topic, 3), 90_000)).timeline!;
    const newcomer = joined.members.find((m: TimelineMember) => !old.has(m.memberId))!;
    assert.equal(newcomer.clientId, 'timeline-2');
    assert.ok(joined.groupEpoch! > two.groupEpoch!, 'the join bumps the group epoch');
    const received = joined.moves.filter((m) => m.to === newcomer.memberId);
    assert.equal(received.length, 1, `the third member takes one partition:\n${JSON.stringify(joined)}`);
    const move = received[0]!;
    assert.ok(move.from !== null && old.has(move.from), 'from one of the two members');
    assert.ok(move.revokedAt !== null && move.revokedAt <= move.receivedAt);
    assert.equal(move.ownerlessMs, move.receivedAt - move.revokedAt!);
    assert.ok(
      joined.events.some((e) => e.kind === 'member-epoch' && e.memberId === move.from && e.revoking.length > 0),
      'the owner was asked to revoke it first',
    );
    console.log(`join: ${move.topic}:${move.partition} ownerless ${move.ownerlessMs} ms`);

    await third.stop();
    const left = (await client.waitForDetail('two members again', reconciled(topic, 2), 90_000)).timeline!;
    const handedBack = left.moves.filter((m) => m.from === newcomer.memberId);
    assert.equal(handedBack.length, 1, 'its partition goes back to a remaining member');
    assert.ok(handedBack[0]!.ownerlessMs !== null && handedBack[0]!.ownerlessMs >= 0);
    assert.ok(left.events.some((e) => e.kind === 'member-left' && e.memberId === newcomer.memberId));
    console.log(
      `leave: ${handedBack[0]!.topic}:${handedBack[0]!.partition} ownerless ${handedBack[0]!.ownerlessMs} ms`,
    );
    beforeRestart = left;
  });

  it('replays the log to the same timeline after a restart of the dashboard', async () => {
    beforeRestart = (await client.waitForDetail('settled', reconciled(topic, 2))).timeline!;
    client.close();
    await dashboard.close();
    dashboard = await startTestDashboard();
    client = new LiveClient(dashboard.url);
    client.watchGroup(group);
    const want = JSON.stringify(beforeRestart);
    let got = '';
    await client
      .waitForDetail(
        'the same timeline',
        (d) => {
          got = JSON.stringify(d.timeline);
          return got === want;
        },
        60_000,
      )
      .catch(() => assert.fail(`the replayed timeline differs:\nbefore ${want}\nafter  ${got}`));
  });
});
