import type { GroupHealth, GroupHealthDetail, GroupVerdict } from '@/lib/contract/lag';
import type { VerdictConfig } from '@/lib/lag/verdict-config';
import { groupVerdictText, reasonText } from '@/lib/lag/verdict-text';

// A verdict as the contract carries it: the group list gets the group's verdict and its
// sentence, the group page each partition's too and the windows it was judged with.

export function groupHealth(v: GroupVerdict): GroupHealth {
  return { verdict: v.verdict, reason: v.reason, text: groupVerdictText(v), causes: v.causes };
}

export function groupHealthDetail(v: GroupVerdict, config: VerdictConfig): GroupHealthDetail {
  return {
    ...groupHealth(v),
    partitions: v.partitions.map((p) => ({ ...p, text: reasonText(p.reason) })),
    pattern: v.pattern,
    windows: {
      windowMs: config.windowMs,
      stopFactor: config.stopFactor,
      stopFloorMs: config.stopFloorMs,
      trendMinMs: config.trendMinMs,
      trendMinCommits: config.trendMinCommits,
      rewindHoldMs: config.rewindHoldMs,
    },
  };
}
