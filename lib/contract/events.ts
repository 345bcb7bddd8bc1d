import type { ClusterSnapshot } from './cluster';
import type { ClusterPatch } from './patch';
import type { ThroughputPoint } from './metrics';
import type { GroupDetail, GroupsPatch, GroupsSnapshot, LagPoint, TopicConsumers } from './groups';
import type { ActionName } from './action-schemas';
import type { ActionResult, LabInstance, LabProtocolInfo, LoadRun, ServerInfo, TailMessage } from './actions';
import type { Watch } from './watch';
import type { ScanEndEvent, ScanMatchesEvent, ScanProgressEvent } from './browse';
import type { AlertsState } from './alerts';

/** Every socket.io event, both directions. Server and client import this one map. Each
 *  server event says how a client syncs it: replace what it had, append to it, or apply a
 *  versioned patch. */
export interface ServerToClientEvents {
  /** Replace: the full state, sent on connect and on request. */
  'cluster:snapshot': (snapshot: ClusterSnapshot) => void;
  /** Patch: only what changed since the previous version; a gap asks for `cluster:resync`. */
  'cluster:patch': (patch: ClusterPatch) => void;
  /** Replace: the server's rolling throughput history, sent on connect so a new page has a chart. */
  'metrics:throughput-history': (points: ThroughputPoint[]) => void;
  /** Append: one new throughput point per poll round. */
  'metrics:throughput': (point: ThroughputPoint) => void;
  /** Replace: all groups' summaries, sent on connect and on request. */
  'groups:snapshot': (snapshot: GroupsSnapshot) => void;
  /** Patch: summaries that changed since the previous version; a gap asks for `groups:resync`. */
  'groups:patch': (patch: GroupsPatch) => void;
  /** Replace, for a `group` watch: the group, whole, whenever it changes; `detail` null: no such
   *  group (yet). */
  'group:detail': (payload: { groupId: string; detail: GroupDetail | null }) => void;
  /** Replace, for a `group` watch: its lag history, sent when the watch starts. */
  'group:lag-history': (payload: { groupId: string; points: LagPoint[] }) => void;
  /** Append, for a `group` watch: one new lag sample. */
  'group:lag-point': (payload: { groupId: string; point: LagPoint }) => void;
  /** Replace, for a `topic` watch: every group's offsets on the topic, whenever they change. */
  'topic:consumers': (payload: TopicConsumers) => void;
  /** Replace: a client request was refused; `message` is shown in the UI. */
  'action:error': (error: { event: string; message: string }) => void;
  /** Replace, sent on connect: what the page may offer (read-only mode, broker faults). */
  'server:info': (info: ServerInfo) => void;
  /** Replace: every load-generator run the page should show, whenever one changes (about 1/s
   *  while running). */
  'produce:loads': (runs: LoadRun[]) => void;
  /** Replace: every lab instance, whenever one changes. */
  'lab:instances': (instances: LabInstance[]) => void;
  /** Which protocols the lab can start here, and why not (asked once per connection). */
  'lab:protocols': (protocols: LabProtocolInfo[]) => void;
  /** Append, for a `tail` watch: messages on the topic, oldest first. `reset`: the first batch of
   *  a new watch (the backfill) replaces what the page had. */
  'tail:messages': (payload: { topic: string; messages: TailMessage[]; reset: boolean }) => void;
  /** Replace, for a `scan` watch: where the scan stands, at its start and about 4 times a second. */
  'scan:progress': (progress: ScanProgressEvent) => void;
  /** Append, for a `scan` watch: matches as found (forward: offset order per partition;
   *  backward: newest first). */
  'scan:matches': (matches: ScanMatchesEvent) => void;
  /** Replace, once, for a `scan` watch: how it ended, after its last matches. A scan refused
   *  before reading (bad query, no topic, too many scans) ends at once with stoppedBy "error"
   *  and the reason in `error`. Nothing follows an unwatch. */
  'scan:end': (outcome: ScanEndEvent) => void;
  /** Replace, for the `alerts` watch: rules, firing alerts, recent transitions and delivery,
   *  whenever one changes. */
  'alerts:state': (state: AlertsState) => void;
}

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, e.g. after a patch arrived for an unknown version. */
  'cluster:resync': (payload: { reason: string }) => void;
  /** Asks for a fresh groups snapshot after a version gap. */
  'groups:resync': (payload: { reason: string }) => void;
  /** Start receiving what one watch sends (lib/contract/watch.ts): first its current state, then
   *  every change. Watching what the connection already watches answers with the state again.
   *  Refused (as an `action:error`) past MAX_WATCHES. A new connection watches nothing. A `scan`
   *  watch starts a scan for this connection alone; it ends the connection's previous scan. */
  watch: (watch: Watch) => void;
  /** Stop receiving it. */
  unwatch: (watch: Watch) => void;
  /** Runs one action (lib/contract/action-schemas.ts); the answer comes back in `ack`. */
  'action:run': (request: { name: ActionName; payload: unknown }, ack: (result: ActionResult<unknown>) => void) => void;
}
