import type { ProduceRequest } from '@/lib/contract/action-schemas';
import { fillPattern, partitionForKey } from '@/lib/partitioner';
import { ActionError } from '@/server/actions/errors';

// Turns a produce request into the exact messages to send, each with its partition decided
// here (so the answer can name every message's partition and offset) and checked against the
// topic's size limit before anything is sent. Pure: unit-tested without Kafka.

export interface TopicTarget {
  name: string;
  /** Partition ids in order, and which have a leader now (round-robin skips the others). */
  partitions: { partition: number; leader: number }[];
  /** max.message.bytes of the topic; null when unknown (the broker still checks). */
  maxMessageBytes: number | null;
}

export interface PlannedMessage {
  index: number;
  key: string | null;
  /** null: a tombstone. */
  value: string | null;
  partition: number;
  headers: Record<string, string[]>;
  /** What the record adds to a batch, about: key, value, headers and record framing. */
  bytes: number;
}

// A record batch's own header, and a record's framing (length, attributes, deltas), at most.
export const BATCH_OVERHEAD_BYTES = 61;
const RECORD_OVERHEAD_BYTES = 21;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Duplicate header keys are kept (Kafka allows them), grouped by key in the order given. */
export function groupHeaders(headers: ProduceRequest['headers']): Record<string, string[]> {
  // A Map, not an object: a header named "constructor" or "__proto__" is just a header.
  const out = new Map<string, string[]>();
  for (const { key, value } of headers) out.set(key, [...(out.get(key) ?? []), value]);
  return Object.fromEntries(out);
}

export function planMessages(req: ProduceRequest, topic: TopicTarget, roundRobinStart: number): PlannedMessage[] {
  const count = topic.partitions.length;
  if (req.partition !== null && !topic.partitions.some((p) => p.partition === req.partition)) {
    throw new ActionError(
      `topic "${topic.name}" has ${count} partition${count === 1 ? '' : 's'} (0-${count - 1}); there is no partition ${req.partition}`,
    );
  }
  if (req.format === 'json' && !req.tombstone) {
    try {
      // `{n}` stands for the message number, so `{"seq": {n}}` is JSON once it is filled in.
      JSON.parse(fillPattern(req.value, 0));
    } catch (e) {
      throw new ActionError(`the value is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const headers = groupHeaders(req.headers);
  const headerBytes = req.headers.reduce((sum, h) => sum + utf8(h.key) + utf8(h.value) + 10, 0);
  // Without a key Kafka spreads messages over partitions that have a leader.
  const led = topic.partitions.filter((p) => p.leader >= 0).map((p) => p.partition);
  const spreadOver = led.length > 0 ? led : topic.partitions.map((p) => p.partition);
  const messages: PlannedMessage[] = [];
  for (let i = 0; i < req.count; i++) {
    const key = req.key === null ? null : fillPattern(req.key, i);
    const value = req.tombstone ? null : fillPattern(req.value, i);
    const partition =
      req.partition ??
      (key !== null ? partitionForKey(key, count) : spreadOver[(roundRobinStart + i) % spreadOver.length]);
    const bytes =
      RECORD_OVERHEAD_BYTES + (key === null ? 0 : utf8(key)) + (value === null ? 0 : utf8(value)) + headerBytes;
    if (topic.maxMessageBytes !== null && bytes + BATCH_OVERHEAD_BYTES > topic.maxMessageBytes) {
      throw new ActionError(
        `message ${i} is about ${(bytes + BATCH_OVERHEAD_BYTES).toLocaleString('en')} bytes; topic "${topic.name}" accepts at most ` +
          `${topic.maxMessageBytes.toLocaleString('en')} bytes per batch (max.message.bytes)`,
      );
    }
    messages.push({ index: i, key, value, partition, headers, bytes });
  }
  return messages;
}

/** Splits messages into sends whose batches stay under the topic's limit (a send makes one
 *  batch per partition), and small enough to keep one send quick. */
export function chunkForSend(
  messages: PlannedMessage[],
  maxMessageBytes: number | null,
  maxCount = 1000,
): PlannedMessage[][] {
  const budget = Math.min(512 * 1024, (maxMessageBytes ?? 1_048_588) - BATCH_OVERHEAD_BYTES);
  const chunks: PlannedMessage[][] = [];
  let current: PlannedMessage[] = [];
  let size = 0;
  for (const m of messages) {
    if (current.length > 0 && (size + m.bytes > budget || current.length >= maxCount)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(m);
    size += m.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
