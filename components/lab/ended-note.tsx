'use client';

import { useTranslations } from 'use-intl';
import type { LabInstance } from '@/lib/contract/actions';
import { clockTime, sessionCountdown } from '@/lib/lab-derive';
import { useNow } from '@/components/ui/use-now';

/** Says why the group does (or does not yet) rebalance after an instance ended. A killed
 *  instance sent no LeaveGroup, so the coordinator waits for its session timeout: counted down live. */
export function EndedNote({ instance }: { instance: LabInstance }) {
  const t = useTranslations('lab.ended');
  // Read afresh when the kill arrives: a clock kept from when the card mounted (the instance
  // running) made the first value too high by however long the card had been on screen.
  const now = useNow(instance.status === 'killed');
  if (instance.endedAt === null) return null;
  const at = clockTime(instance.endedAt);
  const seconds = Math.round(instance.sessionTimeoutMs / 1000);
  const testId = `lab-ended-note-${instance.name}`;

  if (instance.status === 'killed') {
    const left = sessionCountdown(instance, now) ?? 0;
    return (
      <div
        className="mt-2 rounded border border-rose-900 bg-rose-950/40 px-2 py-1.5 text-xs text-rose-200"
        data-testid={testId}
      >
        <p>{t('killed', { at, seconds })}</p>
        <p className="mt-1 font-medium" data-testid={`lab-countdown-${instance.name}`}>
          {left > 0 ? t('dueIn', { seconds: left }) : t('timedOut')}
        </p>
        {instance.lastError && <p className="mt-1 text-rose-300/80">{instance.lastError}</p>}
      </div>
    );
  }
  if (instance.status === 'stopped') {
    return (
      <p className="mt-2 text-xs text-zinc-400" data-testid={testId}>
        {t('stopped', { at })}
      </p>
    );
  }
  return (
    <p
      className="mt-2 rounded border border-rose-900 bg-rose-950/40 px-2 py-1.5 text-xs text-rose-200"
      data-testid={testId}
    >
      {t('crashed', { at, reason: instance.lastError ?? t('endedOnItsOwn'), seconds })}
    </p>
  );
}
