'use client';

import { useTranslations } from 'use-intl';
import type { Broker } from '@/lib/contract/cluster';
import { Badge, type Tone } from '@/components/ui/badge';
import { StatusDot } from '@/components/ui/status-dot';
import { brokerLabel } from '@/lib/derive';
import { BrokerFaults } from './broker-faults';

const TONE: Record<Broker['status'], Tone> = { online: 'good', unreachable: 'warn', offline: 'bad' };

export function BrokerCard({
  broker,
  isController,
  leaders,
  maxLeaders,
  replicas,
  clusterReachable,
}: {
  broker: Broker;
  isController: boolean;
  leaders: number;
  maxLeaders: number;
  replicas: number;
  clusterReachable: boolean;
}) {
  const t = useTranslations('overview.broker');
  const tone = TONE[broker.status];
  const why = clusterReachable ? t(`why.${broker.status}`) : t('clusterAway');
  return (
    <article
      data-testid={`broker-card-${broker.id}`}
      data-status={broker.status}
      className={`rounded-lg border bg-zinc-900/60 p-4 ${broker.online ? 'border-zinc-800' : 'border-rose-900/80 bg-rose-950/20'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusDot tone={tone} />
        <h3 className="whitespace-nowrap text-base font-semibold text-zinc-100">{t('title', { id: broker.id })}</h3>
        {isController && (
          <Badge tone="accent" testId="controller-badge" title={t('controllerTitle')}>
            ★ {t('controller')}
          </Badge>
        )}
        <span className="ml-auto">
          <Badge tone={tone} testId={`broker-status-${broker.id}`} title={why}>
            {t(`status.${broker.status}`)}
          </Badge>
        </span>
      </div>
      <div className="mt-1 font-mono text-xs text-zinc-400">
        {brokerLabel(broker)}
        {broker.rack && <span className="ml-2 text-zinc-300">{t('rack', { rack: broker.rack })}</span>}
      </div>
      <div className="mt-3 flex items-baseline justify-between text-xs text-zinc-400">
        <span>
          {t.rich('leads', {
            count: leaders,
            n: (chunks) => (
              <span
                data-testid={`broker-leaders-${broker.id}`}
                className="text-base font-semibold tabular-nums text-zinc-100"
              >
                {chunks}
              </span>
            ),
          })}
        </span>
        <span className="tabular-nums">{t('replicas', { count: replicas })}</span>
      </div>
      <div className="mt-1.5 h-1.5 overflow-hidden rounded bg-zinc-800" aria-hidden>
        <div
          className="h-full rounded bg-emerald-500 transition-all duration-500"
          style={{ width: `${maxLeaders ? (leaders / maxLeaders) * 100 : 0}%` }}
        />
      </div>
      {!broker.online && <p className="mt-2 text-xs text-rose-300">{why}</p>}
      <BrokerFaults broker={broker} />
    </article>
  );
}
