'use client';

import { useMemo } from 'react';
import { useLiveStore } from '@/lib/store';
import { runAction } from '@/lib/store/use-live-bridge';
import type { Outcome, TourApi } from './tour-api';

/** The real TourApi: the dashboard's actions over the page's socket, and the live store. */
export function useTourApi(note: (partial: Outcome) => void = () => undefined): TourApi {
  return useMemo<TourApi>(() => {
    const state = () => useLiveStore.getState();
    return {
      act: runAction,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: () => Date.now(),
      brokers: () => state().cluster?.brokers.filter((b) => b.online).length ?? 1,
      controllerId: () => state().cluster?.controllerId ?? null,
      partitions: (topic) => state().cluster?.topics.find((t) => t.name === topic)?.partitions ?? null,
      instances: () => state().labInstances,
      group: (groupId) => state().groups?.groups.find((g) => g.groupId === groupId),
      embedded: () => state().cluster?.connection.embedded ?? false,
      labProtocol: (protocol) => state().labProtocols?.find((p) => p.protocol === protocol) ?? null,
      retentionCheckMs: () => state().serverInfo?.retentionCheckMs ?? null,
      note,
    };
  }, [note]);
}
