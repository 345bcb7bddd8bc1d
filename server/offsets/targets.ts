import type { OffsetsResetRequest } from '../../lib/contract/action-schemas';
import type { WireCluster } from '../kafka/client';
import { ActionError } from '../actions/errors';
import type { TopicLayout } from '../topics/metadata';
import { EARLIEST, LATEST, listOffsets, readWatermarks } from '../topics/watermarks';

// Where a reset puts each partition of the topic, checked against the log as it is now.

export async function resolveTargets(wire: WireCluster, layout: TopicLayout, req: OffsetsResetRequest): Promise<Map<number, number>> {
  switch (req.to) {
    case 'earliest':
      return listOffsets(wire, layout, () => EARLIEST);
    case 'latest':
      return listOffsets(wire, layout, () => LATEST);
    case 'timestamp': {
      const [found, ends] = await Promise.all([listOffsets(wire, layout, () => req.timestamp), listOffsets(wire, layout, () => LATEST)]);
      // -1: no record at or after the timestamp, so the group starts at the log end.
      return new Map(layout.partitions.map(({ partition }) => [partition, (found.get(partition) ?? -1) < 0 ? (ends.get(partition) ?? 0) : found.get(partition)!]));
    }
    case 'explicit':
      return explicitTargets(wire, layout, req.offsets);
  }
}

async function explicitTargets(wire: WireCluster, layout: TopicLayout, asked: { partition: number; offset: number }[]): Promise<Map<number, number>> {
  const problems: string[] = [];
  const seen = new Set<number>();
  const count = layout.partitions.length;
  for (const { partition } of asked) {
    if (seen.has(partition)) problems.push(`partition ${partition} is listed twice`);
    seen.add(partition);
    if (partition >= count) problems.push(`partition ${partition} does not exist (${layout.name} has ${count} partition${count === 1 ? '' : 's'}: 0-${count - 1})`);
  }
  if (problems.length > 0) throw new ActionError(problems.join('; '));
  const wanted = { ...layout, partitions: layout.partitions.filter((p) => seen.has(p.partition)) };
  const marks = await readWatermarks(wire, wanted);
  for (const { partition, offset } of asked) {
    const m = marks.get(partition);
    if (!m) continue;
    if (offset < m.low) problems.push(`partition ${partition}: offset ${offset} is before the log start ${m.low}`);
    if (offset > m.high) problems.push(`partition ${partition}: offset ${offset} is past the log end ${m.high}`);
  }
  if (problems.length > 0) throw new ActionError(problems.join('; '));
  return new Map(asked.map(({ partition, offset }) => [partition, offset]));
}
