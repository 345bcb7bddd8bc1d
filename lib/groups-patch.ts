import type { GroupsPatch, GroupsSnapshot, GroupSummary } from './contract/groups';
import { compareNames } from './cluster-patch';
import { applyKeyed, checkFollows } from './keyed-patch';

// The group summaries' patch, with the one keyed mechanism (./keyed-patch.ts).

export const groupKey = (g: GroupSummary): string => g.groupId;
export const groupOrder = (a: GroupSummary, b: GroupSummary): number => compareNames(a.groupId, b.groupId);

/** Applies a summaries patch; throws PatchGapError on a version gap (the client resyncs). */
export function applyGroupsPatch(snapshot: GroupsSnapshot, patch: GroupsPatch): GroupsSnapshot {
  checkFollows('groups', snapshot.version, patch);
  return {
    version: patch.to,
    groups: applyKeyed(snapshot.groups, patch, groupKey, groupOrder),
    offsetsLog: patch.offsetsLog ?? snapshot.offsetsLog,
  };
}
