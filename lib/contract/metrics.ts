/** Messages per second produced into user topics, from the change in their high watermarks. */
export interface ThroughputPoint {
  /** Epoch ms of the observation. */
  at: number;
  rate: number;
}
