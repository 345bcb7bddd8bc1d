import type { BrowseMessage } from '@/lib/contract/browse';
import { MESSAGE_FULL_BYTES } from '@/lib/contract/browse-message';
import { ActionError, describeError } from '@/server/actions/errors';
import type { ClusterStore } from '@/server/cluster/store';
import type { KafkaClients } from '@/server/kafka/client';
import { OffsetSpec } from '@/server/kafka/protocol';
import { describeTopic } from '@/server/topics/metadata';
import { offsetsAt } from './bounds';
import { toBrowseMessage } from './decode';
import { createFetchBatch } from './kafka-fetch';
import { SearchRefused } from './service';

// One message in full, by partition and offset: one Fetch at that offset to the leader on the
// browse connection set, the same path a search reads by. Kafka answers whole record batches,
// so the record is picked from its batch; none at that offset (compacted away, past the end,
// before the log start) is a 404.

/** Asked per Fetch; Kafka still answers a first batch larger than this (KIP-74). */
const FETCH_BYTES = 1024 * 1024;

const kafkaErrorType = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'type' in e ? String((e as { type: unknown }).type) : undefined;

export async function readMessage(
  deps: { clients: KafkaClients; store: ClusterStore },
  topic: string,
  partition: number,
  offset: number,
): Promise<BrowseMessage> {
  const layout = await describeTopic(deps, topic).catch((e: unknown) => {
    const words = describeError(e);
    throw new SearchRefused(e instanceof ActionError && words.startsWith('no topic') ? 404 : 503, words);
  });
  const leaders = new Map(layout.partitions.map((p) => [p.partition, p.leader]));
  if (!leaders.has(partition))
    throw new SearchRefused(404, `${topic} has no partition ${partition} (it has ${leaders.size})`);
  const connections = deps.clients.browseConnections;
  const fetchBatch = createFetchBatch({
    connections,
    topic,
    readCommitted: false,
    leaderOf: (p) => leaders.get(p) ?? -1,
    refresh: async () => {
      for (const p of (await describeTopic(deps, topic)).partitions) leaders.set(p.partition, p.leader);
    },
    logStart: async (p) =>
      (await offsetsAt(connections, { topic, leaders: new Map([[p, leaders.get(p) ?? -1]]) }, OffsetSpec.EARLIEST)).get(
        p,
      ) ?? 0,
  });
  const missing = () => new SearchRefused(404, `no message at offset ${offset} of ${topic} partition ${partition}`);
  const batch = await fetchBatch(partition, offset, FETCH_BYTES, new AbortController().signal).catch((e: unknown) => {
    throw kafkaErrorType(e) === 'OFFSET_OUT_OF_RANGE' ? missing() : new SearchRefused(503, describeError(e));
  });
  // The adapter hands out one reused record object: decode the one wanted while it is current.
  for (const record of batch.records)
    if (record.offset === offset) return toBrowseMessage(partition, record, MESSAGE_FULL_BYTES);
  throw missing();
}
