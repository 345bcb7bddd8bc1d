'use client';

import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/events';
import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import type { ActionResult, ActionResults } from '@/lib/contract/actions';
import { watchKey, type SharedWatch } from '@/lib/contract/watch';
import { useLiveStore } from './index';
import { applyLiveEvent, LIVE_EVENTS } from './live-events';
import { heldWatches } from './watch-slice';
import { scansLost } from './scan-slice';

/** Said on every scan running when the socket drops: the server ended them with it. */
export const SCAN_LOST = 'the connection to the dashboard server dropped, which ended this search: run it again';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// The page's one socket, so watch hooks can reach it; null until the bridge mounts.
let current: LiveSocket | null = null;

/** socket.on for an event name held in a variable: the typed overloads need a literal. */
function onAny(socket: LiveSocket, event: string, listener: (payload: unknown) => void): void {
  (socket as unknown as { on(event: string, listener: (payload: unknown) => void): void }).on(event, listener);
}

/** With login on, a socket refused or closed by the server may mean the session ended (signed
 *  out elsewhere, expired): the API says so with a 401, and then the login page takes over. */
function recheckSession(socket: LiveSocket, reconnect: boolean): void {
  if (!useLiveStore.getState().serverInfo?.auth) return;
  void fetch('/api/cluster', { method: 'HEAD', cache: 'no-store' }).then(
    (res) => {
      if (res.status === 401)
        window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      else if (reconnect) socket.connect();
    },
    () => undefined,
  );
}

/** Connects to the server's socket.io stream and writes what it sends into the store. */
export function useLiveBridge(): void {
  useEffect(() => {
    const socket: LiveSocket = io({ transports: ['websocket', 'polling'] });
    current = socket;
    const store = useLiveStore.getState;

    socket.on('connect', () => {
      store().setSocket('live');
      // A new server-side socket watches nothing: send every watch again.
      for (const watch of heldWatches(store())) socket.emit('watch', watch);
    });
    socket.on('disconnect', (reason) => {
      store().setSocket('reconnecting');
      store().setScans((s) => scansLost(s, SCAN_LOST));
      // socket.io does not reconnect by itself after the server closed the socket.
      if (reason === 'io server disconnect') recheckSession(socket, true);
    });
    socket.on('connect_error', () => recheckSession(socket, false));
    socket.io.on('reconnect_attempt', () => store().setSocket('reconnecting'));
    // Every (re)connect starts with full snapshots, so nothing stale survives a reconnect.
    for (const event of LIVE_EVENTS) {
      onAny(socket, event, (payload) => {
        const { state, resync } = applyLiveEvent(store(), event, payload as never);
        useLiveStore.setState(state);
        if (resync) socket.emit(resync.event, { reason: resync.reason });
      });
    }

    return () => {
      if (current === socket) current = null;
      socket.close();
    };
  }, []);
}

/** The page's socket when it is connected: what a scan is started on. */
export function connectedSocket(): LiveSocket | null {
  return current?.connected ? current : null;
}

/** Watches `watch` while the calling component is mounted (null: nothing). */
export function useWatch(watch: SharedWatch | null): void {
  const key = watch === null ? null : watchKey(watch);
  // The effect runs per distinct watch, not per render's new object.
  const latest = useRef(watch);
  latest.current = watch;
  useEffect(() => {
    const held = latest.current;
    if (held === null) return;
    if (useLiveStore.getState().watch(held)) current?.emit('watch', held);
    return () => {
      if (useLiveStore.getState().unwatch(held)) current?.emit('unwatch', held);
    };
  }, [key]);
}

// An action's answer that never comes (server gone mid-call) must not leave a button spinning.
const ACTION_TIMEOUT_MS = 60_000;

/** Runs one action on the server and resolves with its answer; never rejects. */
export function runAction<N extends ActionName>(
  name: N,
  payload: ActionPayload<N>,
): Promise<ActionResult<ActionResults[N]>> {
  const socket = current;
  if (!socket?.connected)
    return Promise.resolve({ ok: false, error: 'not connected to the dashboard server; try again once it is back' });
  return new Promise((resolve) => {
    socket
      .timeout(ACTION_TIMEOUT_MS)
      .emit('action:run', { name, payload }, (err: Error | null, result: ActionResult<unknown>) => {
        if (err) resolve({ ok: false, error: `no answer from the server within ${ACTION_TIMEOUT_MS / 1000} s` });
        else resolve(result as ActionResult<ActionResults[N]>);
      });
  });
}
