'use client';

import { useTranslations } from 'use-intl';
import type { GroupHealth, Verdict } from '@/lib/contract/lag';
import { Badge, type Tone } from '@/components/ui/badge';
import { useVerdictText } from './use-verdict-text';
import { useNow } from '@/components/ui/use-now';
import { agedReason, reasonGrows } from '@/lib/lag/aging';

const TONE: Record<Verdict, Tone> = {
  OK: 'good',
  UNKNOWN: 'neutral',
  NOT_COMMITTING: 'info',
  WARN: 'warn',
  NO_MEMBERS: 'neutral',
  STALL: 'bad',
  STOP: 'bad',
  REWIND: 'accent',
};

/** A verdict as a badge; its reason in words on hover (and beside it where there is room). */
export function VerdictBadge({ verdict, text, testId }: { verdict: Verdict; text?: string; testId?: string }) {
  const t = useTranslations('groups');
  return (
    <Badge tone={TONE[verdict]} testId={testId} title={text}>
      <span data-verdict={verdict}>{t(`verdict.${verdict}`)}</span>
    </Badge>
  );
}

/** A group's verdict, or a dash while it has none (share groups, not judged yet). A list row
 *  is resent only when more than the clock changed, so a reason's "for 40 s" is aged here from
 *  the row's `observedAt`. */
export function GroupVerdictBadge({
  health,
  observedAt,
  testId,
}: {
  health: GroupHealth | null;
  observedAt?: number;
  testId?: string;
}) {
  const t = useTranslations('groups');
  const words = useVerdictText();
  const grows = health !== null && observedAt !== undefined && reasonGrows(health.reason);
  const now = useNow(grows, 1000);
  if (!health)
    return (
      <span className="text-zinc-400" data-testid={testId} title={t('notJudged')}>
        —
      </span>
    );
  const shown = grows ? { ...health, reason: agedReason(health.reason, now - observedAt!) } : health;
  return <VerdictBadge verdict={health.verdict} text={words.group(shown)} testId={testId} />;
}
