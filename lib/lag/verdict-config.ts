import { z } from 'zod';

// The windows and thresholds behind every verdict, in one object, stated so the page can say
// what a verdict means. Defaults and why:
// - windowMs 10 min: samples kept per partition, and the span the commit pattern is learned
//   over; at the default 1 s poll that is the same 600 points the lag chart keeps.
// - stopFactor 3 × the median commit interval, floor 10 s: a consumer that commits every 5 s
//   (the Java default auto.commit.interval.ms) reads STOP 15 s after its last commit; one that
//   commits per batch (kafkajs, sub-second) after 10 s. Burrow waited for the whole window
//   span (90 s and more on its defaults).
// - assumedCommitIntervalMs 5 s: until two commits are seen, assume the Java default.
// - trendMinMs 60 s and trendMinCommits 6: a lag trend needs a minute and six commits, so one
//   burst of produce does not read as a slow consumer; for slow committers the trend window
//   widens to six of their commit intervals (never past windowMs).
// - rewindHoldMs 60 s: a rewind is an event; it stays on show for a minute after it happened.
// - freshMs 30 s: the newest known lag older than this (leader unreadable) is UNKNOWN, not OK.

export const VerdictConfigSchema = z
  .strictObject({
    windowMs: z.number().int().min(10_000).max(3_600_000).default(600_000),
    stopFactor: z.number().min(1).max(100).default(3),
    stopFloorMs: z.number().int().min(1_000).max(3_600_000).default(10_000),
    assumedCommitIntervalMs: z.number().int().min(100).max(3_600_000).default(5_000),
    trendMinMs: z.number().int().min(5_000).max(3_600_000).default(60_000),
    trendMinCommits: z.number().int().min(3).max(1_000).default(6),
    rewindHoldMs: z.number().int().min(0).max(3_600_000).default(60_000),
    freshMs: z.number().int().min(1_000).max(3_600_000).default(30_000),
  })
  .refine((c) => c.trendMinMs <= c.windowMs, {
    path: ['trendMinMs'],
    message: 'must not exceed windowMs (the trend is judged inside the window)',
  });

export type VerdictConfig = z.infer<typeof VerdictConfigSchema>;

export const DEFAULT_VERDICT_CONFIG: VerdictConfig = VerdictConfigSchema.parse({});

export class VerdictConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`verdict settings: ${issues.join('; ')}`);
    this.name = 'VerdictConfigError';
  }
}

/** Validates settings (missing fields take their defaults); the error names each bad field. */
export function parseVerdictConfig(input: unknown): VerdictConfig {
  const parsed = VerdictConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new VerdictConfigError(
    parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(settings)'}: ${i.message}`),
  );
}

/** No commit for longer than this, with lag, is STOP. */
export function stopAfterMs(medianIntervalMs: number | null, config: VerdictConfig): number {
  const interval = medianIntervalMs ?? config.assumedCommitIntervalMs;
  return Math.max(config.stopFactor * interval, config.stopFloorMs);
}
