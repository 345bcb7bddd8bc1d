import type { LabInstance, LabInstanceStatus } from './contract/actions';
import type { GroupMember } from './contract/groups';
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

/** Seconds until a killed instance's members pass the session timeout; 0 once past, null if not killed. */
export function sessionCountdown(
  instance: Pick<LabInstance, 'status' | 'endedAt' | 'sessionTimeoutMs'>,
  now: number,
): number | null {
  if (instance.status !== 'killed' || instance.endedAt === null) return null;
  return Math.max(0, Math.ceil((instance.endedAt + instance.sessionTimeoutMs - now) / 1000));
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
