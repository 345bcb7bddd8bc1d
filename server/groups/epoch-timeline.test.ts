import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupEpochRecord } from '@/server/kafka/protocol';
import { EpochTimeline } from './epoch-timeline';

const T = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const names = (id: string) => (id === T ? 'orders' : null);
const g = { family: 'consumer' as const, group: 'g' };
const epoch = (n: number): GroupEpochRecord => ({ ...g, type: 'group-epoch', value: { epoch: n } });
const target = (n: number): GroupEpochRecord => ({
  ...g,
  type: 'target-epoch',
  value: { assignmentEpoch: n, assignedAt: null },
});
const member = (id: string, gone = false): GroupEpochRecord => ({
  ...g,
  type: 'member',
  memberId: id,
  value: gone
    ? null
    : {
        instanceId: null,
        rackId: null,
        clientId: `client-${id}`,
        clientHost: '/h',
        subscribedTopics: ['orders'],
        subscribedTopicRegex: null,
        rebalanceTimeoutMs: null,
        serverAssignor: null,
        usesClassicProtocol: false,
        processId: null,
      },
});
const owns = (id: string, e: number, assigned: number[], revoking: number[] = []): GroupEpochRecord => ({
  ...g,
  type: 'current-assignment',
  memberId: id,
  value: {
    memberEpoch: e,
    previousMemberEpoch: e - 1,
    state: revoking.length ? 1 : 0,
    assigned: [{ of: T, partitions: assigned }],
    revoking: revoking.length ? [{ of: T, partitions: revoking }] : [],
  },
});
const gone = (id: string): GroupEpochRecord => ({ ...g, type: 'current-assignment', memberId: id, value: null });
const targetOf = (id: string, parts: number[]): GroupEpochRecord => ({
  ...g,
  type: 'target-member',
  memberId: id,
  value: { assigned: [{ of: T, partitions: parts }] },
});

/** Two members on three partitions, then a third joins at t=1000 and takes p1 from A. */
function joinScript(): [GroupEpochRecord, number][] {
  return [
    [member('A'), 0],
    [epoch(1), 0],
    [targetOf('A', [0, 1, 2]), 0],
    [target(1), 0],
    [owns('A', 1, [0, 1, 2]), 0],
    [member('B'), 100],
    [epoch(2), 100],
    [targetOf('A', [0, 1]), 100],
    [targetOf('B', [2]), 100],
    [target(2), 100],
    [owns('A', 2, [0, 1], [2]), 110],
    [owns('B', 2, []), 110],
    [owns('A', 2, [0, 1]), 300], // A acknowledged the revocation of p2
    [owns('B', 2, [2]), 700], // B received it 0.4 s later
  ];
}

describe('epoch timeline', () => {
  it('follows epochs, revocations and receipts, with each partition ownerless time', () => {
    const t = new EpochTimeline('consumer');
    for (const [r, at] of joinScript()) t.apply(r, at);
    const v = t.view(names);
    assert.equal(v.groupEpoch, 2);
    assert.equal(v.assignmentEpoch, 2);
    assert.deepEqual(
      v.members.map((m) => [
        m.memberId,
        m.memberEpoch,
        m.assigned.map((p) => p.partition),
        m.target.map((p) => p.partition),
      ]),
      [
        ['A', 2, [0, 1], [0, 1]],
        ['B', 2, [2], [2]],
      ],
    );
    assert.deepEqual(v.moves[0], {
      topic: 'orders',
      partition: 2,
      from: 'A',
      fromClientId: 'client-A',
      to: 'B',
      toClientId: 'client-B',
      revokedAt: 300,
      receivedAt: 700,
      ownerlessMs: 400,
    });
    // The first assignment: nobody owned them before, so no ownerless time.
    assert.deepEqual(
      v.moves.slice(1).map((m) => [m.partition, m.from, m.ownerlessMs]),
      [
        [0, null, null],
        [1, null, null],
        [2, null, null],
      ].reverse(),
    );
    const kinds = v.events.map((e) => e.kind).reverse();
    assert.deepEqual(kinds.slice(0, 4), ['member-joined', 'group-epoch', 'target-assignment', 'member-epoch']);
    const revoking = v.events.find((e) => e.kind === 'member-epoch' && e.memberId === 'A' && e.revoking.length > 0);
    assert.deepEqual(revoking?.kind === 'member-epoch' && revoking.revoking, [{ topic: 'orders', partition: 2 }]);
    assert.deepEqual(v.ownerless, []);
  });

  it('shows a partition as ownerless while nobody has received it', () => {
    const t = new EpochTimeline('consumer');
    for (const [r, at] of joinScript().slice(0, 13)) t.apply(r, at);
    assert.deepEqual(t.view(names).ownerless, [{ topic: 'orders', partition: 2, since: 300 }]);
  });

  it('frees what a leaving member owned, from its tombstone', () => {
    const t = new EpochTimeline('consumer');
    for (const [r, at] of joinScript()) t.apply(r, at);
    t.apply(gone('B'), 2000);
    t.apply(member('B', true), 2000);
    t.apply(epoch(3), 2000);
    t.apply(owns('A', 3, [0, 1, 2]), 2250);
    const v = t.view(names);
    assert.deepEqual(v.moves[0] && [v.moves[0].from, v.moves[0].to, v.moves[0].ownerlessMs], ['B', 'A', 250]);
    assert.deepEqual(
      v.members.map((m) => m.memberId),
      ['A'],
    );
    assert.ok(v.events.some((e) => e.kind === 'member-left' && e.memberId === 'B' && e.clientId === 'client-B'));
  });

  it('replays to the same view, and names topics by id until the name is known', () => {
    const a = new EpochTimeline('consumer');
    const b = new EpochTimeline('consumer');
    for (const [r, at] of joinScript()) a.apply(r, at);
    for (const [r, at] of joinScript()) b.apply(r, at);
    // Records seen again (a reader restarted mid-log) change nothing.
    for (const [r, at] of joinScript().slice(-2)) b.apply(r, at);
    assert.deepEqual(a.view(names), b.view(names));
    assert.equal(a.view(() => null).members[0].assigned[0].topic, T);
  });

  it('does not count a share partition read by two members as a move', () => {
    const t = new EpochTimeline('share');
    t.apply({ ...owns('A', 1, [0]), family: 'share' }, 0);
    t.apply({ ...owns('B', 1, [0]), family: 'share' }, 10);
    t.apply({ ...gone('A'), family: 'share' }, 20);
    const v = t.view(names);
    assert.equal(v.moves.length, 1);
    assert.deepEqual(v.ownerless, []);
  });

  it('forgets members and epochs when the group is deleted, and then no longer exists', () => {
    const t = new EpochTimeline('consumer');
    for (const [r, at] of joinScript()) t.apply(r, at);
    t.apply(member('A', true), 3000);
    t.apply(member('B', true), 3000);
    t.apply({ ...g, type: 'group-epoch', value: null }, 3000);
    assert.equal(t.exists(), false);
    assert.equal(t.view(names).events[0].kind, 'group-deleted');
  });
});
