import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import type { ActionResult, LabInstance } from '@/lib/contract/actions';
import type { Partition } from '@/lib/contract/cluster';
import type { GroupSummary } from '@/lib/contract/groups';
import { partitionForKey } from '@/lib/partitioner';
import { cleanUp, send, KEY_OF_ORDER, LEARN_PREFIX, namesFor, newRunId, STEP_IDS, STEPS, stepById } from './steps';
import type { TourApi } from './tour-api';
import { EMPTY_PROGRESS, parseProgress, withStep } from './progress';

type Call = { name: ActionName; payload: unknown };

/** A pretend cluster: enough state for the steps' waits, and every action call recorded. */
function fakeApi(overrides: Partial<TourApi> & { answers?: Partial<Record<ActionName, unknown>> } = {}) {
  const calls: Call[] = [];
  let clock = 0;
  const topics = new Map<string, Partition[]>();
  const api: TourApi = {
    async act<N extends ActionName>(name: N, payload: ActionPayload<N>) {
      calls.push({ name, payload });
      if (name === 'topic:create') {
        const p = payload as ActionPayload<'topic:create'>;
        topics.set(
          p.name,
          Array.from({ length: p.partitions }, (_, i) => ({
            partition: i,
            leader: i % 3,
            replicas: [0, 1, 2],
            isr: [0, 1, 2],
            offlineReplicas: [],
            low: 0,
            high: 0,
            lastStable: 0,
            underReplicated: false,
            offline: false,
          })),
        );
      }
      if (name === 'topic:delete') topics.delete((payload as ActionPayload<'topic:delete'>).topic);
      return { ok: true, result: overrides.answers?.[name] ?? {} } as ActionResult<never>;
    },
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
    brokers: () => 3,
    controllerId: () => 2,
    partitions: (t) => topics.get(t) ?? null,
    instances: () => [],
    group: () => undefined,
    embedded: () => true,
    retentionCheckMs: () => 10_000,
    labProtocol: (protocol) => ({ protocol, available: true, why: null, reason: null }),
    note: () => undefined,
    ...overrides,
  };
  return { api, calls, topics };
}

