import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowseMessage, ScanTotals } from '@/lib/contract/browse';
import { applyLiveEvent, initialLiveState, type LiveState } from './live-events';
import { cancelScan, dropScan, IDLE_SCAN, scansLost, scanStateOf, startScan } from './scan-slice';

// Scan events to page state, through the same function the browser's bridge runs.

const message = (offset: number): BrowseMessage => ({
  partition: 0,
  offset,
  timestamp: 1,
  timestampType: 'CreateTime',
  key: null,
  value: { encoding: 'text', data: `v${offset}`, size: 2, truncated: false },
  headers: [],
  size: 2,
  control: null,
});
const totals = (scanned: number): ScanTotals => ({
  scanned,
  matches: 0,
  remaining: 100 - scanned,
  elapsedMs: scanned,
  partitions: [],
});
const apply = (s: LiveState, ...steps: [string, unknown][]) =>
  steps.reduce((state, [event, payload]) => applyLiveEvent(state, event as never, payload as never).state, s);

describe('scan state', () => {
  it('a scan runs from its start: progress replaces, matches append in order, its end says how', () => {
    let s = startScan(initialLiveState, 's1', 'orders', { from: { position: 'oldest' } });
    assert.deepEqual(scanStateOf(s, 's1'), { ...IDLE_SCAN, scanId: 's1', status: 'running' });
    s = apply(
      s,
      ['scan:progress', { scanId: 's1', ...totals(10) }],
      ['scan:matches', { scanId: 's1', messages: [message(3), message(4)] }],
      ['scan:progress', { scanId: 's1', ...totals(50) }],
      ['scan:matches', { scanId: 's1', messages: [message(40)] }],
    );
    const running = scanStateOf(s, 's1');
    assert.equal(running.progress?.scanned, 50);
    assert.deepEqual(
      running.matches.map((m) => m.offset),
      [3, 4, 40],
    );
    s = apply(s, ['scan:end', { scanId: 's1', ...totals(100), stoppedBy: 'end', done: true }]);
    const ended = scanStateOf(s, 's1');
    assert.equal(ended.status, 'ended');
    assert.equal(ended.outcome?.stoppedBy, 'end');
    assert.equal(ended.progress?.scanned, 100, 'the last totals are the outcome');
    assert.equal(ended.error, null);
    assert.equal(ended.matches.length, 3);
    assert.equal('scanId' in (ended.outcome ?? {}), false, 'the outcome is the contract type, not the event');
    const late = apply(s, ['scan:matches', { scanId: 's1', messages: [message(99)] }]);
    assert.equal(scanStateOf(late, 's1').matches.length, 3, 'nothing after the end');
  });

  it('keeps matches up to the query limit', () => {
    let s = startScan(initialLiveState, 's1', 'orders', { from: { position: 'oldest' }, limit: 2 });
    s = apply(s, ['scan:matches', { scanId: 's1', messages: [message(1), message(2), message(3)] }]);
    assert.deepEqual(
      scanStateOf(s, 's1').matches.map((m) => m.offset),
      [1, 2],
    );
  });

  it("a refusal ends the scan with its words; another scan's events change nothing", () => {
    let s = startScan(initialLiveState, 's1', 'orders', { from: { position: 'oldest' } });
    s = apply(
      s,
      ['scan:progress', { scanId: 'someone-else', ...totals(10) }],
      [
        'scan:end',
        { scanId: 's1', ...totals(0), stoppedBy: 'error', done: false, error: 'valueRegex: missing closing )' },
      ],
    );
    const state = scanStateOf(s, 's1');
    assert.equal(state.status, 'ended');
    assert.equal(state.error, 'valueRegex: missing closing )');
    assert.equal(state.outcome?.stoppedBy, 'error');
    assert.equal(scanStateOf(s, 'someone-else'), IDLE_SCAN);
  });

  it('cancel ends it on the page with what it found; drop forgets it; a lost socket fails running scans', () => {
    let s = startScan(initialLiveState, 's1', 'orders', { from: { position: 'oldest' } });
    s = apply(
      s,
      ['scan:progress', { scanId: 's1', ...totals(30) }],
      ['scan:matches', { scanId: 's1', messages: [message(7)] }],
    );
    const cancelled = scanStateOf(cancelScan(s, 's1'), 's1');
    assert.equal(cancelled.status, 'ended');
    assert.equal(cancelled.outcome?.stoppedBy, 'cancelled');
    assert.equal(cancelled.outcome?.scanned, 30);
    assert.equal(cancelled.matches.length, 1);
    assert.equal(scanStateOf(dropScan(s, 's1'), 's1'), IDLE_SCAN);

    const ended = apply(startScan(s, 's2', 'orders', { from: { position: 'oldest' } }), [
      'scan:end',
      { scanId: 's2', ...totals(100), stoppedBy: 'end', done: true },
    ]);
    const lost = scansLost(ended, 'connection dropped');
    assert.equal(scanStateOf(lost, 's1').error, 'connection dropped');
    assert.equal(scanStateOf(lost, 's1').outcome?.stoppedBy, 'error');
    assert.equal(scanStateOf(lost, 's2').outcome?.stoppedBy, 'end', 'an ended scan stays as it ended');
  });
});
