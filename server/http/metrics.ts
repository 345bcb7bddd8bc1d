import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ClusterStore } from '../cluster/store';
import type { GroupsService } from '../groups/service';

// Prometheus metrics at /metrics. Gauges are filled at scrape time from the same state the UI
// shows, so a scrape costs nothing between scrapes and can never disagree with the page.

export class MetricsExporter {
  readonly registry = new Registry();

  constructor(store: ClusterStore, groups: GroupsService) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'kafka_live_process_' });

    new Gauge({
      name: 'kafka_live_broker_up',
      help: '1 when the broker is in the metadata and its port answers, else 0.',
      labelNames: ['broker'],
      registers,
      collect() {
        this.reset();
        for (const b of store.snapshot().brokers) this.set({ broker: String(b.id) }, b.status === 'online' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'kafka_live_kafka_reachable',
      help: '1 when the last poll of the cluster answered.',
      registers,
      collect() {
        this.set(store.snapshot().connection.status === 'connected' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_lag',
      help: 'Messages between the group committed offset and the log end, per partition. Absent when nothing is committed.',
      labelNames: ['group', 'topic', 'partition'],
      registers,
      collect() {
        this.reset();
        for (const { groupId } of groups.list()) {
          for (const o of groups.detail(groupId)?.offsets ?? []) {
            if (o.lag !== null) this.set({ group: groupId, topic: o.topic, partition: String(o.partition) }, o.lag);
          }
        }
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_lag_total',
      help: 'Sum of the group lag over its partitions with a commit.',
      labelNames: ['group'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list()) if (g.totalLag !== null) this.set({ group: g.groupId }, g.totalLag);
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_members',
      help: 'Members in the group now.',
      labelNames: ['group', 'state'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list()) this.set({ group: g.groupId, state: g.state }, g.members);
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_generation',
      help: 'Generation id of the group; rises by one per completed rebalance.',
      labelNames: ['group'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list()) if (g.generation !== null) this.set({ group: g.groupId }, g.generation);
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
