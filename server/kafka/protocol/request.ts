import { sendRaw, type BrokerConnection } from '@/server/kafka/kafkajs-private';
import { KafkaReader, KafkaWriter } from './codec';

// One Kafka request the server encodes and decodes itself, at one version. kafkajs frames it
// (request header v1: api key, version, correlation id, client id) and reads the correlation
// id of the answer. A flexible request needs header v2 and answers with response header v1,
// each just empty tagged fields more, so those are written and skipped here.

export interface RequestDefinition<Args, Result> {
  name: string;
  apiKey: number;
  version: number;
  /** KIP-482 encoding, from the version the request's JSON schema names as `flexibleVersions`. */
  flexible: boolean;
  /** Bytes a typical request takes, to size the first buffer. */
  sizeHint?: (args: Args) => number;
  encode(w: KafkaWriter, args: Args): void;
  decode(r: KafkaReader, args: Args): Result;
}

export const defineRequest = <Args, Result>(definition: RequestDefinition<Args, Result>) => definition;

/** The request body, starting with header v2's tagged fields when flexible. */
export function encodeRequest<Args>(definition: RequestDefinition<Args, unknown>, args: Args): Buffer {
  const w = new KafkaWriter(definition.flexible, definition.sizeHint?.(args));
  w.emptyTaggedFields();
  definition.encode(w, args);
  return w.toBuffer();
}

/** The response after its correlation id: response header v1's tagged fields, then the body. */
export function decodeResponse<Args, Result>(
  definition: RequestDefinition<Args, Result>,
  payload: Buffer,
  args: Args,
): Result {
  const r = new KafkaReader(payload, definition.flexible);
  r.skipTaggedFields();
  return definition.decode(r, args);
}

export async function send<Args, Result>(
  broker: BrokerConnection,
  definition: RequestDefinition<Args, Result>,
  args: Args,
): Promise<Result> {
  const payload = await sendRaw(broker, {
    apiKey: definition.apiKey,
    apiVersion: definition.version,
    apiName: definition.name,
    body: encodeRequest(definition, args),
  });
  return decodeResponse(definition, payload, args);
}
