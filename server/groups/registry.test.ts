import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupMember } from '@/lib/contract/groups';
import { REBALANCE_HISTORY_CAP } from '@/lib/contract/groups';
import { GroupRegistry, diffGenerations } from '@/server/groups/registry';
import type { GroupMetadata } from '@/server/kafka/protocol';
import { LagHistory } from '@/server/groups/lag-history';
import { groupOffsets } from '@/server/groups/view';
import type { Topic } from '@/lib/contract/cluster';

// ConsumerProtocolAssignment v0: int16 version, [topic string, [int32]], nullable bytes.
function assignment(tps: Record<string, number[]>): Buffer {
  const parts: Buffer[] = [Buffer.from([0, 0])];
  const int32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return b;
  };
  const entries = Object.entries(tps);
  parts.push(int32(entries.length));
  for (const [topic, partitions] of entries) {
    const name = Buffer.from(topic);
    parts.push(
      Buffer.from([name.length >> 8, name.length & 0xff]),
      name,
      int32(partitions.length),
      ...partitions.map(int32),
    );
  }
  parts.push(int32(-1));
  return Buffer.concat(parts);
}

function generation(gen: number, members: [string, Record<string, number[]>][]): GroupMetadata {
  return {
    protocolType: 'consumer',
    generation: gen,
    protocol: 'range',
    leader: members[0]?.[0] ?? null,
    currentStateTimestamp: null,
    members: members.map(([id, tps]) => ({
      memberId: id,
      groupInstanceId: null,
      clientId: `client-${id}`,
      clientHost: '/127.0.0.1',
      rebalanceTimeoutMs: 10_000,
      sessionTimeoutMs: 6000,
      subscription: Buffer.alloc(0),
      assignment: assignment(tps),
    })),
  };
}

/** The fields a classic DescribeGroups answer sets alike for every group. */
const CLASSIC = { type: 'classic' as const, epochs: null, shareOffsets: [] };

const live = (offset: number, timestamp = 1000) => ({ partition: 7, offset, timestamp, live: true });

function member(id: string, tps: [string, number][]): GroupMember {
  return {
    memberId: id,
    clientId: id,
    host: 'h',
    groupInstanceId: null,
    subscribedTopics: [],
    assignments: tps.map(([topic, partition]) => ({ topic, partition })),
    sessionTimeoutMs: null,
  };
}

describe('generation diff', () => {
  it('names who joined and left and which partitions moved where', () => {
    const before = [
      member('a', [
        ['t', 0],
        ['t', 1],
      ]),
      member('b', [['t', 2]]),
    ];
    const after = [
      member('b', [
        ['t', 0],
        ['t', 2],
      ]),
      member('c', [['t', 1]]),
    ];
    const diff = diffGenerations(before, after);
    assert.deepEqual(
      diff.joined.map((m) => m.memberId),
      ['c'],
    );
    assert.deepEqual(
      diff.left.map((m) => m.memberId),
      ['a'],
    );
    assert.deepEqual(diff.changes, [
      { topic: 't', partition: 0, from: 'a', to: 'b' },
      { topic: 't', partition: 1, from: 'a', to: 'c' },
    ]);
  });

  it('shows partitions left without an owner when the last member leaves', () => {
    const diff = diffGenerations([member('a', [['t', 0]])], []);
    assert.deepEqual(diff.changes, [{ topic: 't', partition: 0, from: 'a', to: null }]);
  });
});

