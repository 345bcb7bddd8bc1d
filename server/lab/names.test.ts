import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LabInstance } from '@/lib/contract/actions';
import { labInstanceSchema } from '@/lib/contract/action-schemas';
import { endedToDrop, nextInstanceName } from '@/server/lab/names';

const instance = (name: string, status: LabInstance['status'], endedAt: number | null): LabInstance => ({
  name,
  pid: 1,
  protocol: 'classic',
  groupId: 'g',
  topics: ['t'],
  processingDelayMs: 0,
  sessionTimeoutMs: 10_000,
  status,
  consumers: [],
  consumed: 0,
  startedAt: 0,
  endedAt,
  lastError: null,
});

describe('lab instance names', () => {
  it('hands out A, B, ... and fills the first gap', () => {
    assert.equal(nextInstanceName(new Set()), 'A');
    assert.equal(nextInstanceName(new Set(['A', 'B'])), 'C');
    assert.equal(nextInstanceName(new Set(['A', 'C'])), 'B');
  });

  it('goes on with A2 after Z, and every name passes the action schema', () => {
    const all = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    assert.equal(nextInstanceName(all), 'A2');
    all.add('A2');
    assert.equal(nextInstanceName(all), 'B2');
    assert.ok(labInstanceSchema.safeParse({ instance: 'B2' }).success);
  });

  it('drops the oldest ended instances past the cap and never a running one', () => {
    const list = [
      instance('A', 'killed', 30),
      instance('B', 'running', null),
      instance('C', 'stopped', 10),
      instance('D', 'crashed', 20),
    ];
    assert.deepEqual(endedToDrop(list, 3), []);
    assert.deepEqual(endedToDrop(list, 1), ['C', 'D']);
    assert.deepEqual(endedToDrop(list, 0), ['C', 'D', 'A']);
  });
});
