import type { TailMessage } from '@/lib/contract/actions';
import { TAIL_VALUE_CHARS } from '@/lib/contract/actions';
import type { RawFetchPartition } from '@/server/kafka/kafkajs-private';

// Raw fetched records to what the page shows: text (invalid UTF-8 becomes U+FFFD rather than
// an error), values cut to a size a table can hold, headers as a list (duplicate keys kept).

type RawMessage = RawFetchPartition['messages'][number];

export function toTailMessage(partition: number, m: RawMessage): TailMessage {
  const value = m.value === null ? null : m.value.toString('utf8');
  const headers: TailMessage['headers'] = [];
  for (const [key, raw] of Object.entries(m.headers ?? {})) {
    for (const v of Array.isArray(raw) ? raw : [raw])
      headers.push({ key, value: v === null || v === undefined ? '' : Buffer.from(v).toString('utf8') });
  }
  return {
    partition,
    offset: Number(m.offset),
    timestamp: Number(m.timestamp),
    key: m.key === null ? null : m.key.toString('utf8'),
    value: value !== null && value.length > TAIL_VALUE_CHARS ? value.slice(0, TAIL_VALUE_CHARS) : value,
    truncated: value !== null && value.length > TAIL_VALUE_CHARS,
    headers,
  };
}

/** Oldest first across partitions, at most `cap` (the newest). */
export function newest(messages: TailMessage[], cap: number): TailMessage[] {
  const sorted = [...messages].sort(
    (a, b) => a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset,
  );
  return sorted.length > cap ? sorted.slice(-cap) : sorted;
}
