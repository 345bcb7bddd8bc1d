import type { StateCreator } from 'zustand';
import type { ClusterSnapshot } from '@/lib/contract/cluster';

/** The cluster as the server last described it: a snapshot, then patches (lib/cluster-patch.ts). */
export interface ClusterSlice {
  cluster: ClusterSnapshot | null;
}

export const initialCluster: ClusterSlice = { cluster: null };

export const createClusterSlice: StateCreator<ClusterSlice> = () => initialCluster;
