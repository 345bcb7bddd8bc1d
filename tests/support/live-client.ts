import { io, type Socket } from 'socket.io-client';
import type { ClusterSnapshot } from '../../lib/contract/cluster';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/contract/events';
import type { ThroughputPoint } from '../../lib/contract/metrics';
import { applyPatch } from '../../lib/cluster-patch';

/** A socket.io client that keeps cluster state exactly as the browser does: snapshot, then patches. */
export class LiveClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: ClusterSnapshot | null = null;
  snapshots = 0;
  patches = 0;
  errors: { event: string; message: string }[] = [];
  throughput: ThroughputPoint[] = [];

  constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: true });
    this.socket.on('cluster:snapshot', (s) => {
      this.state = s;
      this.snapshots++;
    });
    this.socket.on('cluster:patch', (p) => {
      if (!this.state) return;
      this.state = applyPatch(this.state, p);
      this.patches++;
    });
    this.socket.on('action:error', (e) => this.errors.push(e));
    this.socket.on('metrics:throughput-history', (points) => (this.throughput = [...points]));
    this.socket.on('metrics:throughput', (point) => this.throughput.push(point));
  }

  /** Resolves with the state once `predicate` holds; rejects with the last state after the timeout. */
  async waitFor(what: string, predicate: (s: ClusterSnapshot) => boolean, timeoutMs = 30_000): Promise<ClusterSnapshot> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.state && predicate(this.state)) return this.state;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last state: ${JSON.stringify(this.state?.brokers)} ${JSON.stringify(this.state?.connection)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    this.socket.close();
  }
}
