import type { StateCreator } from 'zustand';
import type { TailMessage } from '@/lib/contract/actions';
import type { GroupDetail, LagPoint, TopicConsumers } from '@/lib/contract/groups';
import type { AlertsState } from '@/lib/contract/alerts';
import {
  watchKey,
  type SharedWatch as Watch,
  type SharedWatchKind as WatchKind,
  type WatchOf,
} from '@/lib/contract/watch';

// What this page watches (lib/contract/watch.ts) and what each watch sent, in one field keyed
// by watch. Two components holding the same watch share one entry; it goes, with what it
// sent, when the last lets go. Pure functions here; the store and the test client share them.
// Scans are not held here: each is one component's run (./scan-slice.ts).

export interface GroupView {
  /** null: no such group (yet), once `answered`. */
  detail: GroupDetail | null;
  answered: boolean;
  /** Same cap as the server's history (LAG_HISTORY_CAP): a page left open never grows past it. */
  lagHistory: LagPoint[];
}

export interface TopicView {
  consumers: TopicConsumers | null;
}

export interface TailView {
  /** Newest last, at most TAIL_CAP: the page renders them all, so the cap keeps it quick. */
  messages: TailMessage[];
}

export interface AlertsView {
  /** null until the server answered. */
  state: AlertsState | null;
}

export interface WatchViews {
  group: GroupView;
  topic: TopicView;
  tail: TailView;
  alerts: AlertsView;
}

export interface WatchEntry<K extends WatchKind = WatchKind> {
  watch: WatchOf<K>;
  /** Components holding it. */
  count: number;
  view: WatchViews[K];
}

export interface WatchState {
  watches: Readonly<Record<string, WatchEntry>>;
}

const EMPTY_VIEWS: { [K in WatchKind]: () => WatchViews[K] } = {
  group: () => ({ detail: null, answered: false, lagHistory: [] }),
  topic: () => ({ consumers: null }),
  tail: () => ({ messages: [] }),
  alerts: () => ({ state: null }),
};

export const initialWatches: WatchState = { watches: {} };

/** What one watch has sent so far; undefined while not watched. */
export function viewOf<K extends WatchKind>(state: WatchState, watch: WatchOf<K>): WatchViews[K] | undefined {
  return (state.watches[watchKey(watch)] as unknown as WatchEntry<K> | undefined)?.view;
}

/** Every watch held, to send again on a reconnect (a new server-side socket watches nothing). */
export function heldWatches(state: WatchState): Watch[] {
  return Object.values(state.watches).map((e) => e.watch);
}

/** The state with one more holder of `watch`; `first`: nobody held it, so tell the server. */
export function addWatch<S extends WatchState>(state: S, watch: Watch): { state: S; first: boolean } {
  const key = watchKey(watch);
  const entry = state.watches[key];
  const next: WatchEntry = entry
    ? { ...entry, count: entry.count + 1 }
    : { watch, count: 1, view: EMPTY_VIEWS[watch.kind]() };
  return { state: { ...state, watches: { ...state.watches, [key]: next } }, first: !entry };
}

/** The state with one holder fewer; `last`: nobody holds it now, so tell the server. */
export function removeWatch<S extends WatchState>(state: S, watch: Watch): { state: S; last: boolean } {
  const key = watchKey(watch);
  const entry = state.watches[key];
  if (!entry) return { state, last: false };
  const watches = { ...state.watches };
  if (entry.count > 1) watches[key] = { ...entry, count: entry.count - 1 };
  else delete watches[key];
  return { state: { ...state, watches }, last: entry.count <= 1 };
}

/** The state with one watch's view changed; unchanged when the watch is not held (an answer
 *  for a watch this page let go of). */
export function updateView<S extends WatchState, K extends WatchKind>(
  state: S,
  watch: WatchOf<K>,
  change: (view: WatchViews[K]) => WatchViews[K],
): S {
  const key = watchKey(watch);
  const entry = state.watches[key] as unknown as WatchEntry<K> | undefined;
  if (!entry) return state;
  return { ...state, watches: { ...state.watches, [key]: { ...entry, view: change(entry.view) } } };
}

export interface WatchSlice extends WatchState {
  /** One more holder; true when the server must be told. */
  watch(watch: Watch): boolean;
  /** One holder fewer; true when the server must be told. */
  unwatch(watch: Watch): boolean;
}

export const createWatchSlice: StateCreator<WatchSlice> = (set, get) => ({
  ...initialWatches,
  watch(watch) {
    const { state, first } = addWatch(get(), watch);
    set({ watches: state.watches });
    return first;
  },
  unwatch(watch) {
    const { state, last } = removeWatch(get(), watch);
    set({ watches: state.watches });
    return last;
  },
});