describe('group registry', () => {
  it('turns each new generation from the log into a timeline entry, newest first', () => {
    const reg = new GroupRegistry();
    reg.applyRecord({ kind: 'group', group: 'g', value: generation(1, [['a', { t: [0, 1, 2] }]]) }, live(1));
    reg.applyRecord(
      {
        kind: 'group',
        group: 'g',
        value: generation(2, [
          ['a', { t: [0, 1] }],
          ['b', { t: [2] }],
        ]),
      },
      live(2, 2000),
    );
    const e = reg.groups.get('g')!;
    assert.equal(e.state, 'Stable');
    assert.equal(e.generation, 2);
    assert.equal(e.members[0].host, '127.0.0.1', 'the leading slash of the stored address is dropped');
    assert.deepEqual(
      e.rebalances.map((r) => r.generation),
      [2, 1],
    );
    assert.deepEqual(
      e.rebalances[0].joined.map((j) => j.memberId),
      ['b'],
    );
    assert.deepEqual(e.rebalances[0].changes, [{ topic: 't', partition: 2, from: 'a', to: 'b' }]);
    assert.equal(e.rebalances[0].at, 2000);
  });

  it('ignores an older generation replayed from the log start', () => {
    const reg = new GroupRegistry();
    reg.applyRecord({ kind: 'group', group: 'g', value: generation(5, [['a', { t: [0] }]]) }, live(10));
    reg.applyRecord({ kind: 'group', group: 'g', value: generation(3, [['x', { t: [0] }]]) }, live(3));
    const e = reg.groups.get('g')!;
    assert.equal(e.generation, 5);
    assert.equal(e.rebalances.length, 1);
    assert.equal(e.members[0].memberId, 'a');
  });

  it('marks history read at start-up apart from rebalances seen live, and measures seen ones', () => {
    const reg = new GroupRegistry();
    reg.applyRecord(
      { kind: 'group', group: 'g', value: generation(1, [['a', { t: [0] }]]) },
      { ...live(1), live: false },
      1000,
    );
    reg.applyDescribed(
      1,
      [
        {
          ...CLASSIC,
          groupId: 'g',
          state: 'PreparingRebalance',
          protocolType: 'consumer',
          protocol: null,
          members: [],
        },
      ],
      5000,
      10_000,
    );
    reg.applyRecord({ kind: 'group', group: 'g', value: generation(2, [['a', { t: [0] }]]) }, live(2), 10_750);
    const [second, first] = reg.groups.get('g')!.rebalances;
    assert.equal(first.source, 'history');
    assert.equal(first.durationMs, null);
    assert.equal(second.source, 'live');
    assert.equal(second.durationMs, 750);
  });

  it('keeps at most the capped number of generations', () => {
    const reg = new GroupRegistry();
    for (let g = 1; g <= REBALANCE_HISTORY_CAP + 10; g++)
      reg.applyRecord({ kind: 'group', group: 'g', value: generation(g, [['a', { t: [0] }]]) }, live(g));
    assert.equal(reg.groups.get('g')!.rebalances.length, REBALANCE_HISTORY_CAP);
  });

  it('does not let a describe answer sent before a stored generation overwrite it', () => {
    const reg = new GroupRegistry();
    reg.applyRecord({ kind: 'group', group: 'g', value: generation(2, [['a', { t: [0] }]]) }, live(2), 5000);
    reg.applyDescribed(
      1,
      [
        {
          ...CLASSIC,
          groupId: 'g',
          state: 'PreparingRebalance',
          protocolType: 'consumer',
          protocol: null,
          members: [],
        },
      ],
      4000,
      5100,
    );
    assert.equal(reg.groups.get('g')!.state, 'Stable');
    assert.equal(reg.groups.get('g')!.describedBy, 1);
  });

  it('forgets a group that only had offsets once they are tombstoned (its topic was deleted)', () => {
    const reg = new GroupRegistry();
    reg.applyRecord(
      {
        kind: 'offset',
        group: 'simple',
        topic: 't',
        partition: 0,
        value: { offset: 5, leaderEpoch: null, metadata: '', commitTimestamp: 1, expireTimestamp: null },
      },
      live(1),
    );
    reg.applyRecord({ kind: 'offset', group: 'simple', topic: 't', partition: 0, value: null }, live(2));
    assert.equal(reg.groups.has('simple'), false);
  });

  it('drops offsets on tombstones and forgets a group that is gone everywhere', () => {
    const reg = new GroupRegistry();
    reg.applyRecord(
      {
        kind: 'offset',
        group: 'g',
        topic: 't',
        partition: 0,
        value: { offset: 5, leaderEpoch: null, metadata: '', commitTimestamp: 1, expireTimestamp: null },
      },
      live(1),
    );
    assert.equal(reg.groups.get('g')!.offsets.size, 1);
    reg.applyRecord({ kind: 'offset', group: 'g', topic: 't', partition: 0, value: null }, live(2));
    reg.applyRecord({ kind: 'group', group: 'g', value: null }, live(3));
    assert.equal(reg.groups.has('g'), false);
  });
});

