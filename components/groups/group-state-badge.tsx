'use client';

import { useTranslations } from 'use-intl';
import type { GroupState } from '@/lib/contract/groups';
import { Badge, type Tone } from '@/components/ui/badge';

const TONE: Record<GroupState, Tone> = {
  Stable: 'good',
  PreparingRebalance: 'warn',
  CompletingRebalance: 'warn',
  Assigning: 'warn',
  Reconciling: 'warn',
  NotReady: 'bad',
  Empty: 'neutral',
  Dead: 'bad',
  Unknown: 'neutral',
};

/** A group's state in words, with what it means on hover. */
export function GroupStateBadge({ state, testId }: { state: GroupState; testId?: string }) {
  const t = useTranslations('groups');
  return (
    <Badge tone={TONE[state]} testId={testId} title={t(`stateWhy.${state}`)}>
      {t(`state.${state}`)}
    </Badge>
  );
}
