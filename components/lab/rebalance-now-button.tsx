'use client';

import { useLiveStore } from '@/lib/store';
import { liveInGroup } from '@/lib/lab-derive';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { ActionMessage } from '@/components/ui/action-message';

/** For the group page: one lab consumer leaves and rejoins. Shown only when a lab instance runs in the group. */
export function RebalanceNowButton({ groupId }: { groupId: string }) {
  const canAct = useCanAct();
  const hasLab = useLiveStore((s) => liveInGroup(groupId, s.labInstances).length > 0);
  const rebalance = useAction('lab:rebalance');
  if (!canAct || !hasLab) return null;
  return (
    <span className="inline-flex flex-col">
      <Button size="sm" disabled={rebalance.pending} onClick={() => rebalance.run({ groupId })} title="a consumer of a lab instance leaves the group and a fresh one joins">
        {rebalance.pending ? 'Rebalancing…' : 'Rebalance now'}
      </Button>
      <ActionMessage error={rebalance.error} testId="rebalance-now-error" />
    </span>
  );
}
