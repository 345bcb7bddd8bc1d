import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupDetail } from '@/lib/contract/groups';
import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import type { ActionResults, LabInstance } from '@/lib/contract/actions';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard } from '@/tests/support/kafka';
import { produce } from '@/tests/support/consumers';
import { parseToolTable } from '@/tests/support/java-consumers';
import { runKafkaTool } from '@/tests/support/kafka-tools';
import { gone, wait } from '@/tests/support/lab';

// Lab instances of the new protocols on the real cluster: Kafka's own Java clients in a worker
// process (server/lab/java/LabWorker.java), checked against what Kafka's tools print.

const CONSUMER_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';
const SHARE_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ShareGroupCommand';
const origin = { via: 'http' as const, address: 'lab-protocols-test' };

/** `t:0,1` style assignment lists as the tools print them, to sorted partition numbers. */
function toolPartitions(cell: string | undefined): number[] {
  if (!cell || cell === '-') return [];
  return [...cell.matchAll(/(\d+)(?=,|$|\))/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}
const partitions = (tps: { partition: number }[] | null | undefined) =>
  (tps ?? []).map((tp) => tp.partition).sort((a, b) => a - b);

describe('lab protocols: consumer (KIP-848) and share instances', { timeout: 400_000 }, () => {
  let dashboard: Dashboard;
  const topics: string[] = [];

  async function run<N extends ActionName>(name: N, payload: ActionPayload<N>): Promise<ActionResults[N]> {
    const answer = await dashboard.actions.run(name, payload, origin);
    if (!answer.ok) throw new Error(`${name} refused: ${answer.error}`);
    return answer.result as ActionResults[N];
  }

  async function until<T>(what: string, read: () => T | null | undefined, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = read();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await wait(100);
    }
  }

  const instance = (name: string): LabInstance => dashboard.lab.instances().find((i) => i.name === name)!;
  const detail = (groupId: string, ok: (d: GroupDetail) => boolean) => () => {
    const d = dashboard.groups.detail(groupId);
    return d && ok(d) ? d : null;
  };

  async function freshTopic(partitionCount: number, messages: number): Promise<string> {
    const topic = randomName('lab.proto');
    topics.push(topic);
    await createTopic(topic, partitionCount, 3);
    await until('leaders', () =>
      dashboard.store
        .snapshot()
        .topics.some(
          (t) => t.name === topic && t.partitions.length === partitionCount && t.partitions.every((p) => p.leader >= 0),
        ),
    );
    if (messages > 0)
      await produce(
        topic,
        Array.from({ length: messages }, (_, i) => ({ key: `k${i}`, value: `m${i}` })),
      );
    return topic;
  }

  const start = (protocol: 'consumer' | 'share', groupId: string, topic: string, consumers: number, delay = 0) =>
    run('lab:start', {
      groupId,
      topics: [topic],
      consumers,
      processingDelayMs: delay,
      sessionTimeoutMs: 10_000,
      protocol,
    });

  before(async () => {
    dashboard = await startTestDashboard();
  });

  afterEach(async () => {
    await Promise.all(
      dashboard.lab
        .instances()
        .filter((i) => i.pid !== null && i.endedAt === null)
        .map((i) => dashboard.lab.kill(i.name).catch(() => undefined)),
    );
  });

  after(async () => {
    await dashboard?.close();
    await Promise.all(topics.map(deleteTopic));
  });

  it('offers consumer and share on Kafka 4 with Java present', async () => {
    const protocols = await dashboard.lab.protocols();
    assert.deepEqual(
      protocols.map((p) => [p.protocol, p.available, p.reason]),
      [
        ['classic', true, null],
        ['consumer', true, null],
        ['share', true, null],
      ],
    );
  });

  it('a consumer instance of 2 is a KIP-848 group, as ConsumerGroupCommand --describe --members --verbose prints it', async () => {
    const topic = await freshTopic(3, 30);
    const groupId = randomName('lab-kip848');
    const a = await start('consumer', groupId, topic, 2);
    assert.equal(a.protocol, 'consumer');
    assert.ok(a.pid !== null && a.pid !== process.pid);
    const settled = (d: GroupDetail) =>
      d.type === 'consumer' &&
      d.state === 'Stable' &&
      d.members.length === 2 &&
      d.members.every((m) => m.assignments.length > 0) &&
      d.members.every((m) => partitions(m.assignments).join() === partitions(m.epochs?.targetAssignment).join());
    await until('two reconciled members', detail(groupId, settled));
    let last = '';
    for (let attempt = 0; attempt < 10; attempt++) {
      const out = await runKafkaTool(CONSUMER_GROUP_COMMAND, [
        '--describe',
        '--group',
        groupId,
        '--members',
        '--verbose',
      ]);
      const theirs = parseToolTable(out, 'GROUP')
        .map((r) => ({
          memberId: r['CONSUMER-ID']!,
          clientId: r['CLIENT-ID']!,
          current: toolPartitions(r['CURRENT-ASSIGNMENT']),
          target: toolPartitions(r['TARGET-ASSIGNMENT']),
        }))
        .sort((x, y) => x.clientId.localeCompare(y.clientId));
      // What the instance itself reports (its cards) and what the group page shows.
      const reported = instance(a.name)
        .consumers.map((c) => ({ memberId: c.memberId!, clientId: c.clientId, current: partitions(c.assignments) }))
        .sort((x, y) => x.clientId.localeCompare(y.clientId));
      const page = dashboard.groups
        .detail(groupId)!
        .members.map((m) => ({
          memberId: m.memberId,
          clientId: m.clientId,
          current: partitions(m.assignments),
          target: partitions(m.epochs?.targetAssignment),
        }))
        .sort((x, y) => x.clientId.localeCompare(y.clientId));
      last = `${out}\nreported ${JSON.stringify(reported)}\npage ${JSON.stringify(page)}`;
      if (JSON.stringify(page) !== JSON.stringify(theirs)) {
        await wait(500);
        continue;
      }
      assert.deepEqual(
        reported,
        theirs.map(({ memberId, clientId, current }) => ({ memberId, clientId, current })),
        last,
      );
      assert.deepEqual(
        theirs.map((t) => t.clientId),
        [`lab-${a.name}-1`, `lab-${a.name}-2`],
      );
      assert.deepEqual(theirs.flatMap((t) => t.current).sort(), [0, 1, 2]);
      return;
    }
    assert.fail(`the lab never matched ConsumerGroupCommand:\n${last}`);
  });

  it('pause stops consuming and resume goes on; scale moves partitions; the delay paces each record', async () => {
    const topic = await freshTopic(3, 0);
    const groupId = randomName('lab-kip848-ctl');
    const a = await start('consumer', groupId, topic, 1, 100);
    await until(
      'one member with all 3',
      detail(groupId, (d) => d.members.length === 1 && d.members[0]!.assignments.length === 3),
    );
    await produce(
      topic,
      Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `m${i}` })),
    );
    // 100 ms a record: 20 records take at least 2 s.
    const t0 = Date.now();
    await until('20 consumed', () => instance(a.name).consumed >= 20, 30_000);
    assert.ok(Date.now() - t0 >= 1_500, `20 records at 100 ms each took only ${Date.now() - t0} ms`);

    await run('lab:pause', { instance: a.name });
    assert.equal(instance(a.name).status, 'paused');
    await produce(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ key: `p${i}`, value: `p${i}` })),
    );
    await wait(2_000);
    assert.equal(instance(a.name).consumed, 20, 'nothing is consumed while paused');
    await run('lab:resume', { instance: a.name });
    await until('the 10 after resume', () => instance(a.name).consumed >= 30, 30_000);

    await run('lab:scale', { instance: a.name, consumers: 3 });
    const three = await until(
      'three members of one partition each',
      detail(groupId, (d) => d.members.length === 3 && d.members.every((m) => m.assignments.length === 1)),
    );
    assert.deepEqual(
      three.members.map((m) => m.clientId).sort(),
      ['1', '2', '3'].map((k) => `lab-${a.name}-${k}`),
    );
    await until(
      'the instance reports 3 with one partition each',
      () =>
        instance(a.name).consumers.length === 3 && instance(a.name).consumers.every((c) => c.assignments.length === 1),
    );
    await run('lab:scale', { instance: a.name, consumers: 1 });
    await until(
      'back to one member with all 3',
      detail(groupId, (d) => d.members.length === 1 && d.members[0]!.assignments.length === 3),
    );

    // Stop: every member leaves, the group is empty at once (no session timeout to wait out).
    const stoppedAt = Date.now();
    const stopped = await run('lab:stop', { instance: a.name });
    assert.equal(stopped.status, 'stopped');
    assert.ok(gone(a.pid!), 'the stopped process exited');
    await until(
      'an empty group',
      detail(groupId, (d) => d.members.length === 0),
    );
    assert.ok(Date.now() - stoppedAt < 15_000, 'left the group, not timed out');
  });

  it('kill leaves no process behind', async () => {
    const topic = await freshTopic(3, 0);
    const a = await start('consumer', randomName('lab-kip848-kill'), topic, 2);
    const killed = await run('lab:kill', { instance: a.name });
    assert.equal(killed.status, 'killed');
    assert.ok(gone(a.pid!), 'the worker is gone');
  });

  it('a share instance of 2 on one partition: both members share it, as ShareGroupCommand prints', async () => {
    const topic = await freshTopic(1, 20);
    const groupId = randomName('lab-share');
    const a = await start('share', groupId, topic, 2);
    assert.equal(a.protocol, 'share');
    await until(
      'both share members on partition 0',
      detail(
        groupId,
        (d) =>
          d.type === 'share' &&
          d.members.length === 2 &&
          d.members.every((m) => partitions(m.assignments).join() === '0'),
      ),
    );
    await until(
      'the instance reports both on partition 0',
      () =>
        instance(a.name).consumers.every((c) => partitions(c.assignments).join() === '0' && c.memberId !== null) &&
        instance(a.name).consumers.length === 2,
    );
    const out = await runKafkaTool(SHARE_GROUP_COMMAND, ['--describe', '--group', groupId, '--members']);
    const rows = parseToolTable(out, 'GROUP');
    const reported = instance(a.name).consumers;
    assert.deepEqual(rows.map((r) => r['CONSUMER-ID']).sort(), reported.map((c) => c.memberId).sort(), out);
    for (const r of rows) {
      const c = reported.find((x) => x.memberId === r['CONSUMER-ID'])!;
      assert.equal(c.clientId, r['CLIENT-ID']);
      assert.deepEqual(partitions(c.assignments), toolPartitions(r.ASSIGNMENT), out);
    }
    // Every record acknowledged once between the two.
    await until('20 consumed', () => instance(a.name).consumed >= 20, 30_000);
    await wait(1_000);
    assert.equal(instance(a.name).consumed, 20, 'each record once');
    const stopped = await run('lab:stop', { instance: a.name });
    assert.equal(stopped.status, 'stopped');
    await until(
      'an empty share group',
      detail(groupId, (d) => d.members.length === 0),
      20_000,
    );
  });
});
