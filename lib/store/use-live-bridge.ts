'use client';

import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/events';
import type { ActionName, ActionPayload } from '../contract/action-schemas';
import type { ActionResult, ActionResults } from '../contract/actions';
import { useLiveStore } from './index';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// The page's one socket, so watch hooks can reach it; null until the bridge mounts.
let current: LiveSocket | null = null;

/** Tells the server what this page watches. Also sent on every (re)connect, since a new
 *  server-side socket starts with no rooms. */
function sendWatches(socket: LiveSocket): void {
  const { watchedGroup, watchedTopic, tail } = useLiveStore.getState();
  socket.emit('group:watch', { groupId: watchedGroup });
  socket.emit('topic:watch', { topic: watchedTopic });
  socket.emit('tail:watch', { topic: tail?.topic ?? null });
}

/** With login on, a socket refused or closed by the server may mean the session ended (signed
 *  out elsewhere, expired): the API says so with a 401, and then the login page takes over. */
function recheckSession(socket: LiveSocket, reconnect: boolean): void {
  if (!useLiveStore.getState().serverInfo?.auth) return;
  void fetch('/api/cluster', { method: 'HEAD', cache: 'no-store' }).then(
    (res) => {
      if (res.status === 401) window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
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
      sendWatches(socket);
    });
    socket.on('disconnect', (reason) => {
      store().setSocket('reconnecting');
      // socket.io does not reconnect by itself after the server closed the socket.
      if (reason === 'io server disconnect') recheckSession(socket, true);
    });
    socket.on('connect_error', () => recheckSession(socket, false));
    socket.io.on('reconnect_attempt', () => store().setSocket('reconnecting'));
    // Every (re)connect starts with full snapshots, so nothing stale survives a reconnect.
    socket.on('cluster:snapshot', (snapshot) => store().setSnapshot(snapshot));
    socket.on('cluster:patch', (patch) => {
      if (!store().applyClusterPatch(patch)) socket.emit('cluster:resync', { reason: `missed version before ${patch.to}` });
    });
    socket.on('metrics:throughput-history', (points) => store().setThroughputHistory(points));
    socket.on('metrics:throughput', (point) => store().addThroughputPoint(point));
    socket.on('groups:snapshot', (snapshot) => store().setGroupsSnapshot(snapshot));
    socket.on('groups:patch', (patch) => {
      if (!store().applyGroupsPatch(patch)) socket.emit('groups:resync', { reason: `missed groups version before ${patch.to}` });
    });
    socket.on('group:detail', ({ groupId, detail }) => store().setGroupDetail(groupId, detail));
    socket.on('group:lag-history', ({ groupId, points }) => store().setLagHistory(groupId, points));
    socket.on('group:lag-point', ({ groupId, point }) => store().addLagPoint(groupId, point));
    socket.on('topic:consumers', (consumers) => store().setTopicConsumers(consumers));
    socket.on('action:error', ({ message }) => store().setActionError(message));
    socket.on('server:info', (info) => store().setServerInfo(info));
    socket.on('produce:loads', (runs) => store().setLoads(runs));
    socket.on('lab:instances', (instances) => store().setLabInstances(instances));
    socket.on('tail:messages', ({ topic, messages, reset }) => store().addTailMessages(topic, messages, reset));

    return () => {
      if (current === socket) current = null;
      socket.close();
    };
  }, []);
}

/** Watches one group while the calling component is mounted. */
export function useGroupWatch(groupId: string): void {
  useEffect(() => {
    useLiveStore.getState().setWatchedGroup(groupId);
    current?.emit('group:watch', { groupId });
    return () => {
      useLiveStore.getState().setWatchedGroup(null);
      current?.emit('group:watch', { groupId: null });
    };
  }, [groupId]);
}

/** Watches one topic's consumer groups while the calling component is mounted. */
export function useTopicWatch(topic: string): void {
  useEffect(() => {
    useLiveStore.getState().setWatchedTopic(topic);
    current?.emit('topic:watch', { topic });
    return () => {
      useLiveStore.getState().setWatchedTopic(null);
      current?.emit('topic:watch', { topic: null });
    };
  }, [topic]);
}

/** Tails one topic while the calling component is mounted (null: none). */
export function useTailWatch(topic: string | null): void {
  useEffect(() => {
    useLiveStore.getState().setWatchedTail(topic);
    current?.emit('tail:watch', { topic });
    return () => {
      useLiveStore.getState().setWatchedTail(null);
      current?.emit('tail:watch', { topic: null });
    };
  }, [topic]);
}

// An action's answer that never comes (server gone mid-call) must not leave a button spinning.
const ACTION_TIMEOUT_MS = 60_000;

/** Runs one action on the server and resolves with its answer; never rejects. */
export function runAction<N extends ActionName>(name: N, payload: ActionPayload<N>): Promise<ActionResult<ActionResults[N]>> {
  const socket = current;
  if (!socket?.connected) return Promise.resolve({ ok: false, error: 'not connected to the dashboard server; try again once it is back' });
  return new Promise((resolve) => {
    socket.timeout(ACTION_TIMEOUT_MS).emit('action:run', { name, payload }, (err: Error | null, result: ActionResult<unknown>) => {
      if (err) resolve({ ok: false, error: `no answer from the server within ${ACTION_TIMEOUT_MS / 1000} s` });
      else resolve(result as ActionResult<ActionResults[N]>);
    });
  });
}
