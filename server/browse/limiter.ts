import { SCANS_MAX_PER_OWNER, SCANS_MAX_TOTAL } from '@/lib/contract/browse';

// How many scans run at once. Each scan holds a few MiB and keeps a fetch in flight per
// partition it reads, on a 2-core box shared with the poller: a cap over all users keeps the
// dashboard live while people search, and a cap per owner (a socket, or an API client address)
// keeps one page or script from taking every slot. Beyond either, a refusal in words, at once:
// a queue would leave a page waiting on a search it cannot see.

export type ScanSlot = { ok: true; release: () => void } | { ok: false; error: string };

export interface ScanLimiter {
  acquire(owner: string): ScanSlot;
  running(): number;
}

export function createScanLimiter(maxTotal = SCANS_MAX_TOTAL, maxPerOwner = SCANS_MAX_PER_OWNER): ScanLimiter {
  const byOwner = new Map<string, number>();
  let total = 0;
  return {
    acquire(owner) {
      const mine = byOwner.get(owner) ?? 0;
      if (mine >= maxPerOwner) {
        return {
          ok: false,
          error:
            maxPerOwner === 1
              ? 'a search is already running here: cancel it or wait for it to end'
              : `${maxPerOwner} searches are already running here: cancel one or wait for one to end`,
        };
      }
      if (total >= maxTotal) {
        return {
          ok: false,
          error: `the server is running its limit of ${maxTotal} searches at once: try again shortly`,
        };
      }
      byOwner.set(owner, mine + 1);
      total++;
      let released = false;
      return {
        ok: true,
        // Idempotent: a scan that ends and whose page closes at the same moment frees one slot.
        release: () => {
          if (released) return;
          released = true;
          total--;
          const left = (byOwner.get(owner) ?? 1) - 1;
          if (left > 0) byOwner.set(owner, left);
          else byOwner.delete(owner);
        },
      };
    },
    running: () => total,
  };
}
