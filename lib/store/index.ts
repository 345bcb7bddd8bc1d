import { create } from 'zustand';
import { createClusterSlice, type ClusterSlice } from './cluster-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createGroupsSlice, type GroupsSlice } from './groups-slice';
import { createThroughputSlice, type ThroughputSlice } from './throughput-slice';
import { createActionsSlice, type ActionsSlice } from './actions-slice';

// The browser's one store. Socket events reach it only through the bridge hook
// (use-live-bridge.ts); components read it through selectors.

export type LiveStore = ClusterSlice & ConnectionSlice & ThroughputSlice & GroupsSlice & ActionsSlice;

export const useLiveStore = create<LiveStore>()((...a) => ({
  ...createClusterSlice(...a),
  ...createConnectionSlice(...a),
  ...createThroughputSlice(...a),
  ...createGroupsSlice(...a),
  ...createActionsSlice(...a),
}));
