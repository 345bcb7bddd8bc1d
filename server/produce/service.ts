import { EventEmitter } from 'node:events';
import type { LoadRun, ProducedMessage, ProduceResult } from '@/lib/contract/actions';
import { LOAD_RUNS_CAP, PRODUCE_LISTED_CAP } from '@/lib/contract/actions';
import type { LoadStartRequest, ProduceRequest } from '@/lib/contract/action-schemas';
import type { KafkaClients } from '@/server/kafka/client';
import type { ClusterStore } from '@/server/cluster/store';
import { ActionError, describeError } from '@/server/actions/errors';
import { chunkForSend, planMessages, type PlannedMessage, type TopicTarget } from './plan';
import { isBrokenProducer, producerHandle, type ProducerHandle } from './producer';
import { sendByPartition } from './send';
import { LoadRunner } from './load';

// Produce from the page: single and bulk sends (answering each message's partition and
// offset) and load-generator runs. Clicks and load runs use separate producers, so a running
// load never queues a click behind its batches.

export interface ProduceEvents {
  loads: [LoadRun[]];
}

// A click answers within this, whatever Kafka does.
const SEND_TIMEOUT_MS = 30_000;
const MAX_RUNNING_LOADS = 3;
// How long a send naming a partition waits for a just-added partition to appear in metadata.
const NEW_PARTITION_WAIT_MS = 3_000;
// Load progress reaches the page about once a second; more would be noise.
const LOAD_PUSH_MS = 1_000;

export class ProduceService extends EventEmitter<ProduceEvents> {
  private readonly clicks: ProducerHandle;
  private readonly loadProducer: ProducerHandle;
  private readonly runs = new Map<string, LoadRunner>();
  private roundRobin = 0;
  private pushTimer: NodeJS.Timeout | null = null;
  /** Topics each producer sent to, with when it first did. kafkajs asks for all of them in
   *  every metadata refresh; once one is deleted each refresh fails (UNKNOWN_TOPIC_OR_PARTITION)
   *  and every later send, to any topic, spins until it times out. Such a producer is replaced. */
  private readonly clickTopics = new Map<string, number>();
  private readonly loadTopics = new Map<string, number>();

  constructor(
    private readonly clients: KafkaClients,
    private readonly store: ClusterStore,
  ) {
    super();
    this.clicks = producerHandle(clients.producing);
    this.loadProducer = producerHandle(clients.producing);
  }

