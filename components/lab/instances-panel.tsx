'use client';

import { useLiveStore } from '@/lib/store';
import { isLive } from '@/lib/lab-derive';
import { Card } from '@/components/ui/card';
import { useCanAct } from '@/components/ui/use-action';
import { LabStartForm } from './start-form';
import { InstanceCard } from './instance-card';

/** The lab's app instances: a form to start one, and a card per instance (ended ones stay a
 *  while, so a kill can be explained while the group waits out the session timeout). */
export function InstancesPanel() {
  const instances = useLiveStore((s) => s.labInstances);
  const canAct = useCanAct();
  const running = instances.filter(isLive).length;
  return (
    <Card title={`App instances (${running} running)`} testId="lab-instances-panel">
      {canAct && (
        <div className="mb-4 border-b border-zinc-800 pb-4">
          <LabStartForm />
        </div>
      )}
      {instances.length === 0 ? (
        <p className="text-sm text-zinc-500">No instances yet. Each one is a separate OS process running consumers in the group you choose; start two in one group to watch the partitions split.</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
          {instances.map((i) => (
            <InstanceCard key={i.name} instance={i} />
          ))}
        </div>
      )}
    </Card>
  );
}
