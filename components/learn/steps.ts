import { partitionForKey } from '@/lib/partitioner';
import type { LabInstance, LabProtocol } from '@/lib/contract/actions';
import { must, StepFailed, until, type Outcome, type TourApi } from './tour-api';

export type { Outcome } from './tour-api';

const COMPACTION_WAIT_MS = 180_000;
/** The retention step's topic keeps messages 15 s: long enough to watch, short enough to wait. */
export const RETENTION_MS = 15_000;
/** Kafka's default log.retention.check.interval.ms, for a cluster whose setting we do not know. */
const DEFAULT_RETENTION_CHECK_MS = 300_000;
/** The size part writes 6 messages of about 1 KB, one segment each, under a 2,500-byte limit. */
export const RETENTION_BYTES = 2_500;
const SIZE_MESSAGES = 6;
/** Records the share step sends once its three members share the partition. */
const SHARE_MESSAGES = 60;
const SHARE_BATCHES = 6;

// The tour's steps, in the seed note's order (brokers, topics and partitions, consumers and
// groups, the coordinator, offsets per group, storage policies). Each step is a prediction with
// choices, one experiment on its own `learn-` topic and groups, and what the experiment found.
// The share-group step waits for the Kafka 4 share-group issue.

export const STEP_IDS = [
  'leader',
  'controller',
  'keys',
  'spread',
  'onePerPartition',
  'idle',
  'instances',
  'coordinator',
  'twoGroups',
  'reprocess',
  'retention',
  'compaction',
  'share',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Every topic and group a step touches: `learn-` prefixed, with a per-run suffix so a re-run
 *  never races the deletion of the last run's topic. */
export interface StepNames {
  topic: string | null;
  groups: string[];
}

export interface StepDef {
  id: StepId;
  /** Choice ids; the words are in messages (learn.steps.<id>.choices.<choice>). */
  choices: readonly string[];
  /** The choice the experiment will prove right. */
  answer: string;
  partitions: number;
  groups: number;
  /** Where the effect shows on the real screens. */
  screen: 'topic' | 'group' | 'overview';
  /** It stops and starts a broker: offered only on the embedded cluster. */
  brokerStep?: boolean;
  /** Its lab members speak this protocol: offered only where the lab can start them. */
  protocol?: LabProtocol;
  /** Its live view is shown while the experiment runs, not only after (slow, visible effects). */
  live?: boolean;
  run(api: TourApi, names: StepNames): Promise<Outcome>;
}

export const LEARN_PREFIX = 'learn-';

export function namesFor(step: StepDef, runId: string): StepNames {
  const slug = step.id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const base = `${LEARN_PREFIX}${slug}-${runId}`;
  return {
    topic: step.partitions > 0 ? base : null,
    groups: Array.from({ length: step.groups }, (_, i) => `${base}-${'ab'[i] ?? i}`),
  };
}

export const newRunId = (random: () => number = Math.random) =>
  Math.floor(random() * 36 ** 5)
    .toString(36)
    .padStart(5, '0');

export const KEY_OF_ORDER = 'order-7';

const replicas = (api: TourApi) => Math.max(1, Math.min(3, api.brokers()));

async function createTopic(api: TourApi, topic: string, partitions: number, extra: Partial<CreateExtra> = {}) {
  await must(api, 'topic:create', {
    name: topic,
    partitions,
    replicationFactor: replicas(api),
    cleanupPolicy: extra.cleanupPolicy ?? 'delete',
    retentionMs: extra.retentionMs ?? null,
    retentionBytes: null,
    segmentMs: extra.segmentMs ?? null,
    ...(extra.minCleanableDirtyRatio ? { minCleanableDirtyRatio: extra.minCleanableDirtyRatio } : {}),
    ...(extra.deleteRetentionMs !== undefined ? { deleteRetentionMs: extra.deleteRetentionMs } : {}),
  });
  await until(api, `topic ${topic} to have leaders`, () => {
    const ps = api.partitions(topic);
    return ps && ps.length === partitions && ps.every((p) => p.leader >= 0) ? true : null;
  });
}

interface CreateExtra {
  cleanupPolicy: 'delete' | 'compact';
  retentionMs: number;
  segmentMs: number;
  minCleanableDirtyRatio: number;
  deleteRetentionMs: number;
}

// A topic just created can be unknown to the server's producer for a moment (its metadata
// trails the controller's): such a send is retried, anything else fails the step.
const NOT_YET_KNOWN = /UNKNOWN_TOPIC_OR_PARTITION|LEADER_NOT_AVAILABLE|NOT_LEADER/;

export async function send(
  api: TourApi,
  topic: string,
  key: string | null,
  value: string,
  count = 1,
  tombstone = false,
) {
  const payload = {
    topic,
    key,
    value,
    format: 'text' as const,
    headers: [],
    partition: null,
    count,
    ...(tombstone ? { tombstone } : {}),
  };
  for (let attempt = 1; ; attempt++) {
    const answer = await api.act('produce:send', payload);
    if (answer.ok) return answer.result;
    if (attempt >= 10 || !NOT_YET_KNOWN.test(answer.error)) throw new StepFailed(answer.error);
    await api.sleep(1_000);
  }
}

async function startInstance(
  api: TourApi,
  groupId: string,
  topic: string,
  consumers: number,
  protocol?: LabProtocol,
): Promise<string> {
  const started = await must(api, 'lab:start', {
    groupId,
    topics: [topic],
    consumers,
    processingDelayMs: 0,
    sessionTimeoutMs: 10_000,
    ...(protocol ? { protocol } : {}),
  });
  return started.name;
}

const inGroup = (api: TourApi, groupId: string) =>
  api.instances().filter((i) => i.groupId === groupId && ['starting', 'running'].includes(i.status));

/** Waits until the group's lab consumers have joined and hold exactly `partitions` partitions
 *  between them (a rebalance settled); answers the consumers. */
async function settled(api: TourApi, groupId: string, consumers: number, partitions: number) {
  return until(
    api,
    `group ${groupId} to settle`,
    () => {
      const all = inGroup(api, groupId).flatMap((i) => i.consumers.map((c) => ({ ...c, instance: i.name })));
      const held = all.reduce((n, c) => n + c.assignments.length, 0);
      return all.length === consumers && all.every((c) => c.memberId !== null) && held === partitions ? all : null;
    },
    90_000,
  );
}

const consumedBy = (api: TourApi, name: string) => api.instances().find((i) => i.name === name)?.consumed ?? 0;

/** Stop the step's instances, delete its groups once empty, then its topic; each part is
 *  tried even when an earlier one failed, so a half-run step still leaves nothing behind. */
export async function cleanUp(api: TourApi, names: StepNames): Promise<void> {
  const mine = (i: LabInstance) =>
    names.groups.includes(i.groupId) && !['stopped', 'killed', 'crashed'].includes(i.status);
  for (const i of api.instances().filter(mine)) await api.act('lab:stop', { instance: i.name });
  await until(api, 'the step’s instances to stop', () => (api.instances().some(mine) ? null : true), 60_000).catch(
    () => undefined,
  );
  for (const groupId of names.groups) {
    await until(
      api,
      `group ${groupId} to empty`,
      () => ((api.group(groupId)?.members ?? 0) === 0 ? true : null),
      30_000,
    )
      .then(() => (api.group(groupId) ? api.act('group:delete', { groupId, confirm: groupId }) : undefined))
      .catch(() => undefined);
  }
  if (names.topic && api.partitions(names.topic)) {
    await api.act('topic:delete', { topic: names.topic, confirm: names.topic });
  }
}

const topicOf = (names: StepNames) => {
  if (!names.topic) throw new Error('this step has no topic');
  return names.topic;
};

export const STEPS: readonly StepDef[] = [
  {
    id: 'leader',
    choices: ['offline', 'followerLeads', 'lost'],
    answer: 'followerLeads',
    partitions: 3,
    groups: 0,
    screen: 'topic',
    brokerStep: true,
    live: true,
    async run(api, names) {
      const topic = topicOf(names);
      if (!api.embedded()) throw new StepFailed('this step stops a broker, which only the embedded cluster allows');
      await createTopic(api, topic, 3);
      await send(api, topic, null, 'order {n}', 6);
      const first = api.partitions(topic)?.[0];
      if (!first) throw new StepFailed(`topic ${topic} has no partition 0`);
      const oldLeader = first.leader;
      const isrBefore = first.isr.join(', ');
      api.note({ oldLeader, isrBefore });
      await must(api, 'broker:stop', { brokerId: oldLeader });
      let moved: { leader: number; isr: number[] };
      try {
        // Controlled shutdown hands leadership to an in-sync follower before the process exits.
        moved = await until(
          api,
          'a new leader for partition 0',
          () => {
            const p = api.partitions(topic)?.[0];
            return p && p.leader >= 0 && p.leader !== oldLeader && !p.isr.includes(oldLeader) ? p : null;
          },
          60_000,
        );
        api.note({ newLeader: moved.leader, isrDuring: moved.isr.join(', ') });
        // A few seconds without the broker, so the learner sees the smaller ISR on screen.
        await api.sleep(3_000);
      } finally {
        await api.act('broker:start', { brokerId: oldLeader });
      }
      const back = await until(
        api,
        `broker ${oldLeader} to rejoin the ISR`,
        () => {
          const p = api.partitions(topic)?.[0];
          return p && p.isr.includes(oldLeader) ? p : null;
        },
        120_000,
      );
      return {
        oldLeader,
        isrBefore,
        newLeader: moved.leader,
        isrDuring: moved.isr.join(', '),
        isrAfter: back.isr.join(', '),
      };
    },
  },
  {
    id: 'controller',
    choices: ['everyBroker', 'oneController'],
    answer: 'oneController',
    partitions: 0,
    groups: 0,
    screen: 'overview',
    async run(api) {
      const id = await until(api, 'the controller to be known', () => api.controllerId(), 20_000);
      return { controller: id };
    },
  },
  {
    id: 'keys',
    choices: ['0', '1', '2'],
    answer: String(partitionForKey(KEY_OF_ORDER, 3)),
    partitions: 3,
    groups: 0,
    screen: 'topic',
    async run(api, names) {
      const topic = topicOf(names);
      await createTopic(api, topic, 3);
      const sent = await send(api, topic, KEY_OF_ORDER, 'step {n}', 5);
      const partitions = new Set(sent.messages.map((m) => m.partition));
      const offsets = sent.messages.map((m) => m.offset);
      return {
        count: sent.count,
        partition: [...partitions].join(', '),
        partitionsUsed: partitions.size,
        first: Math.min(...offsets),
        last: Math.max(...offsets),
      };
    },
  },
  {
    id: 'spread',
    choices: ['onePartition', 'allPartitions'],
    answer: 'allPartitions',
    partitions: 3,
    groups: 0,
    screen: 'topic',
    async run(api, names) {
      const topic = topicOf(names);
      await createTopic(api, topic, 3);
      const sent = await send(api, topic, null, 'no key {n}', 6);
      return { count: sent.count, partitionsUsed: sent.spread.filter((s) => s.count > 0).length };
    },
  },
  {
    id: 'onePerPartition',
    choices: ['0', '1', '3'],
    answer: '1',
    partitions: 3,
    groups: 1,
    screen: 'group',
    async run(api, names) {
      const topic = topicOf(names);
      await createTopic(api, topic, 3);
      await startInstance(api, names.groups[0], topic, 3);
      const consumers = await settled(api, names.groups[0], 3, 3);
      return { consumers: consumers.length, most: Math.max(...consumers.map((c) => c.assignments.length)) };
    },
  },
  {
    id: 'idle',
    choices: ['0', '1', '2'],
    answer: '1',
    partitions: 3,
    groups: 1,
    screen: 'group',
    async run(api, names) {
      const topic = topicOf(names);
      await createTopic(api, topic, 3);
      await startInstance(api, names.groups[0], topic, 4);
      const consumers = await settled(api, names.groups[0], 4, 3);
      return { consumers: consumers.length, idle: consumers.filter((c) => c.assignments.length === 0).length };
    },
  },
  {
    id: 'instances',
    choices: ['1', '2', '3'],
    answer: '1',
    partitions: 3,
    groups: 1,
    screen: 'group',
    async run(api, names) {
      const topic = topicOf(names);
      await createTopic(api, topic, 3);
      const a = await startInstance(api, names.groups[0], topic, 2);
      const b = await startInstance(api, names.groups[0], topic, 1);
      const consumers = await settled(api, names.groups[0], 3, 3);
      return { a, b, consumers: consumers.length, groups: 1 };
    },
  },
  {
    id: 'coordinator',
    choices: ['producer', 'coordinator', 'consumers'],
    answer: 'coordinator',
    partitions: 3,
    groups: 1,
    screen: 'group',
    async run(api, names) {
      const topic = topicOf(names);
      const groupId = names.groups[0];
      await createTopic(api, topic, 3);
      await send(api, topic, null, 'event {n}', 10);
      await startInstance(api, groupId, topic, 2);
      await settled(api, groupId, 2, 3);
      const coordinator = await until(api, 'the group’s coordinator', () => api.group(groupId)?.coordinator ?? null);
      return { coordinator };
    },
  },
  {
    id: 'twoGroups',
    choices: ['0', '9', '10'],
    answer: '9',
    partitions: 1,
    groups: 2,
    screen: 'group',
    async run(api, names) {
      const topic = topicOf(names);
      const [a, b] = names.groups;
      await createTopic(api, topic, 1);
      await send(api, topic, 'order-1', 'event {n}', 10);
      // Group A reads everything; group B has read one message, as in the seed's dialogue.
      await startInstance(api, a, topic, 1);
      await must(api, 'offsets:reset', { groupId: b, topic, to: 'explicit', offsets: [{ partition: 0, offset: 1 }] });
      const lagA = await until(
        api,
        `group ${a} to read all 10`,
        () => (api.group(a)?.totalLag === 0 ? 0 : null),
        90_000,
      );
      const lagB = await until(api, `group ${b}'s offset`, () => api.group(b)?.totalLag ?? null, 60_000);
      return { lagA, lagB, total: 10 };
    },
  },
  {
    id: 'reprocess',
    choices: ['0', '10', '20'],
    answer: '10',
    partitions: 1,
    groups: 1,
    screen: 'group',
    async run(api, names) {
      const topic = topicOf(names);
      const groupId = names.groups[0];
      await createTopic(api, topic, 1);
      await send(api, topic, 'order-1', 'event {n}', 10);
      const first = await startInstance(api, groupId, topic, 1);
      await until(api, 'the first read', () => (api.group(groupId)?.totalLag === 0 ? true : null), 90_000);
      await must(api, 'lab:stop', { instance: first });
      await until(api, 'the group to empty', () => ((api.group(groupId)?.members ?? 0) === 0 ? true : null), 60_000);
      const reset = await must(api, 'offsets:reset', { groupId, topic, to: 'earliest' });
      const again = await startInstance(api, groupId, topic, 1);
      const consumed = await until(
        api,
        'the re-read',
        () => (consumedBy(api, again) >= 10 ? consumedBy(api, again) : null),
        90_000,
      );
      return { consumed, resetTo: reset.offsets[0]?.offset ?? 0 };
    },
  },
  {
    id: 'retention',
    choices: ['keptUntilRead', 'deletedAtCheck', 'deletedOnTheDot'],
    answer: 'deletedAtCheck',
    partitions: 1,
    groups: 0,
    screen: 'topic',
    live: true,
    async run(api, names) {
      const topic = topicOf(names);
      const checkMs = api.retentionCheckMs() ?? DEFAULT_RETENTION_CHECK_MS;
      const low = () => api.partitions(topic)?.[0]?.low ?? null;
      const high = () => api.partitions(topic)?.[0]?.high ?? null;
      // segment.ms 1 s: each later write starts a new segment, and retention deletes whole segments.
      await createTopic(api, topic, 1, { retentionMs: RETENTION_MS, segmentMs: 1_000 });
      const sent = await send(api, topic, 'order-1', 'order {n}', 10);
      const written = sent.count;
      const producedAt = api.now();
      const base = { retentionSeconds: RETENTION_MS / 1000, checkSeconds: checkMs / 1000, producedAt, written };
      api.note({ ...base, phase: 'time' });
      // By time: nobody reads them, and they go anyway at the first check after 15 s.
      await until(
        api,
        'retention to delete the expired messages',
        () => ((low() ?? 0) >= written ? true : null),
        RETENTION_MS + 2 * checkMs + 30_000,
      );
      const timeSeconds = Math.round((api.now() - producedAt) / 1000);
      // By size: no time limit now; six ~1 KB segments, then a limit that only two or three fit.
      await must(api, 'topic:configure', { topic, retentionMs: -1 });
      for (let i = 0; i < SIZE_MESSAGES; i++) {
        if (i > 0) await api.sleep(1_200);
        await send(api, topic, 'order-1', `order {n} ${'x'.repeat(1_000)}`, 1);
      }
      const sizeStart = low() ?? written;
      await until(api, 'the six messages to show', () => ((high() ?? 0) >= sizeStart + SIZE_MESSAGES ? true : null));
      await must(api, 'topic:configure', { topic, retentionBytes: RETENTION_BYTES });
      api.note({ ...base, timeSeconds, phase: 'size', sizeStart, retentionBytes: RETENTION_BYTES });
      const lowAfter = await until(
        api,
        'retention to delete the oldest segments',
        () => {
          const l = low();
          return l !== null && l > sizeStart ? l : null;
        },
        2 * checkMs + 30_000,
      );
      const end = high() ?? sizeStart + SIZE_MESSAGES;
      return {
        ...base,
        phase: 'done',
        timeSeconds,
        sizeStart,
        retentionBytes: RETENTION_BYTES,
        sizeWritten: SIZE_MESSAGES,
        deleted: lowAfter - sizeStart,
        kept: end - lowAfter,
        lowAfter,
        last: end - 1,
      };
    },
  },
  {
    id: 'compaction',
    choices: ['all', 'k1k3', 'k1'],
    answer: 'k1k3',
    partitions: 1,
    groups: 0,
    screen: 'topic',
    async run(api, names) {
      const topic = topicOf(names);
      // Small segments, a low dirty ratio and no tombstone grace time, so the cleaner acts in
      // a minute instead of a day.
      await createTopic(api, topic, 1, {
        cleanupPolicy: 'compact',
        segmentMs: 1_000,
        minCleanableDirtyRatio: 0.01,
        deleteRetentionMs: 0,
      });
      for (const key of ['k1', 'k2', 'k3']) await send(api, topic, key, `${key}-v{n}`, 2);
      await send(api, topic, 'k2', '', 1, true);
      const before = await must(api, 'topic:count-keys', { topic });
      // The cleaner skips the active segment: each new record past segment.ms rolls one.
      const deadline = api.now() + COMPACTION_WAIT_MS;
      let after = before;
      for (let n = 2; after.latest.some((l) => l.key === 'k2'); n++) {
        if (api.now() > deadline) throw new StepFailed('the cleaner did not run within 3 minutes; try again');
        await api.sleep(2_000);
        await send(api, topic, 'k1', `k1-v${n}`);
        after = await must(api, 'topic:count-keys', { topic });
      }
      return { before: before.records, after: after.records, keys: after.latest.map((l) => l.key).join(', ') };
    },
  },
  {
    id: 'share',
    choices: ['one', 'all'],
    answer: 'all',
    partitions: 1,
    groups: 1,
    screen: 'group',
    protocol: 'share',
    async run(api, names) {
      const topic = topicOf(names);
      const groupId = names.groups[0];
      const share = api.labProtocol('share');
      if (!share?.available) throw new StepFailed(share?.reason ?? 'the lab cannot start share consumers here');
      await createTopic(api, topic, 1);
      const name = await startInstance(api, groupId, topic, 3, 'share');
      // A share group hands the one partition to every member at once.
      const members = await until(
        api,
        `share group ${groupId} to assign partition 0 to its 3 members`,
        () => {
          const all = inGroup(api, groupId).flatMap((i) => i.consumers);
          const sharing = all.filter((c) => c.memberId !== null && c.assignments.some((a) => a.partition === 0));
          return all.length === 3 && sharing.length === 3 ? sharing.length : null;
        },
        90_000,
      );
      // In small batches over a few seconds: one member's fetch does not take them all at once.
      let count = 0;
      for (let i = 0; i < SHARE_BATCHES; i++) {
        if (i > 0) await api.sleep(500);
        count += (await send(api, topic, null, 'order {n}', SHARE_MESSAGES / SHARE_BATCHES)).count;
      }
      const consumed = await until(
        api,
        `the ${SHARE_MESSAGES} records to be read`,
        () => (consumedBy(api, name) >= count ? consumedBy(api, name) : null),
        90_000,
      );
      const readers =
        api
          .instances()
          .find((i) => i.name === name)
          ?.consumers.filter((c) => c.consumed > 0).length ?? 0;
      return { members, sharing: members, count, consumed, readers };
    },
  },
];

export const stepById = (id: StepId): StepDef => STEPS.find((s) => s.id === id) ?? STEPS[0];
