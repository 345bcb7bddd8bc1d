import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch, diffSnapshots } from '@/lib/cluster-patch';
import { PatchGapError } from '@/lib/keyed-patch';
import { broker, partition, snapshot, topic } from '@/tests/support/fixtures';

describe('snapshot diff and patch', () => {
  it('returns null when nothing changed', () => {
    const a = snapshot({ version: 1 });
    assert.equal(diffSnapshots(a, { ...a, version: 2 }), null);
  });

  it('sends only changed rows, and applying the patch rebuilds the new snapshot', () => {
    const a = snapshot({ version: 4, topics: [topic('a'), topic('b'), topic('c')] });
    const b = snapshot({
      version: 5,
      controllerId: 2,
      brokers: [broker(1), { ...broker(2), status: 'offline', online: false }, broker(3)],
      topics: [topic('a'), topic('b', [partition(0, { high: 10 })]), topic('d')],
    });
    const patch = diffSnapshots(a, b)!;
    assert.equal(patch.from, 4);
    assert.equal(patch.to, 5);
    assert.deepEqual(
      patch.topics?.upsert.map((t) => t.name),
      ['b', 'd'],
    );
    assert.deepEqual(patch.topics?.remove, ['c']);
    assert.deepEqual(
      patch.brokers?.upsert.map((x) => x.id),
      [2],
    );
    assert.equal(patch.controllerId, 2);
    assert.equal(patch.quorum, undefined, 'unchanged fields are left out');
    assert.deepEqual(applyPatch(a, patch), b);
  });

  it('refuses a patch for another version, so the client resyncs instead of drifting', () => {
    const a = snapshot({ version: 3 });
    const b = snapshot({ version: 5, controllerId: 3 });
    const patch = diffSnapshots({ ...a, version: 4 }, b)!;
    assert.throws(() => applyPatch(a, patch), PatchGapError);
  });

  it('carries a null controller (unknown) distinctly from "unchanged"', () => {
    const a = snapshot({ version: 1, controllerId: 2 });
    const b = snapshot({ version: 2, controllerId: null });
    const patch = diffSnapshots(a, b)!;
    assert.equal(patch.controllerId, null);
    assert.equal(applyPatch(a, patch).controllerId, null);
  });
});

describe('applying patches that only change known rows', () => {
  it('swaps the changed rows in place: order kept, other rows the same objects', () => {
    const names = ['b', 'a10', 'a2', 'c'].sort((x, y) => x.localeCompare(y));
    const a = snapshot({ version: 1, topics: names.map((n) => topic(n)) });
    const b = snapshot({
      version: 2,
      topics: a.topics.map((t) => (t.name === 'a2' ? topic('a2', [partition(0, { high: 99 })]) : t)),
    });
    const next = applyPatch(a, diffSnapshots(a, b)!);
    assert.deepEqual(
      next.topics.map((t) => t.name),
      names,
    );
    assert.equal(next.topics.find((t) => t.name === 'a2')?.partitions[0].high, 99);
    assert.equal(
      next.topics.find((t) => t.name === 'c'),
      a.topics.find((t) => t.name === 'c'),
    );
  });

  it('sorts a new topic into place', () => {
    const a = snapshot({ version: 1, topics: [topic('a'), topic('c')] });
    const b = snapshot({ version: 2, topics: [topic('a'), topic('b'), topic('c')] });
    assert.deepEqual(
      applyPatch(a, diffSnapshots(a, b)!).topics.map((t) => t.name),
      ['a', 'b', 'c'],
    );
  });
});