  /** The topic's partitions and size limit: from the poller's state, or asked directly for a
   *  topic created since the last round, or a partition added since then. */
  private async target(topic: string, partition: number | null = null): Promise<TopicTarget> {
    const known = this.store.snapshot().topics.find((t) => t.name === topic);
    const maxMessageBytes = known?.config?.maxMessageBytes ?? null;
    if (known && (partition === null || known.partitions.some((p) => p.partition === partition)))
      return {
        name: topic,
        partitions: known.partitions.map((p) => ({ partition: p.partition, leader: p.leader })),
        maxMessageBytes,
      };
    // A partition added a moment ago may not be in every broker's metadata yet: brokers apply
    // the controller's records on their own schedule (on 3.9 this can lag "add partitions" by
    // a few hundred ms). Re-ask for a short while before saying the partition does not exist.
    const deadline = Date.now() + NEW_PARTITION_WAIT_MS;
    for (;;) {
      const partitions = await this.askPartitions(topic);
      const settled = partition === null || partitions.some((p) => p.partition === partition);
      if (settled || Date.now() >= deadline) return { name: topic, partitions, maxMessageBytes };
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  private async askPartitions(topic: string): Promise<TopicTarget['partitions']> {
    const admin = await this.clients.admin();
    const meta = await admin.fetchTopicMetadata({ topics: [topic] }).catch((e: unknown) => {
      throw new ActionError(
        /UNKNOWN_TOPIC|does not host this topic/i.test(describeError(e))
          ? `no topic named "${topic}"`
          : `could not read topic "${topic}": ${describeError(e)}`,
      );
    });
    const found = meta.topics.find((t) => t.name === topic);
    if (!found || found.partitions.length === 0) throw new ActionError(`no topic named "${topic}"`);
    return found.partitions
      .map((p) => ({ partition: p.partitionId, leader: p.leader }))
      .sort((a, b) => a.partition - b.partition);
  }

  async send(req: ProduceRequest): Promise<ProduceResult> {
    const started = Date.now();
    const target = await this.target(req.topic, req.partition);
    const planned = planMessages(req, target, this.roundRobin);
    this.roundRobin += req.count;
    await this.dropIfTopicsGone();
    if (!this.clickTopics.has(req.topic)) this.clickTopics.set(req.topic, Date.now());
    const producer = await this.clicks.get();
    const placed: ProducedMessage[] = [];
    for (const chunk of chunkForSend(planned, target.maxMessageBytes)) {
      const answer = sendByPartition(
        producer,
        req.topic,
        chunk.map((m) => ({ key: m.key, value: m.value, partition: m.partition, headers: m.headers })),
      );
      const outcomes = await withTimeout(answer, SEND_TIMEOUT_MS).catch((e: unknown) => {
        throw new ActionError(sendFailure(e, target, placed.length));
      });
      const failed = [...outcomes.values()].find((o) => !o.ok);
      if (failed && !failed.ok) {
        if (isBrokenProducer(failed.error)) await this.clicks.close();
        const written = chunk.filter((m) => outcomes.get(m.partition)?.ok).length;
        throw new ActionError(sendFailure(failed.error, target, placed.length + written));
      }
      placed.push(
        ...placeOffsets(
          chunk,
          [...outcomes].map(([partition, o]) => ({ partition, baseOffset: o.ok ? String(o.baseOffset) : undefined })),
        ),
      );
    }
    // acks=all answers once the high watermark has passed the batch: the page can show the
    // new end now rather than at the next read.
    const ends = new Map<number, number>();
    for (const m of placed)
      if (m.offset >= 0) ends.set(m.partition, Math.max(ends.get(m.partition) ?? 0, m.offset + 1));
    this.store.raiseHighWatermarks(new Map([[req.topic, ends]]));
    return {
      topic: req.topic,
      count: placed.length,
      messages: placed.slice(0, PRODUCE_LISTED_CAP),
      spread: spreadOf(placed),
      durationMs: Date.now() - started,
    };
  }

  async startLoad(req: LoadStartRequest): Promise<LoadRun> {
    const running = [...this.runs.values()].filter((r) => r.state.status === 'running').length;
    if (running >= MAX_RUNNING_LOADS)
      throw new ActionError(
        `${running} load runs are going already; stop one first (at most ${MAX_RUNNING_LOADS} at once)`,
      );
    await this.dropIfTopicsGone();
    if (!this.loadTopics.has(req.topic)) this.loadTopics.set(req.topic, Date.now());
    const initial = await this.target(req.topic);
    const partitions = () =>
      this.store
        .snapshot()
        .topics.find((t) => t.name === req.topic)
        ?.partitions.map((p) => ({ partition: p.partition, leader: p.leader })) ?? initial.partitions;
    const run = new LoadRunner(req, this.loadProducer, partitions, (final) =>
      final ? this.push() : this.schedulePush(),
    );
    this.runs.set(run.state.id, run);
    this.trimRuns();
    run.start();
    this.push();
    return run.state;
  }

  async stopLoad(id: string): Promise<LoadRun> {
    const run = this.runs.get(id);
    if (!run) throw new ActionError(`no load run "${id}"`);
    if (run.state.status !== 'running') throw new ActionError(`load run ${id} has already ended (${run.state.status})`);
    await run.stop();
    this.push();
    return run.state;
  }

  loads(): LoadRun[] {
    return [...this.runs.values()].map((r) => r.state).sort((a, b) => b.startedAt - a.startedAt);
  }

  private trimRuns(): void {
    // Running runs always stay; ended ones fill the rest of the cap, newest first.
    const ended = this.loads().filter((r) => r.status !== 'running');
    const room = Math.max(0, LOAD_RUNS_CAP - (this.runs.size - ended.length));
    for (const r of ended.slice(room)) this.runs.delete(r.id);
  }

  private schedulePush(): void {
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => this.push(), LOAD_PUSH_MS);
  }

  private push(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = null;
    this.emit('loads', this.loads());
  }

  /** A topic was deleted (here, or seen gone by the poller): a producer that sent to it is
   *  replaced by a fresh one before its next send. The load producer only while no run uses it. */
  async topicDeleted(topic: string): Promise<void> {
    if (this.clickTopics.has(topic)) {
      this.clickTopics.clear();
      await this.clicks.close();
    }
    const running = [...this.runs.values()].some((r) => r.state.status === 'running');
    if (this.loadTopics.has(topic) && !running) {
      this.loadTopics.clear();
      await this.loadProducer.close();
    }
  }

  /** Topics deleted outside the dashboard: gone from a poll round that ended after the first
   *  send. The round's time, not `observedAt`: a produce ack raising an end moves that too, and
   *  says nothing about which topics exist. */
  private async dropIfTopicsGone(): Promise<void> {
    const snap = this.store.snapshot();
    const roundAt = snap.connection.lastSuccessAt;
    if (snap.connection.status !== 'connected' || roundAt === null) return;
    const names = new Set(snap.topics.map((t) => t.name));
    for (const [topic, since] of [...this.clickTopics, ...this.loadTopics])
      if (!names.has(topic) && roundAt > since) await this.topicDeleted(topic);
  }

  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].filter((r) => r.state.status === 'running').map((r) => r.stop()));
    if (this.pushTimer) clearTimeout(this.pushTimer);
    await Promise.all([this.clicks.close(), this.loadProducer.close()]);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ActionError(`Kafka did not acknowledge within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function sendFailure(e: unknown, target: TopicTarget, written: number): string {
  const text = describeError(e);
  const limit =
    target.maxMessageBytes === null
      ? ''
      : ` (topic "${target.name}" accepts at most ${target.maxMessageBytes.toLocaleString('en')} bytes per batch, max.message.bytes)`;
  const partial =
    written > 0 ? `; ${written} message(s) of this send were written (other partitions, or earlier chunks)` : '';
  return `${/TOO_LARGE/.test(text) ? text + limit : text}${partial}`;
}

/** A send makes one batch per partition: its messages there take consecutive offsets from the base. */
function placeOffsets(
  chunk: PlannedMessage[],
  metadata: { partition: number; baseOffset?: string }[],
): ProducedMessage[] {
  const next = new Map(metadata.map((m) => [m.partition, Number(m.baseOffset ?? -1)]));
  return chunk.map((m) => {
    const offset = next.get(m.partition) ?? -1;
    if (offset >= 0) next.set(m.partition, offset + 1);
    return { index: m.index, key: m.key, partition: m.partition, offset };
  });
}

function spreadOf(placed: ProducedMessage[]): ProduceResult['spread'] {
  const by = new Map<number, ProduceResult['spread'][number]>();
  for (const m of placed) {
    const s = by.get(m.partition);
    if (!s) by.set(m.partition, { partition: m.partition, count: 1, firstOffset: m.offset, lastOffset: m.offset });
    else {
      s.count++;
      s.firstOffset = Math.min(s.firstOffset, m.offset);
      s.lastOffset = Math.max(s.lastOffset, m.offset);
    }
  }
  return [...by.values()].sort((a, b) => a.partition - b.partition);
}
