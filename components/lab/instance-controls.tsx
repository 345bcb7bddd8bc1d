'use client';

import { useTranslations } from 'use-intl';
import type { LabInstance } from '@/lib/contract/actions';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { ActionMessage } from '@/components/ui/action-message';

/** Stop, kill, pause/resume and scale one running instance; hidden in read-only mode. */
export function InstanceControls({ instance, maxConsumers }: { instance: LabInstance; maxConsumers: number }) {
  const t = useTranslations('lab.controls');
  const canAct = useCanAct();
  const stop = useAction('lab:stop');
  const kill = useAction('lab:kill');
  const pause = useAction('lab:pause');
  const resume = useAction('lab:resume');
  const scale = useAction('lab:scale');
  if (!canAct) return null;
  const { name } = instance;
  const busy = stop.pending || kill.pending || pause.pending || resume.pending || scale.pending;
  const count = instance.consumers.length;
  const error = stop.error ?? kill.error ?? pause.error ?? resume.error ?? scale.error;
  const stopping = instance.status === 'stopping';
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-1.5">
        <Button
          size="sm"
          tone="warn"
          disabled={busy || stopping}
          onClick={() => stop.run({ instance: name })}
          title={t('stopTitle')}
        >
          {t('stop')}
        </Button>
        <Button
          size="sm"
          tone="danger"
          disabled={kill.pending}
          onClick={() => kill.run({ instance: name })}
          title={t('killTitle')}
        >
          {t('kill')}
        </Button>
        {instance.status === 'paused' ? (
          <Button size="sm" disabled={busy || stopping} onClick={() => resume.run({ instance: name })}>
            {t('resume')}
          </Button>
        ) : (
          <Button
            size="sm"
            disabled={busy || stopping}
            onClick={() => pause.run({ instance: name })}
            title={t('pauseTitle')}
          >
            {t('pause')}
          </Button>
        )}
        <Button
          size="sm"
          disabled={busy || stopping || count >= maxConsumers}
          onClick={() => scale.run({ instance: name, consumers: count + 1 })}
          aria-label={t('addLabel', { name })}
        >
          {t('add')}
        </Button>
        <Button
          size="sm"
          disabled={busy || stopping || count <= 1}
          onClick={() => scale.run({ instance: name, consumers: count - 1 })}
          aria-label={t('removeLabel', { name })}
        >
          {t('remove')}
        </Button>
      </div>
      <ActionMessage error={error} testId={`lab-instance-action-error-${name}`} />
    </div>
  );
}
