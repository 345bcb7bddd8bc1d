'use client';

import { useMemo } from 'react';
import { useLiveStore } from '@/lib/store';
import { selectBrokers, selectControllerId, selectTopics } from '@/lib/store/selectors';
import { clusterCounts } from '@/lib/derive';
import { Stat } from '@/components/ui/stat';
import { formatCount } from '@/components/ui/format';

export function ClusterStats() {
  const brokers = useLiveStore(selectBrokers);
  const topics = useLiveStore(selectTopics);
  const controllerId = useLiveStore(selectControllerId);
  const c = useMemo(() => clusterCounts({ brokers, topics }), [brokers, topics]);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Stat testId="stat-brokers" label="Brokers online" value={`${c.brokersOnline} / ${c.brokers}`} tone={c.brokersOnline < c.brokers ? 'bad' : 'good'} />
      <Stat testId="stat-controller" label="Active controller" value={controllerId === null ? '—' : `#${controllerId}`} tone="accent" hint="metadata quorum leader" />
      <Stat testId="stat-topics" label="Topics" value={formatCount(c.topics)} hint={`+ ${c.internalTopics} internal`} />
      <Stat testId="stat-partitions" label="Partitions" value={formatCount(c.partitions)} />
      <Stat testId="stat-under-replicated" label="Under-replicated" value={formatCount(c.underReplicated)} tone={c.underReplicated ? 'warn' : 'neutral'} hint="ISR smaller than replicas" />
      <Stat testId="stat-offline" label="Offline partitions" value={formatCount(c.offline)} tone={c.offline ? 'bad' : 'neutral'} hint="no leader" />
    </div>
  );
}
