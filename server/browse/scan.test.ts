import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BROWSE_PREVIEW_BYTES } from '@/lib/contract/browse';
import { denseLog, fakeLog, record } from '@/tests/support/browse-log';
import type { BrowseMessage, ScanTotals } from '@/lib/contract/browse';
import { compileFilters, type Predicate } from './filter';
import type { PartitionRange } from './plan';
import type { ScanRecord } from './record';
import { runScan, type ScanOptions } from './scan';

const all: Predicate = () => true;
const whole = (log: Map<number, ScanRecord[]>): PartitionRange[] =>
  [...log].map(([partition, rs]) => ({ partition, start: 0, end: rs.length ? rs[rs.length - 1].offset + 1 : 0 }));

async function scan(log: Map<number, ScanRecord[]>, o: Partial<ScanOptions> & { fake?: ReturnType<typeof fakeLog> }) {
  const fake = o.fake ?? fakeLog(log);
  const found: BrowseMessage[] = [];
  const progress: ScanTotals[] = [];
  const outcome = await runScan({
    ranges: whole(log),
    direction: 'forward',
    predicate: all,
    limit: 1000,
    maxScanned: 1_000_000,
    showControl: false,
    fetchBatch: fake.fetchBatch,
    onMatches: (m) => found.push(...m),
    onProgress: (p) => progress.push(p),
    ...o,
  });
  return { outcome, found, progress, fake, at: found.map((m) => `${m.partition}:${m.offset}`) };
}

