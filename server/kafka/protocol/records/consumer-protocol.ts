import { DecodeError, KafkaReader } from '@/server/kafka/protocol/codec';

// The `consumer` protocol's member bytes (clients' ConsumerProtocolSubscription and
// ConsumerProtocolAssignment, versions 0-3, never flexible). Later versions only append fields
// (owned partitions, generation, rack), so the topics and partitions are always the prefix.

export function decodeSubscription(buf: Buffer): { version: number; topics: string[] } | null {
  if (buf.length === 0) return null;
  const r = new KafkaReader(buf);
  const version = r.int16();
  if (version < 0) throw new DecodeError(`subscription version ${version}`);
  return { version, topics: r.array(() => r.string()).sort() };
}

export function decodeAssignment(
  buf: Buffer,
): { version: number; partitions: { topic: string; partition: number }[] } | null {
  if (buf.length === 0) return null;
  const r = new KafkaReader(buf);
  const version = r.int16();
  if (version < 0) throw new DecodeError(`assignment version ${version}`);
  const partitions = r.array(() => {
    const topic = r.string();
    return r.array(() => r.int32()).map((partition) => ({ topic, partition }));
  });
  return {
    version,
    partitions: partitions.flat().sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
  };
}
