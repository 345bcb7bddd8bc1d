import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupDetail, GroupMember, PartitionLag } from '@/lib/contract/groups';
import {
  catchUp,
  idleMembers,
  idleReason,
  memberColors,
  memberCounts,
  membersBlocking,
  membersHint,
  unassignedReason,
} from '@/lib/group-derive';
import { applyGroupsPatch } from '@/lib/groups-patch';
import { PatchGapError } from '@/lib/keyed-patch';
import { lagByTopic } from '@/lib/lag/totals';

const member = (id: string, partitions: number[], topics = ['t']): GroupMember => ({
  memberId: id,
  clientId: id,
  host: 'h',
  groupInstanceId: null,
  subscribedTopics: topics,
  assignments: partitions.map((partition) => ({ topic: 't', partition })),
  sessionTimeoutMs: 6000,
});

const row = (partition: number, memberId: string | null, committed: number | null = 0, logEnd = 10): PartitionLag => ({
  topic: 't',
  partition,
  committed,
  logEnd,
  logStart: 0,
  lag: committed === null ? null : logEnd - committed,
  lagUnknown: committed === null ? 'no-commit' : null,
  lagAtLeast: null,
  expiredUnread: committed === null ? null : 0,
  memberId,
  committedAt: null,
  lagAge: { seconds: null, estimate: false, reason: 'lag-unknown' },
});

function detail(members: GroupMember[], offsets: PartitionLag[], state: GroupDetail['state'] = 'Stable'): GroupDetail {
  return {
    groupId: 'g',
    observedAt: 0,
    type: 'classic',
    state,
    protocolType: 'consumer',
    protocol: 'range',
    generation: 3,
    members,
    topics: ['t'],
    totalLag: null,
    expiredUnread: 0,
    lagAge: { seconds: null, estimate: false, partition: null, partial: false },
    uncommittedPartitions: 0,
    lagTrend: null,
    consumeRate: null,
    produceRate: null,
    coordinator: 1,
    rebalancingSince: null,
    health: null,
    epochs: null,
    shareOffsets: [],
    offsets,
    rebalances: [],
    timeline: null,
  };
}

describe('group derivations', () => {
  it('marks the fourth member of a 3-partition group idle, with the reason', () => {
    const d = detail(
      [member('a', [0]), member('b', [1]), member('c', [2]), member('d', [])],
      [row(0, 'a'), row(1, 'b'), row(2, 'c')],
    );
    assert.deepEqual(
      idleMembers(d).map((m) => m.memberId),
      ['d'],
    );
    assert.deepEqual(idleReason(d, d.members[3]), { code: 'moreMembers', members: 4, partitions: 3, idle: 1 });
    assert.equal(idleReason(d, d.members[0]), null);
  });

  it('explains partitions without an owner by the group state', () => {
    assert.equal(unassignedReason(detail([], [row(0, null)], 'Empty'), row(0, null)), 'noMembers');
    assert.equal(
      unassignedReason(detail([member('a', [])], [row(0, null)], 'PreparingRebalance'), row(0, null)),
      'rebalancing',
    );
    assert.equal(
      unassignedReason(detail([member('a', [0], ['other'])], [row(0, 'a'), row(1, null)]), row(1, null)),
      'notSubscribed',
    );
    assert.equal(unassignedReason(detail([member('a', [0])], [row(0, 'a')]), row(0, 'a')), null);
  });

  it('sums lag per topic and counts partitions with nothing committed', () => {
    assert.deepEqual(lagByTopic([row(0, null, 4), row(1, null, null), row(2, null, 9)]), [
      { topic: 't', partitions: 3, lag: 7, uncommitted: 1 },
    ]);
  });

  it('estimates time to catch up, or says why it will not', () => {
    assert.equal(catchUp({ totalLag: 100, consumeRate: 30, produceRate: 10, members: 1 }).seconds, 5);
    const behind = catchUp({ totalLag: 100, consumeRate: 5, produceRate: 10, members: 1 });
    assert.equal(behind.seconds, null);
    assert.deepEqual(behind, { kind: 'falling', seconds: null, produceRate: 10, consumeRate: 5 });
    assert.equal(catchUp({ totalLag: 100, consumeRate: 0, produceRate: 0, members: 0 }).kind, 'nobody');
    assert.equal(catchUp({ totalLag: 0, consumeRate: 0, produceRate: 0, members: 1 }).kind, 'caughtUp');
    assert.equal(catchUp({ totalLag: null, consumeRate: null, produceRate: null, members: 1 }).seconds, null);
  });

  it('gives members stable colours in client order, whatever order they come in', () => {
    const a = memberColors([member('b', []), member('a', [])]);
    const b = memberColors([member('a', []), member('b', [])]);
    assert.equal(a.get('a'), b.get('a'));
    assert.notEqual(a.get('a'), a.get('b'));
  });

  it('keeps a member colour when others join or leave, and on every page', () => {
    const ids = ['m-1', 'm-2', 'm-3', 'm-4'];
    const all = memberColors(ids.map((id) => member(id, [])));
    const fewer = memberColors(ids.slice(1).map((id) => member(id, [])));
    const shuffled = memberColors([...ids].reverse().map((id) => member(id, [])));
    assert.equal(new Set(all.values()).size, 4, 'distinct colours');
    for (const id of ids) assert.equal(shuffled.get(id), all.get(id));
    const keptWhenM1Left = ids.slice(1).filter((id) => fewer.get(id) === all.get(id)).length;
    assert.ok(keptWhenM1Left >= 2, `${keptWhenM1Left} of 3 kept their colour when m-1 left`);
    // With the colours shown before, every one stays.
    const remembered = memberColors(
      ids.slice(1).map((id) => member(id, [])),
      all,
    );
    for (const id of ids.slice(1)) assert.equal(remembered.get(id), all.get(id));
  });

  it('a member on screen keeps its colour when a newcomer with a lower id wants the same one', () => {
    const natural = (id: string) => memberColors([member(id, [])]).get(id);
    const rival = Array.from({ length: 500 }, (_, i) => `a-${i}`).find((id) => natural(id) === natural('x-1'))!;
    assert.ok(rival, 'a colliding id exists');
    const before = memberColors([member('x-1', [])]);
    // Without memory the newcomer (lower id) would take x-1's colour.
    assert.equal(memberColors([member('x-1', []), member(rival, [])]).get(rival), natural('x-1'));
    const after = memberColors([member('x-1', []), member(rival, [])], before);
    assert.equal(after.get('x-1'), before.get('x-1'));
    assert.notEqual(after.get(rival), after.get('x-1'));
  });

  it('gives no catch-up estimate to a group without members, whatever the old rates', () => {
    const empty = catchUp({ totalLag: 100, consumeRate: 50, produceRate: 10, members: 0 });
    assert.equal(empty.seconds, null);
    assert.equal(empty.kind, 'nobody');
  });

  it('applies summary patches in order and refuses a gap', () => {
    const base = {
      version: 1,
      groups: [],
      offsetsLog: { status: 'live' as const, lastError: null, recordsRead: 0, recordsSkipped: 0 },
    };
    const summary = { ...detail([], []), members: 0 };
    const next = applyGroupsPatch(base, { from: 1, to: 2, upsert: [summary], remove: [] });
    assert.equal(next.groups.length, 1);
    assert.equal(applyGroupsPatch(next, { from: 2, to: 3, upsert: [], remove: ['g'] }).groups.length, 0);
    assert.throws(() => applyGroupsPatch(next, { from: 5, to: 6, upsert: [], remove: [] }), PatchGapError);
  });
});

