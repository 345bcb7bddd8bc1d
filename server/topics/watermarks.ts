import type { WireCluster } from '../kafka/client';
import { ActionError } from '../actions/errors';
import { brokerOf } from '../kafka/client';
import type { TopicLayout } from './metadata';

// ListOffsets for one topic, sent to each partition's leader. Kafka's special timestamps:
// -2 = log start, -1 = log end (high watermark); any other value = the first offset whose
// timestamp is at or after it, or -1 when there is none.

export const EARLIEST = -2;
export const LATEST = -1;
const READ_UNCOMMITTED = 0;

export async function listOffsets(wire: WireCluster, layout: TopicLayout, timestampOf: (partition: number) => number): Promise<Map<number, number>> {
  const byLeader = new Map<number, number[]>();
  for (const p of layout.partitions) {
    if (p.leader < 0) throw new ActionError(`partition ${p.partition} of ${layout.name} has no leader right now; try again when its broker is back`);
    byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p.partition]);
  }
  const out = new Map<number, number>();
  await Promise.all(
    [...byLeader].map(async ([leader, partitions]) => {
      const broker = await brokerOf(wire, leader);
      const { responses } = await broker.listOffsets({
        isolationLevel: READ_UNCOMMITTED,
        topics: [{ topic: layout.name, partitions: partitions.map((partition) => ({ partition, timestamp: String(timestampOf(partition)) })) }],
      });
      for (const r of responses) {
        for (const p of r.partitions) {
          if (p.errorCode !== 0) throw new ActionError(`listing offsets of ${layout.name} partition ${p.partition} failed (Kafka error ${p.errorCode})`);
          out.set(p.partition, Number(p.offset));
        }
      }
    }),
  );
  return out;
}

/** Log start and end of every partition. */
export async function readWatermarks(wire: WireCluster, layout: TopicLayout): Promise<Map<number, { low: number; high: number }>> {
  const [low, high] = await Promise.all([listOffsets(wire, layout, () => EARLIEST), listOffsets(wire, layout, () => LATEST)]);
  return new Map(layout.partitions.map((p) => [p.partition, { low: low.get(p.partition) ?? 0, high: high.get(p.partition) ?? 0 }]));
}
