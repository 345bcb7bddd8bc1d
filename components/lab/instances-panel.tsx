'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { isLive } from '@/lib/lab-derive';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { useCanAct } from '@/components/ui/use-action';
import { LabStartForm } from './start-form';
import { InstanceCard } from './instance-card';
import { cardKey } from './guard';

/** The lab's app instances: a form to start one, and a card per instance (ended ones stay a
 *  while, so a kill can be explained while the group waits out the session timeout, until the
 *  person clears them with the header's button; an ended card itself offers no button). */
export function InstancesPanel() {
  const t = useTranslations('lab.instances');
  const all = useLiveStore((s) => s.labInstances);
  const canAct = useCanAct();
  const [cleared, setCleared] = useState<ReadonlySet<string>>(new Set());
  const instances = all.filter((i) => !cleared.has(cardKey(i)));
  const ended = instances.filter((i) => !isLive(i));
  const running = instances.length - ended.length;
  const clear = (keys: string[]) => setCleared((c) => new Set([...c, ...keys]));
  return (
    <Card
      title={t('title', { count: running })}
      testId="lab-instances-panel"
      actions={
        ended.length > 0 ? (
          <Button size="sm" onClick={() => clear(ended.map(cardKey))} data-testid="lab-clear-ended">
            {t('clearEnded', { count: ended.length })}
          </Button>
        ) : undefined
      }
    >
      {canAct && (
        <div className="mb-4 border-b border-zinc-800 pb-4">
          <LabStartForm />
        </div>
      )}
      {instances.length === 0 ? (
        <p className="text-sm text-zinc-400">{t('none')}</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
          {instances.map((i) => (
            <InstanceCard key={cardKey(i)} instance={i} />
          ))}
        </div>
      )}
    </Card>
  );
}
