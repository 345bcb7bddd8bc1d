import type { LagSample } from './verdict';

// A consumer and producer on one partition, sampled as the dashboard samples them: a log end
// read every `step` ms, paired with the newest commit made before that read.

export interface Scenario {
  /** First and last sample time (ms). */
  from: number;
  to: number;
  step?: number;
  logEnd: (t: number) => number;
  /** When the consumer commits; the same offset again counts as a re-commit. */
  commitTimes: number[];
  /** The offset the consumer commits at commit time `c`. */
  offsetAt: (c: number) => number;
  logStart?: number;
}

export function simulate(s: Scenario): LagSample[] {
  const samples: LagSample[] = [];
  let ci = -1;
  for (let t = s.from; t <= s.to; t += s.step ?? 1_000) {
    while (ci + 1 < s.commitTimes.length && s.commitTimes[ci + 1] <= t) ci++;
    samples.push({
      at: t,
      committed: ci >= 0 ? s.offsetAt(s.commitTimes[ci]) : null,
      committedAt: ci >= 0 ? s.commitTimes[ci] : null,
      logStart: s.logStart ?? 0,
      logEnd: s.logEnd(t),
    });
  }
  return samples;
}

/** Commit times every `every` ms from `from` up to and including `to`. */
export function every(every: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += every) out.push(t);
  return out;
}

/** Deterministic noise in [0, 1), so a failing test fails the same way every run. */
export function noise(seed: number): (t: number) => number {
  return (t: number) => {
    let x = (Math.floor(t) ^ seed) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
    return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
  };
}

/** 100 messages per second produced from t = 0. */
export const produced = (t: number) => Math.floor(t / 10);
