import type { LabConsumer, LabInstance, LabInstanceStatus } from './contract/actions';
import type { GroupDetail, GroupMember } from './contract/groups';
import { partitionKey } from './contract/cluster';

// What the pages derive from lab instances, in one place: which instance a group member
// belongs to, which instances still run, and when a killed instance's members time out.

const LIVE: ReadonlySet<LabInstanceStatus> = new Set(['starting', 'running', 'paused', 'stopping']);

export const isLive = (i: Pick<LabInstance, 'status'>) => LIVE.has(i.status);

/** The lab instance a member of `groupId` belongs to: by member id, or by its client id
 *  (`lab-A-1` belongs to A) while the instance has not reported the member id yet. */
export function labInstanceOf(
  groupId: string,
  member: Pick<GroupMember, 'memberId' | 'clientId'>,
  instances: readonly LabInstance[],
): LabInstance | null {
  const inGroup = instances.filter((i) => i.groupId === groupId);
  const byMember = inGroup.find((i) => i.consumers.some((c) => c.memberId === member.memberId));
  if (byMember) return byMember;
  // A name is reused only after its old instance left the list, so the prefix is unambiguous.
  return inGroup.find((i) => member.clientId.startsWith(`lab-${i.name}-`)) ?? null;
}

/** Instances that run in the group now (a rebalance can be asked of them). */
export const liveInGroup = (groupId: string, instances: readonly LabInstance[]) =>
  instances.filter((i) => i.groupId === groupId && isLive(i));

/** When the coordinator drops an ended instance's consumer: a session timeout after its last
 *  heartbeat, which can be up to a heartbeat interval before the kill (never after it). Without a
 *  reported contact, the end itself. null while the instance runs. */
export function dropDeadline(
  instance: Pick<LabInstance, 'status' | 'endedAt' | 'sessionTimeoutMs'>,
  consumer: Pick<LabConsumer, 'lastHeardAt'> | null,
): number | null {
  if (isLive(instance) || instance.endedAt === null) return null;
  const last = Math.min(consumer?.lastHeardAt ?? instance.endedAt, instance.endedAt);
  return last + instance.sessionTimeoutMs;
}

/** Whole seconds left until `deadline`, rounded up so 0 means passed. */
export const secondsLeft = (deadline: number, now: number) => Math.max(0, Math.ceil((deadline - now) / 1000));

/** Seconds until a killed instance's last member passes the session timeout; 0 once past, null if not killed. */
export function sessionCountdown(
  instance: Pick<LabInstance, 'status' | 'endedAt' | 'sessionTimeoutMs' | 'consumers'>,
  now: number,
): number | null {
  if (instance.status !== 'killed') return null;
  const heard = instance.consumers.map((c) => c.lastHeardAt).filter((t): t is number => t !== null);
  const deadline = dropDeadline(instance, heard.length ? { lastHeardAt: Math.max(...heard) } : null);
  return deadline === null ? null : secondsLeft(deadline, now);
}

export interface SilentMember {
  memberId: string;
  /** The ended lab instance it belonged to. */
  instance: string;
  lastHeardAt: number | null;
  /** When the coordinator drops it (session timeout after its last heartbeat). */
  deadline: number;
  secondsLeft: number;
}

/** Members the coordinator still lists whose process is gone: they send no heartbeat, read
 *  nothing, and stay until their session timeout passes. Only the lab knows this of its own
 *  consumers; Kafka's describes carry no heartbeat times. Keyed by member id. */
export function silentMembers(
  group: Pick<GroupDetail, 'groupId' | 'members'>,
  instances: readonly LabInstance[],
  now: number,
): Map<string, SilentMember> {
  const silent = new Map<string, SilentMember>();
  for (const m of group.members) {
    const instance = labInstanceOf(group.groupId, m, instances);
    if (!instance || isLive(instance)) continue;
    const consumer =
      instance.consumers.find((c) => c.memberId === m.memberId) ??
      instance.consumers.find((c) => c.clientId === m.clientId) ??
      null;
    const deadline = dropDeadline(instance, consumer);
    if (deadline === null) continue;
    silent.set(m.memberId, {
      memberId: m.memberId,
      instance: instance.name,
      lastHeardAt: consumer?.lastHeardAt ?? null,
      deadline,
      secondsLeft: secondsLeft(deadline, now),
    });
  }
  return silent;
}

/** HH:MM:SS in the viewer's time zone. */
export const clockTime = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });

/** Partitions (topic-partition keys) that more than one live lab member of `groupId` holds at
 *  once: in a share group that is the normal case, where "one consumer per partition" stops holding. */
export function sharedPartitions(groupId: string, instances: readonly LabInstance[]): Set<string> {
  const holders = new Map<string, number>();
  for (const i of liveInGroup(groupId, instances))
    for (const c of i.consumers)
      for (const tp of c.assignments) {
        const key = partitionKey(tp.topic, tp.partition);
        holders.set(key, (holders.get(key) ?? 0) + 1);
      }
  return new Set([...holders].filter(([, n]) => n > 1).map(([key]) => key));
}
