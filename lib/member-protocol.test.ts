import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupMember } from '@/lib/contract/groups';
import { reconciliation, taskNames } from './member-protocol';

const member = (assignments: number[], target: number[] | null): GroupMember => ({
  memberId: 'm',
  clientId: 'c',
  host: 'h',
  groupInstanceId: null,
  subscribedTopics: ['t'],
  assignments: assignments.map((partition) => ({ topic: 't', partition })),
  sessionTimeoutMs: null,
  epochs: {
    memberEpoch: 3,
    rackId: null,
    subscribedTopicRegex: null,
    targetAssignment: target && target.map((partition) => ({ topic: 't', partition })),
    usesClassicProtocol: false,
  },
});

describe('member reconciliation', () => {
  it('names the partitions being revoked and being assigned', () => {
    const r = reconciliation(member([0, 1], [1, 2]))!;
    assert.deepEqual(
      r.revoking.map((tp) => tp.partition),
      [0],
    );
    assert.deepEqual(
      r.assigning.map((tp) => tp.partition),
      [2],
    );
  });

  it('is nothing in motion once reconciled, and no target at all for share members', () => {
    assert.deepEqual(reconciliation(member([0], [0])), { revoking: [], assigning: [] });
    assert.equal(reconciliation(member([0], null)), null);
  });

  it('names streams tasks subtopology_partition', () => {
    assert.deepEqual(taskNames([{ subtopology: '0', partitions: [0, 2] }]), ['0_0', '0_2']);
  });
});
