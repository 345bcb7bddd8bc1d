import type { RecordTime } from '@/lib/lag/lag-seconds';

// Timestamps of the records at committed offsets, so lag in seconds costs one small fetch
// per commit that moved, not one per poll. A record never changes once written, but a topic
// deleted and created again reuses offsets: hence the TTL. The cap bounds memory: 20,000
// entries (about 2 MB) covers 500 busy groups × 40 partitions with room for the offsets
// they moved past; the least recently used entry goes first.

export const RECORD_TIME_CACHE_CAP = 20_000;
export const RECORD_TIME_TTL_MS = 10 * 60_000;

interface Entry {
  value: RecordTime;
  expiresAt: number;
}

export class RecordTimeCache {
  private entries = new Map<string, Entry>();
  evictions = 0;

  constructor(
    private readonly cap = RECORD_TIME_CACHE_CAP,
    private readonly ttlMs = RECORD_TIME_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private key = (topic: string, partition: number, offset: number) => `${topic}:${partition}:${offset}`;

  get(topic: string, partition: number, offset: number): RecordTime | null {
    const key = this.key(topic, partition, offset);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    // Map order is insertion order: re-inserting marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(topic: string, partition: number, offset: number, value: RecordTime): void {
    const key = this.key(topic, partition, offset);
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.cap) {
      this.entries.delete(this.entries.keys().next().value!);
      this.evictions++;
    }
  }

  /** Drops a topic's entries (deleted, or recreated with offsets from 0 again). */
  forgetTopic(topic: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${topic}:`)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
