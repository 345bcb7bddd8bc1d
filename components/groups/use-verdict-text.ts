import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import type { GroupHealth, LagAgeReason, VerdictReason } from '@/lib/contract/lag';
import { useFormat } from '@/components/ui/format';
import { useDuration } from '@/components/ui/use-duration';

// Verdict reasons in the UI's language. The server judges and sends each reason as a code with
// its numbers; it keeps an English sentence (lib/lag/verdict-text.ts) for the API, the webhook and
// /metrics readers, and the page words the same code here.

export const LAG_AGE_KEY = {
  'caught-up': 'lagAge.caughtUp',
  'lag-unknown': 'lagAge.lagUnknown',
  'not-read-yet': 'lagAge.notReadYet',
  'log-append-time': 'lagAge.logAppendTime',
  'create-time': 'lagAge.createTime',
  'future-timestamp': 'lagAge.futureTimestamp',
} as const satisfies Record<LagAgeReason, string>;

export interface VerdictText {
  reason(r: VerdictReason): string;
  /** One line for a group: its verdict, where it holds, and the telling reason. */
  group(g: Pick<GroupHealth, 'verdict' | 'reason' | 'causes'>, partitions?: number): string;
  lagAge(reason: LagAgeReason): string;
}

export function useVerdictText(): VerdictText {
  const t = useTranslations('verdicts');
  const label = useTranslations('groups.verdict');
  const d = useDuration();
  const f = useFormat();
  return useMemo(() => {
    const pattern = (median: number | null) =>
      median === null ? t('reason.patternUnknown') : t('reason.patternEvery', { interval: d(median) });
    const reason = (r: VerdictReason): string => {
      switch (r.code) {
        case 'caught-up':
          return t('reason.caughtUp');
        case 'nothing-to-read':
          return t('reason.nothingToRead');
        case 'keeping-up':
          return t('reason.keepingUp', { lag: r.lag, over: d(r.overMs) });
        case 'judging':
          return t('reason.judging', { lag: r.lag, need: d(r.needMs), history: d(r.historyMs) });
        case 'within-pattern':
          return t('reason.withinPattern', { lag: r.lag, quiet: d(r.quietMs), limit: d(r.limitMs) });
        case 'lag-unknown':
          return r.sinceMs === null ? t('reason.lagUnknownNew') : t('reason.lagUnknownFor', { since: d(r.sinceMs) });
        case 'never-committed':
          return r.messages === null
            ? t('reason.neverCommitted')
            : t('reason.neverCommittedWith', { messages: r.messages });
        case 'lag-growing':
          return t('reason.lagGrowing', { from: r.from, to: r.to, over: d(r.overMs), consumed: r.consumed });
        case 'no-members':
          return r.partitionsWithLag === 0
            ? t('reason.noMembersIdle')
            : r.lag === null
              ? t('reason.noMembersUnknown', { partitions: r.partitionsWithLag })
              : t('reason.noMembersWaiting', { lag: r.lag, partitions: r.partitionsWithLag });
        case 'offset-stuck':
          return t('reason.offsetStuck', {
            offset: r.offset,
            commits: r.commits,
            stuck: d(r.stuckMs),
            lag: r.lag,
            limit: d(r.limitMs),
          });
        case 'owner-silent':
          return t('reason.ownerSilent', {
            silent: d(r.silentMs),
            lag: r.lag,
            pattern: pattern(r.medianIntervalMs),
            limit: d(r.limitMs),
          });
        case 'no-commits':
          return t('reason.noCommits', {
            silent: d(r.silentMs),
            lag: r.lag,
            pattern: pattern(r.medianIntervalMs),
            limit: d(r.limitMs),
          });
        case 'rewound':
          return t('reason.rewound', { from: r.from, to: r.to, at: f.time(r.at), count: r.from - r.to });
      }
    };
    return {
      reason,
      group(g, partitions) {
        const first = g.causes[0];
        if (g.verdict === 'NO_MEMBERS') return reason(g.reason);
        const name = label(g.verdict);
        if (!first) return t('groupNoWhere', { label: name, reason: reason(g.reason) });
        const where =
          g.causes.length === 1
            ? `${first.topic}/${first.partition}`
            : partitions === undefined
              ? t('whereCount', { n: g.causes.length })
              : t('whereMany', { n: g.causes.length, m: partitions });
        return t('group', { label: name, where, reason: reason(g.reason) });
      },
      lagAge: (r) => t(LAG_AGE_KEY[r]),
    };
  }, [t, label, d, f]);
}
