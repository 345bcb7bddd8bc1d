import type { EpochTimelineView } from './epoch-timeline';
import type { KeyedChanges } from './patch';
import type { GroupHealth, GroupHealthDetail, GroupLagAge, LagAge, LagUnknown, Verdict } from './lag';

// Wire types for consumer groups: what the server streams over socket.io and serves on
// /api/groups. Values the server measures (rates, totals) are here; what the UI only
// rearranges (idle members, catch-up time) is derived in lib/group-derive.ts, lag arithmetic and sums in lib/lag/.

/** Group states as the coordinator names them: classic groups (DescribeGroups) rebalance in
 *  PreparingRebalance/CompletingRebalance; consumer and streams groups (KIP-848, KIP-1071) move
 *  through Assigning/Reconciling (NotReady: streams topics missing). `Unknown`: the group is in
 *  the offsets log but its coordinator has not answered yet. */
export type GroupState =
  | 'Stable'
  | 'PreparingRebalance'
  | 'CompletingRebalance'
  | 'Assigning'
  | 'Reconciling'
  | 'NotReady'
  | 'Empty'
  | 'Dead'
  | 'Unknown';

/** Which group protocol the coordinator runs the group with (ListGroups v5 GroupType). */
export type GroupType = 'classic' | 'consumer' | 'share' | 'streams';

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  /** Static membership id (group.instance.id); null for dynamic members. */
  groupInstanceId: string | null;
  /** Topics the member subscribed to; empty when its protocol is not `consumer`. */
  subscribedTopics: string[];
  assignments: TopicPartitionRef[];
  /** How long the coordinator waits for a silent member before it is removed. */
  sessionTimeoutMs: number | null;
  /** Consumer, share and streams groups only (the new protocols' describe answers). */
  epochs?: MemberEpochs;
}

/** What ConsumerGroupDescribe / ShareGroupDescribe say of one member beyond the classic fields. */
export interface MemberEpochs {
  memberEpoch: number;
  rackId: string | null;
  subscribedTopicRegex: string | null;
  /** Where the coordinator is taking the member (consumer groups): partitions in `assignments`
   *  but not here are being revoked, partitions here but not there are being assigned. Null for
   *  share groups, which have no reconciliation. */
  targetAssignment: TopicPartitionRef[] | null;
  /** A classic-protocol consumer inside a consumer group (a mixed group during an upgrade). */
  usesClassicProtocol: boolean;
  /** Streams groups only: the member's tasks. Its `assignments` are its active tasks' source
   *  topic partitions, and `targetAssignment` those of its target active tasks. */
  streams?: StreamsMemberTasks;
}

/** Tasks of one subtopology: task `<subtopology>_<partition>` reads that partition of each of
 *  the subtopology's source topics. */
export interface StreamsTaskSet {
  subtopology: string;
  partitions: number[];
}

/** What StreamsGroupDescribe says of one member (KIP-1071). */
export interface StreamsMemberTasks {
  /** One Kafka Streams instance (process) may run several members (stream threads). */
  processId: string;
  active: StreamsTaskSet[];
  standby: StreamsTaskSet[];
  warmup: StreamsTaskSet[];
  targetActive: StreamsTaskSet[];
}

/** Group-level epochs of a consumer, share or streams group. */
export interface GroupEpochs {
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string | null;
}

/** A share group's position on one partition (DescribeShareGroupOffsets). */
export interface SharePartitionOffset {
  topic: string;
  partition: number;
  /** Start of the share-partition's in-flight window; null: not yet initialised. */
  startOffset: number | null;
  /** Records from the start offset to the log end the group has not acknowledged; null: unknown. */
  lag: number | null;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Committed offset (the next one the group reads), never above `logEnd`; null: nothing
   *  committed. Paired with a log end read after it, so it may trail the newest commit by
   *  the ~100 ms that read takes. */
  committed: number | null;
  /** Log-end offset (high watermark) read after `committed`; null when not read yet. */
  logEnd: number | null;
  /** Log start offset from the same read or earlier; null when not read. */
  logStart: number | null;
  /** Messages from max(committed, logStart) to logEnd (lib/lag/arithmetic.ts); null: not yet
   *  known, never a guessed 0. */
  lag: number | null;
  /** Why `lag` is null. */
  lagUnknown: LagUnknown | null;
  /** While `lag` is null because no end was read after the newest commit: it is at least this. */
  lagAtLeast: number | null;
  /** Messages retention deleted before the group read them; null when the log start is unknown. */
  expiredUnread: number | null;
  /** Member that owns the partition now; null: unassigned. */
  memberId: string | null;
  /** Epoch ms of the last commit for this partition. */
  committedAt: number | null;
  /** Lag in seconds: age of the oldest unread message (the record at the committed offset). */
  lagAge: LagAge;
}

export interface MemberRef {
  memberId: string;
  clientId: string;
  host: string;
}

/** One partition that changed owner between two generations; null: nobody. */
export interface AssignmentChange {
  topic: string;
  partition: number;
  from: string | null;
  to: string | null;
}

