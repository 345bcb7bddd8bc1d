'use client';

import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/events';
import { useLiveStore } from './index';

/** Connects to the server's socket.io stream and writes what it sends into the store. */
export function useLiveBridge(): void {
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket', 'polling'] });
    const store = useLiveStore.getState;

    socket.on('connect', () => store().setSocket('live'));
    socket.on('disconnect', () => store().setSocket('reconnecting'));
    socket.io.on('reconnect_attempt', () => store().setSocket('reconnecting'));
    // Every (re)connect starts with a full snapshot, so nothing stale survives a reconnect.
    socket.on('cluster:snapshot', (snapshot) => store().setSnapshot(snapshot));
    socket.on('cluster:patch', (patch) => {
      if (!store().applyClusterPatch(patch)) socket.emit('cluster:resync', { reason: `missed version before ${patch.to}` });
    });
    socket.on('metrics:throughput-history', (points) => store().setThroughputHistory(points));
    socket.on('metrics:throughput', (point) => store().addThroughputPoint(point));
    socket.on('action:error', ({ message }) => store().setActionError(message));

    return () => {
      socket.close();
    };
  }, []);
}
