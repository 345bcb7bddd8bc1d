'use client';

import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { Select } from '@/components/ui/field';

/** The user topics, for choosing where to produce and what to tail. */
export function useUserTopics(): { name: string; partitions: number }[] {
  const topics = useLiveStore(selectTopics);
  return useMemo(
    () =>
      topics
        .filter((t) => !t.internal)
        .map((t) => ({ name: t.name, partitions: t.partitions.length }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [topics],
  );
}

export function TopicPicker({
  value,
  onChange,
  label,
  testId,
}: {
  value: string;
  onChange: (topic: string) => void;
  label?: string;
  testId?: string;
}) {
  const t = useTranslations('lab');
  const topics = useUserTopics();
  return (
    <Select
      aria-label={label ?? t('topic')}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {!topics.some((x) => x.name === value) && <option value={value}>{value || t('chooseTopic')}</option>}
      {topics.map((x) => (
        <option key={x.name} value={x.name}>
          {t('topicOption', { name: x.name, count: x.partitions })}
        </option>
      ))}
    </Select>
  );
}
