'use client';

import { useTranslations } from 'use-intl';
import type { GroupLagAge, LagAge } from '@/lib/contract/lag';
import { useDuration } from '@/components/ui/use-duration';
import { useVerdictText } from './use-verdict-text';

// Lag in seconds beside the lag in messages: how old the oldest unread message is. "~" marks
// an estimate (a producer-set CreateTime); the reason is on hover.

type T = ReturnType<typeof useTranslations<'groups.lagAge'>>;

function lagAgeLabel(
  t: T,
  duration: (ms: number) => string,
  age: { seconds: number | null; estimate: boolean },
): string | null {
  if (age.seconds === null) return null;
  return t('old', { age: `${age.estimate ? '~' : ''}${duration(age.seconds * 1000)}` });
}

export function PartitionLagAge({ age, testId }: { age: LagAge; testId?: string }) {
  const t = useTranslations('groups.lagAge');
  const duration = useDuration();
  const words = useVerdictText();
  const label = lagAgeLabel(t, duration, age);
  if (!label || age.seconds === 0) return null;
  return (
    <div className="text-xs font-normal text-zinc-400" title={words.lagAge(age.reason)} data-testid={testId}>
      {label}
    </div>
  );
}

export function useGroupLagAgeText(age: GroupLagAge): string {
  const t = useTranslations('groups.lagAge');
  const duration = useDuration();
  if (age.seconds === null) return age.partial ? t('notRead') : '—';
  if (age.seconds === 0) return t('nothingUnread');
  const label = lagAgeLabel(t, duration, age) ?? '—';
  return age.partial ? t('atLeast', { label }) : label;
}
