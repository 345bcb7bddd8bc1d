'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';

import { useLiveStore } from '@/lib/store';
import { selectBrokers, selectControllerId, selectTopics } from '@/lib/store/selectors';
import { clusterCounts } from '@/lib/derive';
import { Stat } from '@/components/ui/stat';
import { useFormat } from '@/components/ui/format';

export function ClusterStats() {
  const t = useTranslations('overview.stats');
  const fmt = useFormat();
  const brokers = useLiveStore(selectBrokers);
  const topics = useLiveStore(selectTopics);
  const controllerId = useLiveStore(selectControllerId);
  const c = useMemo(() => clusterCounts({ brokers, topics }), [brokers, topics]);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Stat
        testId="stat-brokers"
        label={t('brokersOnline')}
        value={`${c.brokersOnline} / ${c.brokers}`}
        tone={c.brokersOnline < c.brokers ? 'bad' : 'good'}
      />
      <Stat
        testId="stat-controller"
        label={t('activeController')}
        value={controllerId === null ? '—' : `#${controllerId}`}
        tone="accent"
        hint={t('activeControllerHint')}
      />
      <Stat
        testId="stat-topics"
        label={t('topics')}
        value={fmt.count(c.topics)}
        hint={t('internal', { count: c.internalTopics })}
      />
      <Stat
        testId="stat-partitions"
        label={t('partitions')}
        value={fmt.count(c.partitions)}
        hint={t('internal', { count: c.internalPartitions })}
      />
      <Stat
        testId="stat-under-replicated"
        label={t('underReplicated')}
        value={fmt.count(c.underReplicated)}
        tone={c.underReplicated ? 'warn' : 'neutral'}
        hint={t('underReplicatedHint')}
      />
      <Stat
        testId="stat-offline"
        label={t('offline')}
        value={fmt.count(c.offline)}
        tone={c.offline ? 'bad' : 'neutral'}
        hint={t('offlineHint')}
      />
    </div>
  );
}
