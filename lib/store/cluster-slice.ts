import type { StateCreator } from 'zustand';
import type { ClusterSnapshot } from '../contract/cluster';
import type { ClusterPatch } from '../contract/patch';
import { applyPatch, PatchGapError } from '../cluster-patch';
import type { LiveStore } from './index';

export interface ClusterSlice {
  cluster: ClusterSnapshot | null;
  setSnapshot(snapshot: ClusterSnapshot): void;
  /** Returns false when the patch does not follow the current version (the bridge resyncs). */
  applyClusterPatch(patch: ClusterPatch): boolean;
}

export const createClusterSlice: StateCreator<LiveStore, [], [], ClusterSlice> = (set, get) => ({
  cluster: null,
  setSnapshot: (snapshot) => set({ cluster: snapshot }),
  applyClusterPatch(patch) {
    const current = get().cluster;
    if (!current) return false;
    try {
      set({ cluster: applyPatch(current, patch) });
      return true;
    } catch (e) {
      if (e instanceof PatchGapError) return false;
      throw e;
    }
  },
});
