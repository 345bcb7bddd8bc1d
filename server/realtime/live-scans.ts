import type { ScanEndEvent, ScanOutcome } from '@/lib/contract/browse';
import type { WatchOf } from '@/lib/contract/watch';
import { SearchRefused, type BrowseService } from '@/server/browse/service';
import type { Subscriber } from './subscriptions';

// `scan` watches: a search streamed to the one connection that asked. Never shared, even when
// two pages send an equal query (each reads at its own pace and holds its own slot), and at
// most one per connection: a new scan ends the one before. Its limiter owner is the
// connection, so SCANS_MAX_PER_OWNER counts per page. Once a scan is unwatched, replaced or
// its connection gone, it is stopped (its fetches aborted, its slot freed at once) and nothing
// more is sent for it.

type Scans = Pick<BrowseService, 'search'>;

interface Running {
  scanId: string;
  controller: AbortController;
}

const refusedOutcome = (error: string): ScanOutcome => ({
  scanned: 0,
  matches: 0,
  remaining: 0,
  elapsedMs: 0,
  partitions: [],
  stoppedBy: 'error',
  done: false,
  error,
});

export class LiveScans {
  private readonly bySubscriber = new Map<string, Running>();

  constructor(private readonly browse: Scans) {}

  /** Starts the scan, ending the subscriber's previous one. The same scanId while it runs is
   *  the same scan: nothing starts again. */
  watch(sub: Subscriber, watch: WatchOf<'scan'>): void {
    const before = this.bySubscriber.get(sub.id);
    if (before?.scanId === watch.scanId) return;
    this.stop(sub.id);
    const run: Running = { scanId: watch.scanId, controller: new AbortController() };
    this.bySubscriber.set(sub.id, run);
    const current = () => this.bySubscriber.get(sub.id) === run;
    const { scanId } = watch;
    const end = (outcome: ScanOutcome) => {
      if (!current()) return;
      this.bySubscriber.delete(sub.id);
      const event: ScanEndEvent = { scanId, ...outcome };
      sub.send('scan:end', event);
    };
    this.browse
      .search(
        watch.topic,
        watch.query,
        sub.id,
        {
          onProgress: (totals) => {
            if (current()) sub.send('scan:progress', { scanId, ...totals });
          },
          onMatches: (messages) => {
            if (current()) sub.send('scan:matches', { scanId, messages });
          },
        },
        run.controller.signal,
      )
      .then(end, (e: unknown) =>
        end(
          refusedOutcome(
            e instanceof SearchRefused ? e.message : `search failed: ${e instanceof Error ? e.message : String(e)}`,
          ),
        ),
      );
  }

  /** Ends the subscriber's scan if it is this one (an unwatch of an older scan changes nothing). */
  unwatch(sub: Subscriber, watch: WatchOf<'scan'>): void {
    if (this.bySubscriber.get(sub.id)?.scanId === watch.scanId) this.stop(sub.id);
  }

  /** Ends the scan of a subscriber that went away. */
  drop(sub: Subscriber): void {
    this.stop(sub.id);
  }

  /** Scans streaming now, for tests and diagnostics. */
  running(): number {
    return this.bySubscriber.size;
  }

  private stop(subscriberId: string): void {
    const run = this.bySubscriber.get(subscriberId);
    if (!run) return;
    this.bySubscriber.delete(subscriberId);
    run.controller.abort();
  }
}
