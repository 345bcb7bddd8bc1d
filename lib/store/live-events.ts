import type { ServerToClientEvents } from '@/lib/contract/events';
import { TAIL_CAP, type TailMessage } from '@/lib/contract/actions';
import { LAG_HISTORY_CAP } from '@/lib/contract/groups';
import { THROUGHPUT_HISTORY_CAP } from '@/lib/contract/metrics';
import { applyPatch } from '@/lib/cluster-patch';
import { applyGroupsPatch } from '@/lib/groups-patch';
import { PatchGapError } from '@/lib/keyed-patch';
import { initialCluster, type ClusterSlice } from './cluster-slice';
import { initialConnection, type ConnectionState } from './connection-slice';
import { initialGroups, type GroupsSlice } from './groups-slice';
import { initialServer, type ServerSlice } from './server-slice';
import { initialThroughput, type ThroughputSlice } from './throughput-slice';
import { initialWatches, updateView, type WatchState } from './watch-slice';
import { initialScans, scanEnd, scanMatches, scanProgress, type ScansState } from './scan-slice';

// How each server event changes what a page knows: pure functions from (state, payload) to
// state, no React, no socket. The browser's bridge (use-live-bridge.ts) and the tests' client
// (tests/support/live-client.ts) both run every event through here, so they cannot disagree.

/** Everything the server's events write. */
export type LiveState = ClusterSlice &
  GroupsSlice &
  ThroughputSlice &
  ConnectionState &
  ServerSlice &
  WatchState &
  ScansState;

export const initialLiveState: LiveState = {
  ...initialCluster,
  ...initialGroups,
  ...initialThroughput,
  ...initialConnection,
  ...initialServer,
  ...initialWatches,
  ...initialScans,
};

export type LiveEvent = keyof ServerToClientEvents;
type Payload<E extends LiveEvent> = Parameters<ServerToClientEvents[E]>[0];

/** The new state, and the resync to ask for when a patch did not follow the version held. */
export interface Step {
  state: LiveState;
  resync?: { event: 'cluster:resync' | 'groups:resync'; reason: string };
}

const capped = <T>(items: T[], cap: number): T[] => (items.length > cap ? items.slice(-cap) : items);
const tailKey = (m: TailMessage) => `${m.partition}:${m.offset}`;

const reducers: { [E in LiveEvent]: (s: LiveState, payload: Payload<E>) => Step } = {
  'cluster:snapshot': (s, cluster) => ({ state: { ...s, cluster } }),
  'cluster:patch': (s, patch) => {
    const gap = { state: s, resync: { event: 'cluster:resync', reason: `missed version before ${patch.to}` } } as const;
    if (!s.cluster) return gap;
    try {
      return { state: { ...s, cluster: applyPatch(s.cluster, patch) } };
    } catch (e) {
      if (e instanceof PatchGapError) return gap;
      throw e;
    }
  },
  // A restarted server starts its history afresh: the points this page had from before it
  // stay in front of the server's, so the chart goes on instead of starting over.
  'metrics:throughput-history': (s, points) => {
    const first = points[0]?.at ?? Infinity;
    const kept = s.throughput.filter((p) => p.at < first);
    return { state: { ...s, throughput: [...kept, ...points].slice(-THROUGHPUT_HISTORY_CAP) } };
  },
  'metrics:throughput': (s, point) => ({
    state: { ...s, throughput: capped([...s.throughput, point], THROUGHPUT_HISTORY_CAP) },
  }),
  'groups:snapshot': (s, groups) => ({ state: { ...s, groups } }),
  'groups:patch': (s, patch) => {
    const gap = {
      state: s,
      resync: { event: 'groups:resync', reason: `missed groups version before ${patch.to}` },
    } as const;
    if (!s.groups) return gap;
    try {
      return { state: { ...s, groups: applyGroupsPatch(s.groups, patch) } };
    } catch (e) {
      if (e instanceof PatchGapError) return gap;
      throw e;
    }
  },
  'group:detail': (s, { groupId, detail }) => ({
    state: updateView(s, { kind: 'group', groupId }, (v) => ({ ...v, detail, answered: true })),
  }),
  'group:lag-history': (s, { groupId, points }) => ({
    state: updateView(s, { kind: 'group', groupId }, (v) => ({ ...v, lagHistory: points.slice(-LAG_HISTORY_CAP) })),
  }),
  'group:lag-point': (s, { groupId, point }) => ({
    state: updateView(s, { kind: 'group', groupId }, (v) => ({
      ...v,
      lagHistory: capped([...v.lagHistory, point], LAG_HISTORY_CAP),
    })),
  }),
  'topic:consumers': (s, consumers) => ({
    state: updateView(s, { kind: 'topic', topic: consumers.topic }, () => ({ consumers })),
  }),
  'tail:messages': (s, { topic, messages, reset }) => ({
    state: updateView(s, { kind: 'tail', topic }, (v) => {
      // A backfill and the live stream can overlap by a message or two: keep each offset once.
      const seen = new Set(reset ? [] : v.messages.map(tailKey));
      const fresh = messages.filter((m) => !seen.has(tailKey(m)));
      return { messages: capped(reset ? fresh : [...v.messages, ...fresh], TAIL_CAP) };
    }),
  }),
  'scan:progress': (s, event) => ({ state: scanProgress(s, event) }),
  'scan:matches': (s, event) => ({ state: scanMatches(s, event) }),
  'scan:end': (s, event) => ({ state: scanEnd(s, event) }),
  'alerts:state': (s, state) => ({ state: updateView(s, { kind: 'alerts' }, () => ({ state })) }),
  'action:error': (s, { message }) => ({ state: { ...s, actionError: message } }),
  'server:info': (s, serverInfo) => ({ state: { ...s, serverInfo } }),
  'produce:loads': (s, loads) => ({ state: { ...s, loads } }),
  'lab:instances': (s, labInstances) => ({ state: { ...s, labInstances } }),
  'lab:protocols': (s, labProtocols) => ({ state: { ...s, labProtocols } }),
};

/** Every server event, for a client that subscribes to them all. */
export const LIVE_EVENTS = Object.keys(reducers) as LiveEvent[];

/** What one server event does to the state. */
export function applyLiveEvent<E extends LiveEvent>(state: LiveState, event: E, payload: Payload<E>): Step {
  return (reducers[event] as (s: LiveState, p: Payload<E>) => Step)(state, payload);
}
