import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScanOutcome, ScanTotals } from '@/lib/contract/browse';
import type { WatchOf } from '@/lib/contract/watch';
import { SearchRefused, type ScanCallbacks } from '@/server/browse/service';
import { LiveScans } from './live-scans';
import type { Subscriber } from './subscriptions';

// The scan watch's life on the server, with a search that the test drives by hand.

interface Call {
  topic: string;
  owner: string;
  callbacks: ScanCallbacks;
  signal: AbortSignal;
  finish: (outcome: ScanOutcome) => void;
  fail: (e: unknown) => void;
}

function fakeBrowse() {
  const calls: Call[] = [];
  const search = (topic: string, _payload: unknown, owner: string, callbacks: ScanCallbacks, signal?: AbortSignal) =>
    new Promise<ScanOutcome>((finish, fail) => {
      calls.push({ topic, owner, callbacks, signal: signal!, finish, fail });
    });
  return { calls, search };
}

function subscriber(id: string): Subscriber & { got: [string, { scanId?: string }][] } {
  const got: [string, { scanId?: string }][] = [];
  return { id, got, send: (event, ...args) => got.push([event, args[0] as { scanId?: string }]) };
}

const totals: ScanTotals = { scanned: 10, matches: 1, remaining: 0, elapsedMs: 5, partitions: [] };
const outcome: ScanOutcome = { ...totals, stoppedBy: 'end', done: true };
const scan = (scanId: string, topic = 'orders'): WatchOf<'scan'> => ({
  kind: 'scan',
  scanId,
  topic,
  query: { from: { position: 'oldest' } },
});
const settle = () => new Promise((r) => setImmediate(r));

describe('live scans', () => {
  it('streams progress, matches and one end, tagged with the scanId, owned by the connection', async () => {
    const browse = fakeBrowse();
    const scans = new LiveScans(browse);
    const a = subscriber('a');
    scans.watch(a, scan('s1'));
    const [call] = browse.calls;
    assert.equal(call.owner, 'a', 'the limiter counts per connection');
    call.callbacks.onProgress?.(totals);
    call.callbacks.onMatches?.([]);
    call.finish(outcome);
    await settle();
    assert.deepEqual(
      a.got.map(([e, p]) => `${e}:${p.scanId}`),
      ['scan:progress:s1', 'scan:matches:s1', 'scan:end:s1'],
    );
    assert.equal(scans.running(), 0);
  });

  it('an unwatch aborts the scan and nothing more is sent for it, not even its end', async () => {
    const browse = fakeBrowse();
    const scans = new LiveScans(browse);
    const a = subscriber('a');
    scans.watch(a, scan('s1'));
    const [call] = browse.calls;
    scans.unwatch(a, scan('other'));
    assert.equal(call.signal.aborted, false, 'an unwatch of another scan changes nothing');
    scans.unwatch(a, scan('s1'));
    assert.equal(call.signal.aborted, true);
    call.callbacks.onMatches?.([]);
    call.finish({ ...outcome, stoppedBy: 'cancelled' });
    await settle();
    assert.deepEqual(a.got, []);
    assert.equal(scans.running(), 0);
  });

  it('a new scan ends the one before; the same scanId again is the same scan', () => {
    const browse = fakeBrowse();
    const scans = new LiveScans(browse);
    const a = subscriber('a');
    scans.watch(a, scan('s1'));
    scans.watch(a, scan('s1'));
    assert.equal(browse.calls.length, 1);
    scans.watch(a, scan('s2'));
    assert.equal(browse.calls.length, 2);
    assert.equal(browse.calls[0].signal.aborted, true);
    assert.equal(browse.calls[1].signal.aborted, false);
    browse.calls[0].callbacks.onProgress?.(totals);
    assert.deepEqual(a.got, [], 'the replaced scan is muted');
  });

  it('never shares a scan between connections, even under an equal scanId, and ends one with its connection', () => {
    const browse = fakeBrowse();
    const scans = new LiveScans(browse);
    const a = subscriber('a');
    const b = subscriber('b');
    scans.watch(a, scan('same'));
    scans.watch(b, scan('same'));
    assert.equal(browse.calls.length, 2);
    assert.deepEqual(
      browse.calls.map((c) => c.owner),
      ['a', 'b'],
    );
    browse.calls[1].callbacks.onProgress?.(totals);
    assert.deepEqual(a.got, []);
    assert.equal(b.got.length, 1);
    scans.drop(a);
    assert.equal(browse.calls[0].signal.aborted, true);
    assert.equal(browse.calls[1].signal.aborted, false);
    assert.equal(scans.running(), 1);
  });

  it('a refusal ends the scan at once with its words', async () => {
    const browse = fakeBrowse();
    const scans = new LiveScans(browse);
    const a = subscriber('a');
    scans.watch(a, scan('s1'));
    browse.calls[0].fail(new SearchRefused(429, 'the server is running its limit of 4 searches at once'));
    await settle();
    assert.equal(a.got.length, 1);
    const [event, payload] = a.got[0] as [string, ScanOutcome & { scanId: string }];
    assert.equal(event, 'scan:end');
    assert.equal(payload.scanId, 's1');
    assert.equal(payload.stoppedBy, 'error');
    assert.equal(payload.done, false);
    assert.match(payload.error ?? '', /limit of 4 searches/);
  });
});
