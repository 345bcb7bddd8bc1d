import type { GroupMember, GroupState, TopicPartitionRef } from '../../lib/contract/groups';
import type { RawDescribedGroup } from '../kafka/client';
import { decodeAssignment, decodeSubscription } from './consumer-protocol';
import type { GroupMetadata } from './offsets-codec';

// The one place raw group shapes (kafkajs DescribeGroups answers, decoded log records) become
// contract types. Member bytes are decoded only for the `consumer` protocol: other protocols
// (Kafka Connect, schema registries) use their own formats.

export interface DescribedGroup {
  groupId: string;
  state: GroupState;
  protocolType: string;
  protocol: string | null;
  members: GroupMember[];
}

const STATES: GroupState[] = ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'];

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

const byClient = (a: GroupMember, b: GroupMember) => a.clientId.localeCompare(b.clientId) || a.memberId.localeCompare(b.memberId);

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
