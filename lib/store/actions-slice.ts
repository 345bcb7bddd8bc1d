import type { StateCreator } from 'zustand';
import type { LabInstance, LoadRun, ServerInfo, TailMessage } from '../contract/actions';
import { TAIL_CAP } from '../contract/actions';
import type { ProduceRequest } from '../contract/action-schemas';
import type { LiveStore } from './index';

// What the page may do and what its actions started: server info, load runs, lab instances,
// and the live tail of one topic.

export interface TailState {
  topic: string;
  /** Newest last, at most TAIL_CAP: the page renders them all, so the cap keeps it quick. */
  messages: TailMessage[];
}

export interface ActionsSlice {
  /** null until the server said; actions stay hidden until then. */
  serverInfo: ServerInfo | null;
  loads: LoadRun[];
  labInstances: LabInstance[];
  tail: TailState | null;
  /** A message to put into the produce panel (replay from the tail). */
  produceDraft: Partial<ProduceRequest> | null;
  setServerInfo(info: ServerInfo): void;
  setLoads(runs: LoadRun[]): void;
  setLabInstances(instances: LabInstance[]): void;
  setWatchedTail(topic: string | null): void;
  addTailMessages(topic: string, messages: TailMessage[], reset: boolean): void;
  setProduceDraft(draft: Partial<ProduceRequest> | null): void;
}

const key = (m: TailMessage) => `${m.partition}:${m.offset}`;

export const createActionsSlice: StateCreator<LiveStore, [], [], ActionsSlice> = (set, get) => ({
  serverInfo: null,
  loads: [],
  labInstances: [],
  tail: null,
  produceDraft: null,
  setServerInfo: (serverInfo) => set({ serverInfo }),
  setLoads: (loads) => set({ loads }),
  setLabInstances: (labInstances) => set({ labInstances }),
  setWatchedTail: (topic) => set({ tail: topic === null ? null : { topic, messages: [] } }),
  addTailMessages(topic, messages, reset) {
    const tail = get().tail;
    if (!tail || tail.topic !== topic) return;
    // A backfill and the live stream can overlap by a message or two: keep each offset once.
    const seen = new Set(reset ? [] : tail.messages.map(key));
    const fresh = messages.filter((m) => !seen.has(key(m)));
    const all = reset ? fresh : [...tail.messages, ...fresh];
    set({ tail: { topic, messages: all.length > TAIL_CAP ? all.slice(-TAIL_CAP) : all } });
  },
  setProduceDraft: (produceDraft) => set({ produceDraft }),
});
