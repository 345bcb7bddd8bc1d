import type { StateCreator } from 'zustand';
import type { ClusterSnapshot } from '../contract/cluster';
import { totalHighWatermark } from '../derive';
import type { LiveStore } from './index';

/** Five minutes at one point per second: enough to see a burst and its tail, small enough to
 *  redraw on every update. Older points are dropped. */
export const THROUGHPUT_POINTS_CAP = 300;

export interface ThroughputPoint {
  at: number;
  /** Messages per second into user topics since the previous point. */
  rate: number;
}

export interface ThroughputSlice {
  throughput: ThroughputPoint[];
  lastMark: { at: number; total: number } | null;
  recordThroughput(snapshot: ClusterSnapshot): void;
}

export const createThroughputSlice: StateCreator<LiveStore, [], [], ThroughputSlice> = (set, get) => ({
  throughput: [],
  lastMark: null,
  recordThroughput(snapshot) {
    if (snapshot.connection.status !== 'connected') return;
    const total = totalHighWatermark(snapshot.topics);
    const at = snapshot.observedAt;
    const last = get().lastMark;
    if (last && at - last.at < 500) return;
    if (!last) {
      set({ lastMark: { at, total } });
      return;
    }
    // A deleted topic lowers the sum: count that as zero, not a negative rate.
    const rate = Math.max(0, ((total - last.total) * 1000) / (at - last.at));
    const points = [...get().throughput, { at, rate }];
    set({ throughput: points.length > THROUGHPUT_POINTS_CAP ? points.slice(-THROUGHPUT_POINTS_CAP) : points, lastMark: { at, total } });
  },
});
