import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Producer } from 'kafkajs';
import type { GroupDetail } from '@/lib/contract/groups';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard, testKafka, withAdmin } from '@/tests/support/kafka';
import { produce, startMember, type TestMember } from '@/tests/support/consumers';
import { describeGroupWithKafkaTool } from '@/tests/support/kafka-tools';

// Offsets committed in kafkajs transactions (`sendOffsets`, what sendOffsetsToTransaction does),
// read by the dashboard as the group coordinator applies them: a committed transaction's offsets
// apply, an aborted one's never do, and a transaction left open delays no other group, live or
// after a restart that replays __consumer_offsets from its start.

/** Partitions of __consumer_offsets on the embedded cluster (server/embedded/layout.ts). */
const OFFSETS_PARTITIONS = 12;

/** The __consumer_offsets partition of a group, as Kafka picks it: Java's String.hashCode. */
function logPartition(groupId: string): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (Math.imul(31, h) + groupId.charCodeAt(i)) | 0;
  return (h === -2147483648 ? 0 : Math.abs(h)) % OFFSETS_PARTITIONS;
}

/** A random group name stored in the same __consumer_offsets partition as `groupId`: only there
 *  can an open transaction hold back another group's records. */
function neighbourOf(groupId: string, prefix: string): string {
  for (;;) {
    const name = randomName(prefix);
    if (logPartition(name) === logPartition(groupId)) return name;
  }
}

async function groupDetail(url: string, groupId: string): Promise<GroupDetail | null> {
  const res = await fetch(`${url}/api/groups/${encodeURIComponent(groupId)}`);
  return res.status === 200 ? ((await res.json()) as GroupDetail) : null;
}