describe('tour steps', () => {
  it('follow the seed note: brokers, topics, consumers and groups, the coordinator, offsets, storage', () => {
    assert.deepEqual(STEP_IDS, [
      'leader',
      'controller',
      'keys',
      'spread',
      'onePerPartition',
      'idle',
      'instances',
      'coordinator',
      'twoGroups',
      'reprocess',
      'retention',
      'compaction',
      'share',
    ]);
    for (const s of STEPS) assert.ok(s.choices.includes(s.answer), `${s.id}: the answer is one of the choices`);
    assert.equal(stepById('idle').id, 'idle');
  });

  it('name every topic and group learn-<step>-<run>, never a user name', () => {
    for (const s of STEPS) {
      const names = namesFor(s, 'abc12');
      for (const n of [names.topic, ...names.groups].filter((x): x is string => x !== null))
        assert.match(n, new RegExp(`^${LEARN_PREFIX}[a-z-]+-abc12(-[ab])?$`));
    }
    assert.deepEqual(namesFor(stepById('twoGroups'), 'r1'), {
      topic: 'learn-two-groups-r1',
      groups: ['learn-two-groups-r1-a', 'learn-two-groups-r1-b'],
    });
    assert.equal(namesFor(stepById('controller'), 'r1').topic, null);
    assert.match(
      newRunId(() => 0.5),
      /^[0-9a-z]{5}$/,
    );
  });

  it('the keys step predicts the murmur2 partition of order-7 and reports where the five landed', async () => {
    const step = stepById('keys');
    assert.equal(step.answer, String(partitionForKey(KEY_OF_ORDER, 3)));
    const p = partitionForKey(KEY_OF_ORDER, 3);
    const { api, calls } = fakeApi({
      answers: {
        'produce:send': {
          topic: 't',
          count: 5,
          messages: [0, 1, 2, 3, 4].map((i) => ({ index: i, key: KEY_OF_ORDER, partition: p, offset: 10 + i })),
          spread: [{ partition: p, count: 5, firstOffset: 10, lastOffset: 14 }],
          durationMs: 3,
        },
      },
    });
    const names = namesFor(step, 'x1');
    const outcome = await step.run(api, names);
    assert.deepEqual(outcome, { count: 5, partition: String(p), partitionsUsed: 1, first: 10, last: 14 });
    assert.deepEqual(
      calls.map((c) => c.name),
      ['topic:create', 'produce:send'],
    );
    const send = calls[1].payload as ActionPayload<'produce:send'>;
    assert.equal(send.topic, names.topic);
    assert.equal(send.key, KEY_OF_ORDER);
    assert.equal(send.count, 5);
  });

  it('the idle step counts the consumers left without a partition once the group settled', async () => {
    const step = stepById('idle');
    const names = namesFor(step, 'x2');
    const consumer = (i: number, partitions: number[]) => ({
      clientId: `lab-A-${i}`,
      memberId: `m${i}`,
      assignments: partitions.map((partition) => ({ topic: names.topic ?? '', partition })),
      consumed: 0,
    });
    const instance = {
      name: 'A',
      groupId: names.groups[0],
      status: 'running',
      consumers: [consumer(1, [0]), consumer(2, [1]), consumer(3, [2]), consumer(4, [])],
    } as unknown as LabInstance;
    const { api, calls } = fakeApi({ instances: () => [instance], answers: { 'lab:start': { name: 'A' } } });
    assert.deepEqual(await step.run(api, names), { consumers: 4, idle: 1 });
    const start = calls.find((c) => c.name === 'lab:start')?.payload as ActionPayload<'lab:start'>;
    assert.equal(start.groupId, names.groups[0]);
    assert.equal(start.consumers, 4);
  });

  it('the leader step stops partition 0’s leader, sees an in-sync follower take over, and starts it again', async () => {
    const step = stepById('leader');
    const names = namesFor(step, 'x5');
    const { api, calls, topics } = fakeApi({ answers: { 'produce:send': { count: 6, messages: [], spread: [] } } });
    const real = api.act.bind(api);
    api.act = async (name, payload) => {
      const answer = await real(name, payload);
      const ps = topics.get(names.topic ?? '');
      if (name === 'broker:stop' && ps) ps[0] = { ...ps[0], leader: 1, isr: [1, 2] };
      if (name === 'broker:start' && ps) ps[0] = { ...ps[0], isr: [1, 2, 0] };
      return answer;
    };
    assert.deepEqual(await step.run(api, names), {
      oldLeader: 0,
      isrBefore: '0, 1, 2',
      newLeader: 1,
      isrDuring: '1, 2',
      isrAfter: '1, 2, 0',
    });
    assert.deepEqual(
      calls.filter((c) => c.name.startsWith('broker:')).map((c) => [c.name, c.payload]),
      [
        ['broker:stop', { brokerId: 0 }],
        ['broker:start', { brokerId: 0 }],
      ],
    );
  });

  it('the leader step starts the broker again even when no new leader shows, and never runs off the embedded cluster', async () => {
    const step = stepById('leader');
    const stuck = fakeApi({ answers: { 'produce:send': { count: 6, messages: [], spread: [] } } });
    await assert.rejects(step.run(stuck.api, namesFor(step, 'x6')), /timed out waiting for a new leader/);
    assert.deepEqual(
      stuck.calls.filter((c) => c.name.startsWith('broker:')).map((c) => c.name),
      ['broker:stop', 'broker:start'],
    );
    const foreign = fakeApi({ embedded: () => false });
    await assert.rejects(step.run(foreign.api, namesFor(step, 'x7')), /only the embedded cluster/);
    assert.equal(foreign.calls.length, 0);
  });

  it('the retention step waits for the check to delete by time, then by size, and reports the log start', async () => {
    const step = stepById('retention');
    const names = namesFor(step, 'x8');
    const log = { low: 0, high: 0, deleteAt: Infinity, bytesLimit: false };
    const notes: Record<string, unknown>[] = [];
    const { api, calls, topics } = fakeApi({ note: (n) => notes.push(n) });
    const real = api.act.bind(api);
    api.act = async (name, payload) => {
      const answer = await real(name, payload);
      if (name === 'produce:send') {
        const count = (payload as ActionPayload<'produce:send'>).count;
        log.high += count;
        if (log.high === 10) log.deleteAt = api.now() + 20_000;
        return { ok: true, result: { count } } as never;
      }
      if (name === 'topic:configure' && (payload as ActionPayload<'topic:configure'>).retentionBytes) {
        log.bytesLimit = true;
      }
      return answer;
    };
    const sleep = api.sleep;
    api.sleep = async (ms) => {
      await sleep(ms);
      if (api.now() >= log.deleteAt && log.low < 10) log.low = 10;
      if (log.bytesLimit) log.low = log.high - 3;
      const ps = topics.get(names.topic ?? '');
      if (ps) ps[0] = { ...ps[0], low: log.low, high: log.high };
    };
    const outcome = await step.run(api, names);
    const create = calls[0].payload as ActionPayload<'topic:create'>;
    assert.equal(create.retentionMs, 15_000);
    assert.equal(create.segmentMs, 1_000);
    assert.equal(outcome.timeSeconds, 20);
    assert.equal(outcome.sizeStart, 10);
    assert.equal(outcome.deleted, 3);
    assert.equal(outcome.kept, 3);
    assert.equal(outcome.last, 15);
    // The time limit is lifted before the size part, so only size decides what goes.
    const configures = calls.filter((c) => c.name === 'topic:configure').map((c) => c.payload);
    assert.deepEqual(configures, [
      { topic: names.topic, retentionMs: -1 },
      { topic: names.topic, retentionBytes: 2_500 },
    ]);
    assert.equal(notes[0].phase, 'time');
    assert.equal(notes.at(-1)?.phase, 'size');
  });

  it('the share step starts 3 share consumers on one partition and counts those holding it at once', async () => {
    const step = stepById('share');
    const names = namesFor(step, 'x9');
    const member = (i: number, consumed: number) => ({
      clientId: `lab-A-${i}`,
      memberId: `m${i}`,
      assignments: [{ topic: names.topic ?? '', partition: 0 }],
      consumed,
    });
    const instance = {
      name: 'A',
      groupId: names.groups[0],
      status: 'running',
      consumed: 60,
      consumers: [member(1, 30), member(2, 30), member(3, 0)],
    } as unknown as LabInstance;
    const { api, calls } = fakeApi({
      instances: () => [instance],
      answers: { 'lab:start': { name: 'A' }, 'produce:send': { count: 10 } },
    });
    assert.deepEqual(await step.run(api, names), { members: 3, sharing: 3, count: 60, consumed: 60, readers: 2 });
    const start = calls.find((c) => c.name === 'lab:start')?.payload as ActionPayload<'lab:start'>;
    assert.equal(start.protocol, 'share');
    assert.equal(start.consumers, 3);
    const off = fakeApi({
      labProtocol: (protocol) => ({
        protocol,
        available: false,
        why: 'brokerTooOld',
        reason: 'Kafka 3.9 has no share groups',
      }),
    });
    await assert.rejects(step.run(off.api, names), /Kafka 3.9 has no share groups/);
    assert.equal(off.calls.length, 0);
  });

  it('a wait that never settles fails with what it waited for, instead of hanging', async () => {
    const { api } = fakeApi({ answers: { 'lab:start': { name: 'A' } } });
    await assert.rejects(
      stepById('onePerPartition').run(api, namesFor(stepById('onePerPartition'), 'x3')),
      /timed out waiting for group/,
    );
  });

  it('clean-up stops the step’s instances first, deletes its groups, then its topic, and nothing else', async () => {
    const step = stepById('twoGroups');
    const names = namesFor(step, 'x4');
    const mine = { name: 'A', groupId: names.groups[0], status: 'running' } as LabInstance;
    const theirs = { name: 'B', groupId: 'order-processing-group', status: 'running' } as LabInstance;
    let stopped = false;
    const groups = new Map<string, GroupSummary>(
      names.groups.map((g) => [g, { groupId: g, members: 0 } as GroupSummary]),
    );
    const { api, calls, topics } = fakeApi({
      instances: () => (stopped ? [{ ...mine, status: 'stopped' }, theirs] : [mine, theirs]),
      group: (g) => groups.get(g),
    });
    const real = api.act.bind(api);
    api.act = async (name, payload) => {
      if (name === 'lab:stop') stopped = true;
      return real(name, payload);
    };
    topics.set(names.topic ?? '', []);
    await cleanUp(api, names);
    assert.deepEqual(
      calls.map((c) => [c.name, c.payload]),
      [
        ['lab:stop', { instance: 'A' }],
        ['group:delete', { groupId: names.groups[0], confirm: names.groups[0] }],
        ['group:delete', { groupId: names.groups[1], confirm: names.groups[1] }],
        ['topic:delete', { topic: names.topic, confirm: names.topic }],
      ],
    );
  });
});

