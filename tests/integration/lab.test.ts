import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupDetail } from '@/lib/contract/groups';
import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import type { ActionResults, LabInstance } from '@/lib/contract/actions';
import type { Dashboard } from '@/server/app';
import { createTopic, deleteTopic, randomName, startTestDashboard, withAdmin } from '@/tests/support/kafka';
import { produce } from '@/tests/support/consumers';
import { gone, startServerProcess, wait, workerParent } from '@/tests/support/lab';
import { silentMembers } from '@/lib/lab-derive';
import { memberCounts, membersHint } from '@/lib/group-derive';

// The consumer-instance lab on the real embedded cluster: instances are real OS processes
// running kafkajs consumers; the group is read back through the dashboard.

const origin = { via: 'http' as const, address: 'lab-test' };
const SESSION_MS = 6_000;

describe('consumer-instance lab', () => {
  let dashboard: Dashboard;
  const topics: string[] = [];

  async function run<N extends ActionName>(name: N, payload: ActionPayload<N>): Promise<ActionResults[N]> {
    const answer = await dashboard.actions.run(name, payload, origin);
    if (!answer.ok) throw new Error(`${name} refused: ${answer.error}`);
    return answer.result as ActionResults[N];
  }

  async function refusal(name: string, payload: unknown): Promise<string> {
    const answer = await dashboard.actions.run(name, payload, origin);
    assert.equal(answer.ok, false, `${name} should be refused`);
    return answer.ok ? '' : answer.error;
  }

  async function group(
    groupId: string,
    what: string,
    predicate: (d: GroupDetail) => boolean,
    timeoutMs = 30_000,
  ): Promise<GroupDetail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const d = dashboard.groups.detail(groupId);
      if (d && predicate(d)) return d;
      if (Date.now() > deadline)
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(d).slice(0, 1500)}`,
        );
      await wait(100);
    }
  }

  async function freshTopic(messages = 0): Promise<string> {
    const topic = randomName('lab.orders');
    topics.push(topic);
    await createTopic(topic, 3, 3);
    const deadline = Date.now() + 30_000;
    while (
      !dashboard.store
        .snapshot()
        .topics.some((t) => t.name === topic && t.partitions.length === 3 && t.partitions.every((p) => p.leader >= 0))
    ) {
      if (Date.now() > deadline) throw new Error(`topic ${topic} never got leaders`);
      await wait(100);
    }
    if (messages > 0)
      await produce(
        topic,
        Array.from({ length: messages }, (_, i) => ({ key: `k${i}`, value: `m${i}` })),
      );
    return topic;
  }

  const start = (groupId: string, topic: string, extra: Partial<ActionPayload<'lab:start'>> = {}) =>
    run('lab:start', {
      groupId,
      topics: [topic],
      consumers: 1,
      processingDelayMs: 0,
      sessionTimeoutMs: SESSION_MS,
      ...extra,
    });
  const stable = (members: number) => (d: GroupDetail) =>
    d.state === 'Stable' &&
    d.members.length === members &&
    d.members.reduce((n, m) => n + m.assignments.length, 0) === 3;
  const owned = (d: GroupDetail) => d.members.map((m) => m.assignments.length).sort();
  const committed = (d: GroupDetail) => d.offsets.reduce((n, o) => n + (o.committed ?? 0), 0);
  const instance = (name: string): LabInstance => dashboard.lab.instances().find((i) => i.name === name)!;

  before(async () => {
    dashboard = await startTestDashboard();
  });

  afterEach(async () => {
    // Kill is enough here: every test has its own group, nobody waits for these to leave.
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

  it('splits 3 partitions 2:1 between instances A and B; a killed B is noticed only after the session timeout', async () => {
    const topic = await freshTopic();
    const groupId = randomName('order-processing-group');
    const a = await start(groupId, topic);
    const b = await start(groupId, topic);
    assert.deepEqual([a.name, b.name], ['A', 'B']);
    assert.ok(a.pid !== null && b.pid !== null && a.pid !== b.pid && a.pid !== process.pid);
    const two = await group(groupId, '2 members 2:1', stable(2));
    assert.deepEqual(owned(two), [1, 2]);
    assert.deepEqual(two.members.map((m) => m.clientId).sort(), ['lab-A-1', 'lab-B-1']);
    await wait(500);
    const bMember = instance('B').consumers[0].memberId;
    assert.ok(
      bMember && two.members.some((m) => m.memberId === bMember),
      'the instance reports the member id the coordinator knows',
    );

    const killedAt = Date.now();
    const killed = await run('lab:kill', { instance: 'B' });
    assert.equal(killed.status, 'killed');
    assert.ok(killed.endedAt !== null);
    assert.throws(() => process.kill(b.pid!, 0), 'the process is gone');
    // Until the session timeout the coordinator still counts B's member in.
    await wait(2_500);
    assert.equal(dashboard.groups.detail(groupId)!.members.length, 2, 'B is still a member right after the kill');
    const after = await group(
      groupId,
      'A owns all 3',
      (d) => stable(1)(d) && d.rebalances[0]?.left.some((l) => l.memberId === bMember),
      SESSION_MS + 20_000,
    );
    const tookMs = Date.now() - killedAt;
    assert.ok(
      tookMs >= SESSION_MS - 1_000,
      `the group rebalanced ${tookMs} ms after the kill, before the session timeout`,
    );
    assert.equal(after.members[0].clientId, 'lab-A-1');
    assert.equal(after.rebalances[0].generation, after.generation);
    assert.ok(after.generation! > two.generation!);
    await wait(500);
    assert.equal(instance('A').consumers[0].assignments.length, 3);
  });

  it('a killed member shows "not heard from" with a deadline a session timeout after its last heartbeat, then leaves', async () => {
    const topic = await freshTopic();
    const groupId = randomName('silent-member-group');
    const a = await start(groupId, topic);
    const b = await start(groupId, topic);
    await group(groupId, '2 members', stable(2));
    await wait(1_000);
    const bMember = instance(b.name).consumers[0].memberId!;
    assert.ok(bMember);
    const heardBefore = instance(b.name).consumers[0].lastHeardAt;
    assert.ok(
      heardBefore !== null && Date.now() - heardBefore < 2_000,
      'a running consumer is heard from every heartbeat',
    );
    assert.equal(silentMembers(dashboard.groups.detail(groupId)!, dashboard.lab.instances(), Date.now()).size, 0);

    const killedAt = Date.now();
    await run('lab:kill', { instance: b.name });
    const detail = dashboard.groups.detail(groupId)!;
    assert.ok(
      detail.members.some((m) => m.memberId === bMember),
      'the coordinator still lists it',
    );
    const silent = silentMembers(detail, dashboard.lab.instances(), Date.now());
    assert.deepEqual([...silent.keys()], [bMember], 'only the killed instance’s member is silent');
    const s = silent.get(bMember)!;
    assert.ok(s.lastHeardAt !== null);
    // The last heartbeat is at most a heartbeat interval (500 ms) and a little IPC before the kill.
    assert.ok(
      s.lastHeardAt <= killedAt + 200 && killedAt - s.lastHeardAt < 1_500,
      `last heard ${killedAt - s.lastHeardAt} ms before the kill`,
    );
    assert.equal(s.deadline, s.lastHeardAt + SESSION_MS);
    assert.ok(s.secondsLeft > 0 && s.secondsLeft <= SESSION_MS / 1000, `${s.secondsLeft} s left`);
    const counts = memberCounts(detail, new Set(silent.keys()));
    assert.deepEqual(counts, { total: 2, reading: 1, idle: 0, silent: 1 });
    assert.equal(membersHint(counts), 'notHeard');

    // It falls as time passes, and the member is gone once the coordinator drops it.
    await wait(2_000);
    const later = silentMembers(dashboard.groups.detail(groupId)!, dashboard.lab.instances(), Date.now()).get(bMember);
    assert.ok(later && later.secondsLeft < s.secondsLeft, `${later?.secondsLeft} s left after 2 s`);
    const left = await group(
      groupId,
      'B dropped',
      (d) => !d.members.some((m) => m.memberId === bMember),
      SESSION_MS + 20_000,
    );
    const droppedAt = Date.now();
    // The coordinator's expiry check and our 1 s describe round add a little after the deadline.
    const late = droppedAt - s.deadline;
    console.log(
      `# killed member: last heard ${killedAt - s.lastHeardAt} ms before the kill, dropped ${late} ms after the shown deadline`,
    );
    assert.ok(late > -500 && late < 5_000, `dropped ${late} ms after the deadline`);
    assert.equal(silentMembers(left, dashboard.lab.instances(), Date.now()).size, 0);
    assert.deepEqual(
      left.members.map((m) => m.clientId),
      [`lab-${a.name}-1`],
    );
  });
  it('a graceful stop leaves the group at once, long before the session timeout', async () => {
    const topic = await freshTopic();
    const groupId = randomName('stop-group');
    const a = await start(groupId, topic, { sessionTimeoutMs: 30_000 });
    const b = await start(groupId, topic, { sessionTimeoutMs: 30_000 });
    await group(groupId, '2 members', stable(2));
    const t0 = Date.now();
    const stopped = await run('lab:stop', { instance: b.name });
    assert.equal(stopped.status, 'stopped');
    assert.equal(stopped.lastError, null);
    const one = await group(
      groupId,
      'A alone',
      (d) => stable(1)(d) && d.rebalances[0]?.left.some((l) => l.clientId === `lab-${b.name}-1`),
      15_000,
    );
    assert.ok(Date.now() - t0 < 15_000);
    assert.equal(one.members[0].clientId, `lab-${a.name}-1`);
    assert.ok(gone(b.pid!), 'the stopped process exited');
  });

  it('pause stops committing while lag builds, without a rebalance; resume catches up', async () => {
    const topic = await freshTopic(30);
    const groupId = randomName('pause-group');
    const { name } = await start(groupId, topic);
    const caughtUp = await group(
      groupId,
      'lag 0 after 30 messages',
      (d) => stable(1)(d) && d.totalLag === 0 && committed(d) === 30,
    );
    const paused = await run('lab:pause', { instance: name });
    assert.equal(paused.status, 'paused');
    assert.match(await refusal('lab:pause', { instance: name }), /already paused/);
    await produce(
      topic,
      Array.from({ length: 30 }, (_, i) => ({ key: `late${i}`, value: 'x' })),
    );
    const behind = await group(groupId, 'lag 30 while paused', (d) => d.totalLag === 30);
    await wait(3_000);
    const still = dashboard.groups.detail(groupId)!;
    assert.equal(committed(still), 30, 'nothing committed while paused');
    assert.equal(still.totalLag, 30);
    assert.equal(still.generation, caughtUp.generation, 'pausing does not rebalance: the consumer keeps heartbeating');
    assert.equal(behind.members.length, 1);
    assert.equal(instance(name).consumed, 30);

    const resumed = await run('lab:resume', { instance: name });
    assert.equal(resumed.status, 'running');
    await group(groupId, 'lag back to 0', (d) => d.totalLag === 0 && committed(d) === 60, 20_000);
    assert.match(await refusal('lab:resume', { instance: name }), /not paused/);
  });

  it('scales consumers inside an instance up and down; rebalance now makes a new generation', async () => {
    const topic = await freshTopic();
    const groupId = randomName('scale-group');
    const { name } = await start(groupId, topic);
    const ids = (...ks: number[]) => ks.map((k) => `lab-${name}-${k}`);
    const one = await group(groupId, '1 member', stable(1));
    const up = await run('lab:scale', { instance: name, consumers: 2 });
    assert.deepEqual(
      up.consumers.map((c) => c.clientId),
      ids(1, 2),
    );
    const two = await group(groupId, '2 members', stable(2));
    assert.deepEqual(owned(two), [1, 2]);
    assert.ok(two.generation! > one.generation!);

    const answer = await run('lab:rebalance', { groupId });
    assert.deepEqual(answer, { groupId, instance: name, clientId: ids(2)[0] });
    const rejoined = await group(
      groupId,
      'a new generation with 2 members',
      (d) => stable(2)(d) && d.generation! > two.generation!,
    );
    assert.deepEqual(rejoined.members.map((m) => m.clientId).sort(), ids(1, 2));

    const down = await run('lab:scale', { instance: name, consumers: 1 });
    assert.deepEqual(
      down.consumers.map((c) => c.clientId),
      ids(1),
    );
    const back = await group(groupId, '1 member again', stable(1));
    assert.ok(back.generation! > rejoined.generation!);
  });

  it('a second group on the same topic reads it from the start with its own offsets', async () => {
    const topic = await freshTopic(40);
    // What the log holds: a producer retry into a just-created topic has been seen to write a
    // few messages twice, and this test is about each group reading all of the log.
    const total = (await withAdmin((admin) => admin.fetchTopicOffsets(topic))).reduce((n, o) => n + Number(o.high), 0);
    assert.ok(total >= 40, `${total} messages in the log`);
    const first = randomName('first-group');
    const second = randomName('second-group');
    const a = await start(first, topic);
    await group(first, 'first group caught up', (d) => d.totalLag === 0 && committed(d) === total);
    await run('lab:stop', { instance: a.name });
    const b = await start(second, topic, { consumers: 2 });
    const other = await group(second, 'second group caught up', (d) => d.totalLag === 0 && committed(d) === total);
    assert.equal(other.members.length, 2);
    await wait(500);
    assert.equal(instance(b.name).consumed, total, 'the second group read every message again');
    assert.equal(instance(a.name).consumed, total);
    const firstAgain = dashboard.groups.detail(first)!;
    assert.equal(committed(firstAgain), total);
    assert.equal(firstAgain.members.length, 0);
  });

  it('refuses with clear messages: unknown or ended instances, missing topics, bad payloads, groups without lab instances', async () => {
    const topic = await freshTopic();
    const groupId = randomName('refusal-group');
    assert.equal(await refusal('lab:stop', { instance: 'Q' }), 'no running lab instance Q');
    assert.equal(await refusal('lab:scale', { instance: 'Q', consumers: 2 }), 'no running lab instance Q');
    assert.match(
      await refusal('lab:start', {
        groupId,
        topics: ['no-such-topic-here'],
        consumers: 1,
        processingDelayMs: 0,
        sessionTimeoutMs: SESSION_MS,
      }),
      /no topic named no-such-topic-here/,
    );
    assert.match(
      await refusal('lab:start', {
        groupId,
        topics: [topic],
        consumers: 0,
        processingDelayMs: 0,
        sessionTimeoutMs: SESSION_MS,
      }),
      /^invalid lab:start: consumers: /,
    );
    assert.match(
      await refusal('lab:start', {
        groupId,
        topics: [topic],
        consumers: 1,
        processingDelayMs: 0,
        sessionTimeoutMs: 100,
      }),
      /^invalid lab:start: sessionTimeoutMs: /,
    );
    assert.match(await refusal('lab:kill', { instance: 'lowercase' }), /^invalid lab:kill: instance: /);
    assert.match(
      await refusal('lab:rebalance', { groupId }),
      new RegExp(`no running lab instance is in group ${groupId}`),
    );
    const a = await start(groupId, topic);
    await run('lab:kill', { instance: a.name });
    assert.equal(await refusal('lab:pause', { instance: a.name }), `no running lab instance ${a.name}: it was killed`);
    assert.match(await refusal('lab:rebalance', { groupId }), /no running lab instance is in group/);
    assert.equal(
      dashboard.lab.instances().find((i) => i.name === a.name)?.status,
      'killed',
      'ended instances stay in the list',
    );
  });

  it('marks an instance whose process died on its own as crashed, with the reason', async () => {
    const topic = await freshTopic();
    const groupId = randomName('crash-group');
    const a = await start(groupId, topic);
    process.kill(a.pid!, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (instance(a.name).status !== 'crashed') {
      if (Date.now() > deadline) assert.fail(`status stayed ${instance(a.name).status}`);
      await wait(100);
    }
    assert.equal(instance(a.name).lastError, 'ended by SIGTERM');
    assert.ok(instance(a.name).endedAt !== null);
    assert.equal(await refusal('lab:resume', { instance: a.name }), `no running lab instance ${a.name}: it crashed`);
  });

  it('leaves no worker behind when the server is killed with SIGKILL', async () => {
    const topic = await freshTopic();
    const server = await startServerProcess();
    try {
      const res = await fetch(`${server.url}/api/actions/lab:start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          groupId: randomName('orphan-group'),
          topics: [topic],
          consumers: 1,
          processingDelayMs: 0,
          sessionTimeoutMs: SESSION_MS,
        }),
      });
      const answer = (await res.json()) as { ok: boolean; result?: LabInstance; error?: string };
      assert.equal(answer.ok, true, answer.error);
      const pid = answer.result!.pid!;
      assert.doesNotThrow(() => process.kill(pid, 0), 'the worker runs');
      // The worker's parent is the server process itself (npx and tsx's CLI sit above it).
      const serverPid = workerParent(pid);
      process.kill(serverPid, 'SIGKILL');
      const t0 = Date.now();
      while (!gone(pid)) {
        if (Date.now() - t0 > 5_000) assert.fail(`worker ${pid} still runs 5 s after the server was killed`);
        await wait(100);
      }
      assert.ok(gone(serverPid));
    } finally {
      server.cleanup();
    }
  });
});
