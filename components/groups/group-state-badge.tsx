import type { GroupState } from '@/lib/contract/groups';
import { Badge, type Tone } from '@/components/ui/badge';

const TONE: Record<GroupState, Tone> = {
  Stable: 'good',
  PreparingRebalance: 'warn',
  CompletingRebalance: 'warn',
  Empty: 'neutral',
  Dead: 'bad',
  Unknown: 'neutral',
};

const LABEL: Record<GroupState, string> = {
  Stable: 'Stable',
  PreparingRebalance: 'Rebalancing (joining)',
  CompletingRebalance: 'Rebalancing (syncing)',
  Empty: 'Empty',
  Dead: 'Dead',
  Unknown: 'Unknown',
};

const TITLE: Record<GroupState, string> = {
  Stable: 'Every partition has an owner; members are reading.',
  PreparingRebalance: 'Members are (re)joining: nobody reads until the rebalance completes.',
  CompletingRebalance: 'The leader has assigned partitions; members are receiving them.',
  Empty: 'No members; committed offsets are kept.',
  Dead: 'The group was deleted or expired.',
  Unknown: 'Seen in the offsets log; its coordinator has not answered yet.',
};

export function GroupStateBadge({ state, testId }: { state: GroupState; testId?: string }) {
  return (
    <Badge tone={TONE[state]} testId={testId} title={TITLE[state]}>
      {LABEL[state]}
    </Badge>
  );
}
