import type { WireCluster } from '../kafka/client';
import type { TailMessage } from '../../lib/contract/actions';
import { toTailMessage } from './decode';

// One Fetch per leader broker for a set of partitions of one topic, from given offsets. Plain
// Fetch requests: no group is joined and nothing is committed, so tailing a topic never shows
// up among (or disturbs) anyone's consumer groups.

const PARTITION_MAX_BYTES = 256 * 1024;

export interface FetchedPartition {
  partition: number;
  messages: TailMessage[];
  /** Offset to ask for next. */
  next: number;
  highWatermark: number;
}

export async function fetchFrom(
  wire: WireCluster,
  topic: string,
  leader: number,
  from: Map<number, number>,
  maxWaitTime: number,
): Promise<FetchedPartition[]> {
  if (!wire.isConnected()) await wire.connect();
  const broker = await wire.findBroker({ nodeId: leader }).catch(async (e: unknown) => {
    // A fresh connection knows only its seed broker until it reads the metadata.
    if ((e as { name?: string }).name !== 'KafkaJSBrokerNotFound') throw e;
    await wire.refreshMetadata();
    return wire.findBroker({ nodeId: leader });
  });
  const response = await broker.fetch({
    isolationLevel: 0,
    maxWaitTime,
    minBytes: 1,
    maxBytes: PARTITION_MAX_BYTES * Math.max(1, from.size),
    topics: [{ topic, partitions: [...from].map(([partition, offset]) => ({ partition, fetchOffset: String(offset), maxBytes: PARTITION_MAX_BYTES })) }],
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
