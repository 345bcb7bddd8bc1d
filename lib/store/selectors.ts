import type { GroupSummary, OffsetsLogState } from '@/lib/contract/groups';
import type { Broker, Topic } from '@/lib/contract/cluster';
import type { LiveStore } from './index';

// Shared selectors. Fallbacks are module constants: a fresh [] per call would look like a
// change on every render and loop.
const NO_BROKERS: Broker[] = [];
const NO_TOPICS: Topic[] = [];

export const selectBrokers = (s: LiveStore): Broker[] => s.cluster?.brokers ?? NO_BROKERS;
export const selectTopics = (s: LiveStore): Topic[] => s.cluster?.topics ?? NO_TOPICS;
export const selectControllerId = (s: LiveStore): number | null => s.cluster?.controllerId ?? null;

const NO_GROUPS: GroupSummary[] = [];
export const selectGroups = (s: LiveStore): GroupSummary[] => s.groups?.groups ?? NO_GROUPS;
export const selectOffsetsLog = (s: LiveStore): OffsetsLogState | null => s.groups?.offsetsLog ?? null;
