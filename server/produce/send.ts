import type { Message, Producer } from 'kafkajs';
import { PRODUCE_ACK_TIMEOUT_MS } from '@/server/kafka/client';

// One send per partition, all at once. kafkajs 2.2.4 sends a multi-partition batch as one
// request per leader and, on a retry, skips every broker that already answered: when a
// killed leader's partition moves onto such a broker, its messages are never sent again, and
// the send still resolves as if they were written (seen as acknowledged messages missing from
// the log). With one partition per send, a retry always goes to the partition's new leader,
// under the same sequence numbers, so the broker drops what it already has.

export interface PartitionMessage extends Message {
  partition: number;
}

export type PartitionOutcome = { ok: true; baseOffset: number } | { ok: false; error: unknown };

export async function sendByPartition(
  producer: Producer,
  topic: string,
  messages: PartitionMessage[],
): Promise<Map<number, PartitionOutcome>> {
  const byPartition = new Map<number, PartitionMessage[]>();
  for (const m of messages) {
    const list = byPartition.get(m.partition);
    if (list) list.push(m);
    else byPartition.set(m.partition, [m]);
  }
  const outcomes = new Map<number, PartitionOutcome>();
  await Promise.all(
    [...byPartition].map(async ([partition, list]) => {
      try {
        const answer = await producer.send({ topic, acks: -1, timeout: PRODUCE_ACK_TIMEOUT_MS, messages: list });
        const meta = answer.find((r) => r.partition === partition);
        // A resolved send without its partition would be the loss described above.
        if (!meta) throw new Error(`Kafka's answer did not include partition ${partition}`);
        outcomes.set(partition, { ok: true, baseOffset: Number(meta.baseOffset ?? -1) });
      } catch (error) {
        outcomes.set(partition, { ok: false, error });
      }
    }),
  );
  return outcomes;
}
