import type { TimestampType } from '@/lib/contract/browse';

// One record as the scan sees it, whatever transport fetched it: the filters and the decoder
// work on this, so they are tested without Kafka and the Fetch adapter converts once.

export interface ScanRecord {
  offset: number;
  timestamp: number;
  timestampType: TimestampType;
  key: Buffer | null;
  /** null: a tombstone. */
  value: Buffer | null;
  /** In record order; duplicate keys kept. */
  headers: [string, Buffer | null][];
  /** A transaction marker (commit or abort) written by the broker, not by a producer. */
  control: boolean;
}