describe('tour sends', () => {
  it('retry while a new topic is not yet known to the producer, and fail on anything else', async () => {
    let calls = 0;
    const { api } = fakeApi();
    api.act = async () =>
      (++calls < 3
        ? { ok: false, error: 'no such topic or partition (UNKNOWN_TOPIC_OR_PARTITION)' }
        : { ok: true, result: { count: 1 } }) as never;
    assert.deepEqual(await send(api, 't', null, 'v'), { count: 1 });
    assert.equal(calls, 3);
    api.act = async () => ({ ok: false, error: 'too many produce and lab actions' }) as never;
    await assert.rejects(send(api, 't', null, 'v'), /too many/);
  });
});

describe('tour progress', () => {
  it('reads back what it saved, and starts afresh on junk', () => {
    const p = withStep(EMPTY_PROGRESS, 'keys', { runId: 'abc12', predicted: '1', state: 'ran', correct: true });
    assert.deepEqual(parseProgress(JSON.stringify(p)), p);
    assert.deepEqual(parseProgress('{not json'), EMPTY_PROGRESS);
    assert.deepEqual(parseProgress(JSON.stringify({ current: 'nope', steps: {} })), EMPTY_PROGRESS);
    assert.deepEqual(parseProgress(null), EMPTY_PROGRESS);
  });

  it('a re-run keeps the step but replaces its run', () => {
    const first = withStep(EMPTY_PROGRESS, 'idle', { runId: 'aaaaa', predicted: '0', state: 'ran', correct: false });
    const again = withStep(first, 'idle', { runId: 'bbbbb', predicted: '1', correct: null, outcome: {} });
    assert.equal(again.steps.idle?.runId, 'bbbbb');
    assert.equal(again.steps.idle?.state, 'ran');
    assert.equal(again.steps.idle?.correct, null);
  });
});
