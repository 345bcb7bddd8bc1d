import type { StateCreator } from 'zustand';
import type { GroupsSnapshot } from '@/lib/contract/groups';

/** Every group's summary and the offsets log's state: a snapshot, then patches
 *  (lib/groups-patch.ts). One group's detail comes with its watch (./watch-slice.ts). */
export interface GroupsSlice {
  groups: GroupsSnapshot | null;
}

export const initialGroups: GroupsSlice = { groups: null };

export const createGroupsSlice: StateCreator<GroupsSlice> = () => initialGroups;
