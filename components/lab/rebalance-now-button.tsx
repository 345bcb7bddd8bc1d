'use client';

import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { liveInGroup } from '@/lib/lab-derive';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { ActionMessage } from '@/components/ui/action-message';

/** For the group page: one lab consumer leaves and rejoins. Shown only when a lab instance runs in the group. */
export function RebalanceNowButton({ groupId }: { groupId: string }) {
  const t = useTranslations('lab.rebalance');
  const canAct = useCanAct();
  const hasLab = useLiveStore((s) => liveInGroup(groupId, s.labInstances).length > 0);
  const rebalance = useAction('lab:rebalance');
  if (!canAct || !hasLab) return null;
  return (
    <span className="inline-flex flex-col">
      <Button size="sm" disabled={rebalance.pending} onClick={() => rebalance.run({ groupId })} title={t('title')}>
        {rebalance.pending ? t('pending') : t('now')}
      </Button>
      <ActionMessage error={rebalance.error} testId="rebalance-now-error" />
    </span>
  );
}