describe('scan runner', () => {
  it('finds one key among 10,000 messages over 4 partitions and reads each once', async () => {
    const log = denseLog(4, 2500);
    const { outcome, found, fake } = await scan(log, { predicate: compileFilters({ key: 'k1234' }), limit: 10 });
    assert.deepEqual(
      found.map((m) => [m.partition, m.offset]),
      [0, 1, 2, 3].map((p) => [p, 1234]),
    );
    assert.equal(outcome.stoppedBy, 'end');
    assert.equal(outcome.done, true);
    assert.equal(outcome.scanned, 10_000);
    assert.equal(outcome.remaining, 0);
    assert.ok(fake.fetches.every((f) => f.maxBytes === 1024 * 1024));
  });

  it('stops at the limit exactly, across partitions read at once, at the offset after the last match', async () => {
    const log = denseLog(3, 100);
    const { outcome, found } = await scan(log, { limit: 25, tuning: { parallel: 3 } });
    assert.equal(found.length, 25);
    assert.equal(outcome.stoppedBy, 'limit');
    assert.equal(outcome.done, false);
    for (const p of outcome.partitions) {
      const mine = found.filter((m) => m.partition === p.partition);
      assert.equal(p.matches, mine.length);
      assert.equal(p.position, mine.length === 0 ? 0 : mine[mine.length - 1].offset + 1);
    }
    assert.equal(outcome.scanned, 25);
  });

  it('stops at maxScanned exactly and says so', async () => {
    const log = denseLog(2, 500);
    const { outcome } = await scan(log, { maxScanned: 333, predicate: compileFilters({ valueContains: 'none' }) });
    assert.equal(outcome.stoppedBy, 'maxScanned');
    assert.equal(outcome.scanned, 333);
    assert.equal(
      outcome.partitions.reduce((n, p) => n + p.scanned, 0),
      333,
    );
    assert.equal(outcome.done, false);
  });

  it('reads each partition backward from the end, newest first, page by page without gaps', async () => {
    const log = denseLog(1, 95);
    const first = await scan(log, { direction: 'backward', limit: 10, tuning: { backwardWindow: 7 } });
    assert.deepEqual(
      first.found.map((m) => m.offset),
      [94, 93, 92, 91, 90, 89, 88, 87, 86, 85],
    );
    assert.equal(first.outcome.stoppedBy, 'limit');
    const position = first.outcome.partitions[0].position;
    assert.equal(position, 85);
    const next = await scan(log, {
      direction: 'backward',
      limit: 10,
      ranges: [{ partition: 0, start: 0, end: position }],
    });
    assert.deepEqual(next.found[0].offset, 84);
  });

  it('pages through every match exactly once, either way, whatever the sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (partitions, each, limit, window, perBatch, backward) => {
          // Sparse offsets (every third kept, as compaction leaves them); matches on even ones.
          const log = new Map<number, ScanRecord[]>();
          for (let p = 0; p < partitions; p++)
            log.set(
              p,
              Array.from({ length: each }, (_, i) => record(i * 3, `v${i}`)),
            );
          const expected = [...log].flatMap(([p, rs]) =>
            rs.filter((r) => r.offset % 2 === 0).map((r) => `${p}:${r.offset}`),
          );
          const seen: string[] = [];
          let ranges = whole(log).map((r) => ({ ...r, end: each * 3 }));
          for (let page = 0; page < 500; page++) {
            const fake = fakeLog(log, { recordsPerBatch: perBatch });
            const { outcome, at } = await scan(log, {
              fake,
              ranges,
              limit,
              direction: backward ? 'backward' : 'forward',
              predicate: (r) => r.offset % 2 === 0,
              tuning: { backwardWindow: window, parallel: 2, batchBytes: 8 },
            });
            seen.push(...at);
            if (outcome.stoppedBy === 'end') break;
            ranges = outcome.partitions.map((p) =>
              backward ? { ...p, end: p.position } : { ...p, start: p.position },
            );
          }
          assert.deepEqual([...seen].sort(), [...expected].sort());
          for (let p = 0; p < partitions; p++) {
            const mine = seen.filter((s) => s.startsWith(`${p}:`)).map((s) => Number(s.split(':')[1]));
            const sorted = [...mine].sort((a, b) => (backward ? b - a : a - b));
            assert.deepEqual(mine, sorted);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('backward honours maxScanned exactly by sizing its windows', async () => {
    const log = denseLog(2, 100);
    const { outcome } = await scan(log, {
      direction: 'backward',
      maxScanned: 55,
      predicate: () => false,
      tuning: { backwardWindow: 20 },
    });
    assert.equal(outcome.stoppedBy, 'maxScanned');
    assert.equal(outcome.scanned, 55);
    const read = outcome.partitions.map((p) => p.end - p.position);
    assert.equal(read[0] + read[1], 55);
  });

  it('keeps at most `parallel` fetches in flight, and asks for batchBytes each', async () => {
    const log = denseLog(8, 200);
    const fake = fakeLog(log, { delayMs: 1 });
    await scan(log, { fake, tuning: { parallel: 3, batchBytes: 100 } });
    assert.equal(fake.maxInFlight(), 3);
    assert.ok(fake.fetches.every((f) => f.maxBytes === 100));
  });

  it('cancels at once on abort: the fetch in flight is abandoned and its signal aborted', async () => {
    const log = denseLog(2, 100);
    const fake = fakeLog(log, { hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const { outcome } = await scan(log, { fake, signal: controller.signal });
    assert.equal(outcome.stoppedBy, 'cancelled');
    assert.ok(Date.now() - started < 1000);
    assert.ok(fake.signals.length > 0 && fake.signals.every((s) => s.aborted));
  });

  it('an already aborted signal reads nothing', async () => {
    const log = denseLog(1, 10);
    const fake = fakeLog(log);
    const { outcome } = await scan(log, { fake, signal: AbortSignal.abort() });
    assert.equal(outcome.stoppedBy, 'cancelled');
    assert.equal(fake.fetches.length, 0);
  });

  it('a failed fetch ends the scan with the error in words', async () => {
    const log = denseLog(2, 100);
    const fake = fakeLog(log, {
      fail: (p, o) => (p === 1 && o >= 20 ? Object.assign(new Error('x'), { type: 'LEADER_NOT_AVAILABLE' }) : null),
    });
    const { outcome } = await scan(log, { fake, tuning: { parallel: 1, batchBytes: 50 } });
    assert.equal(outcome.stoppedBy, 'error');
    assert.match(outcome.error ?? '', /^partition 1 at offset 20: the partition has no leader right now/);
  });

  it('hides transaction markers unless asked, counting them as read', async () => {
    const marker = (offset: number) => record(offset, 'x', { control: true, key: Buffer.from([0, 0, 0, 1]) });
    const log = new Map([[0, [record(0, 'a'), record(1, 'b'), marker(2), record(3, 'c')]]]);
    const hidden = await scan(log, {});
    assert.deepEqual(hidden.at, ['0:0', '0:1', '0:3']);
    assert.equal(hidden.outcome.scanned, 4);
    const shown = await scan(log, { showControl: true });
    assert.deepEqual(shown.found[2].control, { type: 'commit' });
  });

  it('ends a partition whose fetch cannot move, and reads nothing for empty ranges', async () => {
    const log = new Map([[0, [record(0, 'a')]]]);
    const stuck = await scan(log, { ranges: [{ partition: 0, start: 0, end: 10 }] });
    assert.equal(stuck.outcome.stoppedBy, 'end');
    assert.deepEqual(stuck.at, ['0:0']);
    const fake = fakeLog(log);
    const empty = await scan(log, { fake, ranges: [{ partition: 0, start: 1, end: 1 }] });
    assert.equal(empty.outcome.stoppedBy, 'end');
    assert.equal(fake.fetches.length, 0);
  });

  it('reports progress at the start and then at most every progressEveryMs', async () => {
    const log = denseLog(2, 100);
    let clock = 0;
    const fake = fakeLog(log);
    const fetchBatch: ScanOptions['fetchBatch'] = (...args) => {
      clock += 100;
      return fake.fetchBatch(...args);
    };
    const { progress, outcome } = await scan(log, {
      fetchBatch,
      tuning: { now: () => clock, progressEveryMs: 250, batchBytes: 50 },
    });
    assert.deepEqual(progress[0], {
      scanned: 0,
      matches: 0,
      remaining: 200,
      elapsedMs: 0,
      partitions: [0, 1].map((partition) => ({
        partition,
        start: 0,
        end: 100,
        position: 0,
        scanned: 0,
        matches: 0,
        done: false,
      })),
    });
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i].elapsedMs - progress[i - 1].elapsedMs >= 250);
    assert.ok(progress.length >= 2);
    assert.ok(progress.every((p, i) => i === 0 || p.scanned >= progress[i - 1].scanned));
    assert.equal(outcome.elapsedMs, clock);
  });

  it('sends previews only once the results reach their byte budget', async () => {
    const big = 'x'.repeat(100 * 1024);
    const log = new Map([[0, Array.from({ length: 200 }, (_, i) => record(i, big))]]);
    const { found } = await scan(log, {});
    assert.equal(found.length, 200);
    assert.equal(found[0].value?.data.length, 64 * 1024);
    assert.equal(found[0].value?.size, 100 * 1024);
    const previews = found.filter((m) => m.value?.data.length === BROWSE_PREVIEW_BYTES);
    assert.equal(previews.length, 200 - 128); // 8 MiB / 64 KiB = 128 full ones
    assert.ok(found.every((m) => m.value?.truncated));
  });
});