describe('group offsets and lag history', () => {
  const topic = (high: number[]): Topic => ({
    name: 't',
    internal: false,
    config: null,
    partitions: high.map((h, partition) => ({
      partition,
      leader: 1,
      replicas: [1],
      isr: [1],
      offlineReplicas: [],
      low: 0,
      high: h,
      lastStable: h,
      underReplicated: false,
      offline: false,
    })),
  });

  it('lists every partition, shows nothing committed as null lag, and never negative lag', () => {
    const reg = new GroupRegistry();
    reg.applyRecord(
      {
        kind: 'offset',
        group: 'g',
        topic: 't',
        partition: 0,
        value: { offset: 4, leaderEpoch: null, metadata: '', commitTimestamp: 1, expireTimestamp: null },
      },
      live(1),
    );
    reg.applyRecord(
      {
        kind: 'offset',
        group: 'g',
        topic: 't',
        partition: 1,
        value: { offset: 12, leaderEpoch: null, metadata: '', commitTimestamp: 1, expireTimestamp: null },
      },
      live(2),
    );
    const highs = [10, 11, 7];
    // Ends read after the commits: lag is exact, and a commit past the end shows at the end
    // (never "12 / 11").
    const fresh = (key: string) => ({
      start: 0,
      end: highs[Number(key.split(':')[1])],
      readAt: Number.MAX_SAFE_INTEGER,
    });
    const rows = groupOffsets(reg.groups.get('g')!, new Map([['t', topic(highs)]]), fresh);
    assert.deepEqual(
      rows.map((r) => [r.partition, r.committed, r.logEnd, r.lag]),
      [
        [0, 4, 10, 6],
        [1, 11, 11, 0],
        [2, null, 7, null],
      ],
    );
    // Ends read before the commits: not yet known, never 0; a stale end ahead bounds it below.
    const stale = (key: string) => ({ start: 0, end: highs[Number(key.split(':')[1])], readAt: 0 });
    const before = groupOffsets(reg.groups.get('g')!, new Map([['t', topic(highs)]]), stale);
    assert.deepEqual(
      before.map((r) => [r.partition, r.committed, r.lag, r.lagUnknown, r.lagAtLeast]),
      [
        [0, 4, null, 'end-older-than-commit', 6],
        [1, 11, null, 'end-older-than-commit', null],
        [2, null, null, 'no-commit', null],
      ],
    );
  });

  it('derives consume and produce rates and the lag trend over the window', () => {
    const h = new LagHistory();
    const rows = (committed: number, logEnd: number) => [
      {
        topic: 't',
        partition: 0,
        committed,
        logEnd,
        logStart: 0,
        lag: logEnd - committed,
        lagUnknown: null,
        lagAtLeast: null,
        expiredUnread: 0,
        memberId: null,
        committedAt: null,
        lagAge: { seconds: null, estimate: false, reason: 'lag-unknown' as const },
      },
    ];
    h.record('g', rows(0, 100), 0);
    h.record('g', rows(10, 120), 1000);
    h.record('g', rows(30, 140), 2000);
    const r = h.rates('g');
    assert.equal(r.consumeRate, 15);
    assert.equal(r.produceRate, 20);
    assert.equal(r.lagTrend, 10);
    assert.equal(h.history('g').length, 3);
  });
});
