import type { StateCreator } from 'zustand';
import type { ThroughputPoint } from '@/lib/contract/metrics';

/** Produce rate over time, at most THROUGHPUT_HISTORY_CAP points (the server's cap too): the
 *  chart shows five minutes, and the buffer never grows past it on a page left open all day. */
export interface ThroughputSlice {
  throughput: ThroughputPoint[];
}

export const initialThroughput: ThroughputSlice = { throughput: [] };

export const createThroughputSlice: StateCreator<ThroughputSlice> = () => initialThroughput;
