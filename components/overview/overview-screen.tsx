'use client';

import { Card } from '@/components/ui/card';
import { ThroughputChart } from '@/components/charts/throughput-chart';
import { ClusterStats } from './cluster-stats';
import { BrokerGrid } from './broker-grid';
import { QuorumPanel } from './quorum-panel';
import { PartitionHealth } from './partition-health';
import { GroupHealth } from './group-health';

export function OverviewScreen() {
  return (
    <div className="space-y-4">
      <ClusterStats />
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card title="Brokers">
          <BrokerGrid />
        </Card>
        <Card title="Metadata quorum (KRaft)">
          <QuorumPanel />
        </Card>
      </div>
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card title="Messages produced per second (user topics)">
          <ThroughputChart />
        </Card>
        <div className="space-y-4">
          <Card title="Consumer groups">
            <GroupHealth />
          </Card>
          <Card title="Partitions needing attention">
            <PartitionHealth />
          </Card>
        </div>
      </div>
    </div>
  );
}
