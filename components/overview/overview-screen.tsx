'use client';

import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { ThroughputChart } from '@/components/charts/throughput-chart';
import { ClusterStats } from './cluster-stats';
import { BrokerGrid } from './broker-grid';
import { QuorumPanel } from './quorum-panel';
import { PartitionHealth } from './partition-health';
import { GroupHealth } from './group-health';

export function OverviewScreen() {
  const t = useTranslations('overview');
  return (
    <div className="space-y-4">
      <h1 className="sr-only">{t('title')}</h1>
      <ClusterStats />
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card title={t('cards.brokers')}>
          <BrokerGrid />
        </Card>
        <Card title={t('cards.quorum')}>
          <QuorumPanel />
        </Card>
      </div>
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card title={t('cards.throughput')}>
          <ThroughputChart />
        </Card>
        <div className="min-w-0 space-y-4">
          <Card title={t('cards.groups')}>
            <GroupHealth />
          </Card>
          <Card title={t('cards.partitions')}>
            <PartitionHealth />
          </Card>
        </div>
      </div>
    </div>
  );
}
