'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';

import type { Broker } from '@/lib/contract/cluster';
import { useLiveStore } from '@/lib/store';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { ActionMessage } from '@/components/ui/action-message';

// Stop, kill and start for one broker of the embedded cluster. Stop is a controlled shutdown
// (leaderships move at once); kill is SIGKILL: the controller notices only after the session
// timeout, and a killed controller means an election. Both take a broker away, so both ask first.

export function BrokerFaults({ broker }: { broker: Broker }) {
  const t = useTranslations('overview.faults');
  const canAct = useCanAct();
  const offered = useLiveStore((s) => s.serverInfo?.brokerFaults ?? false);
  const stop = useAction('broker:stop');
  const kill = useAction('broker:kill');
  const start = useAction('broker:start');
  const [asking, setAsking] = useState<'stop' | 'kill' | null>(null);
  if (!canAct || !offered) return null;

  const pending = stop.pending ? t('stopping') : kill.pending ? t('killing') : start.pending ? t('starting') : null;
  const error = stop.error ?? kill.error ?? start.error;
  const brokerId = broker.id;
  const clear = () => [stop, kill, start].forEach((a) => a.reset());
  // An unreachable broker is usually a killed one the controller has not fenced yet.
  const up = broker.status === 'online';

  return (
    <div className="mt-3 border-t border-zinc-800 pt-2" data-testid={`broker-faults-${brokerId}`}>
      <div className="flex flex-wrap items-center gap-2">
        {pending ? (
          <span className="text-xs text-amber-300" data-testid={`broker-pending-${brokerId}`} role="status">
            {pending}
          </span>
        ) : asking === 'stop' ? (
          <>
            <span className="text-xs text-amber-200">{t('confirmStop', { id: brokerId })}</span>
            <Button
              size="sm"
              tone="warn"
              data-testid={`broker-stop-confirm-${brokerId}`}
              onClick={() => {
                setAsking(null);
                clear();
                void stop.run({ brokerId });
              }}
            >
              {t('stop')}
            </Button>
            <Button size="sm" onClick={() => setAsking(null)}>
              {t('cancel')}
            </Button>
          </>
        ) : asking === 'kill' ? (
          <>
            <span className="text-xs text-rose-200">{t('confirmKill', { id: brokerId })}</span>
            <Button
              size="sm"
              tone="danger"
              data-testid={`broker-kill-confirm-${brokerId}`}
              onClick={() => {
                setAsking(null);
                clear();
                void kill.run({ brokerId });
              }}
            >
              {t('kill')}
            </Button>
            <Button size="sm" onClick={() => setAsking(null)}>
              {t('cancel')}
            </Button>
          </>
        ) : up ? (
          <>
            <Button
              size="sm"
              tone="warn"
              data-testid={`broker-stop-${brokerId}`}
              title={t('stopTitle')}
              onClick={() => setAsking('stop')}
            >
              {t('stopEllipsis')}
            </Button>
            <Button
              size="sm"
              tone="danger"
              data-testid={`broker-kill-${brokerId}`}
              title={t('killTitle')}
              onClick={() => setAsking('kill')}
            >
              {t('killEllipsis')}
            </Button>
          </>
        ) : (
          <Button
            size="sm"
            tone="primary"
            data-testid={`broker-start-${brokerId}`}
            onClick={() => {
              clear();
              void start.run({ brokerId });
            }}
          >
            {t('start')}
          </Button>
        )}
      </div>
      <ActionMessage error={error} testId={`broker-fault-error-${brokerId}`} />
    </div>
  );
}
