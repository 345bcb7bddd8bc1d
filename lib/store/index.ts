import { create } from 'zustand';
import { createClusterSlice, type ClusterSlice } from './cluster-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createDraftSlice, type DraftSlice } from './draft-slice';
import { createGroupsSlice, type GroupsSlice } from './groups-slice';
import { createServerSlice, type ServerSlice } from './server-slice';
import { createThroughputSlice, type ThroughputSlice } from './throughput-slice';
import { createWatchSlice, type WatchSlice } from './watch-slice';
import { createScanSlice, type ScanSlice } from './scan-slice';

// The browser's one store. Socket events reach it only through the bridge hook
// (use-live-bridge.ts), which runs each through live-events.ts; components read it through
// selectors.

export type LiveStore = ClusterSlice &
  ConnectionSlice &
  ThroughputSlice &
  GroupsSlice &
  ServerSlice &
  WatchSlice &
  ScanSlice &
  DraftSlice;

export const useLiveStore = create<LiveStore>()((set, get, api) => ({
  ...createClusterSlice(set, get, api),
  ...createConnectionSlice(set, get, api),
  ...createThroughputSlice(set, get, api),
  ...createGroupsSlice(set, get, api),
  ...createServerSlice(set, get, api),
  ...createWatchSlice(set, get, api),
  ...createScanSlice(set, get, api),
  ...createDraftSlice(set, get, api),
}));