describe('actions that need an empty group', () => {
  const group = (type: GroupDetail['type'], members: number) => ({
    groupId: 'g',
    state: (members > 0 ? 'Stable' : 'Empty') as GroupDetail['state'],
    type,
    members: Array.from({ length: members }, () => ({}) as GroupMember),
  });
  it('say why they are off in the words the server refuses with, naming a non-classic type', () => {
    assert.equal(membersBlocking(group('classic', 1)), 'group g is Stable with 1 member; stop its consumers first');
    assert.equal(
      membersBlocking(group('share', 2)),
      'share group g is Stable with 2 members; stop its consumers first',
    );
    assert.equal(membersBlocking(group('consumer', 0)), null);
  });
});

describe('member counts with silent members', () => {
  const m = (memberId: string, parts: number) =>
    ({
      memberId,
      assignments: Array.from({ length: parts }, (_, p) => ({ topic: 't', partition: p })),
    }) as unknown as GroupMember;

  it('never counts a silent member as reading, even while it owns partitions', () => {
    const d = { members: [m('a', 2), m('b', 1), m('c', 0)] };
    const none = memberCounts(d, new Set());
    assert.deepEqual(none, { total: 3, reading: 2, idle: 1, silent: 0 });
    assert.equal(membersHint(none), 'idle');
    const one = memberCounts(d, new Set(['b']));
    assert.deepEqual(one, { total: 3, reading: 1, idle: 1, silent: 1 });
    assert.equal(membersHint(one), 'notHeard');
    assert.equal(membersHint(memberCounts({ members: [m('a', 1)] }, new Set())), 'allReading');
    // All owners silent: nobody reads, and no rate may promise a catch-up.
    const all = memberCounts({ members: [m('a', 1), m('b', 1)] }, new Set(['a', 'b']));
    assert.equal(membersHint(all), 'nobodyReading');
    assert.equal(
      catchUp({ totalLag: 100, consumeRate: 50, produceRate: 10, members: all.total - all.silent }).seconds,
      null,
    );
  });

  it('an empty group is never "all reading" and gets no catch-up estimate, not even "caught up"', () => {
    assert.equal(membersHint(memberCounts({ members: [] }, new Set())), 'nobodyReading');
    const idle = catchUp({ totalLag: 0, consumeRate: 0, produceRate: 0, members: 0 });
    assert.equal(idle.seconds, null);
    assert.equal(idle.kind, 'nobodyNothingWaits');
  });
});