/** One completed rebalance: a generation the coordinator stored. */
export interface Rebalance {
  generation: number;
  /** Epoch ms the generation was stored (the rebalance completed). */
  at: number;
  protocol: string | null;
  leader: string | null;
  members: number;
  joined: MemberRef[];
  left: MemberRef[];
  changes: AssignmentChange[];
  /** Time from when the dashboard saw the rebalance start to its end; null when not seen. */
  durationMs: number | null;
  /** `live`: seen as it happened. `history`: read back from the offsets log at start-up. */
  source: 'live' | 'history';
}

export interface GroupSummary {
  groupId: string;
  /** `classic` when the broker predates ListGroups v5 (Kafka < 3.8), which knows no other type. */
  type: GroupType;
  state: GroupState;
  /** `consumer` for consumer clients; other protocols (e.g. `connect`) carry no topic assignment. */
  protocolType: string;
  /** Assignor of the current generation (range, roundrobin, ...). */
  protocol: string | null;
  generation: number | null;
  members: number;
  topics: string[];
  /** Sum of the partition lags; null when nothing is committed or some committed
   *  partition's lag is not yet known (a partial sum would read lower than the truth). */
  totalLag: number | null;
  /** Messages retention deleted before the group read them, over its partitions. */
  expiredUnread: number;
  /** Lag in seconds: the oldest unread message over its partitions. */
  lagAge: GroupLagAge;
  /** Partitions with nothing committed. */
  uncommittedPartitions: number;
  /** Change of total lag over the trend window; null without enough history. */
  lagTrend: number | null;
  /** Messages per second the group committed past, over the rate window. */
  consumeRate: number | null;
  /** Messages per second produced to the partitions the group reads, same window. */
  produceRate: number | null;
  /** Broker coordinating the group; null when unknown. */
  coordinator: number | null;
  /** Epoch ms the current rebalance was first seen; null while not rebalancing. */
  rebalancingSince: number | null;
  /** Health verdict (OK, WARN, STALL, STOP, REWIND, ...) with its reason; null for share groups
   *  (no committed offsets to judge) and until the first poll round judged it. */
  health: GroupHealth | null;
  /** Server time (epoch ms) `lagAge.seconds` and the health reason's durations were computed
   *  at. A row is sent again only when something other than the clock changed, so those figures
   *  are "as of" this time: the page ages them (lib/lag/aging.ts); the API's rows are fresh. */
  observedAt: number;
}

export interface GroupDetail extends Omit<GroupSummary, 'members' | 'health'> {
  members: GroupMember[];
  /** The group's verdict, each partition's, and the windows they were judged with. */
  health: GroupHealthDetail | null;
  /** Consumer, share and streams groups; null for classic ones. */
  epochs: GroupEpochs | null;
  /** Share groups only; empty for every other type. */
  shareOffsets: SharePartitionOffset[];
  offsets: PartitionLag[];
  /** Newest first, at most REBALANCE_HISTORY_CAP. */
  rebalances: Rebalance[];
  /** Consumer, share and streams groups: their epochs and partition moves from the offsets log
   *  (lib/contract/epoch-timeline.ts); null for classic groups and before any record was read. */
  timeline: EpochTimelineView | null;
}

/** One lag sample for a group. Partition keys are `topic:partition` (':' is not legal in topic names). */
export interface LagPoint {
  at: number;
  total: number | null;
  partitions: Record<string, number | null>;
}

export type OffsetsLogStatus = 'starting' | 'catching-up' | 'live' | 'unavailable';

/** The offsets log: the server's reader of __consumer_offsets. Group data is only complete once
 *  it is `live`. */
export interface OffsetsLogState {
  status: OffsetsLogStatus;
  lastError: string | null;
  recordsRead: number;
  /** Records of key versions this dashboard does not decode (e.g. newer group protocols). */
  recordsSkipped: number;
}

export interface GroupsSnapshot {
  version: number;
  groups: GroupSummary[];
  offsetsLog: OffsetsLogState;
}

/** Summaries changed and group ids removed (the one keyed patch, lib/keyed-patch.ts). */
export interface GroupsPatch extends KeyedChanges<GroupSummary, string> {
  from: number;
  to: number;
  offsetsLog?: OffsetsLogState;
}

/** One group's position on one topic, for the side-by-side view on the topic page. */
export interface TopicGroupOffsets {
  groupId: string;
  state: GroupState;
  totalLag: number | null;
  health: GroupHealth | null;
  partitions: (Pick<PartitionLag, 'partition' | 'committed' | 'logEnd' | 'lag' | 'expiredUnread' | 'lagAge'> & {
    verdict: Verdict | null;
  })[];
}

export interface TopicConsumers {
  topic: string;
  groups: TopicGroupOffsets[];
}

/** Rolling lag history per group: one point per poll round, oldest dropped first. At the
 *  default 1 s interval this is 10 minutes, enough to see a backlog build and drain. */
export const LAG_HISTORY_CAP = 600;
/** Generations kept per group: a timeline longer than this is history nobody scrolls. */
export const REBALANCE_HISTORY_CAP = 50;
/** Window for lag trend and consume/produce rates. */
export const RATE_WINDOW_MS = 15_000;
