import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type { CatchUp, IdleReason, UnassignedReason } from '@/lib/group-derive';
import { useFormat } from '@/components/ui/format';
import { useDuration } from '@/components/ui/use-duration';

// The group page's derived sentences (lib/group-derive's codes) in the UI's language.

const UNASSIGNED_KEY = {
  noMembers: 'unassigned.noMembers',
  rebalancing: 'unassigned.rebalancing',
  notSubscribed: 'unassigned.notSubscribed',
  notAssigned: 'unassigned.notAssigned',
} as const satisfies Record<UnassignedReason, string>;

const CATCH_UP_KEY = {
  unknown: ['catchUp.unknownLabel', 'catchUp.unknownText'],
  caughtUp: ['catchUp.caughtUpLabel', 'catchUp.caughtUpText'],
  nobody: ['catchUp.nobodyLabel', 'catchUp.nobodyText'],
  nobodyNothingWaits: ['catchUp.nobodyLabel', 'catchUp.nobodyNothingWaitsText'],
  measuring: ['catchUp.measuringLabel', 'catchUp.measuringText'],
} as const;

export function useGroupWords() {
  const t = useTranslations('verdicts');
  const f = useFormat();
  const duration = useDuration();
  return useMemo(() => {
    const rate = (r: number) => f.count(r >= 100 ? Math.round(r) : Math.round(r * 10) / 10);
    return {
      idle(r: IdleReason): string {
        switch (r.code) {
          case 'rebalancing':
            return t('idle.rebalancing');
          case 'noPartitions':
            return t('idle.noPartitions');
          case 'moreMembers':
            return t('idle.moreMembers', { members: r.members, partitions: r.partitions, idle: r.idle });
          case 'assignorGaveNothing':
            return t('idle.assignorGaveNothing');
        }
      },
      unassigned: (r: UnassignedReason) => t(UNASSIGNED_KEY[r]),
      /** A few words for the tile, and why. */
      catchUp(c: CatchUp): { label: string; text: string } {
        if (c.kind === 'falling')
          return {
            label: t('catchUp.fallingLabel'),
            text: t('catchUp.fallingText', { produce: rate(c.produceRate), consume: rate(c.consumeRate) }),
          };
        if (c.kind === 'eta')
          return {
            label: t('catchUp.etaLabel', { duration: duration(c.seconds * 1000) }),
            text: t('catchUp.etaText', { net: rate(c.net) }),
          };
        const [label, text] = CATCH_UP_KEY[c.kind];
        return { label: t(label), text: t(text) };
      },
    };
  }, [t, f, duration]);
}
