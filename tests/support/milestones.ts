import type { ClusterSnapshot } from '@/lib/contract/cluster';
import type { LiveClient } from './live-client';

// Watches a LiveClient's state as each patch lands and notes when each named condition first
// held, so a fault test can say how long the dashboard took to show a fault and its recovery.
// It also keeps the arrival time of every patch, to find the longest silence.

export class Milestones {
  private readonly pending = new Map<string, (s: ClusterSnapshot) => boolean>();
  readonly at = new Map<string, number>();
  readonly patchTimes: number[] = [];
  private readonly onPatch = () => {
    const now = Date.now();
    this.patchTimes.push(now);
    this.check(now);
  };

  constructor(private readonly client: LiveClient) {
    client.socket.on('cluster:patch', this.onPatch);
  }

  /** Starts watching for `predicate`; checked at once and on every patch. */
  expect(name: string, predicate: (s: ClusterSnapshot) => boolean): void {
    this.pending.set(name, predicate);
    this.check(Date.now());
  }

  async reached(name: string, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.at.get(name);
      if (at !== undefined) return at;
      if (Date.now() > deadline)
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${name}; brokers: ${JSON.stringify(this.client.state?.brokers)} controller ${this.client.state?.controllerId}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The longest time between two patches (or from `from` to the first) within [from, to]. */
  longestGap(from: number, to: number): number {
    let last = from;
    let gap = 0;
    for (const t of this.patchTimes) {
      if (t < from) continue;
      if (t > to) break;
      gap = Math.max(gap, t - last);
      last = t;
    }
    return Math.max(gap, to - last);
  }

  close(): void {
    this.client.socket.off('cluster:patch', this.onPatch);
  }

  private check(now: number): void {
    const state = this.client.state;
    if (!state) return;
    for (const [name, predicate] of this.pending) {
      if (predicate(state)) {
        this.at.set(name, now);
        this.pending.delete(name);
      }
    }
  }
}
