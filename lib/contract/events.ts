import type { ClusterSnapshot } from './cluster';
import type { ClusterPatch } from './patch';
import type { ThroughputPoint } from './metrics';
import type { GroupDetail, GroupsPatch, GroupsSnapshot, LagPoint, TopicConsumers } from './groups';
import type { ActionName } from './action-schemas';
import type { ActionResult, LabInstance, LoadRun, ServerInfo, TailMessage } from './actions';

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
  /** All groups' summaries: sent on connect and on request. */
  'groups:snapshot': (snapshot: GroupsSnapshot) => void;
  /** Summaries that changed since the previous version. */
  'groups:patch': (patch: GroupsPatch) => void;
  /** The watched group, whole, whenever it changes; `detail` null: no such group (yet). */
  'group:detail': (payload: { groupId: string; detail: GroupDetail | null }) => void;
  /** The watched group's lag history, sent when the watch starts. */
  'group:lag-history': (payload: { groupId: string; points: LagPoint[] }) => void;
  /** One new lag sample of the watched group. */
  'group:lag-point': (payload: { groupId: string; point: LagPoint }) => void;
  /** Every group's offsets on the watched topic, whenever they change. */
  'topic:consumers': (payload: TopicConsumers) => void;
  /** A client request was refused; `message` is shown in the UI. */
  'action:error': (error: { event: string; message: string }) => void;
  /** Sent on connect: what the page may offer (read-only mode, broker faults). */
  'server:info': (info: ServerInfo) => void;
  /** Every load-generator run the page should show, whenever one changes (about 1/s while running). */
  'produce:loads': (runs: LoadRun[]) => void;
  /** Every lab instance, whenever one changes. */
  'lab:instances': (instances: LabInstance[]) => void;
  /** Messages on the tailed topic, oldest first. `reset`: the first batch of a new watch (the
   *  backfill); drop what you had. */
  'tail:messages': (payload: { topic: string; messages: TailMessage[]; reset: boolean }) => void;
}

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, e.g. after a patch arrived for an unknown version. */
  'cluster:resync': (payload: { reason: string }) => void;
  /** Asks for a fresh groups snapshot after a version gap. */
  'groups:resync': (payload: { reason: string }) => void;
  /** Start (or, with null, stop) receiving one group's detail and lag. One group per socket. */
  'group:watch': (payload: { groupId: string | null }) => void;
  /** Start (or stop) receiving the groups' offsets on one topic. One topic per socket. */
  'topic:watch': (payload: { topic: string | null }) => void;
  /** Start (or stop) the live tail of one topic: first its newest messages (up to TAIL_CAP),
   *  then every new one. One topic per socket. */
  'tail:watch': (payload: { topic: string | null }) => void;
  /** Runs one action (lib/contract/action-schemas.ts); the answer comes back in `ack`. */
  'action:run': (request: { name: ActionName; payload: unknown }, ack: (result: ActionResult<unknown>) => void) => void;
}
