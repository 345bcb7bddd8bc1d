import type { KeyCount } from '@/lib/contract/actions';
import { KEY_SAMPLE_CAP } from '@/lib/contract/actions';
import type { ClusterStore } from '@/server/cluster/store';
import type { KafkaClients } from '@/server/kafka/client';
import { ActionError } from '@/server/actions/errors';
import { brokerOf } from '@/server/kafka/connections';
import type { BrokerConnection } from '@/server/kafka/kafkajs-private';
import { IsolationLevel, OffsetSpec } from '@/server/kafka/protocol';
import { describeTopic, type TopicLayout } from './metadata';
import { topicOffsets, topicWatermarks } from './watermarks';

// Reads a whole topic once, log start to high watermark, with plain Fetch requests on the
// tail's connections (long reads must not queue the poller's requests), and counts records
// and keys: the compaction walk-through shows the count fall to one record per key.

/** A demo topic is small; past this the count stops rather than hold the server for minutes. */
export const COUNT_RECORDS_CAP = 200_000;
const PARTITION_MAX_BYTES = 1_048_576;
/** The cleaner keeps a producer's last batch even when it removed every record in it; Kafka
 *  then answers a fetch with that empty batch again and again, so the reader steps over it one
 *  offset at a time. This bounds those steps. */
const EMPTY_STEPS_CAP = 20_000;

type Deps = { clients: KafkaClients; store: ClusterStore };

interface Newest {
  key: string;
  value: string | null;
  offset: number;
  partition: number;
  timestamp: number;
}

class KeyTally {
  records = 0;
  unkeyed = 0;
  readonly newest = new Map<string, Newest>();

  constructor(private readonly topic: string) {}

  add(partition: number, m: { offset: string; key: Buffer | null; value: Buffer | null; timestamp: string }): void {
    this.records++;
    if (this.records > COUNT_RECORDS_CAP)
      throw new ActionError(
        `${this.topic} holds more than ${COUNT_RECORDS_CAP.toLocaleString('en-US')} records; the count stops there`,
      );
    if (m.key === null) {
      this.unkeyed++;
      return;
    }
    const key = m.key.toString('utf8');
    const next: Newest = {
      key,
      value: m.value === null ? null : m.value.toString('utf8'),
      offset: Number(m.offset),
      partition,
      timestamp: Number(m.timestamp),
    };
    const seen = this.newest.get(key);
    // Within a partition the later offset wins; a key spread over partitions (sent with an
    // explicit partition) has no order between them, so the later timestamp stands in.
    const newer =
      !seen || (seen.partition === partition ? next.offset > seen.offset : next.timestamp >= seen.timestamp);
    if (newer) this.newest.set(key, next);
  }

  result(): KeyCount {
    const latest = [...this.newest.values()]
      .sort((a, b) => a.key.localeCompare(b.key))
      .slice(0, KEY_SAMPLE_CAP)
      .map(({ key, value, offset, partition }) => ({ key, value, offset, partition }));
    return { topic: this.topic, records: this.records, distinctKeys: this.newest.size, unkeyed: this.unkeyed, latest };
  }
}

async function readPartition(
  deps: Deps,
  layout: TopicLayout,
  partition: number,
  leader: number,
  low: number,
  high: number,
  tally: KeyTally,
): Promise<void> {
  const connections = deps.clients.tailConnections;
  let broker: BrokerConnection = await brokerOf(connections, leader);
  let position = low;
  let emptySteps = 0;
  while (position < high) {
    let messages;
    try {
      const response = await broker.fetch({
        isolationLevel: IsolationLevel.READ_UNCOMMITTED,
        maxWaitTime: 0,
        topics: [
          {
            topic: layout.name,
            partitions: [{ partition, fetchOffset: String(position), maxBytes: PARTITION_MAX_BYTES }],
          },
        ],
      });
      messages = response.responses[0]?.partitions[0]?.messages ?? [];
    } catch (e) {
      // Retention or the cleaner moved the log start past us mid-read: go on from there.
      if ((e as { type?: string } | null)?.type !== 'OFFSET_OUT_OF_RANGE') throw e;
      const start =
        (
          await topicOffsets(connections, { ...layout, partitions: [{ partition, leader }] }, () => OffsetSpec.EARLIEST)
        ).get(partition) ?? position;
      if (start <= position) throw e;
      position = start;
      broker = await brokerOf(connections, leader);
      continue;
    }
    let next = position;
    for (const m of messages) {
      const offset = Number(m.offset);
      // A batch can start before the offset asked for, and run past the high watermark.
      if (offset < position || offset >= high) continue;
      next = offset + 1;
      if (!m.isControlRecord) tally.add(partition, m);
    }
    if (next > position) {
      position = next;
      continue;
    }
    if (++emptySteps > EMPTY_STEPS_CAP)
      throw new ActionError(
        `${layout.name} partition ${partition}: stuck on empty batches at offset ${position}; the count stops there`,
      );
    position++;
  }
}

export async function countKeys(deps: Deps, topic: string): Promise<KeyCount> {
  const layout = await describeTopic(deps, topic);
  const connections = deps.clients.tailConnections;
  const marks = await topicWatermarks(connections, layout);
  const tally = new KeyTally(topic);
  for (const p of layout.partitions) {
    const m = marks.get(p.partition);
    if (m && m.high > m.low) await readPartition(deps, layout, p.partition, p.leader, m.low, m.high, tally);
  }
  return tally.result();
}
