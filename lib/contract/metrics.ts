/** Messages per second produced into user topics, from the change in their high watermarks. */
export interface ThroughputPoint {
  /** Epoch ms of the observation. */
  at: number;
  rate: number;
}

/** Five minutes at the default one-second poll: enough to see a burst and its tail on a page
 *  opened after it, small enough to send whole to every new client. Older points drop, on the
 *  server and in the page alike, so a page left open all day never grows past it. */
export const THROUGHPUT_HISTORY_CAP = 300;
