import type { AlertsState } from './alerts';
import type { ActionName } from './action-schemas';
import type { GroupType, TopicPartitionRef } from './groups';
import type { IdRange } from '@/lib/id-ranges';

// What actions answer, and the live state they create (load runs, lab instances, the tail).
// Every action answers `ActionResult`: a refusal is a message for the UI, never an exception.

/** `retryAfterSeconds`: refused by the rate limit; the same request may succeed after it. */
export type ActionResult<T> = { ok: true; result: T } | { ok: false; error: string; retryAfterSeconds?: number };

/** One sent message: where it landed. */
export interface ProducedMessage {
  index: number;
  key: string | null;
  partition: number;
  offset: number;
}

export interface ProduceResult {
  topic: string;
  count: number;
  /** The first messages sent (at most PRODUCE_LISTED_CAP), each with its partition and offset. */
  messages: ProducedMessage[];
  /** How the messages spread over the partitions. */
  spread: { partition: number; count: number; firstOffset: number; lastOffset: number }[];
  durationMs: number;
}

/** Messages listed one by one in a produce answer; the spread covers them all. */
export const PRODUCE_LISTED_CAP = 100;

export type LoadStatus = 'running' | 'done' | 'stopped' | 'failed';

/** One load-generator run, pushed about once a second while it runs. */
export interface LoadRun {
  id: string;
  topic: string;
  rate: number;
  durationSeconds: number;
  keyPattern: string | null;
  keySpace: number;
  status: LoadStatus;
  startedAt: number;
  endedAt: number | null;
  sent: number;
  acked: number;
  failed: number;
  /** Acknowledged messages per second since the start. */
  achievedRate: number;
  lastError: string | null;
  /** Message numbers (`n` in each value) Kafka acknowledged, and those it never did after
   *  every retry (they may or may not be in the log): merged ranges, so they stay small. */
  ackedIds: IdRange[];
  failedIds: IdRange[];
  /** The longest time without an acknowledgement while the run was sending (a broker lost
   *  and its leaderships not yet moved shows here). */
  longestStallMs: number;
}

/** Load runs kept for the page: running ones and the most recent finished ones. */
export const LOAD_RUNS_CAP = 10;

/** How a lab instance's members join their group: classic is the kafkajs worker; consumer
 *  (KIP-848) and share (KIP-932) are Kafka's own Java clients (server/lab/java). */
export const LAB_PROTOCOLS = ['classic', 'consumer', 'share'] as const;
export type LabProtocol = (typeof LAB_PROTOCOLS)[number];

/** Why a protocol cannot start here: no java/javac, no client jars yet, a cluster with TLS or
 *  SASL (the Java worker does not take those settings yet), a broker without the protocol, or a
 *  broker that could not be asked. */
export const LAB_UNAVAILABLE = ['noJava', 'noJars', 'tlsSasl', 'brokerTooOld', 'brokerUnknown'] as const;
export type LabUnavailable = (typeof LAB_UNAVAILABLE)[number];

/** Whether the lab can start instances of a protocol here, and why not. */
export interface LabProtocolInfo {
  protocol: LabProtocol;
  available: boolean;
  /** null when available; the page words it in its own language. */
  why: LabUnavailable | null;
  /** The same in English, with detail (which tool, which folder), for the API and the log. */
  reason: string | null;
}

export type LabInstanceStatus = 'starting' | 'running' | 'paused' | 'stopping' | 'stopped' | 'killed' | 'crashed';

export interface LabConsumer {
  /** kafkajs client id, e.g. `lab-A-1`; the coordinator's member id starts with it. */
  clientId: string;
  /** null until the consumer has joined its group. */
  memberId: string | null;
  assignments: TopicPartitionRef[];
  consumed: number;
  /** When the coordinator last answered this consumer (join or heartbeat), epoch ms; null before
   *  its first join. Kafka's describes carry no heartbeat times, so only the lab knows this: the
   *  coordinator drops a member a session timeout after its last heartbeat, not after a kill. */
  lastHeardAt: number | null;
}

