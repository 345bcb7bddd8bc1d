import { brokerOf } from '@/server/kafka/connections';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { IsolationLevel } from '@/server/kafka/protocol';
import type { TailMessage } from '@/lib/contract/actions';
import { toTailMessage } from './decode';

// One Fetch per leader broker for a set of partitions of one topic, from given offsets. Plain
// Fetch requests: no group is joined and nothing is committed, so tailing a topic never shows
// up among (or disturbs) anyone's consumer groups.

const PARTITION_MAX_BYTES = 256 * 1024;

const lanes = new WeakMap<KafkaConnections, Map<number, Promise<unknown>>>();

/** One fetch at a time per broker on a connection set. kafkajs opens a broker's fetch connection on its
 *  first fetch, and two first fetches at once (a page's backfill beside the live reader) each
 *  open one: the socket that loses is never closed and keeps the process alive. A broker
 *  answers one request per connection at a time anyway, so this costs nothing. */
function inLane<T>(connections: KafkaConnections, broker: number, work: () => Promise<T>): Promise<T> {
  let byBroker = lanes.get(connections);
  if (!byBroker) lanes.set(connections, (byBroker = new Map()));
  const next = (byBroker.get(broker) ?? Promise.resolve()).catch(() => undefined).then(work);
  byBroker.set(broker, next);
  return next;
}

export interface FetchedPartition {
  partition: number;
  messages: TailMessage[];
  /** Offset to ask for next. */
  next: number;
  highWatermark: number;
}

export function fetchFrom(
  connections: KafkaConnections,
  topic: string,
  leader: number,
  from: Map<number, number>,
  maxWaitTime: number,
): Promise<FetchedPartition[]> {
  return inLane(connections, leader, () => fetchNow(connections, topic, leader, from, maxWaitTime));
}

async function fetchNow(
  connections: KafkaConnections,
  topic: string,
  leader: number,
  from: Map<number, number>,
  maxWaitTime: number,
): Promise<FetchedPartition[]> {
  const broker = await brokerOf(connections, leader);
  const response = await broker.fetch({
    isolationLevel: IsolationLevel.READ_UNCOMMITTED,
    maxWaitTime,
    minBytes: 1,
    maxBytes: PARTITION_MAX_BYTES * Math.max(1, from.size),
    topics: [
      {
        topic,
        partitions: [...from].map(([partition, offset]) => ({
          partition,
          fetchOffset: String(offset),
          maxBytes: PARTITION_MAX_BYTES,
        })),
      },
    ],
  });
  const out: FetchedPartition[] = [];
  for (const t of response.responses) {
    for (const p of t.partitions) {
      let next = from.get(p.partition) ?? 0;
      const messages: TailMessage[] = [];
      for (const m of p.messages) {
        const offset = Number(m.offset);
        // A batch can start before the offset asked for; control records are not messages.
        if (offset < next) continue;
        next = offset + 1;
        if (!m.isControlRecord) messages.push(toTailMessage(p.partition, m));
      }
      out.push({ partition: p.partition, messages, next, highWatermark: Number(p.highWatermark) });
    }
  }
  return out;
}
