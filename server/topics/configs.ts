import { ConfigResourceTypes, ConfigSource } from 'kafkajs';
import type { TopicConfigRequest } from '@/lib/contract/action-schemas';
import type { ClusterStore } from '@/server/cluster/store';
import { ActionError } from '@/server/actions/errors';
import type { KafkaClients } from '@/server/kafka/client';
import { brokerOf } from '@/server/kafka/connections';
import type { BrokerConnection } from '@/server/kafka/kafkajs-private';
import { withAnyBroker } from './metadata';

// A topic's dynamic overrides (what `kafka-configs --describe` lists as DYNAMIC_TOPIC_CONFIG).
// kafkajs's alterConfigs is the legacy AlterConfigs: it replaces the whole override set, so a
// change is always sent as every current override with the change merged in.

type Deps = { clients: KafkaClients; store: ClusterStore };
export type Overrides = Record<string, string>;

/** Form fields and the Kafka settings they stand for. */
export const CONFIG_NAMES = {
  cleanupPolicy: 'cleanup.policy',
  retentionMs: 'retention.ms',
  retentionBytes: 'retention.bytes',
  segmentMs: 'segment.ms',
  minCleanableDirtyRatio: 'min.cleanable.dirty.ratio',
  deleteRetentionMs: 'delete.retention.ms',
} as const;

type Settings = Partial<Record<keyof typeof CONFIG_NAMES, string | number | null | undefined>>;

/** Setting name → new value, or null to drop the override. Fields left out are not in it. */
export function changesOf(settings: Settings): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [field, name] of Object.entries(CONFIG_NAMES) as [keyof typeof CONFIG_NAMES, string][]) {
    const value = settings[field];
    if (value === undefined) continue;
    out.set(name, value === null ? null : String(value));
  }
  return out;
}

/** Only what was set: for a create, a null field means "the broker's default". */
export function createEntries(settings: Settings): { name: string; value: string }[] {
  return [...changesOf(settings)].flatMap(([name, value]) => (value === null ? [] : [{ name, value }]));
}

export function merge(current: Overrides, changes: Map<string, string | null>): Overrides {
  const next = { ...current };
  for (const [name, value] of changes) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

const sameOverrides = (a: Overrides, b: Overrides) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

interface EntryWithSource {
  configName: string;
  configValue: string | null;
  configSource?: number;
  isDefault?: boolean;
}

async function overridesFrom(broker: BrokerConnection, topic: string): Promise<Overrides> {
  let resources;
  try {
    ({ resources } = await broker.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] }));
  } catch (e) {
    if ((e as { type?: string } | null)?.type === 'UNKNOWN_TOPIC_OR_PARTITION')
      throw new ActionError(`no topic named ${topic}`);
    throw e;
  }
  const resource = resources.find((r) => r.resourceName === topic);
  if (!resource) throw new ActionError(`no topic named ${topic}`);
  const out: Overrides = {};
  for (const entry of resource.configEntries as EntryWithSource[]) {
    // DescribeConfigs v0 has no source; there, "not default" is the closest to an override.
    const dynamic =
      entry.configSource === undefined ? entry.isDefault === false : entry.configSource === ConfigSource.TOPIC_CONFIG;
    if (dynamic && entry.configValue !== null) out[entry.configName] = entry.configValue;
  }
  return out;
}

const AGREE_WITHIN_MS = 3_000;

/** The topic's overrides as every online broker reports them. Each broker answers from its
 *  own copy of the metadata log, and one that has not applied the last change yet answers the
 *  old set: re-sending that set would silently undo the change. So the brokers are asked
 *  until they agree; if they still differ after a few seconds the action is refused. */
export async function readOverrides(deps: Deps, topic: string): Promise<Overrides> {
  const online = deps.store
    .snapshot()
    .brokers.filter((b) => b.online)
    .map((b) => b.id);
  if (online.length === 0) return withAnyBroker(deps, (b) => overridesFrom(b, topic));
  const deadline = Date.now() + AGREE_WITHIN_MS;
  for (;;) {
    const answers = await Promise.allSettled(
      online.map(async (id) => overridesFrom(await brokerOf(deps.clients.pollConnections, id), topic)),
    );
    const read = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refusal = answers.find((a) => a.status === 'rejected' && a.reason instanceof ActionError);
    if (refusal?.status === 'rejected') throw refusal.reason;
    // A broker that does not answer (just killed) has no say; the others must agree.
    if (read.length === 0) return withAnyBroker(deps, (b) => overridesFrom(b, topic));
    if (read.every((o) => sameOverrides(o, read[0]))) return read[0];
    if (Date.now() > deadline)
      throw new ActionError(
        `the brokers still disagree on the settings of ${topic} (a change is spreading); try again in a moment`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Merges the change into the current overrides, sends the full set and answers the
 *  overrides as a broker reports them afterwards. A request without any setting is refused:
 *  reading is GET /api/topics/:name/config, not an action. */
export async function configureTopic(deps: Deps, request: TopicConfigRequest): Promise<Overrides> {
  const changes = changesOf(request);
  if (changes.size === 0)
    throw new ActionError(
      `nothing to change: give at least one of ${Object.keys(CONFIG_NAMES).join(', ')} (null removes an override); GET /api/topics/${encodeURIComponent(request.topic)}/config reads the current ones`,
    );
  const current = await readOverrides(deps, request.topic);
  const next = merge(current, changes);
  const admin = await deps.clients.admin();
  await admin.alterConfigs({
    validateOnly: false,
    resources: [
      {
        type: ConfigResourceTypes.TOPIC,
        name: request.topic,
        configEntries: Object.entries(next).map(([name, value]) => ({ name, value })),
      },
    ],
  });
  // The controller commits the change to the metadata log; the broker asked next may apply
  // it a moment later, so read until it shows (briefly) before answering.
  const deadline = Date.now() + 3_000;
  for (;;) {
    const after = await readOverrides(deps, request.topic);
    if (sameOverrides(after, next) || Date.now() > deadline) return after;
    await new Promise((r) => setTimeout(r, 150));
  }
}
