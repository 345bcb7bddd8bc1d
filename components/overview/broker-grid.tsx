'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';

import { useLiveStore } from '@/lib/store';
import { selectBrokers, selectControllerId, selectTopics } from '@/lib/store/selectors';
import { leaderCounts } from '@/lib/derive';
import { BrokerCard } from './broker-card';

function replicaCounts(topics: { partitions: { replicas: number[] }[] }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of topics)
    for (const p of t.partitions) for (const r of p.replicas) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

export function BrokerGrid() {
  const t = useTranslations('overview');
  const brokers = useLiveStore(selectBrokers);
  const topics = useLiveStore(selectTopics);
  const controllerId = useLiveStore(selectControllerId);
  const clusterReachable = useLiveStore((s) => s.cluster?.connection.status !== 'unreachable');
  const leaders = useMemo(() => leaderCounts(topics), [topics]);
  const replicas = useMemo(() => replicaCounts(topics), [topics]);
  const maxLeaders = Math.max(1, ...leaders.values());
  if (brokers.length === 0) return <p className="text-zinc-400">{t('noBrokers')}</p>;
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="broker-grid">
      {brokers.map((b) => (
        <BrokerCard
          key={b.id}
          broker={b}
          isController={b.id === controllerId}
          leaders={leaders.get(b.id) ?? 0}
          maxLeaders={maxLeaders}
          replicas={replicas.get(b.id) ?? 0}
          clusterReachable={clusterReachable}
        />
      ))}
    </div>
  );
}
