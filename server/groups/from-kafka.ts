import type {
  GroupEpochs,
  GroupMember,
  GroupState,
  GroupType,
  SharePartitionOffset,
  TopicPartitionRef,
} from '@/lib/contract/groups';
import type { RawDescribedGroup } from '@/server/kafka/kafkajs-private';
import {
  decodeAssignment,
  decodeSubscription,
  MEMBER_TYPE_CLASSIC,
  type DescribedConsumerGroup,
  type DescribedShareGroup,
  type DescribedStreamsGroup,
  type GroupMetadata,
  type StreamsTasks,
  type ListedGroup,
} from '@/server/kafka/protocol';

// The one place raw group shapes (kafkajs DescribeGroups answers, decoded log records) become
// contract types. Member bytes are decoded only for the `consumer` protocol: other protocols
// (Kafka Connect, schema registries) use their own formats.

export interface DescribedGroup {
  groupId: string;
  type: GroupType;
  state: GroupState;
  protocolType: string;
  protocol: string | null;
  members: GroupMember[];
  epochs: GroupEpochs | null;
  shareOffsets: SharePartitionOffset[];
}

const STATES: GroupState[] = [
  'Stable',
  'PreparingRebalance',
  'CompletingRebalance',
  'Assigning',
  'Reconciling',
  'NotReady',
  'Empty',
  'Dead',
];
const TYPES: GroupType[] = ['classic', 'consumer', 'share', 'streams'];

/** ListGroups v5 names types in lower case; anything newer reads as classic (described as such). */
export function toGroupType(raw: string): GroupType {
  const t = raw.toLowerCase();
  return (TYPES as string[]).includes(t) ? (t as GroupType) : 'classic';
}

export function toGroupState(raw: string): GroupState {
  return (STATES as string[]).includes(raw) ? (raw as GroupState) : 'Unknown';
}

function safe<T>(decode: () => T | null, fallback: T): T {
  try {
    return decode() ?? fallback;
  } catch {
    // A member whose bytes do not decode is still a member: show it without partitions.
    return fallback;
  }
}

function subscribed(protocolType: string, bytes: Buffer): string[] {
  if (protocolType !== 'consumer' || bytes.length === 0) return [];
  return safe(() => decodeSubscription(bytes)?.topics ?? null, [] as string[]);
}

function assigned(protocolType: string, bytes: Buffer): TopicPartitionRef[] {
  if (protocolType !== 'consumer' || bytes.length === 0) return [];
  return safe(() => decodeAssignment(bytes)?.partitions ?? null, [] as TopicPartitionRef[]);
}

const byClient = (a: GroupMember, b: GroupMember) =>
  a.clientId.localeCompare(b.clientId) || a.memberId.localeCompare(b.memberId);

export function membersFromStored(value: GroupMetadata): GroupMember[] {
  return value.members
    .map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      // The coordinator stores the address it saw with a leading slash (Java's InetAddress).
      host: m.clientHost.replace(/^\//, ''),
      groupInstanceId: m.groupInstanceId,
      subscribedTopics: subscribed(value.protocolType, m.subscription),
      assignments: assigned(value.protocolType, m.assignment),
      sessionTimeoutMs: m.sessionTimeoutMs,
    }))
    .sort(byClient);
}

export function describedGroup(raw: RawDescribedGroup): DescribedGroup {
  return {
    groupId: raw.groupId,
    type: 'classic',
    epochs: null,
    shareOffsets: [],
    state: toGroupState(raw.state),
    protocolType: raw.protocolType,
    protocol: raw.protocol || null,
    members: raw.members
      .map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.clientHost.replace(/^\//, ''),
        groupInstanceId: m.groupInstanceId ?? null,
        subscribedTopics: subscribed(raw.protocolType, m.memberMetadata),
        assignments: assigned(raw.protocolType, m.memberAssignment),
        sessionTimeoutMs: null,
      }))
      .sort(byClient),
  };
}

