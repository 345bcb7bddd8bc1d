import crypto from 'node:crypto';
import type { LoadRun } from '../../lib/contract/actions';
import type { LoadStartRequest } from '../../lib/contract/action-schemas';
import { fillPattern } from '../../lib/partitioner';
import { describeError } from '../actions/errors';
import type { ProducerHandle } from './producer';

// One load-generator run: sends `rate` messages per second for `durationSeconds`, keyed by a
// pattern. It paces by the clock (what is due by now, minus what was sent), so a slow send
// is caught up by a bigger next batch rather than lowering the rate silently; the achieved
// rate says how close it came.

const TICK_MS = 50;
// Catching up after a stall sends at most half a second's worth at once.
const MAX_BATCH_SECONDS = 0.5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class LoadRunner {
  readonly state: LoadRun;
  private stopping = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly req: LoadStartRequest,
    private readonly producer: ProducerHandle,
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
      const producer = await this.producer.get();
      // Until everything asked for is sent: the last batch may fall due just after the end.
      while (!this.stopping && this.state.sent < total) {
        const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate)) - this.state.sent;
        if (due <= 0) {
          await sleep(Math.min(TICK_MS, Math.max(1, 1000 / rate)));
          continue;
        }
        const batch = this.messages(Math.min(due, maxBatch));
        this.state.sent += batch.length;
        try {
          await producer.send({ topic: this.req.topic, acks: -1, messages: batch });
          this.state.acked += batch.length;
        } catch (e) {
          this.state.failed += batch.length;
          this.state.lastError = describeError(e);
        }
        this.progress();
      }
      this.finish(this.stopping ? 'stopped' : 'done');
    } catch (e) {
      this.state.lastError = describeError(e);
      this.finish('failed');
    }
  }

  private messages(count: number): { key: string | null; value: string }[] {
    const out: { key: string | null; value: string }[] = [];
    for (let i = 0; i < count; i++) {
      const n = this.state.sent + i;
      const key = this.req.keyPattern === null ? null : fillPattern(this.req.keyPattern, n % this.req.keySpace);
      out.push({ key, value: JSON.stringify({ n, key, sentAt: Date.now() }) });
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
    const seconds = Math.max(0.001, (Math.min(this.state.endedAt, this.state.startedAt + this.req.durationSeconds * 1000) - this.state.startedAt) / 1000);
    this.state.achievedRate = Math.round(this.state.acked / seconds);
    this.changed(true);
  }
}
