'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrowseQueryInput } from '@/lib/contract/browse';
import type { WatchOf } from '@/lib/contract/watch';
import { useLiveStore } from './index';
import { cancelScan, dropScan, failScan, scanStateOf, startScan, type ScanState } from './scan-slice';
import { connectedSocket } from './use-live-bridge';

export type { ScanState } from './scan-slice';

const NOT_CONNECTED = 'not connected to the dashboard server; try again once it is back';

/** Random, so a late event of an earlier scan (or another tab's) is never taken for this one's;
 *  getRandomValues works on plain http too, where randomUUID does not. */
function newScanId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One live scan of `topic` for the calling component: `start` runs a query (ending the one
 *  before), `cancel` stops it and keeps what it found. Unmounting, or another topic, ends it. */
export function useScan(topic: string): {
  state: ScanState;
  start(query: BrowseQueryInput): void;
  cancel(): void;
} {
  const [scanId, setScanId] = useState<string | null>(null);
  const held = useRef<WatchOf<'scan'> | null>(null);
  const state = useLiveStore((s) => scanStateOf(s, scanId));

  /** Stops the held scan on the server if it still runs; `forget` drops what it found too. */
  const release = useCallback((forget: boolean) => {
    const watch = held.current;
    if (!watch) return;
    const store = useLiveStore.getState();
    if (store.scans[watch.scanId]?.state.status === 'running') connectedSocket()?.emit('unwatch', watch);
    store.setScans((s) => (forget ? dropScan(s, watch.scanId) : cancelScan(s, watch.scanId)));
    if (forget) held.current = null;
  }, []);

  const start = useCallback(
    (query: BrowseQueryInput) => {
      release(true);
      const watch: WatchOf<'scan'> = { kind: 'scan', scanId: newScanId(), topic, query };
      held.current = watch;
      const store = useLiveStore.getState();
      store.setScans((s) => startScan(s, watch.scanId, topic, query));
      // Not queued while offline: socket.io would send it on reconnect, long after the person
      // gave up on it.
      const socket = connectedSocket();
      if (socket) socket.emit('watch', watch);
      else store.setScans((s) => failScan(s, watch.scanId, NOT_CONNECTED));
      setScanId(watch.scanId);
    },
    [topic, release],
  );

  const cancel = useCallback(() => release(false), [release]);

  useEffect(() => () => release(true), [topic, release]);

  return { state, start, cancel };
}
