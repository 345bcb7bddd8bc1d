import type { ClusterSnapshot } from './cluster';
import type { ClusterPatch } from './patch';
import type { ThroughputPoint } from './metrics';

/** Every socket.io event, both directions. Server and client import this one map. */
export interface ServerToClientEvents {
  /** Full state: sent on connect and on request. */
  'cluster:snapshot': (snapshot: ClusterSnapshot) => void;
  /** Only what changed since the previous version. */
  'cluster:patch': (patch: ClusterPatch) => void;
  /** The server's rolling throughput history: sent on connect, so a new page has a chart. */
  'metrics:throughput-history': (points: ThroughputPoint[]) => void;
  /** One new throughput point per poll round. */
  'metrics:throughput': (point: ThroughputPoint) => void;
  /** A client request was refused; `message` is shown in the UI. */
  'action:error': (error: { event: string; message: string }) => void;
}

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, e.g. after a patch arrived for an unknown version. */
  'cluster:resync': (payload: { reason: string }) => void;
}
