import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ClusterStore } from '@/server/cluster/store';
import type { GroupsService } from '@/server/groups/service';
import { VERDICTS } from '@/lib/contract/lag';
import type { AlertsService } from '@/server/alerts/service';
import type { TransactionsResponse } from '@/lib/contract/transactions';
import { registerTransactionMetrics } from './transaction-metrics';

// Prometheus metrics at /metrics. Gauges are filled at scrape time from the same state the UI
// shows, so a scrape costs nothing between scrapes and can never disagree with the page.

export class MetricsExporter {
  readonly registry = new Registry();

  constructor(
    store: ClusterStore,
    groups: GroupsService,
    alerts: Pick<AlertsService, 'state'>,
    transactions?: () => Promise<TransactionsResponse>,
  ) {
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
      help: 'Messages from max(committed, log start) to a log end read after the commit, per partition. Absent while not yet known (never a guessed 0).',
      labelNames: ['group', 'topic', 'partition', 'type'],
      registers,
      collect() {
        this.reset();
        for (const { groupId, type } of groups.list()) {
          for (const o of groups.detail(groupId)?.offsets ?? []) {
            if (o.lag !== null)
              this.set({ group: groupId, topic: o.topic, partition: String(o.partition), type }, o.lag);
          }
        }
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_lag_total',
      help: 'Sum of the group lag over its partitions with a commit. Absent while some partition lag is not yet known.',
      labelNames: ['group', 'type'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list())
          if (g.totalLag !== null) this.set({ group: g.groupId, type: g.type }, g.totalLag);
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_expired_unread',
      help: 'Messages retention deleted before the group read them (not part of the lag).',
      labelNames: ['group', 'type'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list()) this.set({ group: g.groupId, type: g.type }, g.expiredUnread);
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_members',
      help: 'Members in the group now.',
      labelNames: ['group', 'state', 'type'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list()) this.set({ group: g.groupId, state: g.state, type: g.type }, g.members);
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_lag_seconds',
      help: 'Age of the oldest unread message over the group partitions (seconds): from the timestamp of the record at the committed offset. 0 when nothing is unread; absent while not known.',
      labelNames: ['group', 'type'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list())
          if (g.lagAge.seconds !== null) this.set({ group: g.groupId, type: g.type }, g.lagAge.seconds);
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_partition_lag_seconds',
      help: 'Age of the oldest unread message of the partition (seconds). 0 when nothing is unread; absent while not known.',
      labelNames: ['group', 'topic', 'partition'],
      registers,
      collect() {
        this.reset();
        for (const { groupId } of groups.list()) {
          for (const o of groups.detail(groupId)?.offsets ?? [])
            if (o.lagAge.seconds !== null)
              this.set({ group: groupId, topic: o.topic, partition: String(o.partition) }, o.lagAge.seconds);
        }
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_status',
      help: 'Health verdict of the group: 1 for its current status, 0 for the others (OK, UNKNOWN, NOT_COMMITTING, WARN, NO_MEMBERS, STALL, STOP, REWIND). Absent until judged; share groups are not judged.',
      labelNames: ['group', 'type', 'status'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list()) {
          if (!g.health) continue;
          for (const status of VERDICTS)
            this.set({ group: g.groupId, type: g.type, status }, g.health.verdict === status ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'kafka_live_consumer_group_partition_status',
      help: 'Health verdict per partition: one series per partition, labelled with its current status, value 1.',
      labelNames: ['group', 'topic', 'partition', 'status'],
      registers,
      collect() {
        this.reset();
        for (const { groupId } of groups.list()) {
          for (const p of groups.verdict(groupId)?.partitions ?? [])
            this.set({ group: groupId, topic: p.topic, partition: String(p.partition), status: p.verdict }, 1);
        }
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
    new Gauge({
      name: 'kafka_live_consumer_group_epoch',
      help: 'Group epoch of a consumer, share or streams group: bumped by the coordinator at each membership or subscription change (KIP-848). Absent for classic groups.',
      labelNames: ['group', 'type'],
      registers,
      collect() {
        this.reset();
        for (const g of groups.list()) {
          const epoch = groups.groupEpoch(g.groupId);
          if (epoch !== null) this.set({ group: g.groupId, type: g.type }, epoch);
        }
      },
    });
    new Counter({
      name: 'kafka_live_offsets_log_records_skipped_total',
      help: 'Records of __consumer_offsets skipped since start, by reason: a record type or value version this dashboard does not know (a newer broker), or bytes it could not decode. Never fatal.',
      labelNames: ['reason'],
      registers,
      collect() {
        this.reset();
        // The reader keeps the count; a scrape copies it (a counter that only rises).
        for (const [reason, n] of groups.skippedRecords()) this.inc({ reason }, n);
      },
    });
    new Gauge({
      name: 'kafka_live_alert_firing',
      help: "1 for each alert rule and group firing now (the dashboard's own rules, /alerts).",
      labelNames: ['rule', 'group'],
      registers,
      collect() {
        this.reset();
        for (const a of alerts.state().firing) this.set({ rule: a.ruleId, group: a.groupId }, 1);
      },
    });
    new Gauge({
      name: 'kafka_live_alert_webhook_calls',
      help: 'Webhook calls since start, by outcome: sent, failed (gave up after retries), dropped (queue full), retries, pending.',
      labelNames: ['outcome'],
      registers,
      collect() {
        this.reset();
        for (const [outcome, n] of Object.entries(alerts.state().delivery)) this.set({ outcome }, n);
      },
    });
    if (transactions) registerTransactionMetrics(this.registry, transactions);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
