// Posts alerts as JSON to webhooks without ever holding up the caller: `post` only queues.
// One queue per destination, delivered in order (a resolved never overtakes its firing), one
// request in flight each, so a dead or hanging receiver delays only its own alerts. Each try
// has a timeout; 5xx, 408, 429 and network errors are retried with doubling backoff up to
// `maxAttempts`; a full queue drops its oldest alert (counted) rather than grow.

export interface WebhookOptions {
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  /** Alerts waiting per destination. */
  queueCap: number;
  /** Destinations at once; alerts to more are dropped (counted). */
  maxDestinations: number;
  log: (line: string) => void;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  timeoutMs: 5_000,
  maxAttempts: 4,
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  queueCap: 100,
  maxDestinations: 50,
  log: () => {},
};

export interface WebhookStats {
  sent: number;
  failed: number;
  dropped: number;
  retries: number;
  pending: number;
}

interface Destination {
  queue: { body: string; attempt: number }[];
  busy: boolean;
}

/** Webhook URLs often carry a token in the path or query: log the origin only. */
export const redact = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return '(bad url)';
  }
};

const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

export class WebhookPoster {
  private destinations = new Map<string, Destination>();
  private timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private closed = false;
  private readonly o: WebhookOptions;
  readonly stats: WebhookStats = { sent: 0, failed: 0, dropped: 0, retries: 0, pending: 0 };

  constructor(options: Partial<WebhookOptions> = {}) {
    this.o = { ...DEFAULT_WEBHOOK_OPTIONS, ...options };
  }

  /** Queues one JSON body for `url`; returns at once. False when it was dropped. */
  post(url: string, payload: unknown): boolean {
    if (this.closed) return false;
    let d = this.destinations.get(url);
    if (!d) {
      if (this.destinations.size >= this.o.maxDestinations) {
        this.stats.dropped++;
        return false;
      }
      d = { queue: [], busy: false };
      this.destinations.set(url, d);
    }
    d.queue.push({ body: JSON.stringify(payload), attempt: 0 });
    this.stats.pending++;
    if (d.queue.length > this.o.queueCap) {
      d.queue.splice(d.busy ? 1 : 0, 1);
      this.stats.pending--;
      this.stats.dropped++;
      this.o.log(`webhook ${redact(url)}: queue full, dropped the oldest alert`);
    }
    if (!d.busy) {
      // Start on a later turn: even the first fetch's set-up stays off the caller's time.
      d.busy = true;
      setImmediate(() => void this.drain(url, d));
    }
    return true;
  }

  /** Resolves when every queue is empty (tests, shutdown). */
  idle(): Promise<void> {
    if (this.stats.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async drain(url: string, d: Destination): Promise<void> {
    while (d.queue.length > 0 && !this.closed) {
      const item = d.queue[0];
      item.attempt++;
      const outcome = await this.attempt(url, item.body);
      if (outcome === 'retry' && item.attempt < this.o.maxAttempts) {
        this.stats.retries++;
        const wait = Math.min(this.o.backoffMs * 2 ** (item.attempt - 1), this.o.maxBackoffMs);
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            this.timers.delete(t);
            resolve();
          }, wait);
          t.unref();
          this.timers.add(t);
        });
        continue;
      }
      d.queue.shift();
      this.stats.pending--;
      if (outcome === 'ok') this.stats.sent++;
      else {
        this.stats.failed++;
        this.o.log(`webhook ${redact(url)}: gave up after ${item.attempt} attempt(s)`);
      }
    }
    d.busy = false;
    if (d.queue.length === 0) this.destinations.delete(url);
    if (this.stats.pending === 0) for (const w of this.waiters.splice(0)) w();
  }

  private async attempt(url: string, body: string): Promise<'ok' | 'retry' | 'fail'> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      await res.body?.cancel().catch(() => {});
      if (res.ok) return 'ok';
      this.o.log(`webhook ${redact(url)}: HTTP ${res.status}`);
      return retryable(res.status) ? 'retry' : 'fail';
    } catch (e) {
      this.o.log(
        `webhook ${redact(url)}: ${(e as Error).name === 'TimeoutError' ? 'timed out' : (e as Error).message}`,
      );
      return 'retry';
    }
  }
}
