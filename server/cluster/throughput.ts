import { EventEmitter } from 'node:events';
import type { Topic } from '@/lib/contract/cluster';
import { THROUGHPUT_HISTORY_CAP, type ThroughputPoint } from '@/lib/contract/metrics';
import { totalHighWatermark } from '@/lib/derive';

export interface ThroughputEvents {
  point: [ThroughputPoint];
}

/** Keeps the rolling produce-rate history on the server, so every page sees the same chart. */
export class ThroughputTracker extends EventEmitter<ThroughputEvents> {
  private points: ThroughputPoint[] = [];
  private last: { at: number; total: number } | null = null;

  history(): ThroughputPoint[] {
    return this.points;
  }

  record(topics: Topic[], at: number): void {
    const total = totalHighWatermark(topics);
    const last = this.last;
    this.last = { at, total };
    if (!last || at <= last.at) return;
    // A deleted topic lowers the sum: that is not negative traffic.
    const point = { at, rate: Math.max(0, ((total - last.total) * 1000) / (at - last.at)) };
    this.points.push(point);
    if (this.points.length > THROUGHPUT_HISTORY_CAP) this.points.splice(0, this.points.length - THROUGHPUT_HISTORY_CAP);
    this.emit('point', point);
  }

  /** After an outage the gap is not a rate: start again from the next answer. */
  reset(): void {
    this.last = null;
  }
}