/** One "app instance": a separate OS process running consumers in one group. */
export interface LabInstance {
  name: string;
  pid: number | null;
  protocol: LabProtocol;
  groupId: string;
  topics: string[];
  processingDelayMs: number;
  sessionTimeoutMs: number;
  status: LabInstanceStatus;
  consumers: LabConsumer[];
  consumed: number;
  startedAt: number;
  /** When it was stopped, killed or crashed. */
  endedAt: number | null;
  lastError: string | null;
}

/** Ended instances kept on screen (so a kill stays visible while the group waits out the
 *  session timeout); older ones are dropped first. */
export const LAB_ENDED_CAP = 8;

export interface TailHeader {
  key: string;
  value: string;
}

export interface TailMessage {
  partition: number;
  offset: number;
  timestamp: number;
  key: string | null;
  value: string | null;
  /** The value was cut to TAIL_VALUE_CHARS for the page. */
  truncated: boolean;
  headers: TailHeader[];
}

/** Newest messages the page keeps per tail: enough to watch keys land, small enough to render. */
export const TAIL_CAP = 200;
/** A value is cut to this many characters on its way to the page. */
export const TAIL_VALUE_CHARS = 4_096;

export interface KeyCount {
  topic: string;
  /** Records read from the log start to the end, and how many distinct keys they carry. */
  records: number;
  distinctKeys: number;
  /** Records without a key (compaction removes none of them). */
  unkeyed: number;
  /** The newest value per key, at most KEY_SAMPLE_CAP keys. */
  latest: { key: string; value: string | null; offset: number; partition: number }[];
}

export const KEY_SAMPLE_CAP = 50;

export interface TopicConfigResult {
  topic: string;
  /** The topic's dynamic overrides after the change. */
  overrides: Record<string, string>;
}

export interface OffsetsResetResult {
  groupId: string;
  topic: string;
  offsets: { partition: number; offset: number }[];
}

/** What each action answers when it succeeds. */
export interface ActionResults {
  'produce:send': ProduceResult;
  'produce:load-start': LoadRun;
  'produce:load-stop': LoadRun;
  'lab:start': LabInstance;
  'lab:stop': LabInstance;
  'lab:kill': LabInstance;
  'lab:pause': LabInstance;
  'lab:resume': LabInstance;
  'lab:scale': LabInstance;
  'lab:rebalance': { groupId: string; instance: string; clientId: string };
  'topic:create': { topic: string };
  'topic:add-partitions': { topic: string; partitions: number };
  'topic:configure': TopicConfigResult;
  'topic:delete': { topic: string };
  'topic:count-keys': KeyCount;
  'offsets:reset': OffsetsResetResult;
  'group:delete': { groupId: string; type: GroupType };
  'broker:stop': { brokerId: number };
  'broker:kill': { brokerId: number };
  'broker:start': { brokerId: number };
  'transaction:abort': { topic: string; partition: number; producerId: number; startOffset: number };
  'alerts:set-rules': AlertsState;
}

// Every action has a result type: a compile error here means the two lists drifted apart.
export type MissingResults = Exclude<ActionName, keyof ActionResults>;
const _complete: MissingResults extends never ? true : never = true;
void _complete;

/** What the page needs to know about the server before offering actions. */
export interface ServerInfo {
  /** READ_ONLY: every action is hidden and refused. */
  readOnly: boolean;
  /** Broker stop/kill/start is offered only for the embedded cluster. */
  brokerFaults: boolean;
  /** Login is on (KAFKA_LIVE_AUTH_*): the page offers a sign-out. */
  auth: boolean;
  /** How often the brokers look for segments past retention (log.retention.check.interval.ms),
   *  when the dashboard knows it: set for the embedded cluster, null for a cluster of the user's. */
  retentionCheckMs: number | null;
}

/** POST /api/actions/:name answers this. */
export type ActionResponse = ActionResult<ActionResults[ActionName]>;
