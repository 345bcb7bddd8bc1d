// Where a message lands, computed the way Kafka's Java client and kafkajs's default
// partitioner do it, so the page can say which partition a key goes to before it is sent.
// With a key: murmur2 of its UTF-8 bytes, made positive, modulo the partition count, so the
// same key always lands in the same partition (and keeps its order there).

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const encoder = new TextEncoder();

/** Kafka's murmur2 (the 32-bit MurmurHash2 variant in its Utils class), as a signed int32. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const blocks = length >> 2;
  for (let i = 0; i < blocks; i++) {
    const at = i * 4;
    let k = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = blocks * 4;
  const rest = length & 3;
  if (rest === 3) h ^= data[tail + 2] << 16;
  if (rest >= 2) h ^= data[tail + 1] << 8;
  if (rest >= 1) {
    h ^= data[tail];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition a keyed message lands in, among `partitions` partitions. */
export function partitionForKey(key: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new RangeError(`a topic has at least one partition, got ${partitions}`);
  return (murmur2(encoder.encode(key)) & 0x7fffffff) % partitions;
}

/** `{n}` in a key or value pattern stands for the message's number in a bulk send. */
export const fillPattern = (pattern: string, n: number): string => pattern.replaceAll('{n}', String(n));
