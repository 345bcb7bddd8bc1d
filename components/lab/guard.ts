import type { LabInstance } from '@/lib/contract/actions';
import type { GroupSummary } from '@/lib/contract/groups';
import { MAX_BULK_COUNT } from '@/lib/contract/action-schemas';
import { isLive } from '@/lib/lab-derive';
import { fillPattern } from '@/lib/partitioner';

// The lab's checks before it touches something that is not its own: a group with members the
// lab did not start, or a topic other groups read. Pure, so they are unit-tested.

export const LAB_TOPIC = 'lab-orders';
export const LAB_GROUP = 'lab-group';

const labConsumersIn = (groupId: string, instances: readonly LabInstance[]) =>
  instances.filter((i) => i.groupId === groupId && isLive(i)).reduce((n, i) => n + i.consumers.length, 0);

/** Members of `groupId` the lab did not start (0 when the group is new or all-lab). */
export function foreignMembers(
  groupId: string,
  groups: readonly GroupSummary[],
  instances: readonly LabInstance[],
): number {
  const group = groups.find((g) => g.groupId === groupId);
  if (!group) return 0;
  return Math.max(0, group.members - labConsumersIn(groupId, instances));
}

/** Groups reading `topic` that no lab instance belongs to: a produce reaches their consumers. */
export function foreignReaders(
  topic: string,
  groups: readonly GroupSummary[],
  instances: readonly LabInstance[],
): string[] {
  const labGroups = new Set(instances.map((i) => i.groupId));
  return groups
    .filter((g) => g.topics.includes(topic) && !labGroups.has(g.groupId))
    .map((g) => g.groupId)
    .sort();
}

export type CountProblem = 'notNumber' | 'belowOne' | 'tooMany';

/** The count field as typed: a whole number from 1 to MAX_BULK_COUNT, or why not. */
export function parseCount(text: string): { count: number } | { problem: CountProblem } {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return { problem: 'notNumber' };
  const n = Number(trimmed);
  if (n < 1) return { problem: 'belowOne' };
  if (n > MAX_BULK_COUNT) return { problem: 'tooMany' };
  return { count: n };
}

/** The JSON parser's complaint about a value, `{n}` read as a number as the server sends it;
 *  null when it parses. */
export function jsonError(value: string): string | null {
  try {
    JSON.parse(fillPattern(value, 0));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Ended instance cards the person cleared, by name and start (a name comes back later). */
export const cardKey = (i: Pick<LabInstance, 'name' | 'startedAt'>) => `${i.name}@${i.startedAt}`;
