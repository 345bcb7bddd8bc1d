import type { GroupSummary } from '@/lib/contract/groups';
import type { VerdictReason } from '@/lib/contract/lag';
import { same } from '@/lib/keyed-patch';

// Figures that grow with the clock alone: lag in seconds (now − the oldest unread message's
// time) and the verdict reasons' durations ("no commit for 40 s"). Sending a row each time one
// of them ticks would resend every lagging group every round (about 330 KiB/s to each page at
// 500 groups). So a group row is sent when something else changed, and carries `observedAt`,
// the server time those figures were computed at; the page ages them from there.

/** Reason fields that are "time since" something, so they grow by the time passed. */
const GROWING = ['silentMs', 'stuckMs', 'quietMs', 'historyMs', 'sinceMs'] as const;

/** The reason as it reads `dtMs` later, while nothing else changes. */
export function agedReason(r: VerdictReason, dtMs: number): VerdictReason {
  if (dtMs <= 0) return r;
  let out: VerdictReason = r;
  for (const field of GROWING) {
    const value = (r as Record<string, unknown>)[field];
    if (typeof value === 'number') out = { ...out, [field]: value + dtMs } as VerdictReason;
  }
  return out;
}

/** True when the reason has a duration that grows with the clock. */
export function reasonGrows(r: VerdictReason): boolean {
  return GROWING.some((field) => typeof (r as Record<string, unknown>)[field] === 'number');
}

/** The row as it reads at `now` (server time), while nothing but the clock changed. */
export function agedSummary(s: GroupSummary, now: number): GroupSummary {
  const dt = now - s.observedAt;
  if (dt <= 0) return s;
  return {
    ...s,
    observedAt: now,
    // 0 is "nothing unread" (or a producer clock ahead): it does not age.
    lagAge: s.lagAge.seconds ? { ...s.lagAge, seconds: s.lagAge.seconds + dt / 1000 } : s.lagAge,
    health: s.health && { ...s.health, reason: agedReason(s.health.reason, dt) },
  };
}

/** The same row apart from the clock: `sent`, aged to `next`'s time, says what `next` says,
 *  its growing figures within `toleranceMs` (verdicts and lag ages are computed moments apart). */
export function sameApartFromClock(sent: GroupSummary, next: GroupSummary, toleranceMs = 1000): boolean {
  const aged = agedSummary(sent, next.observedAt);
  if (!near(aged.lagAge.seconds, next.lagAge.seconds, toleranceMs / 1000)) return false;
  if (aged.health && next.health) {
    for (const field of GROWING) {
      const a = (aged.health.reason as Record<string, unknown>)[field];
      const b = (next.health.reason as Record<string, unknown>)[field];
      if (typeof a === 'number' && typeof b === 'number' && !near(a, b, toleranceMs)) return false;
    }
  }
  return same(timeless(aged), timeless(next));
}

const near = (a: number | null, b: number | null, tolerance: number) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tolerance;

/** The row without the clock's figures, for comparing what else changed. The English sentence
 *  goes too: it words the same durations (the page words the reason itself). */
function timeless(s: GroupSummary): unknown {
  const reason = s.health && ({ ...s.health.reason } as Record<string, unknown> | null);
  if (reason) for (const field of GROWING) if (typeof reason[field] === 'number') reason[field] = 0;
  return {
    ...s,
    observedAt: 0,
    lagAge: { ...s.lagAge, seconds: s.lagAge.seconds === null ? null : s.lagAge.seconds > 0 },
    health: s.health && { ...s.health, text: '', reason },
  };
}
