import crypto from 'node:crypto';
import type { LoadRun } from '@/lib/contract/actions';
import type { LoadStartRequest } from '@/lib/contract/action-schemas';
import { fillPattern, partitionForKey } from '@/lib/partitioner';
import { appendRange } from '@/lib/id-ranges';
import { describeError } from '@/server/actions/errors';
import { isBrokenProducer, type ProducerHandle } from './producer';
import { sendByPartition, type PartitionMessage } from './send';
import type { TopicTarget } from './plan';

// One load-generator run: sends `rate` messages per second for `durationSeconds`, keyed by a
// pattern. It paces by the clock (what is due by now, minus what was sent), so a slow send
// is caught up by a bigger next batch rather than lowering the rate silently; the achieved
// rate says how close it came. Each value carries the run id and the message number n, and the
// run keeps which numbers Kafka acknowledged and which failed, so a reader of the topic can
// check that nothing acknowledged went missing.

const TICK_MS = 50;
// Catching up after a stall sends at most half a second's worth at once.
const MAX_BATCH_SECONDS = 0.5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class LoadRunner {
  readonly state: LoadRun;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private roundRobin = 0;

  constructor(
    private readonly req: LoadStartRequest,
    private readonly producer: ProducerHandle,
    /** The topic's partitions now (a partition added during the run gets messages too). */
    private readonly partitions: () => TopicTarget['partitions'],
    /** `final`: the run ended, tell the page now. */
    private readonly changed: (final: boolean) => void,
  ) {
    this.state = {
      id: crypto.randomBytes(4).toString('hex'),
      topic: req.topic,
      rate: req.rate,
      durationSeconds: req.durationSeconds,
      keyPattern: req.keyPattern,
      keySpace: req.keySpace,
      status: 'running',
      startedAt: Date.now(),
      endedAt: null,
      sent: 0,
      acked: 0,
      failed: 0,
      achievedRate: 0,
      lastError: null,
      ackedIds: [],
      failedIds: [],
      longestStallMs: 0,
    };
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    const { rate, durationSeconds } = this.req;
    const started = this.state.startedAt;
    const total = rate * durationSeconds;
    const maxBatch = Math.max(1, Math.ceil(rate * MAX_BATCH_SECONDS));
    try {
      let producer = await this.producer.get();
      let lastAckAt = Date.now();
      // Until everything asked for is sent: the last batch may fall due just after the end.
      while (!this.stopping && this.state.sent < total) {
        const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate)) - this.state.sent;
        if (due <= 0) {
          await sleep(Math.min(TICK_MS, Math.max(1, 1000 / rate)));
          continue;
        }
        const first = this.state.sent;
        const batch = this.messages(Math.min(due, maxBatch));
        this.state.sent += batch.length;
        const outcomes = await sendByPartition(producer, this.req.topic, batch);
        const failures = [...outcomes.values()].filter((o) => !o.ok);
        if (failures.length === 0) {
          this.state.acked += batch.length;
          appendRange(this.state.ackedIds, first, batch.length);
        } else {
          batch.forEach((m, i) => {
            const ok = outcomes.get(m.partition)?.ok === true;
            if (ok) this.state.acked++;
            else this.state.failed++;
            appendRange(ok ? this.state.ackedIds : this.state.failedIds, first + i, 1);
          });
          const error = failures[0].error;
          this.state.lastError = describeError(error);
          // Those messages stay failed (part of them may be in the log); later ones go through
          // a fresh producer rather than failing for the rest of the run.
          if (failures.some((f) => isBrokenProducer(f.error))) {
            await this.producer.close();
            producer = await this.producer.get();
          }
        }
        if (failures.length < outcomes.size) {
          const now = Date.now();
          this.state.longestStallMs = Math.max(this.state.longestStallMs, now - lastAckAt);
          lastAckAt = now;
        }
        this.progress();
      }
      this.finish(this.stopping ? 'stopped' : 'done');
    } catch (e) {
      this.state.lastError = describeError(e);
      this.finish('failed');
    }
  }

  /** The next `count` messages, each with its partition: by the key's hash, as Kafka's
   *  partitioner does, or round-robin over partitions that have a leader. */
  private messages(count: number): PartitionMessage[] {
    const all = this.partitions();
    const led = all.filter((p) => p.leader >= 0).map((p) => p.partition);
    const spread = led.length > 0 ? led : all.map((p) => p.partition);
    const out: PartitionMessage[] = [];
    for (let i = 0; i < count; i++) {
      const n = this.state.sent + i;
      const key = this.req.keyPattern === null ? null : fillPattern(this.req.keyPattern, n % this.req.keySpace);
      const partition = key !== null ? partitionForKey(key, all.length) : spread[this.roundRobin++ % spread.length];
      out.push({ key, partition, value: JSON.stringify({ run: this.state.id, n, key, sentAt: Date.now() }) });
    }
    return out;
  }

  private progress(): void {
    const seconds = (Date.now() - this.state.startedAt) / 1000;
    this.state.achievedRate = seconds > 0 ? Math.round(this.state.acked / seconds) : 0;
    this.changed(false);
  }

  private finish(status: LoadRun['status']): void {
    this.state.endedAt = Date.now();
    this.state.status = status;
    // Over the time it actually ran: a stopped run is not judged on the time it never had.
    const seconds = Math.max(
      0.001,
      (Math.min(this.state.endedAt, this.state.startedAt + this.req.durationSeconds * 1000) - this.state.startedAt) /
        1000,
    );
    this.state.achievedRate = Math.round(this.state.acked / seconds);
    this.changed(true);
  }
}
