// Wire types for consumer groups: what the server streams over socket.io and serves on
// /api/groups. Values the server measures (rates, totals) are here; what the UI only
// rearranges (idle members, per-topic totals, catch-up time) is derived in lib/group-derive.ts.

/** The classic group protocol's states, as DescribeGroups names them. `Unknown`: the group is
 *  in the offsets log but its coordinator has not answered yet. */
export type GroupState = 'Stable' | 'PreparingRebalance' | 'CompletingRebalance' | 'Empty' | 'Dead' | 'Unknown';

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
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Committed offset (the next one the group reads); null: nothing committed. */
  committed: number | null;
  /** Log-end offset (high watermark); null when its leader could not be read. */
  logEnd: number | null;
  /** logEnd - committed, never below 0; null when either side is unknown. */
  lag: number | null;
  /** Member that owns the partition now; null: unassigned. */
  memberId: string | null;
  /** Epoch ms of the last commit for this partition. */
  committedAt: number | null;
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
  state: GroupState;
  /** `consumer` for consumer clients; other protocols (e.g. `connect`) carry no topic assignment. */
  protocolType: string;
  /** Assignor of the current generation (range, roundrobin, ...). */
  protocol: string | null;
  generation: number | null;
  members: number;
  topics: string[];
  /** Sum of known partition lags; null when no partition has both sides known. */
  totalLag: number | null;
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
}

export interface GroupDetail extends Omit<GroupSummary, 'members'> {
  members: GroupMember[];
  offsets: PartitionLag[];
  /** Newest first, at most REBALANCE_HISTORY_CAP. */
  rebalances: Rebalance[];
}

/** One lag sample for a group. Partition keys are `topic:partition` (':' is not legal in topic names). */
export interface LagPoint {
  at: number;
  total: number | null;
  partitions: Record<string, number | null>;
}

export type SidecarStatus = 'starting' | 'catching-up' | 'live' | 'unavailable';

/** The reader of __consumer_offsets. Group data is only complete once it is `live`. */
export interface SidecarState {
  status: SidecarStatus;
  lastError: string | null;
  recordsRead: number;
  /** Records of key versions this dashboard does not decode (e.g. newer group protocols). */
  recordsSkipped: number;
}

export interface GroupsSnapshot {
  version: number;
  groups: GroupSummary[];
  sidecar: SidecarState;
}

export interface GroupsPatch {
  from: number;
  to: number;
  upsert: GroupSummary[];
  remove: string[];
  sidecar?: SidecarState;
}

/** One group's position on one topic, for the side-by-side view on the topic page. */
export interface TopicGroupOffsets {
  groupId: string;
  state: GroupState;
  totalLag: number | null;
  partitions: { partition: number; committed: number | null; logEnd: number | null; lag: number | null }[];
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

export const partitionKey = (topic: string, partition: number): string => `${topic}:${partition}`;
