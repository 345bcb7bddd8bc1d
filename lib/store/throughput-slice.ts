import type { StateCreator } from 'zustand';
import type { ThroughputPoint } from '../contract/metrics';
import type { LiveStore } from './index';

/** The same cap as the server's history (server/cluster/throughput.ts): the chart shows at
 *  most five minutes, and the buffer never grows past it on a page left open all day. */
export const THROUGHPUT_POINTS_CAP = 300;

export interface ThroughputSlice {
  throughput: ThroughputPoint[];
  setThroughputHistory(points: ThroughputPoint[]): void;
  addThroughputPoint(point: ThroughputPoint): void;
}

export const createThroughputSlice: StateCreator<LiveStore, [], [], ThroughputSlice> = (set, get) => ({
  throughput: [],
  // A restarted server starts its history afresh: the points this page had from before it
  // stay in front of the server's, so the chart goes on instead of starting over.
  setThroughputHistory(points) {
    const first = points[0]?.at ?? Infinity;
    const kept = get().throughput.filter((p) => p.at < first);
    set({ throughput: [...kept, ...points].slice(-THROUGHPUT_POINTS_CAP) });
  },
  addThroughputPoint(point) {
    const points = [...get().throughput, point];
    set({ throughput: points.length > THROUGHPUT_POINTS_CAP ? points.slice(-THROUGHPUT_POINTS_CAP) : points });
  },
});
