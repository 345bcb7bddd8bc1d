import type { WireBroker } from '../kafka/client';

// ListOffsets (API key 2) v2, encoded and decoded here rather than through kafkajs: one
// round asks for the end of every partition of the cluster (20,000 and more), and kafkajs's
// generic decoder allocated about 1.5 KB per partition (30 MB a round), most of the server's
// garbage. This writes the request straight into one buffer and reads the answer in one pass.
// v2 is the first with an isolation level; Kafka 4 still serves it.

const LIST_OFFSETS_API_KEY = 2;
const VERSION = 2;
// High watermark, not the last stable offset.
const READ_UNCOMMITTED = 0;
const NOT_A_REPLICA = -1;

/** `timestamp`: -1 the end (high watermark), -2 the log start. */
export function encodeListOffsets(topics: ReadonlyMap<string, readonly number[]>, timestamp: number): Buffer {
  let size = 4 + 1 + 4;
  const names = new Map<string, Buffer>();
  for (const [topic, partitions] of topics) {
    const name = Buffer.from(topic, 'utf8');
    names.set(topic, name);
    size += 2 + name.length + 4 + partitions.length * 12;
  }
  const buf = Buffer.alloc(size);
  let at = buf.writeInt32BE(NOT_A_REPLICA, 0);
  at = buf.writeInt8(READ_UNCOMMITTED, at);
  at = buf.writeInt32BE(topics.size, at);
  const stamp = BigInt(timestamp);
  for (const [topic, partitions] of topics) {
    const name = names.get(topic)!;
    at = buf.writeInt16BE(name.length, at);
    at += name.copy(buf, at);
    at = buf.writeInt32BE(partitions.length, at);
    for (const p of partitions) {
      at = buf.writeInt32BE(p, at);
      at = buf.writeBigInt64BE(stamp, at);
    }
  }
  return buf;
}

/** Calls `each` for every partition answered without error, with its offset. */
export function decodeListOffsets(payload: Buffer, each: (topic: string, partition: number, offset: number) => void): void {
  let at = 4; // throttle time
  const topics = payload.readInt32BE(at);
  at += 4;
  for (let t = 0; t < topics; t++) {
    const nameLength = payload.readInt16BE(at);
    at += 2;
    const topic = payload.toString('utf8', at, at + nameLength);
    at += nameLength;
    const partitions = payload.readInt32BE(at);
    at += 4;
    for (let i = 0; i < partitions; i++) {
      const partition = payload.readInt32BE(at);
      const errorCode = payload.readInt16BE(at + 4);
      // at + 6: the timestamp, unused here.
      const offset = Number(payload.readBigInt64BE(at + 14));
      at += 22;
      if (errorCode === 0) each(topic, partition, offset);
    }
  }
}

export async function listOffsetsRaw(broker: WireBroker, topics: ReadonlyMap<string, readonly number[]>, timestamp: number, each: (topic: string, partition: number, offset: number) => void): Promise<void> {
  const body = encodeListOffsets(topics, timestamp);
  const payload = await broker.connectionPool.send({
    request: { apiKey: LIST_OFFSETS_API_KEY, apiVersion: VERSION, apiName: 'ListOffsets', encode: async () => ({ buf: body, buffer: body }) },
    response: { decode: async (p) => p, parse: async (p) => p },
    logResponseError: false,
  });
  decodeListOffsets(payload as Buffer, each);
}