/** Polls the API until `predicate` holds for the group; generous, as the machine is shared. */
async function waitForGroup(
  url: string,
  groupId: string,
  what: string,
  predicate: (d: GroupDetail) => boolean,
  timeoutMs = 30_000,
): Promise<GroupDetail> {
  const deadline = Date.now() + timeoutMs;
  let last: GroupDetail | null = null;
  for (;;) {
    last = await groupDetail(url, groupId);
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const committedOf = (d: GroupDetail | null, topic: string, partition: number) =>
  d?.offsets.find((o) => o.topic === topic && o.partition === partition)?.committed ?? null;

describe('transactional offset commits, as the group coordinator applies them', () => {
  let dashboard: Dashboard;
  const input = randomName('payments.in');
  const output = randomName('payments.out');
  const producers: Producer[] = [];
  const members: TestMember[] = [];

  /** A transactional producer; a long transaction timeout, so an open one stays open for the test. */
  async function transactional(): Promise<Producer> {
    const producer = testKafka('tx-tests').producer({
      transactionalId: randomName('tx'),
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: 300_000,
    });
    await producer.connect();
    producers.push(producer);
    return producer;
  }

  /** One consume-transform-produce step: an output record and the input offset, in one transaction. */
  async function openTransaction(producer: Producer, groupId: string, offset: number) {
    const tx = await producer.transaction();
    await tx.send({ topic: output, messages: [{ key: groupId, value: `processed up to ${offset}` }] });
    await tx.sendOffsets({
      consumerGroupId: groupId,
      topics: [{ topic: input, partitions: [{ partition: 0, offset: String(offset) }] }],
    });
    return tx;
  }

  const plainCommit = (groupId: string, offset: number) =>
    withAdmin((admin) =>
      admin.setOffsets({ groupId, topic: input, partitions: [{ partition: 0, offset: String(offset) }] }),
    );

  before(async () => {
    await createTopic(input, 3, 3);
    await createTopic(output, 1, 3);
    await produce(
      input,
      Array.from({ length: 60 }, (_, i) => ({ value: `payment ${i}`, partition: i % 3 })),
    );
    dashboard = await startTestDashboard();
  });

  after(async () => {
    await Promise.all(members.map((m) => m.stop()));
    await Promise.all(producers.map((p) => p.disconnect().catch(() => undefined)));
    await dashboard?.close();
    await deleteTopic(input);
    await deleteTopic(output);
  });

  it('applies a committed transaction’s offsets, as Kafka’s consumer-groups tool shows them', async () => {
    const group = randomName('tx-committed');
    const tx = await openTransaction(await transactional(), group, 7);
    await tx.commit();
    const shown = await waitForGroup(
      dashboard.url,
      group,
      'the committed offset 7',
      (d) => committedOf(d, input, 0) === 7,
    );
    const tool = await describeGroupWithKafkaTool(group);
    assert.equal(tool.rows.find((r) => r.topic === input && r.partition === 0)?.currentOffset, 7);
    assert.equal(committedOf(shown, input, 0), 7);
  });

  it('never applies an aborted transaction’s offsets', async () => {
    const group = randomName('tx-aborted');
    await plainCommit(group, 3);
    await waitForGroup(dashboard.url, group, 'the plain commit 3', (d) => committedOf(d, input, 0) === 3);
    const tx = await openTransaction(await transactional(), group, 9);
    await tx.abort();
    // A plain commit written after the abort marker, in the same log partition: once it shows,
    // the marker has been read.
    const witness = neighbourOf(group, 'tx-witness');
    await plainCommit(witness, 1);
    await waitForGroup(dashboard.url, witness, 'the witness commit', (d) => committedOf(d, input, 0) === 1);
    assert.equal(committedOf(await groupDetail(dashboard.url, group), input, 0), 3, 'the aborted 9 never applied');
    const tool = await describeGroupWithKafkaTool(group);
    assert.equal(tool.rows.find((r) => r.partition === 0)?.currentOffset, 3, 'Kafka agrees');
  });

  it('shows other groups’ commits and rebalances while a transaction stays open, live and after a restart', async () => {
    const stuck = randomName('tx-open');
    const producer = await transactional();
    const tx = await openTransaction(producer, stuck, 11);
    // Another group, stored in the same __consumer_offsets partition, commits and rebalances.
    const busy = neighbourOf(stuck, 'tx-neighbour');
    members.push(await startMember(busy, [input], { clientId: 'neighbour-A' }));
    const first = await waitForGroup(
      dashboard.url,
      busy,
      'the neighbour group’s commits past the open transaction',
      (d) => d.members.length === 1 && d.offsets.length === 3 && d.offsets.every((o) => o.committed === 20),
    );
    members.push(await startMember(busy, [input], { clientId: 'neighbour-B' }));
    const rebalanced = await waitForGroup(
      dashboard.url,
      busy,
      'the neighbour group’s rebalance',
      (d) => d.members.length === 2 && (d.generation ?? 0) > (first.generation ?? 0),
    );
    assert.equal(
      committedOf(await groupDetail(dashboard.url, stuck), input, 0),
      null,
      'the open transaction’s offset waits',
    );

    // A new dashboard replays the log from its start and ends in the same state.
    await dashboard.close();
    dashboard = await startTestDashboard();
    const replayed = await waitForGroup(
      dashboard.url,
      busy,
      'the neighbour group after the replay',
      (d) =>
        d.offsets.length === 3 && d.offsets.every((o) => o.committed === 20) && d.generation === rebalanced.generation,
    );
    assert.equal(replayed.members.length, 2);
    assert.equal(
      committedOf(await groupDetail(dashboard.url, stuck), input, 0),
      null,
      'still pending after the replay',
    );
    await produce(input, [{ value: 'one more', partition: 1 }]);
    await waitForGroup(dashboard.url, busy, 'a commit made after the replay', (d) => committedOf(d, input, 1) === 21);

    // The transaction commits at last: its offset applies on the new dashboard.
    await tx.commit();
    await waitForGroup(
      dashboard.url,
      stuck,
      'the transaction’s offset once committed',
      (d) => committedOf(d, input, 0) === 11,
    );
    const tool = await describeGroupWithKafkaTool(stuck);
    assert.equal(tool.rows.find((r) => r.partition === 0)?.currentOffset, 11, 'Kafka agrees');
  });
});
