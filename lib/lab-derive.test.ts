import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LabInstance } from '@/lib/contract/actions';
import { labInstanceOf, liveInGroup, sessionCountdown, sharedPartitions } from '@/lib/lab-derive';

const base: LabInstance = {
  name: 'A',
  pid: 10,
  protocol: 'classic',
  groupId: 'g',
  topics: ['t'],
  processingDelayMs: 0,
  sessionTimeoutMs: 10_000,
  status: 'running',
  consumers: [{ clientId: 'lab-A-1', memberId: 'lab-A-1-uuid', assignments: [], consumed: 0 }],
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
      consumers: [{ clientId: 'lab-B-1', memberId: null, assignments: [], consumed: 0 }],
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
        { clientId: 'lab-A-1', memberId: 'x', assignments: [tp(0), tp(1)], consumed: 0 },
        { clientId: 'lab-A-2', memberId: 'y', assignments: [tp(0)], consumed: 0 },
      ],
    };
    const other: LabInstance = {
      ...base,
      name: 'B',
      consumers: [{ clientId: 'lab-B-1', memberId: 'z', assignments: [tp(1)], consumed: 0 }],
    };
    assert.deepEqual([...sharedPartitions('g', [share])], ['t:0']);
    assert.deepEqual([...sharedPartitions('g', [share, other])].sort(), ['t:0', 't:1']);
    assert.deepEqual([...sharedPartitions('g', [share, { ...other, status: 'stopped' }])], ['t:0']);
    assert.deepEqual([...sharedPartitions('other', [share, other])], []);
  });
});
