import type { OpenTransaction, TransactionRow, TransactionsResponse } from '@/lib/contract/transactions';
import { blockedGroups, classifyOpen, HANGING_AFTER_MS } from '@/lib/transactions/classify';
import type { ClusterStore } from '@/server/cluster/store';
import type { GroupRegistry } from '@/server/groups/registry';
import { brokerOf } from '@/server/kafka/connections';
import { kafkaErrorText, type KafkaConnections } from '@/server/kafka/kafkajs-private';
import {
  describeProducers,
  describeTransactions,
  listTransactions,
  type DescribedTransaction,
  send,
  type PartitionProducers,
} from '@/server/kafka/protocol';

// Transactions read on demand (the page asks every few seconds; nothing runs while nobody
// looks): every broker's ListTransactions, DescribeTransactions at each id's coordinator, and
// DescribeProducers at every partition leader, which is where a hanging transaction shows (its
// coordinator may have forgotten it). As in Kafka's TransactionsCommand, at most 500 partitions
// per DescribeProducers.

const PRODUCERS_BATCH = 500;
/** States with no transaction open: listed, not described. */
const SETTLED = new Set(['Empty', 'CompleteCommit', 'CompleteAbort', 'Dead']);

export interface TransactionsDeps {
  connections: KafkaConnections;
  store: ClusterStore;
  registry: GroupRegistry;
}

const words = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function readCoordinators(
  deps: TransactionsDeps,
  brokers: number[],
  errors: string[],
): Promise<TransactionRow[]> {
  const rows: TransactionRow[] = [];
  await Promise.all(
    brokers.map(async (coordinator) => {
      try {
        const broker = await brokerOf(deps.connections, coordinator);
        const listed = await send(broker, listTransactions, {});
        const open = listed.filter((t) => !SETTLED.has(t.state)).map((t) => t.transactionalId);
        const described = open.length
          ? new Map(
              (await send(broker, describeTransactions, { transactionalIds: open })).map((d) => [d.transactionalId, d]),
            )
          : new Map<string, DescribedTransaction>();
        for (const t of listed) {
          const d = described.get(t.transactionalId);
          const known = d && d.errorCode === 0;
          rows.push({
            transactionalId: t.transactionalId,
            state: known ? d.state : t.state,
            producerId: known ? d.producerId : t.producerId,
            producerEpoch: known ? d.producerEpoch : null,
            timeoutMs: known ? d.timeoutMs : null,
            startedAt: known && d.startTimeMs >= 0 ? d.startTimeMs : null,
            partitions: known
              ? d.partitions.flatMap((p) => p.partitions.map((n) => ({ topic: p.topic, partition: n })))
              : [],
            coordinator,
          });
        }
      } catch (e) {
        errors.push(`transactions of broker ${coordinator}: ${words(e)}`);
      }
    }),
  );
  return rows.sort((a, b) => a.transactionalId.localeCompare(b.transactionalId));
}

/** Every partition's producers, asked of its leader in batches. */
async function readProducers(deps: TransactionsDeps, errors: string[]): Promise<PartitionProducers[]> {
  const byLeader = new Map<number, [string, number][]>();
  for (const t of deps.store.snapshot().topics)
    for (const p of t.partitions) {
      if (p.leader < 0) continue;
      const list = byLeader.get(p.leader) ?? [];
      list.push([t.name, p.partition]);
      byLeader.set(p.leader, list);
    }
  const out: PartitionProducers[] = [];
  await Promise.all(
    [...byLeader].map(async ([leader, partitions]) => {
      try {
        const broker = await brokerOf(deps.connections, leader);
        for (let i = 0; i < partitions.length; i += PRODUCERS_BATCH) {
          const topics = new Map<string, number[]>();
          for (const [topic, n] of partitions.slice(i, i + PRODUCERS_BATCH))
            topics.set(topic, [...(topics.get(topic) ?? []), n]);
          for (const p of await send(broker, describeProducers, { topics })) {
            if (p.errorCode === 0) out.push(p);
            else
              errors.push(`producers of ${p.topic}/${p.partition}: ${p.errorMessage ?? kafkaErrorText(p.errorCode)}`);
          }
        }
      } catch (e) {
        errors.push(`producers on broker ${leader}: ${words(e)}`);
      }
    }),
  );
  return out;
}

/** Each group's commit on the partitions asked (topic/partition keys), in one pass. */
function commitsOn(registry: GroupRegistry, keys: Set<string>): Map<string, { groupId: string; committed: number }[]> {
  const out = new Map<string, { groupId: string; committed: number }[]>();
  if (keys.size === 0) return out;
  for (const g of registry.groups.values())
    for (const c of g.offsets.values()) {
      const key = `${c.topic}/${c.partition}`;
      if (!keys.has(key)) continue;
      out.set(key, [...(out.get(key) ?? []), { groupId: g.groupId, committed: c.offset }]);
    }
  return out;
}

export async function readTransactions(
  deps: TransactionsDeps,
  longOpenMs: number,
  now = Date.now(),
): Promise<TransactionsResponse> {
  const errors: string[] = [];
  const snapshot = deps.store.snapshot();
  const online = snapshot.brokers.filter((b) => b.online).map((b) => b.id);
  const [transactions, producers] = await Promise.all([
    readCoordinators(deps, online, errors),
    readProducers(deps, errors),
  ]);
  const byProducer = new Map(transactions.map((t) => [t.producerId, t]));
  const partitionOf = new Map(snapshot.topics.flatMap((t) => t.partitions.map((p) => [`${t.name}/${p.partition}`, p])));
  const commits = commitsOn(
    deps.registry,
    new Set(
      producers
        .filter((p) => p.producers.some((s) => s.currentTxnStartOffset >= 0))
        .map((p) => `${p.topic}/${p.partition}`),
    ),
  );
  const open: OpenTransaction[] = [];
  for (const p of producers)
    for (const s of p.producers) {
      if (s.currentTxnStartOffset < 0) continue;
      const openMs = Math.max(0, now - s.lastTimestamp);
      const part = partitionOf.get(`${p.topic}/${p.partition}`);
      const lastStable = part?.lastStable ?? null;
      const high = part?.high ?? null;
      open.push({
        topic: p.topic,
        partition: p.partition,
        producerId: s.producerId,
        producerEpoch: s.producerEpoch,
        coordinatorEpoch: s.coordinatorEpoch,
        startOffset: s.currentTxnStartOffset,
        lastTimestamp: s.lastTimestamp,
        openMs,
        transactionalId: byProducer.get(s.producerId)?.transactionalId ?? null,
        kind: classifyOpen(
          { topic: p.topic, partition: p.partition, producerId: s.producerId, openMs },
          byProducer,
          longOpenMs,
        ),
        lastStable,
        high,
        blockedGroups: blockedGroups(commits.get(`${p.topic}/${p.partition}`) ?? [], lastStable, high),
      });
    }
  open.sort((a, b) => b.openMs - a.openMs);
  return { transactions, open, longOpenMs, hangingMs: HANGING_AFTER_MS, readAt: now, errors };
}
