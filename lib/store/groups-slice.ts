import type { StateCreator } from 'zustand';
import type { GroupDetail, GroupsPatch, GroupsSnapshot, LagPoint, TopicConsumers } from '../contract/groups';
import { LAG_HISTORY_CAP } from '../contract/groups';
import { applyGroupsPatch, GroupsPatchGapError } from '../group-derive';
import type { LiveStore } from './index';

export interface GroupsSlice {
  groups: GroupsSnapshot | null;
  /** The group this page watches (one per socket), re-sent to the server after reconnects. */
  watchedGroup: string | null;
  watchedTopic: string | null;
  /** Detail of the watched group; `detailFor` says which id it belongs to. */
  groupDetail: GroupDetail | null;
  detailFor: string | null;
  /** Same cap as the server's history: a page left open never grows past it. */
  lagHistory: LagPoint[];
  topicConsumers: TopicConsumers | null;
  setGroupsSnapshot(snapshot: GroupsSnapshot): void;
  /** Returns false on a version gap (the bridge resyncs). */
  applyGroupsPatch(patch: GroupsPatch): boolean;
  setWatchedGroup(groupId: string | null): void;
  setWatchedTopic(topic: string | null): void;
  setGroupDetail(groupId: string, detail: GroupDetail | null): void;
  setLagHistory(groupId: string, points: LagPoint[]): void;
  addLagPoint(groupId: string, point: LagPoint): void;
  setTopicConsumers(consumers: TopicConsumers): void;
}

export const createGroupsSlice: StateCreator<LiveStore, [], [], GroupsSlice> = (set, get) => ({
  groups: null,
  watchedGroup: null,
  watchedTopic: null,
  groupDetail: null,
  detailFor: null,
  lagHistory: [],
  topicConsumers: null,
  setGroupsSnapshot: (groups) => set({ groups }),
  applyGroupsPatch(patch) {
    const current = get().groups;
    if (!current) return false;
    try {
      set({ groups: applyGroupsPatch(current, patch) });
      return true;
    } catch (e) {
      if (e instanceof GroupsPatchGapError) return false;
      throw e;
    }
  },
  setWatchedGroup: (watchedGroup) => set(watchedGroup === get().watchedGroup ? {} : { watchedGroup, groupDetail: null, detailFor: null, lagHistory: [] }),
  setWatchedTopic: (watchedTopic) => set(watchedTopic === get().watchedTopic ? {} : { watchedTopic, topicConsumers: null }),
  setGroupDetail(groupId, detail) {
    if (groupId === get().watchedGroup) set({ groupDetail: detail, detailFor: groupId });
  },
  setLagHistory(groupId, points) {
    if (groupId === get().watchedGroup) set({ lagHistory: points.slice(-LAG_HISTORY_CAP) });
  },
  addLagPoint(groupId, point) {
    if (groupId !== get().watchedGroup) return;
    const points = [...get().lagHistory, point];
    set({ lagHistory: points.length > LAG_HISTORY_CAP ? points.slice(-LAG_HISTORY_CAP) : points });
  },
  setTopicConsumers(consumers) {
    if (consumers.topic === get().watchedTopic) set({ topicConsumers: consumers });
  },
});