const host = (h: string) => h.replace(/^\//, '');

export function describedConsumerGroup(raw: DescribedConsumerGroup): DescribedGroup {
  return {
    groupId: raw.groupId,
    type: 'consumer',
    state: toGroupState(raw.state),
    protocolType: 'consumer',
    protocol: raw.assignor || null,
    epochs: { groupEpoch: raw.groupEpoch, assignmentEpoch: raw.assignmentEpoch, assignor: raw.assignor || null },
    shareOffsets: [],
    members: raw.members
      .map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: host(m.clientHost),
        groupInstanceId: m.instanceId,
        subscribedTopics: [...m.subscribedTopicNames].sort(),
        assignments: m.assignment,
        sessionTimeoutMs: null,
        epochs: {
          memberEpoch: m.memberEpoch,
          rackId: m.rackId,
          subscribedTopicRegex: m.subscribedTopicRegex,
          targetAssignment: m.targetAssignment,
          usesClassicProtocol: m.memberType === MEMBER_TYPE_CLASSIC,
        },
      }))
      .sort(byClient),
  };
}

export function describedShareGroup(raw: DescribedShareGroup, offsets: SharePartitionOffset[]): DescribedGroup {
  return {
    groupId: raw.groupId,
    type: 'share',
    state: toGroupState(raw.state),
    protocolType: 'share',
    protocol: raw.assignor || null,
    epochs: { groupEpoch: raw.groupEpoch, assignmentEpoch: raw.assignmentEpoch, assignor: raw.assignor || null },
    shareOffsets: offsets,
    members: raw.members
      .map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: host(m.clientHost),
        groupInstanceId: null,
        subscribedTopics: [...m.subscribedTopicNames].sort(),
        assignments: m.assignment,
        sessionTimeoutMs: null,
        epochs: {
          memberEpoch: m.memberEpoch,
          rackId: m.rackId,
          subscribedTopicRegex: null,
          targetAssignment: null,
          usesClassicProtocol: false,
        },
      }))
      .sort(byClient),
  };
}

/** A task set's topic partitions: each partition of each source topic of its subtopology. */
function taskPartitions(tasks: StreamsTasks[], topology: Map<string, string[]>): TopicPartitionRef[] {
  const out: TopicPartitionRef[] = [];
  for (const t of tasks)
    for (const topic of topology.get(t.subtopology) ?? [])
      for (const partition of t.partitions) out.push({ topic, partition });
  return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

export function describedStreamsGroup(raw: DescribedStreamsGroup): DescribedGroup {
  const topology = new Map((raw.topology ?? []).map((s) => [s.id, s.sourceTopics]));
  return {
    groupId: raw.groupId,
    type: 'streams',
    state: toGroupState(raw.state),
    protocolType: 'streams',
    protocol: null,
    epochs: { groupEpoch: raw.groupEpoch, assignmentEpoch: raw.assignmentEpoch, assignor: null },
    shareOffsets: [],
    members: raw.members
      .map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: host(m.clientHost),
        groupInstanceId: m.instanceId,
        subscribedTopics: [...new Set([...topology.values()].flat())].sort(),
        assignments: taskPartitions(m.assignment.active, topology),
        sessionTimeoutMs: null,
        epochs: {
          memberEpoch: m.memberEpoch,
          rackId: m.rackId,
          subscribedTopicRegex: null,
          targetAssignment: taskPartitions(m.targetAssignment.active, topology),
          usesClassicProtocol: m.isClassic,
          streams: {
            processId: m.processId,
            active: m.assignment.active,
            standby: m.assignment.standby,
            warmup: m.assignment.warmup,
            targetActive: m.targetAssignment.active,
          },
        },
      }))
      .sort(byClient),
  };
}

/** A group known only from ListGroups (streams groups, whose describe this server does not send
 *  yet): its real type and state, no members. */
export function listedOnly(g: ListedGroup): DescribedGroup {
  return {
    groupId: g.groupId,
    type: toGroupType(g.type),
    state: toGroupState(g.state),
    protocolType: g.protocolType,
    protocol: null,
    members: [],
    epochs: null,
    shareOffsets: [],
  };
}
