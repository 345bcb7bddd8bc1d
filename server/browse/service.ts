import type { ScanOutcome } from '@/lib/contract/browse';
import { ActionError, describeError } from '@/server/actions/errors';
import type { ClusterStore } from '@/server/cluster/store';
import type { KafkaClients } from '@/server/kafka/client';
import { OffsetSpec } from '@/server/kafka/protocol';
import { describeTopic } from '@/server/topics/metadata';
import { offsetsAt, readBounds } from './bounds';
import { createFetchBatch } from './kafka-fetch';
import { createScanLimiter, type ScanLimiter } from './limiter';
import { choosePartitions } from './plan';
import { QueryError } from './query-error';
import { runScan, type ScanOptions } from './scan';
import { compileQuery, scanOptions } from './search';

// Searches against the cluster, for the JSON API and the live scan watch alike: refusals
// first (a bad query, no such topic, too many searches), then bounds from the leaders, then
// the runner over the browse connection set. Every running scan is stopped on close().

/** A search refused before anything was read, with the HTTP status that says why. */
export class SearchRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 429 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'SearchRefused';
  }
}

export type ScanCallbacks = Pick<ScanOptions, 'onMatches' | 'onProgress'>;

export class BrowseService {
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly clients: KafkaClients,
    private readonly store: ClusterStore,
    readonly limiter: ScanLimiter = createScanLimiter(),
  ) {}

  /** Runs one search for `owner` (a socket id, or an API client's address) until it ends or
   *  `signal` fires. Throws SearchRefused when nothing could be read. */
  async search(
    topic: string,
    payload: unknown,
    owner: string,
    callbacks: ScanCallbacks,
    signal?: AbortSignal,
  ): Promise<ScanOutcome> {
    const compiled = refusing(400, () => compileQuery(payload));
    const slot = this.limiter.acquire(owner);
    if (!slot.ok) throw new SearchRefused(429, slot.error);
    const controller = new AbortController();
    // The slot is free as soon as the scan is cancelled, not when its fetch in flight settles:
    // a page that cancels and searches again is not refused by its own old scan.
    const cancel = () => {
      controller.abort();
      slot.release();
    };
    signal?.addEventListener('abort', cancel, { once: true });
    if (signal?.aborted) cancel();
    this.running.add(controller);
    try {
      const { query } = compiled;
      const deps = { clients: this.clients, store: this.store };
      const connections = this.clients.browseConnections;
      // The scanned partitions' leaders: all of the topic's at first, then the chosen ones.
      const leaders = new Map<number, number>();
      let first = true;
      const readLeaders = async () => {
        const layout = await describeTopic(deps, topic);
        for (const p of layout.partitions) if (first || leaders.has(p.partition)) leaders.set(p.partition, p.leader);
        first = false;
        return layout;
      };
      const layout = await readLeaders().catch((e: unknown) => {
        const words = describeError(e);
        throw new SearchRefused(e instanceof ActionError && words.startsWith('no topic') ? 404 : 503, words);
      });
      const chosen = refusing(400, () =>
        choosePartitions(
          topic,
          query.partitions,
          layout.partitions.map((p) => p.partition),
        ),
      );
      for (const p of [...leaders.keys()]) if (!chosen.includes(p)) leaders.delete(p);
      const bounds = await readBounds(connections, { topic, leaders }, query.from, query.readCommitted).catch(
        (e: unknown) => {
          throw new SearchRefused(503, describeError(e));
        },
      );
      const fetchBatch = createFetchBatch({
        connections,
        topic,
        readCommitted: query.readCommitted,
        leaderOf: (p) => leaders.get(p) ?? -1,
        refresh: async () => void (await readLeaders()),
        logStart: async (p) =>
          (
            await offsetsAt(connections, { topic, leaders: new Map([[p, leaders.get(p) ?? -1]]) }, OffsetSpec.EARLIEST)
          ).get(p) ?? 0,
      });
      return await runScan({ ...scanOptions(compiled, bounds, fetchBatch), signal: controller.signal, ...callbacks });
    } finally {
      signal?.removeEventListener('abort', cancel);
      this.running.delete(controller);
      slot.release();
    }
  }

  async close(): Promise<void> {
    for (const c of this.running) c.abort();
    await this.clients.browseConnections.disconnect().catch(() => undefined);
  }
}

function refusing<T>(status: 400, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof QueryError) throw new SearchRefused(status, e.message);
    throw e;
  }
}
