import { fillPattern, partitionForKey } from './partitioner';

// What the produce panel says before sending: where the messages will land and why. Computed
// in the page with the same partitioner the server uses.

export interface ProducePreview {
  /** Messages per partition, in partition order. */
  spread: number[];
  /** The one partition every message goes to, or null when they spread. */
  single: number | null;
  reason: 'explicit' | 'key' | 'keys' | 'round-robin';
}

export function previewProduce(
  key: string | null,
  partition: number | null,
  count: number,
  partitions: number,
): ProducePreview {
  const spread = Array.from({ length: partitions }, () => 0);
  if (partitions < 1) return { spread, single: null, reason: 'round-robin' };
  if (partition !== null && partition < partitions) {
    spread[partition] = count;
    return { spread, single: partition, reason: 'explicit' };
  }
  if (key === null) {
    // The server's round-robin continues from its last send, so only the spread is known here.
    for (let i = 0; i < count; i++) spread[i % partitions]++;
    return { spread, single: null, reason: 'round-robin' };
  }
  // As on the server: `{n}` becomes each message's number (0 for a single message).
  const patterned = key.includes('{n}') && count > 1;
  for (let i = 0; i < count; i++) spread[partitionForKey(fillPattern(key, i), partitions)]++;
  const used = spread.filter((n) => n > 0).length;
  return { spread, single: used === 1 ? spread.findIndex((n) => n > 0) : null, reason: patterned ? 'keys' : 'key' };
}
