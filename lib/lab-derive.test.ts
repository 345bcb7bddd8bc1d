import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LabInstance } from '@/lib/contract/actions';
import {
  dropDeadline,
  labInstanceOf,
  liveInGroup,
  secondsLeft,
  sessionCountdown,
  sharedPartitions,
  silentMembers,
} from '@/lib/lab-derive';
import type { GroupMember } from '@/lib/contract/groups';

const base: LabInstance = {
  name: 'A',
  pid: 10,
  protocol: 'classic',
  groupId: 'g',
  topics: ['t'],
  processingDelayMs: 0,
  sessionTimeoutMs: 10_000,
  status: 'running',
  consumers: [{ clientId: 'lab-A-1', memberId: 'lab-A-1-uuid', assignments: [], consumed: 0, lastHeardAt: null }],
  consumed: 0,
  startedAt: 0,
  endedAt: null,
  lastError: null,
};

describe('lab derive', () => {
  it('finds a member’s instance by member id, then by client id prefix, only in its group', () => {
    const b: LabInstance = {
      ...base,
      name: 'B',
      consumers: [{ clientId: 'lab-B-1', memberId: null, assignments: [], consumed: 0, lastHeardAt: null }],
    };
    const a2: LabInstance = { ...base, name: 'A2', consumers: [] };
    const list = [base, b, a2];
    assert.equal(labInstanceOf('g', { memberId: 'lab-A-1-uuid', clientId: 'lab-A-1' }, list)?.name, 'A');
    assert.equal(labInstanceOf('g', { memberId: 'lab-B-1-x', clientId: 'lab-B-1' }, list)?.name, 'B');
    // `lab-A2-1` must not be taken for instance A.
    assert.equal(labInstanceOf('g', { memberId: 'lab-A2-1-x', clientId: 'lab-A2-1' }, list)?.name, 'A2');
    assert.equal(labInstanceOf('other', { memberId: 'lab-A-1-uuid', clientId: 'lab-A-1' }, list), null);
    assert.equal(labInstanceOf('g', { memberId: 'm', clientId: 'my-app' }, list), null);
  });

  it('lists live instances of a group and counts down a killed one’s session timeout', () => {
    const killed: LabInstance = { ...base, name: 'B', status: 'killed', endedAt: 1_000 };
    assert.deepEqual(
      liveInGroup('g', [base, killed]).map((i) => i.name),
      ['A'],
    );
    assert.equal(sessionCountdown(killed, 1_000), 10);
    assert.equal(sessionCountdown(killed, 7_500), 4);
    assert.equal(sessionCountdown(killed, 20_000), 0);
    assert.equal(sessionCountdown(base, 1_000), null);
  });

  it('finds partitions two live members hold at once (a share group), not ended ones', () => {
    const tp = (partition: number) => ({ topic: 't', partition });
    const share: LabInstance = {
      ...base,
      protocol: 'share',
      consumers: [
        { clientId: 'lab-A-1', memberId: 'x', assignments: [tp(0), tp(1)], consumed: 0, lastHeardAt: null },
        { clientId: 'lab-A-2', memberId: 'y', assignments: [tp(0)], consumed: 0, lastHeardAt: null },
      ],
    };
    const other: LabInstance = {
      ...base,
      name: 'B',
      consumers: [{ clientId: 'lab-B-1', memberId: 'z', assignments: [tp(1)], consumed: 0, lastHeardAt: null }],
    };
    assert.deepEqual([...sharedPartitions('g', [share])], ['t:0']);
    assert.deepEqual([...sharedPartitions('g', [share, other])].sort(), ['t:0', 't:1']);
    assert.deepEqual([...sharedPartitions('g', [share, { ...other, status: 'stopped' }])], ['t:0']);
    assert.deepEqual([...sharedPartitions('other', [share, other])], []);
  });

  it('counts a killed member down from its last heartbeat, not from the kill or from when the page opened', () => {
    // Last heartbeat at 600, killed at 1 000: the coordinator's timer started at 600.
    const killed: LabInstance = {
      ...base,
      status: 'killed',
      endedAt: 1_000,
      consumers: [{ ...base.consumers[0], lastHeardAt: 600 }],
    };
    assert.equal(dropDeadline(killed, killed.consumers[0]), 10_600);
    // The first value, at the kill, is already below the session timeout.
    assert.equal(sessionCountdown(killed, 1_000), 10);
    assert.equal(sessionCountdown(killed, 1_700), 9);
    // A card that mounted long before the kill (its clock from then) must not show more than
    // the session timeout: the value depends only on the time it is read at.
    assert.ok((sessionCountdown(killed, 1_000) ?? 99) <= killed.sessionTimeoutMs / 1000);
    // A contact reported after the end cannot be: the end bounds it.
    assert.equal(dropDeadline(killed, { lastHeardAt: 5_000 }), 11_000);
    assert.equal(dropDeadline(base, base.consumers[0]), null);
    assert.equal(secondsLeft(10_600, 10_600), 0);
    assert.equal(secondsLeft(10_600, 10_599), 1);
  });

  it('marks members of an ended instance still in the group as silent, with their own deadlines', () => {
    const member = (memberId: string, clientId: string): GroupMember =>
      ({ memberId, clientId, assignments: [] }) as unknown as GroupMember;
    const killed: LabInstance = {
      ...base,
      name: 'B',
      status: 'killed',
      endedAt: 5_000,
      consumers: [
        { clientId: 'lab-B-1', memberId: 'lab-B-1-u', assignments: [], consumed: 0, lastHeardAt: 4_800 },
        { clientId: 'lab-B-2', memberId: 'lab-B-2-u', assignments: [], consumed: 0, lastHeardAt: null },
      ],
    };
    const group = {
      groupId: 'g',
      members: [member('lab-A-1-uuid', 'lab-A-1'), member('lab-B-1-u', 'lab-B-1'), member('lab-B-2-u', 'lab-B-2')],
    };
    const silent = silentMembers(group, [base, killed], 6_000);
    assert.deepEqual([...silent.keys()], ['lab-B-1-u', 'lab-B-2-u']);
    assert.deepEqual(silent.get('lab-B-1-u'), {
      memberId: 'lab-B-1-u',
      instance: 'B',
      lastHeardAt: 4_800,
      deadline: 14_800,
      secondsLeft: 9,
    });
    // Never heard from: counted from the end.
    assert.equal(silent.get('lab-B-2-u')?.deadline, 15_000);
    assert.equal(silentMembers(group, [base], 6_000).size, 0);
    assert.equal(silentMembers({ ...group, groupId: 'other' }, [base, killed], 6_000).size, 0);
  });
});
