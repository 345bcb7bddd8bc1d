import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ActionName } from '@/lib/contract/action-schemas';

// A limit on actions that put work on Kafka or the machine (produce, lab instances), per
// client address, over a one-minute window. The default (300 a minute) is far past a person
// clicking; the load generator is one action however many messages it sends. Stopping
// something is never limited.

const LIMITED = (name: ActionName) =>
  (name.startsWith('produce:') || name.startsWith('lab:')) &&
  !['produce:load-stop', 'lab:stop', 'lab:kill'].includes(name);

export interface ActionLimitRefusal {
  error: string;
  retryAfterSeconds: number;
}

export type ActionLimit = (name: ActionName, address: string) => Promise<ActionLimitRefusal | null>;

export function createActionLimit(perMinute: number): ActionLimit {
  if (perMinute === 0) return async () => null;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (name, address) => {
    if (!LIMITED(name)) return null;
    try {
      await limiter.consume(address);
      return null;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      return {
        error: `too many produce and lab actions from ${address}: at most ${perMinute} a minute (KAFKA_LIVE_ACTION_LIMIT); try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      };
    }
  };
}
